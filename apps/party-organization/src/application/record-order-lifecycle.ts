import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { type BranchOrderCommand, branchOrderDecider } from '../domain/branch-order';
import { BranchOrderRepository } from '../infrastructure/aggregates';

type DataOf<T extends BranchOrderCommand['type']> = Extract<BranchOrderCommand, { type: T }>['data'];
type Change =
  | ({ kind: 'opened' } & DataOf<'OpenBranchOrder'>)
  | ({ kind: 'dispatched' } & DataOf<'RecordDispatch'>)
  | ({ kind: 'rated' } & DataOf<'RecordRating'>);

/** Records on the branch order what the residents' committee did (from its published events). */
export class RecordOrderLifecycleCommand extends Command<void> {
  constructor(
    readonly change: Change,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordOrderLifecycleCommand)
export class RecordOrderLifecycleHandler implements ICommandHandler<RecordOrderLifecycleCommand> {
  constructor(private readonly orders: BranchOrderRepository) {}

  async execute({ change, context }: RecordOrderLifecycleCommand): Promise<void> {
    const command = toCommand(change);
    await this.orders.handle(change.orderId, (state) => branchOrderDecider.decide(command, state), context);
  }
}

function toCommand(change: Change): BranchOrderCommand {
  switch (change.kind) {
    case 'opened': {
      const { kind: _, ...data } = change;
      return { type: 'OpenBranchOrder', data };
    }
    case 'dispatched': {
      const { kind: _, ...data } = change;
      return { type: 'RecordDispatch', data };
    }
    case 'rated': {
      const { kind: _, ...data } = change;
      return { type: 'RecordRating', data };
    }
  }
}

import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import {
  branchOrderDecider,
  type OpenBranchOrder,
  type RecordDispatch,
  type RecordRating,
} from '../domain/branch-order';
import { branchOrderAggregate, type BranchOrderRepository } from '../infrastructure/aggregates';

/**
 * Records on the branch order what the residents' committee did (from its published events).
 * Redeliveries append nothing: the event ids derive from the integration event's (ADR 10).
 */
export class RecordOrderLifecycleCommand extends Command<void> {
  constructor(
    readonly change: OpenBranchOrder | RecordDispatch | RecordRating,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordOrderLifecycleCommand)
export class RecordOrderLifecycleHandler implements ICommandHandler<RecordOrderLifecycleCommand> {
  constructor(@InjectRepository(branchOrderAggregate) private readonly orders: BranchOrderRepository) {}

  async execute({ change, context }: RecordOrderLifecycleCommand): Promise<void> {
    await this.orders.handle(
      change.data.orderId,
      (state) => branchOrderDecider.decide(change, state),
      context,
    );
  }
}

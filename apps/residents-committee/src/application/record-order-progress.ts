import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { type OrderCommand, orderDecider } from '../domain/order';
import { OrderRepository } from '../infrastructure/aggregates';

type Progress =
  | ({ kind: 'review' } & Extract<OrderCommand, { type: 'RecordBranchReview' }>['data'])
  | ({ kind: 'taken' } & Extract<OrderCommand, { type: 'RecordOrderTaken' }>['data'])
  | ({ kind: 'completed' } & Extract<OrderCommand, { type: 'RecordOrderCompletion' }>['data']);

/** Records on the order what the Party organization decided (from its published events). */
export class RecordOrderProgressCommand extends Command<void> {
  constructor(
    readonly progress: Progress,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordOrderProgressCommand)
export class RecordOrderProgressHandler implements ICommandHandler<RecordOrderProgressCommand> {
  constructor(private readonly orders: OrderRepository) {}

  async execute({ progress, context }: RecordOrderProgressCommand): Promise<void> {
    const command = toCommand(progress);
    await this.orders.handle(progress.orderId, (state) => orderDecider.decide(command, state), context);
  }
}

function toCommand(progress: Progress): OrderCommand {
  switch (progress.kind) {
    case 'review': {
      const { kind: _, ...data } = progress;
      return { type: 'RecordBranchReview', data };
    }
    case 'taken': {
      const { kind: _, ...data } = progress;
      return { type: 'RecordOrderTaken', data };
    }
    case 'completed': {
      const { kind: _, ...data } = progress;
      return { type: 'RecordOrderCompletion', data };
    }
  }
}

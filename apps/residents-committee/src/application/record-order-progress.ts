import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { orderDecider, type RecordBranchReview, type RecordOrderWork } from '../domain/order';
import { type OrderRepository, orderAggregate } from '../infrastructure/aggregates';

/**
 * Records on the order what another context decided about it: the branch's review, and the work
 * of whoever it was dispatched to. Redeliveries append nothing (the event ids derive from the
 * integration event's, ADR 10).
 */
export class RecordOrderProgressCommand extends Command<void> {
  constructor(
    readonly progress: RecordBranchReview | RecordOrderWork,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordOrderProgressCommand)
export class RecordOrderProgressHandler implements ICommandHandler<RecordOrderProgressCommand> {
  constructor(@InjectRepository(orderAggregate) private readonly orders: OrderRepository) {}

  async execute({ progress, context }: RecordOrderProgressCommand): Promise<void> {
    await this.orders.handle(progress.data.orderId, (state) => orderDecider.decide(progress, state), context);
  }
}

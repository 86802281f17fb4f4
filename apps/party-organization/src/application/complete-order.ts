import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { branchOrderDecider } from '../domain/branch-order';
import { type BranchOrderRepository, branchOrderAggregate } from '../infrastructure/aggregates';

export class CompleteOrderCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { orderId: string; memberId: string; resultNote: string; evidence: string[] },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CompleteOrderCommand)
export class CompleteOrderHandler implements ICommandHandler<CompleteOrderCommand> {
  constructor(@InjectRepository(branchOrderAggregate) private readonly orders: BranchOrderRepository) {}

  async execute({ input, context }: CompleteOrderCommand) {
    await this.orders.handle(
      input.orderId,
      (order) =>
        branchOrderDecider.decide(
          { type: 'CompleteOrder', data: { ...input, now: context.now.toISOString() } },
          order,
        ),
      context,
    );
    return { id: input.orderId };
  }
}

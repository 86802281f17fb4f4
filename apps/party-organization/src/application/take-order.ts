import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { branchOrderDecider, type TakingMember } from '../domain/branch-order';
import {
  type BranchOrderRepository,
  type MemberRepository,
  branchOrderAggregate,
  memberAggregate,
} from '../infrastructure/aggregates';

export class TakeOrderCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { orderId: string; memberId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * 党员接单. Two members racing for a pooled order both load it at the same revision; the first
 * append wins, the second reloads, sees it taken, and is refused with 409.
 */
@CommandHandler(TakeOrderCommand)
export class TakeOrderHandler implements ICommandHandler<TakeOrderCommand> {
  constructor(
    @InjectRepository(branchOrderAggregate) private readonly orders: BranchOrderRepository,
    @InjectRepository(memberAggregate) private readonly members: MemberRepository,
  ) {}

  async execute({ input, context }: TakeOrderCommand) {
    const state = (await this.members.load(input.memberId)).state;
    const member: TakingMember =
      state.status === 'absent'
        ? { exists: false, memberId: input.memberId }
        : { exists: true, memberId: input.memberId, branchId: state.branchId };
    await this.orders.handle(
      input.orderId,
      (order) =>
        branchOrderDecider.decide(
          { type: 'TakeOrder', data: { orderId: input.orderId, member, now: context.now.toISOString() } },
          order,
        ),
      context,
    );
    return { id: input.orderId };
  }
}

import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { branchOrderDecider } from '../domain/branch-order';
import {
  type BranchOrderRepository,
  type MemberRepository,
  branchOrderAggregate,
  memberAggregate,
} from '../infrastructure/aggregates';
import { isRegisteredMember } from './work-on-order';

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
  constructor(
    @InjectRepository(branchOrderAggregate) private readonly orders: BranchOrderRepository,
    @InjectRepository(memberAggregate) private readonly members: MemberRepository,
  ) {}

  async execute({ input, context }: CompleteOrderCommand) {
    const memberExists = await isRegisteredMember(this.members, input.memberId);
    await this.orders.handle(
      input.orderId,
      (order) =>
        branchOrderDecider.decide(
          { type: 'CompleteOrder', data: { ...input, memberExists, now: context.now.toISOString() } },
          order,
        ),
      context,
    );
    return { id: input.orderId };
  }
}

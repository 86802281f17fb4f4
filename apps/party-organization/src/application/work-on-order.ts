import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { branchOrderDecider } from '../domain/branch-order';
import {
  branchOrderAggregate,
  type BranchOrderRepository,
  memberAggregate,
  type MemberRepository,
} from '../infrastructure/aggregates';

/** 到场: the member who took the order records that they are on site. */
export class RecordArrivalCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { orderId: string; memberId: string; note: string | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 退回: the member gives the order back to the community, with a reason. */
export class HandBackOrderCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { orderId: string; memberId: string; reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordArrivalCommand)
export class RecordArrivalHandler implements ICommandHandler<RecordArrivalCommand> {
  constructor(
    @InjectRepository(branchOrderAggregate) private readonly orders: BranchOrderRepository,
    @InjectRepository(memberAggregate) private readonly members: MemberRepository,
  ) {}

  async execute({ input, context }: RecordArrivalCommand) {
    const memberExists = await isRegisteredMember(this.members, input.memberId);
    await this.orders.handle(
      input.orderId,
      (order) =>
        branchOrderDecider.decide(
          { type: 'RecordArrival', data: { ...input, memberExists, now: context.now.toISOString() } },
          order,
        ),
      context,
    );
    return { id: input.orderId };
  }
}

@CommandHandler(HandBackOrderCommand)
export class HandBackOrderHandler implements ICommandHandler<HandBackOrderCommand> {
  constructor(
    @InjectRepository(branchOrderAggregate) private readonly orders: BranchOrderRepository,
    @InjectRepository(memberAggregate) private readonly members: MemberRepository,
  ) {}

  async execute({ input, context }: HandBackOrderCommand) {
    const memberExists = await isRegisteredMember(this.members, input.memberId);
    await this.orders.handle(
      input.orderId,
      (order) =>
        branchOrderDecider.decide(
          { type: 'HandBackOrder', data: { ...input, memberExists, now: context.now.toISOString() } },
          order,
        ),
      context,
    );
    return { id: input.orderId };
  }
}

/** Whether the member a step names is registered at all: the decider answers 404 for one who is not. */
export async function isRegisteredMember(members: MemberRepository, memberId: string): Promise<boolean> {
  return (await members.load(memberId)).state.status !== 'absent';
}

import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { branchOrderDecider, type ReviewOrder } from '../domain/branch-order';
import {
  type BranchOrderRepository,
  type MemberRepository,
  type OrganizationRepository,
  branchOrderAggregate,
  memberAggregate,
  organizationAggregate,
} from '../infrastructure/aggregates';

type ReviewInput = Omit<ReviewOrder['data'], 'reviewer' | 'duplicateOf' | 'now'> & {
  reviewerId: string;
  duplicateOfOrderId: string | null;
};

export class ReviewOrderCommand extends Command<{ id: string }> {
  constructor(
    readonly input: ReviewInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 支部审单: loads the reviewer's branch and what it covers, then lets the branch order decide. */
@CommandHandler(ReviewOrderCommand)
export class ReviewOrderHandler implements ICommandHandler<ReviewOrderCommand> {
  constructor(
    @InjectRepository(branchOrderAggregate) private readonly orders: BranchOrderRepository,
    @InjectRepository(memberAggregate) private readonly members: MemberRepository,
    @InjectRepository(organizationAggregate) private readonly organizations: OrganizationRepository,
  ) {}

  async execute({ input, context }: ReviewOrderCommand) {
    const { reviewerId, duplicateOfOrderId, ...rest } = input;
    const member = (await this.members.load(reviewerId)).state;
    const branchId = member.status === 'absent' ? null : member.branchId;
    const branch = branchId ? (await this.organizations.load(branchId)).state : null;
    const reviewer: ReviewOrder['data']['reviewer'] =
      member.status === 'absent'
        ? { exists: false, memberId: reviewerId }
        : {
            exists: true,
            memberId: reviewerId,
            branchId,
            branchCompoundIds: branch && branch.status !== 'absent' ? branch.compoundIds : [],
          };
    let duplicateOf: ReviewOrder['data']['duplicateOf'] = null;
    if (duplicateOfOrderId) {
      const { state: duplicate } = await this.orders.load(duplicateOfOrderId);
      duplicateOf =
        duplicate.status === 'absent'
          ? { orderId: duplicateOfOrderId, exists: false }
          : { orderId: duplicateOfOrderId, exists: true, communityId: duplicate.communityId };
    }
    await this.orders.handle(
      input.orderId,
      (state) =>
        branchOrderDecider.decide(
          { type: 'ReviewOrder', data: { ...rest, reviewer, duplicateOf, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: input.orderId };
  }
}

import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { isWorker } from '../domain/community';
import { type AssigneeKind, communityOfOrder, orderDecider } from '../domain/order';
import {
  type CommunityRepository,
  type OrderRepository,
  communityAggregate,
  orderAggregate,
} from '../infrastructure/aggregates';
import { PartyDirectoryEntry } from '../infrastructure/directory/party-directory.entity';

export class DispatchOrderCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { orderId: string; dispatcherId: string; assigneeKind: AssigneeKind; assigneeId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 社区派单 */
@CommandHandler(DispatchOrderCommand)
export class DispatchOrderHandler implements ICommandHandler<DispatchOrderCommand> {
  constructor(
    @InjectRepository(orderAggregate) private readonly orders: OrderRepository,
    @InjectRepository(communityAggregate) private readonly communities: CommunityRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ input, context }: DispatchOrderCommand) {
    // What the decision needs besides the order: whether the dispatcher works for the order's
    // community, and whether the Party organization has published the assignee.
    const communityId = communityOfOrder((await this.orders.load(input.orderId)).state);
    const community = communityId ? (await this.communities.load(communityId)).state : null;
    const dispatcherIsWorkerOfCommunity = community !== null && isWorker(community, input.dispatcherId);
    const assigneeKnown = await this.isKnownAssignee(input.assigneeKind, input.assigneeId);
    await this.orders.handle(
      input.orderId,
      (state) =>
        orderDecider.decide(
          {
            type: 'DispatchOrder',
            data: { ...input, dispatcherIsWorkerOfCommunity, assigneeKnown, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
    return { id: input.orderId };
  }

  private async isKnownAssignee(kind: AssigneeKind, id: string): Promise<boolean> {
    if (kind !== 'member' && kind !== 'branch-pool') return true;
    const entry = await this.db.readSource.getRepository(PartyDirectoryEntry).findOneBy({ id });
    return kind === 'member' ? entry?.kind === 'member' : entry?.kind === 'branch';
  }
}

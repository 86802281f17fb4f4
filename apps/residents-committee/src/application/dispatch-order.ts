import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { isWorker } from '../domain/community';
import { type AssigneeKind, communityOfOrder, orderDecider, type PartyAssignee } from '../domain/order';
import {
  type CommunityRepository,
  type OrderRepository,
  type VolunteerTeamRepository,
  communityAggregate,
  orderAggregate,
  volunteerTeamAggregate,
} from '../infrastructure/aggregates';
import { CompanyDirectoryEntry } from '../infrastructure/directory/company-directory.entity';
import { LeaderDirectoryEntry } from '../infrastructure/directory/leader-directory.entity';
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
    @InjectRepository(volunteerTeamAggregate) private readonly teams: VolunteerTeamRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ input, context }: DispatchOrderCommand) {
    // What the decision needs besides the order: whether the dispatcher works for the order's
    // community, and what the Party organization has published of the assignee (its kind and
    // community: the decider checks both against the order).
    const communityId = communityOfOrder((await this.orders.load(input.orderId)).state);
    const community = communityId ? (await this.communities.load(communityId)).state : null;
    const dispatcherIsWorkerOfCommunity = community !== null && isWorker(community, input.dispatcherId);
    const partyAssignee = await this.partyAssignee(input.assigneeKind, input.assigneeId);
    const companyKnown =
      input.assigneeKind === 'property-company'
        ? (await this.db.readSource.getRepository(CompanyDirectoryEntry).countBy({ id: input.assigneeId })) >
          0
        : undefined;
    const approvedLeader = await this.approvedLeader(input.assigneeKind, input.assigneeId);
    const volunteerTeam = await this.volunteerTeam(input.assigneeKind, input.assigneeId);
    await this.orders.handle(
      input.orderId,
      (state) =>
        orderDecider.decide(
          {
            type: 'DispatchOrder',
            data: {
              ...input,
              dispatcherIsWorkerOfCommunity,
              partyAssignee,
              companyKnown,
              approvedLeader,
              volunteerTeam,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: input.orderId };
  }

  private async approvedLeader(kind: AssigneeKind, id: string) {
    if (kind !== 'building-leader') return undefined;
    const entry = await this.db.readSource.getRepository(LeaderDirectoryEntry).findOneBy({ id });
    return entry ? { known: true as const, communityId: entry.communityId } : { known: false as const };
  }

  private async volunteerTeam(kind: AssigneeKind, id: string) {
    if (kind !== 'volunteer-team') return undefined;
    const { state } = await this.teams.load(id);
    return state.status === 'absent'
      ? { exists: false as const }
      : { exists: true as const, communityId: state.communityId };
  }

  private async partyAssignee(kind: AssigneeKind, id: string): Promise<PartyAssignee | null> {
    if (kind !== 'member' && kind !== 'branch-pool') return null;
    const entry = await this.db.readSource.getRepository(PartyDirectoryEntry).findOneBy({ id });
    return entry ? { known: true, kind: entry.kind, communityId: entry.communityId } : { known: false };
  }
}

import { Inject } from '@nestjs/common';
import {
  Command,
  CommandHandler,
  type ICommandHandler,
  type IQueryHandler,
  Query,
  QueryHandler,
} from '@nestjs/cqrs';
import { And, type FindOptionsWhere, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { InjectRepository } from '@cogov/context-kit';
import { InvalidInput, NotFound } from '@cogov/decider';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import type { VisibleScope } from '@cogov/security';
import { isWorker } from '../domain/community';
import {
  type TeamSummary,
  type VolunteerActivityKind,
  volunteerActivityDecider,
} from '../domain/volunteer-activity';
import {
  type CommunityRepository,
  type VolunteerActivityRepository,
  type VolunteerTeamRepository,
  communityAggregate,
  volunteerActivityAggregate,
  volunteerTeamAggregate,
} from '../infrastructure/aggregates';
import { VolunteerActivityView } from '../infrastructure/volunteers/volunteer-activity-view.entity';
import { VolunteerLookups, listedCommunities } from './volunteer-teams';

export class RecordVolunteerActivityCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      communityId: string;
      teamId: string;
      kind: VolunteerActivityKind;
      title: string;
      date: string;
      hours: number;
      participantIds: readonly string[];
      recordedBy: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 志愿活动: community staff record what a team did; it counts once confirmed. */
@CommandHandler(RecordVolunteerActivityCommand)
export class RecordVolunteerActivityHandler implements ICommandHandler<RecordVolunteerActivityCommand> {
  constructor(
    @InjectRepository(volunteerActivityAggregate) private readonly activities: VolunteerActivityRepository,
    @InjectRepository(volunteerTeamAggregate) private readonly teams: VolunteerTeamRepository,
    private readonly lookups: VolunteerLookups,
  ) {}

  async execute({ input, context }: RecordVolunteerActivityCommand) {
    const activityId = newId(context, 'volunteer-activity');
    const { summary: community, state: communityState } = await this.lookups.community(input.communityId);
    const teamState = (await this.teams.load(input.teamId)).state;
    const team: TeamSummary =
      teamState.status === 'absent'
        ? { teamId: input.teamId, exists: false }
        : { teamId: input.teamId, exists: true, communityId: teamState.communityId };
    const participants = await Promise.all(
      [...new Set(input.participantIds)].map((id) => this.lookups.person(id, communityState)),
    );
    // Duplicates are looked up once but kept, so the decider names them.
    const byId = new Map(participants.map((p) => [p.personId, p]));
    await this.activities.handle(
      activityId,
      (state) =>
        volunteerActivityDecider.decide(
          {
            type: 'RecordVolunteerActivity',
            data: {
              activityId,
              community,
              team,
              kind: input.kind,
              title: input.title,
              date: input.date,
              hours: input.hours,
              participants: input.participantIds.map((id) => byId.get(id) ?? { personId: id, known: false }),
              recordedBy: input.recordedBy,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: activityId };
  }
}

export class ConfirmVolunteerActivityCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { activityId: string; confirmedBy: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Community staff confirm the activity as recorded, once: the fact the points come from. */
@CommandHandler(ConfirmVolunteerActivityCommand)
export class ConfirmVolunteerActivityHandler implements ICommandHandler<ConfirmVolunteerActivityCommand> {
  constructor(
    @InjectRepository(volunteerActivityAggregate) private readonly activities: VolunteerActivityRepository,
    @InjectRepository(communityAggregate) private readonly communities: CommunityRepository,
  ) {}

  async execute({ input, context }: ConfirmVolunteerActivityCommand) {
    const activity = (await this.activities.load(input.activityId)).state;
    if (activity.status === 'absent') throw new NotFound('volunteer activity', input.activityId);
    const community = (await this.communities.load(activity.communityId)).state;
    await this.activities.handle(
      input.activityId,
      (state) =>
        volunteerActivityDecider.decide(
          {
            type: 'ConfirmVolunteerActivity',
            data: {
              activityId: input.activityId,
              confirmedBy: input.confirmedBy,
              confirmerIsWorkerOfCommunity: isWorker(community, input.confirmedBy),
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: input.activityId };
  }
}

export interface VolunteerActivityBody {
  readonly id: string;
  readonly communityId: string;
  readonly streetId: string | null;
  readonly teamId: string;
  readonly kind: string;
  readonly title: string;
  readonly date: string;
  readonly hours: number;
  readonly participantIds: readonly string[];
  readonly status: 'recorded' | 'confirmed';
  readonly recordedAt: string;
  readonly confirmedBy: string | null;
  readonly confirmedAt: string | null;
}

export class GetVolunteerActivityQuery extends Query<VolunteerActivityBody> {
  constructor(readonly activityId: string) {
    super();
  }
}

@QueryHandler(GetVolunteerActivityQuery)
export class GetVolunteerActivityHandler implements IQueryHandler<GetVolunteerActivityQuery> {
  constructor(
    @InjectRepository(volunteerActivityAggregate) private readonly activities: VolunteerActivityRepository,
  ) {}

  async execute({ activityId }: GetVolunteerActivityQuery): Promise<VolunteerActivityBody> {
    const { state } = await this.activities.load(activityId);
    if (state.status === 'absent') throw new NotFound('volunteer activity', activityId);
    return {
      id: state.activityId,
      communityId: state.communityId,
      streetId: state.streetId,
      teamId: state.teamId,
      kind: state.kind,
      title: state.title,
      date: state.date,
      hours: state.hours,
      participantIds: [...state.participantIds],
      status: state.status,
      recordedAt: state.recordedAt,
      confirmedBy: state.confirmedBy,
      confirmedAt: state.confirmedAt,
    };
  }
}

export class ListVolunteerActivitiesQuery extends Query<{ items: VolunteerActivityBody[] }> {
  constructor(
    readonly filter: {
      communityId?: string;
      teamId?: string;
      /** `YYYY-MM-DD`, inclusive. */
      from?: string;
      to?: string;
      within: VisibleScope;
    },
  ) {
    super();
  }
}

/** The activities of the caller's communities, by day (newest first), then by id. */
@QueryHandler(ListVolunteerActivitiesQuery)
export class ListVolunteerActivitiesHandler implements IQueryHandler<ListVolunteerActivitiesQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: ListVolunteerActivitiesQuery): Promise<{ items: VolunteerActivityBody[] }> {
    const { from, to, teamId } = filter;
    if (from !== undefined && to !== undefined && from > to) {
      throw new InvalidInput(`from (${from}) is after to (${to})`, { from, to });
    }
    const communities = listedCommunities(filter.communityId, filter.within);
    if (communities !== null && communities.length === 0) return { items: [] };
    const where: FindOptionsWhere<VolunteerActivityView> = {
      ...(communities === null ? {} : { communityId: In(communities) }),
      ...(teamId === undefined ? {} : { teamId }),
    };
    if (from !== undefined && to !== undefined) where.date = And(MoreThanOrEqual(from), LessThanOrEqual(to));
    else if (from !== undefined) where.date = MoreThanOrEqual(from);
    else if (to !== undefined) where.date = LessThanOrEqual(to);
    const rows = await this.db.readSource.getRepository(VolunteerActivityView).find({
      where,
      order: { date: 'DESC', activityId: 'ASC' },
      take: 500,
    });
    return {
      items: rows.map((row) => ({
        id: row.activityId,
        communityId: row.communityId,
        streetId: row.streetId,
        teamId: row.teamId,
        kind: row.kind,
        title: row.title,
        date: row.date,
        hours: row.hours,
        participantIds: [...row.participantIds],
        status: row.confirmedAt === null ? 'recorded' : 'confirmed',
        recordedAt: row.recordedAt,
        confirmedBy: row.confirmedBy,
        confirmedAt: row.confirmedAt,
      })),
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  Command,
  CommandHandler,
  type ICommandHandler,
  type IQueryHandler,
  Query,
  QueryHandler,
} from '@nestjs/cqrs';
import { In } from 'typeorm';
import { InjectRepository } from '@cogov/context-kit';
import { NotFound } from '@cogov/decider';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import type { VisibleScope } from '@cogov/security';
import { type CommunityState, isWorker } from '../domain/community';
import { type GroupWork, recordGroupWork } from './department-work';
import {
  type CommunitySummary,
  type PersonSummary,
  type VolunteerTeamKind,
  isTeamMember,
  volunteerTeamDecider,
} from '../domain/volunteer-team';
import {
  type CommunityRepository,
  type OrderRepository,
  type ResidentRepository,
  type VolunteerTeamRepository,
  communityAggregate,
  orderAggregate,
  residentAggregate,
  volunteerTeamAggregate,
} from '../infrastructure/aggregates';
import { PartyDirectoryEntry } from '../infrastructure/directory/party-directory.entity';
import { VolunteerTeamView } from '../infrastructure/volunteers/volunteer-team-view.entity';

/**
 * What the volunteer deciders need of the people and communities they name, loaded from the
 * committee's own streams and directory.
 */
@Injectable()
export class VolunteerLookups {
  constructor(
    @InjectRepository(communityAggregate) private readonly communities: CommunityRepository,
    @InjectRepository(residentAggregate) private readonly residents: ResidentRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async community(communityId: string): Promise<{ summary: CommunitySummary; state: CommunityState }> {
    const { state } = await this.communities.load(communityId);
    return {
      state,
      summary:
        state.status === 'absent'
          ? { communityId, exists: false }
          : { communityId, exists: true, streetId: state.streetId },
    };
  }

  /**
   * Someone the committee knows: a registered resident, a Party member the Party organization
   * published, or a worker of the community.
   */
  async person(personId: string, community: CommunityState): Promise<PersonSummary> {
    if (isWorker(community, personId)) return { personId, known: true };
    if ((await this.residents.load(personId)).state.status !== 'absent') return { personId, known: true };
    const members = await this.db.readSource
      .getRepository(PartyDirectoryEntry)
      .countBy({ id: personId, kind: 'member' });
    return { personId, known: members > 0 };
  }
}

export class RegisterVolunteerTeamCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { communityId: string; name: string; kind: VolunteerTeamKind },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 志愿服务队: a community enters one of its volunteer teams (ADR 21: the community must exist). */
@CommandHandler(RegisterVolunteerTeamCommand)
export class RegisterVolunteerTeamHandler implements ICommandHandler<RegisterVolunteerTeamCommand> {
  constructor(
    @InjectRepository(volunteerTeamAggregate) private readonly teams: VolunteerTeamRepository,
    private readonly lookups: VolunteerLookups,
  ) {}

  async execute({ input, context }: RegisterVolunteerTeamCommand) {
    const teamId = newId(context, 'volunteer-team');
    const { summary } = await this.lookups.community(input.communityId);
    await this.teams.handle(
      teamId,
      (state) =>
        volunteerTeamDecider.decide(
          {
            type: 'RegisterVolunteerTeam',
            data: {
              teamId,
              community: summary,
              name: input.name,
              kind: input.kind,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: teamId };
  }
}

export class AddVolunteerTeamMemberCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { teamId: string; personId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddVolunteerTeamMemberCommand)
export class AddVolunteerTeamMemberHandler implements ICommandHandler<AddVolunteerTeamMemberCommand> {
  constructor(
    @InjectRepository(volunteerTeamAggregate) private readonly teams: VolunteerTeamRepository,
    private readonly lookups: VolunteerLookups,
  ) {}

  async execute({ input, context }: AddVolunteerTeamMemberCommand) {
    const team = (await this.teams.load(input.teamId)).state;
    if (team.status === 'absent') throw new NotFound('volunteer team', input.teamId);
    const { state: community } = await this.lookups.community(team.communityId);
    const person = await this.lookups.person(input.personId, community);
    await this.teams.handle(
      input.teamId,
      (state) =>
        volunteerTeamDecider.decide(
          {
            type: 'AddVolunteerTeamMember',
            data: { teamId: input.teamId, person, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
    return { id: input.personId };
  }
}

export class RemoveVolunteerTeamMemberCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { teamId: string; personId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RemoveVolunteerTeamMemberCommand)
export class RemoveVolunteerTeamMemberHandler implements ICommandHandler<RemoveVolunteerTeamMemberCommand> {
  constructor(@InjectRepository(volunteerTeamAggregate) private readonly teams: VolunteerTeamRepository) {}

  async execute({ input, context }: RemoveVolunteerTeamMemberCommand) {
    await this.teams.handle(
      input.teamId,
      (state) =>
        volunteerTeamDecider.decide(
          { type: 'RemoveVolunteerTeamMember', data: { ...input, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: input.teamId };
  }
}

/** A volunteer team's step of work on an order dispatched to it. */
export class RecordVolunteerTeamWorkCommand extends Command<{ id: string }> {
  constructor(
    readonly input: GroupWork & {
      readonly teamId: string;
      /** Whether the caller acts as service-station staff (their token's role). */
      readonly asServiceStationStaff: boolean;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Through the one order-work path, as a department's work is. Who may do it: a registered member
 * of the team, or service-station staff working for its community.
 */
@CommandHandler(RecordVolunteerTeamWorkCommand)
export class RecordVolunteerTeamWorkHandler implements ICommandHandler<RecordVolunteerTeamWorkCommand> {
  constructor(
    @InjectRepository(orderAggregate) private readonly orders: OrderRepository,
    @InjectRepository(volunteerTeamAggregate) private readonly teams: VolunteerTeamRepository,
    @InjectRepository(communityAggregate) private readonly communities: CommunityRepository,
  ) {}

  async execute({ input, context }: RecordVolunteerTeamWorkCommand) {
    const team = (await this.teams.load(input.teamId)).state;
    if (team.status === 'absent') throw new NotFound('volunteer team', input.teamId);
    const community = (await this.communities.load(team.communityId)).state;
    const performerIsStaff =
      isTeamMember(team, input.performedBy) ||
      (input.asServiceStationStaff && isWorker(community, input.performedBy));
    return recordGroupWork(
      this.orders,
      { kind: 'volunteer-team', id: input.teamId },
      performerIsStaff,
      input,
      context,
    );
  }
}

export interface VolunteerTeamBody {
  readonly id: string;
  readonly communityId: string;
  readonly streetId: string | null;
  readonly name: string;
  readonly kind: VolunteerTeamKind;
  readonly registeredAt: string;
  readonly memberIds: readonly string[];
}

export class GetVolunteerTeamQuery extends Query<VolunteerTeamBody> {
  constructor(readonly teamId: string) {
    super();
  }
}

/** Read from the team's own stream: small, and current the moment a member joins. */
@QueryHandler(GetVolunteerTeamQuery)
export class GetVolunteerTeamHandler implements IQueryHandler<GetVolunteerTeamQuery> {
  constructor(@InjectRepository(volunteerTeamAggregate) private readonly teams: VolunteerTeamRepository) {}

  async execute({ teamId }: GetVolunteerTeamQuery): Promise<VolunteerTeamBody> {
    const { state } = await this.teams.load(teamId);
    if (state.status === 'absent') throw new NotFound('volunteer team', teamId);
    return {
      id: state.teamId,
      communityId: state.communityId,
      streetId: state.streetId,
      name: state.name,
      kind: state.kind,
      registeredAt: state.registeredAt,
      memberIds: [...state.memberIds],
    };
  }
}

export interface VolunteerTeamListItem {
  readonly id: string;
  readonly communityId: string;
  readonly streetId: string | null;
  readonly name: string;
  readonly kind: string;
  readonly memberCount: number;
  readonly registeredAt: string;
}

export class ListVolunteerTeamsQuery extends Query<{ items: VolunteerTeamListItem[] }> {
  constructor(readonly filter: { communityId?: string; within: VisibleScope }) {
    super();
  }
}

/** The communities within the caller's scope a list may show, narrowed by a named one; null: any. */
export function listedCommunities(communityId: string | undefined, within: VisibleScope): string[] | null {
  if (within === 'everywhere') return communityId === undefined ? null : [communityId];
  return within.communityIds.filter((id) => communityId === undefined || id === communityId);
}

/** The teams of the caller's communities (and of their streets' communities), by community and name. */
@QueryHandler(ListVolunteerTeamsQuery)
export class ListVolunteerTeamsHandler implements IQueryHandler<ListVolunteerTeamsQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: ListVolunteerTeamsQuery): Promise<{ items: VolunteerTeamListItem[] }> {
    const communities = listedCommunities(filter.communityId, filter.within);
    if (communities !== null && communities.length === 0) return { items: [] };
    const rows = await this.db.readSource.getRepository(VolunteerTeamView).find({
      where: communities === null ? {} : { communityId: In(communities) },
      order: { communityId: 'ASC', name: 'ASC', teamId: 'ASC' },
      take: 500,
    });
    return {
      items: rows.map((row) => ({
        id: row.teamId,
        communityId: row.communityId,
        streetId: row.streetId,
        name: row.name,
        kind: row.kind,
        memberCount: row.memberIds.length,
        registeredAt: row.registeredAt,
      })),
    };
  }
}

import { VOLUNTEER_TEAM_KINDS, type VolunteerTeamKind } from '@cogov/contracts';
import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  RuleViolation,
  assertNever,
} from '@cogov/decider';

export { VOLUNTEER_TEAM_KINDS, type VolunteerTeamKind };

/** What the handler found of the community a team is registered in (and its street). */
export type CommunitySummary =
  { communityId: string; exists: false } | { communityId: string; exists: true; streetId: string | null };

/**
 * Whether the person a command names is someone the committee knows, as the handler found it: a
 * registered resident, a Party member the Party organization published, or a community worker.
 */
export type PersonSummary = { personId: string; known: boolean };

/** 志愿服务队: a community enters a volunteer team orders can be dispatched to. */
export type RegisterVolunteerTeam = {
  type: 'RegisterVolunteerTeam';
  data: {
    teamId: string;
    community: CommunitySummary;
    name: string;
    kind: VolunteerTeamKind;
    now: string;
  };
};

/** A person joins the team: they may then work on the orders dispatched to it. */
export type AddVolunteerTeamMember = {
  type: 'AddVolunteerTeamMember';
  data: { teamId: string; person: PersonSummary; now: string };
};

export type RemoveVolunteerTeamMember = {
  type: 'RemoveVolunteerTeamMember';
  data: { teamId: string; personId: string; now: string };
};

export type VolunteerTeamCommand = RegisterVolunteerTeam | AddVolunteerTeamMember | RemoveVolunteerTeamMember;

export type VolunteerTeamRegistered = {
  type: 'VolunteerTeamRegistered';
  data: {
    teamId: string;
    communityId: string;
    /** The community's street when the team was registered; null for a community without one. */
    streetId: string | null;
    name: string;
    kind: VolunteerTeamKind;
    registeredAt: string;
  };
};
export type VolunteerTeamMemberAdded = {
  type: 'VolunteerTeamMemberAdded';
  data: { teamId: string; communityId: string; personId: string; addedAt: string };
};
export type VolunteerTeamMemberRemoved = {
  type: 'VolunteerTeamMemberRemoved';
  data: { teamId: string; communityId: string; personId: string; removedAt: string };
};

export type VolunteerTeamEvent =
  VolunteerTeamRegistered | VolunteerTeamMemberAdded | VolunteerTeamMemberRemoved;

/** A community's volunteer team and the people registered as its members. */
export type VolunteerTeamState =
  | { status: 'absent' }
  | {
      status: 'registered';
      teamId: string;
      communityId: string;
      streetId: string | null;
      name: string;
      kind: VolunteerTeamKind;
      registeredAt: string;
      memberIds: string[];
    };

type RegisteredTeam = Extract<VolunteerTeamState, { status: 'registered' }>;

export const initialState = (): VolunteerTeamState => ({ status: 'absent' });

export function decide(command: VolunteerTeamCommand, state: VolunteerTeamState): VolunteerTeamEvent[] {
  if (command.type === 'RegisterVolunteerTeam') return register(command.data, state);
  if (state.status === 'absent') throw new NotFound('volunteer team', command.data.teamId);
  switch (command.type) {
    case 'AddVolunteerTeamMember':
      return addMember(command.data, state);
    case 'RemoveVolunteerTeamMember': {
      const { personId, now } = command.data;
      if (!isTeamMember(state, personId)) {
        throw new NotFound('volunteer team member', personId, { entity: 'volunteer team', id: state.teamId });
      }
      return [
        {
          type: 'VolunteerTeamMemberRemoved',
          data: { teamId: state.teamId, communityId: state.communityId, personId, removedAt: now },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: VolunteerTeamState, event: VolunteerTeamEvent): VolunteerTeamState {
  if (event.type === 'VolunteerTeamRegistered') return { status: 'registered', ...event.data, memberIds: [] };
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'VolunteerTeamMemberAdded':
      return { ...state, memberIds: [...state.memberIds, event.data.personId] };
    case 'VolunteerTeamMemberRemoved':
      return { ...state, memberIds: state.memberIds.filter((id) => id !== event.data.personId) };
    default:
      return assertNever(event);
  }
}

export const volunteerTeamDecider: Decider<VolunteerTeamCommand, VolunteerTeamState, VolunteerTeamEvent> = {
  initialState,
  decide,
  evolve,
};

/** Whether the person is a registered member of the team: who may work on its orders. */
export function isTeamMember(state: VolunteerTeamState, personId: string): boolean {
  return state.status === 'registered' && state.memberIds.includes(personId);
}

function register(d: RegisterVolunteerTeam['data'], state: VolunteerTeamState): VolunteerTeamEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(
      state.status,
      'register',
      `volunteer team ${state.teamId} is already registered`,
    );
  }
  if (!d.community.exists) throw new NotFound('community', d.community.communityId);
  const name = d.name.trim();
  if (name === '') throw new InvalidInput('a volunteer team needs a name');
  if (!(VOLUNTEER_TEAM_KINDS as readonly string[]).includes(d.kind)) {
    throw new InvalidInput(`unknown kind of volunteer team: ${d.kind}`, { kind: d.kind });
  }
  return [
    {
      type: 'VolunteerTeamRegistered',
      data: {
        teamId: d.teamId,
        communityId: d.community.communityId,
        streetId: d.community.streetId,
        name,
        kind: d.kind,
        registeredAt: d.now,
      },
    },
  ];
}

function addMember(d: AddVolunteerTeamMember['data'], state: RegisteredTeam): VolunteerTeamEvent[] {
  const { personId } = d.person;
  if (!d.person.known) throw new NotFound('person', personId);
  if (isTeamMember(state, personId)) {
    throw new RuleViolation(`${personId} is already a member of volunteer team ${state.teamId}`, {
      personId,
      teamId: state.teamId,
    });
  }
  return [
    {
      type: 'VolunteerTeamMemberAdded',
      data: { teamId: state.teamId, communityId: state.communityId, personId, addedAt: d.now },
    },
  ];
}

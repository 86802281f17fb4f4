import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  RuleViolation,
  assertNever,
} from '@cogov/decider';
import { type DirectoryLookup, type KnownEntry, expectKind, expectWithin } from './directory';

export const COMMITTEE_ROLES = ['chair', 'deputy', 'member'] as const;
/** 主任 / 副主任 / 委员. */
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export const BACKGROUNDS = ['party-member', 'deputy-or-cppcc', 'public-sector', 'other'] as const;
/**
 * What a member brings: a Party member, a deputy to a people's congress or member of the CPPCC
 * (两代表一委员), experience in the public sector (机关企事业单位经历), or other.
 */
export type Background = (typeof BACKGROUNDS)[number];

/** The seeds leave the figure open ("不低于××%"); 50 % until configured otherwise. */
export const DEFAULT_MINIMUM_PARTY_SHARE_PERCENT = 50;

export type FormCommittee = {
  type: 'FormCommittee';
  data: { committeeId: string; compound: DirectoryLookup; termStart: string; termEnd: string; now: string };
};

export type AddMember = {
  type: 'AddMember';
  data: {
    committeeId: string;
    memberId: string;
    resident: DirectoryLookup;
    role: CommitteeRole;
    /** The Party member this owner is, as found in the directory; null when the owner is none. */
    partyMember: DirectoryLookup | null;
    background: Background;
    minimumPartySharePercent: number;
    now: string;
  };
};

export type RemoveMember = {
  type: 'RemoveMember';
  data: { committeeId: string; memberId: string; minimumPartySharePercent: number; now: string };
};

/**
 * Calls off a formation that reserved its term and never happened (it died between the two), so
 * that its term may be taken over; succeeds only while the committee was never formed, and then
 * forbids forming it forever.
 */
export type AbandonFormation = { type: 'AbandonFormation'; data: { committeeId: string; now: string } };

export type CommitteeCommand = FormCommittee | AddMember | RemoveMember | AbandonFormation;

export type CommitteeFormed = {
  type: 'CommitteeFormed';
  data: {
    committeeId: string;
    compoundId: string;
    communityId: string;
    termStart: string;
    termEnd: string;
    formedAt: string;
  };
};

export type MemberJoined = {
  type: 'MemberJoined';
  data: {
    committeeId: string;
    memberId: string;
    residentId: string;
    role: CommitteeRole;
    partyMemberId: string | null;
    background: Background;
    joinedAt: string;
  };
};

export type MemberLeft = {
  type: 'MemberLeft';
  data: { committeeId: string; memberId: string; leftAt: string };
};

/** The Party members' share fell below the minimum: recorded, not refused (committees are elected). */
export type PartyShareFellBelowMinimum = {
  type: 'PartyShareFellBelowMinimum';
  data: { committeeId: string; partySharePercent: number; minimumPartySharePercent: number; since: string };
};

export type PartyShareRestored = {
  type: 'PartyShareRestored';
  data: {
    committeeId: string;
    partySharePercent: number | null;
    minimumPartySharePercent: number;
    since: string;
  };
};

/** A formation that reserved its term and never happened, called off (see compound-terms.ts). */
export type FormationAbandoned = {
  type: 'FormationAbandoned';
  data: { committeeId: string; abandonedAt: string };
};

export type CommitteeEvent =
  | FormationAbandoned
  | CommitteeFormed
  | MemberJoined
  | MemberLeft
  | PartyShareFellBelowMinimum
  | PartyShareRestored;

export interface Seat {
  readonly memberId: string;
  readonly residentId: string;
  readonly role: CommitteeRole;
  readonly partyMemberId: string | null;
  readonly background: Background;
  readonly joinedAt: string;
}

export interface PartyShareCompliance {
  readonly compliant: boolean;
  /** When the committee last became compliant or non-compliant (its formation at first). */
  readonly since: string;
  /** The minimum it was last judged against. */
  readonly minimumPartySharePercent: number | null;
}

/** 业主委员会: a compound's owners' committee for one term. */
export type Committee =
  | { status: 'absent' }
  | { status: 'abandoned'; committeeId: string }
  | ({
      status: 'formed';
      seats: readonly Seat[];
      compliance: PartyShareCompliance;
    } & CommitteeFormed['data']);

type Formed = Extract<Committee, { status: 'formed' }>;

export const initialState = (): Committee => ({ status: 'absent' });

export function decide(command: CommitteeCommand, state: Committee): CommitteeEvent[] {
  switch (command.type) {
    case 'FormCommittee':
      return form(command.data, state);
    case 'AddMember':
      return addMember(command.data, formed(state, command.data.committeeId));
    case 'RemoveMember':
      return removeMember(command.data, formed(state, command.data.committeeId));
    case 'AbandonFormation': {
      const { committeeId, now } = command.data;
      if (state.status !== 'absent') return [];
      return [{ type: 'FormationAbandoned', data: { committeeId, abandonedAt: now } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: Committee, event: CommitteeEvent): Committee {
  switch (event.type) {
    case 'FormationAbandoned':
      return { status: 'abandoned', committeeId: event.data.committeeId };
    case 'CommitteeFormed':
      return {
        status: 'formed',
        ...event.data,
        seats: [],
        compliance: { compliant: true, since: event.data.formedAt, minimumPartySharePercent: null },
      };
    case 'MemberJoined': {
      if (state.status !== 'formed') return state;
      const { committeeId: _committee, ...seat } = event.data;
      return { ...state, seats: [...state.seats, seat] };
    }
    case 'MemberLeft':
      if (state.status !== 'formed') return state;
      return { ...state, seats: state.seats.filter((s) => s.memberId !== event.data.memberId) };
    case 'PartyShareFellBelowMinimum':
    case 'PartyShareRestored':
      if (state.status !== 'formed') return state;
      return {
        ...state,
        compliance: {
          compliant: event.type === 'PartyShareRestored',
          since: event.data.since,
          minimumPartySharePercent: event.data.minimumPartySharePercent,
        },
      };
    default:
      return assertNever(event);
  }
}

export const committeeDecider: Decider<CommitteeCommand, Committee, CommitteeEvent> = {
  initialState,
  decide,
  evolve,
};

/** The share of seats held by Party members, in percent to one decimal; null with no seats. */
export function partySharePercent(seats: readonly Seat[]): number | null {
  if (seats.length === 0) return null;
  const party = seats.filter((s) => s.partyMemberId !== null).length;
  return Math.round((1000 * party) / seats.length) / 10;
}

/** Exact, not rounded: two of three seats (66.7 %) do not meet a minimum of 66.7 %. */
function meetsMinimum(seats: readonly Seat[], minimumPercent: number): boolean {
  const party = seats.filter((s) => s.partyMemberId !== null).length;
  return seats.length === 0 || party * 100 >= minimumPercent * seats.length;
}

/** `YYYY-MM-DD` naming a day that exists (no 30 February). */
function isCalendarDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

function formed(state: Committee, committeeId: string): Formed {
  if (state.status !== 'formed') throw new NotFound('owners committee', committeeId);
  return state;
}

function form(d: FormCommittee['data'], state: Committee): CommitteeEvent[] {
  if (state.status !== 'absent') {
    const why = state.status === 'formed' ? 'is already formed' : 'was abandoned';
    throw new InvalidTransition(state.status, 'form', `owners committee ${d.committeeId} ${why}`);
  }
  const compound = expectKind(d.compound, 'compound', 'compound');
  for (const day of [d.termStart, d.termEnd]) {
    if (!isCalendarDay(day)) throw new InvalidInput(`${day} is not a day of the calendar`);
  }
  if (d.termEnd <= d.termStart) throw new InvalidInput('a term must end after it starts');
  return [
    {
      type: 'CommitteeFormed',
      data: {
        committeeId: d.committeeId,
        compoundId: compound.id,
        communityId: compound.communityId,
        termStart: d.termStart,
        termEnd: d.termEnd,
        formedAt: d.now,
      },
    },
  ];
}

function addMember(d: AddMember['data'], state: Formed): CommitteeEvent[] {
  // A retry of the same request derives the same seat: it is already taken.
  if (state.seats.some((s) => s.memberId === d.memberId)) return [];
  const resident = expectKind(d.resident, 'resident', 'resident');
  expectWithin(resident, 'resident', { communityId: state.communityId, compoundId: state.compoundId });
  expectOwner(resident);
  if (state.seats.some((s) => s.residentId === resident.id)) {
    throw new RuleViolation(`resident ${resident.id} already sits on the committee`, {
      residentId: resident.id,
    });
  }
  if (d.role === 'chair' && state.seats.some((s) => s.role === 'chair')) {
    throw new RuleViolation('the committee already has a chair', { committeeId: state.committeeId });
  }
  let partyMemberId: string | null = null;
  if (d.partyMember) {
    const member = expectKind(d.partyMember, 'party-member', 'party member');
    expectWithin(member, 'party member', { communityId: state.communityId });
    if (state.seats.some((s) => s.partyMemberId === member.id)) {
      throw new RuleViolation(`party member ${member.id} already sits on the committee`, {
        partyMemberId: member.id,
      });
    }
    partyMemberId = member.id;
  }
  const joined: MemberJoined = {
    type: 'MemberJoined',
    data: {
      committeeId: state.committeeId,
      memberId: d.memberId,
      residentId: resident.id,
      role: d.role,
      partyMemberId,
      background: d.background,
      joinedAt: d.now,
    },
  };
  const { committeeId: _committee, ...seat } = joined.data;
  return [joined, ...complianceAfter(state, [...state.seats, seat], d.minimumPartySharePercent, d.now)];
}

/** The rule's name, in the refusal's details, so a caller can tell it from the others. */
export const MEMBERS_ARE_OWNERS = 'members-are-owners';

/** 业委会委员 are elected from the owners (业主) living in the compound, not from tenants. */
function expectOwner(resident: KnownEntry): void {
  if (resident.tenure === 'owner') return;
  const why =
    resident.tenure === 'tenant'
      ? 'is a tenant'
      : 'is not known to own a home in the compound (the residents’ committee did not record it)';
  throw new RuleViolation(`${MEMBERS_ARE_OWNERS}: resident ${resident.id} ${why}`, {
    rule: MEMBERS_ARE_OWNERS,
    residentId: resident.id,
    tenure: resident.tenure,
  });
}

function removeMember(d: RemoveMember['data'], state: Formed): CommitteeEvent[] {
  if (!state.seats.some((s) => s.memberId === d.memberId)) {
    throw new NotFound('committee member', d.memberId, { entity: 'owners committee', id: state.committeeId });
  }
  const seats = state.seats.filter((s) => s.memberId !== d.memberId);
  return [
    { type: 'MemberLeft', data: { committeeId: state.committeeId, memberId: d.memberId, leftAt: d.now } },
    ...complianceAfter(state, seats, d.minimumPartySharePercent, d.now),
  ];
}

/** The Party share rule, judged after every change of seats: a crossing is recorded with its time. */
function complianceAfter(
  state: Formed,
  seats: readonly Seat[],
  minimumPartySharePercent: number,
  now: string,
): CommitteeEvent[] {
  const compliant = meetsMinimum(seats, minimumPartySharePercent);
  if (compliant === state.compliance.compliant) return [];
  const share = partySharePercent(seats);
  const data = { committeeId: state.committeeId, minimumPartySharePercent, since: now };
  return compliant
    ? [{ type: 'PartyShareRestored', data: { ...data, partySharePercent: share } }]
    : [{ type: 'PartyShareFellBelowMinimum', data: { ...data, partySharePercent: share ?? 0 } }];
}

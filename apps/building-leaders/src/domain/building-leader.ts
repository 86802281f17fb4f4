import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  OutOfScope,
  assertNever,
} from '@cogov/decider';
import type { NeedCategory as ContractNeedCategory } from '@cogov/contracts';
import type { CompoundDirectory } from './compound-directory';
import type { PartyMemberDirectoryEntry } from './party-member-directory';
import type { ResidentDirectoryEntry } from './resident-directory';

/** 自荐 `self`, 居民推荐 `residents`, 党支部推荐 `branch`: who put the leader forward. */
export type Nomination = 'self' | 'residents' | 'branch';
export type VettingDecision = 'approve' | 'reject';
/** The kinds of need referred, as the published contract names them. */
export type NeedCategory = ContractNeedCategory;

/** A resident a command names, with what this context knows of them (loaded beforehand). */
export type NamedResident = { residentId: string; entry: ResidentDirectoryEntry };
/** The Party member a leader is linked to, with what this context knows of them. */
export type NamedPartyMember = { memberId: string; entry: PartyMemberDirectoryEntry };

export type NominateLeader = {
  type: 'NominateLeader';
  data: {
    leaderId: string;
    compoundId: string;
    compound: CompoundDirectory;
    resident: NamedResident;
    buildingIds: readonly string[];
    nominatedBy: Nomination;
    /** When the leader is a Party member: the member, of the compound's community. */
    partyMember: NamedPartyMember | null;
    now: string;
  };
};

/** 组织考察: the residents' committee vets a nominated leader. */
export type VetLeader = {
  type: 'VetLeader';
  data: { vetterId: string; decision: VettingDecision; note: string; now: string };
};

/**
 * Who a visit is to: a resident this context knows, or a household (入户) named by its building
 * and a unit/room label, for the flats whose people are not registered (yet).
 */
export type Visited =
  | { kind: 'resident'; resident: NamedResident }
  | { kind: 'household'; buildingId: string; household: string };

/** 走访: a visit to a resident or household of one of the leader's buildings, with the needs found. */
export type RecordVisit = {
  type: 'RecordVisit';
  data: {
    visitId: string;
    visited: Visited;
    notes: string;
    needsFound: readonly string[];
    now: string;
  };
};

/** A need found on a visit, referred so that an order is placed on the resident's behalf. */
export type ReferNeed = {
  type: 'ReferNeed';
  data: {
    referralId: string;
    visitId: string;
    /**
     * On whose behalf the order is placed: needed for a household visit (an order is a resident's),
     * and, after a resident's visit, that resident or nobody named.
     */
    resident: NamedResident | null;
    category: NeedCategory;
    title: string;
    description: string;
    now: string;
  };
};

/** 民意上报: an opinion reported up to the community. */
export type ReportOpinion = {
  type: 'ReportOpinion';
  data: { opinionId: string; topic: string; text: string; residents: readonly NamedResident[]; now: string };
};

/**
 * 兼职网格员: residents' committee staff name a vetted leader a part-time grid worker, of a grid
 * by its id or, until grids are their own facts, by a label.
 */
export type NameGridWorker = {
  type: 'NameGridWorker';
  data: { namedBy: string; gridId: string | null; gridLabel: string | null; now: string };
};

export type BuildingLeaderCommand =
  NominateLeader | VetLeader | RecordVisit | ReferNeed | ReportOpinion | NameGridWorker;

export type LeaderNominated = {
  type: 'LeaderNominated';
  data: {
    leaderId: string;
    communityId: string;
    compoundId: string;
    residentId: string;
    buildingIds: string[];
    nominatedBy: Nomination;
    memberId: string | null;
    nominatedAt: string;
  };
};
/** Carries where the leader serves: the residents' committee dispatches only to an approved leader of the order's community. */
export type LeaderApproved = {
  type: 'LeaderApproved';
  data: {
    leaderId: string;
    communityId: string;
    compoundId: string;
    buildingIds: string[];
    vetterId: string;
    note: string;
    approvedAt: string;
  };
};
export type LeaderRejected = {
  type: 'LeaderRejected';
  data: { leaderId: string; vetterId: string; note: string; rejectedAt: string };
};
/** The notes stay in this stream; nothing published carries them. */
export type VisitRecorded = {
  type: 'VisitRecorded';
  data: {
    leaderId: string;
    visitId: string;
    /** Null for a household visit. */
    residentId: string | null;
    buildingId: string;
    /** The unit/room label of a household visit; null (or absent, before households) for a resident's. */
    household?: string | null;
    notes: string;
    needsFound: string[];
    visitedAt: string;
  };
};
export type NeedReferred = {
  type: 'NeedReferred';
  data: {
    leaderId: string;
    referralId: string;
    visitId: string;
    residentId: string;
    communityId: string;
    compoundId: string;
    buildingId: string;
    category: NeedCategory;
    title: string;
    description: string;
    referredAt: string;
  };
};
export type OpinionReported = {
  type: 'OpinionReported';
  data: {
    leaderId: string;
    opinionId: string;
    communityId: string;
    compoundId: string;
    topic: string;
    text: string;
    residentIds: string[];
    reportedAt: string;
  };
};

export type GridWorkerNamed = {
  type: 'GridWorkerNamed';
  data: {
    leaderId: string;
    namedBy: string;
    gridId: string | null;
    gridLabel: string | null;
    namedAt: string;
  };
};

export type BuildingLeaderEvent =
  | LeaderNominated
  | LeaderApproved
  | LeaderRejected
  | VisitRecorded
  | NeedReferred
  | OpinionReported
  | GridWorkerNamed;

/** The grid a leader serves on as a part-time grid worker (网格员 + 楼门长). */
export type GridPost = { gridId: string | null; gridLabel: string | null; namedAt: string };

export type LeaderStage = 'nominated' | 'approved' | 'rejected';

/** 楼门长: a building leader, the front-line sentinel of a few buildings of one compound. */
export type BuildingLeader =
  | { status: 'absent' }
  | {
      status: LeaderStage;
      leaderId: string;
      communityId: string;
      compoundId: string;
      residentId: string;
      buildingIds: readonly string[];
      /** The Party member the leader is, if one. */
      memberId: string | null;
      /** Named a part-time grid worker: of which grid, since when; null if not (yet). */
      gridWorker: GridPost | null;
      /** Visit id → the resident visited (null for a household) and the building. */
      visits: Readonly<Record<string, { residentId: string | null; buildingId: string }>>;
    };

export const initialState = (): BuildingLeader => ({ status: 'absent' });

export function decide(command: BuildingLeaderCommand, state: BuildingLeader): BuildingLeaderEvent[] {
  if (command.type === 'NominateLeader') return nominate(command.data, state);
  if (state.status === 'absent')
    throw new InvalidTransition('absent', verb(command), 'no such building leader');
  switch (command.type) {
    case 'VetLeader':
      return vet(command.data, state);
    case 'RecordVisit':
      return visit(command.data, approved(state, command));
    case 'ReferNeed':
      return refer(command.data, approved(state, command));
    case 'ReportOpinion':
      return report(command.data, approved(state, command));
    case 'NameGridWorker':
      return nameGridWorker(command.data, approved(state, command));
    default:
      return assertNever(command);
  }
}

export function evolve(state: BuildingLeader, event: BuildingLeaderEvent): BuildingLeader {
  if (event.type === 'LeaderNominated') {
    const { nominatedBy: _n, nominatedAt: _at, ...d } = event.data;
    return { status: 'nominated', ...d, gridWorker: null, visits: {} };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'LeaderApproved':
      return { ...state, status: 'approved' };
    case 'LeaderRejected':
      return { ...state, status: 'rejected' };
    case 'VisitRecorded': {
      const { visitId, residentId, buildingId } = event.data;
      return { ...state, visits: { ...state.visits, [visitId]: { residentId, buildingId } } };
    }
    case 'GridWorkerNamed': {
      const { gridId, gridLabel, namedAt } = event.data;
      return { ...state, gridWorker: { gridId, gridLabel, namedAt } };
    }
    case 'NeedReferred':
    case 'OpinionReported':
      return state;
    default:
      return assertNever(event);
  }
}

export const buildingLeaderDecider: Decider<BuildingLeaderCommand, BuildingLeader, BuildingLeaderEvent> = {
  initialState,
  decide,
  evolve,
};

type Known = Exclude<BuildingLeader, { status: 'absent' }>;

function verb(command: BuildingLeaderCommand): string {
  switch (command.type) {
    case 'NominateLeader':
      return 'nominate';
    case 'VetLeader':
      return 'vet';
    case 'RecordVisit':
      return 'record a visit';
    case 'ReferNeed':
      return 'refer a need';
    case 'ReportOpinion':
      return 'report an opinion';
    case 'NameGridWorker':
      return 'be named a part-time grid worker';
    default:
      return assertNever(command);
  }
}

/** Only an approved leader visits, refers needs, reports opinions and becomes a grid worker. */
function approved(state: Known, command: BuildingLeaderCommand): Known {
  if (state.status !== 'approved') {
    throw new InvalidTransition(
      state.status,
      verb(command),
      `building leader ${state.leaderId} is ${state.status}, not approved: only an approved leader may ${verb(command)}`,
    );
  }
  return state;
}

/** The resident must be known here and live in the compound (and, when given, one of these buildings). */
function residentOf(named: NamedResident, compoundId: string, buildingIds?: readonly string[]): string {
  const { entry, residentId } = named;
  if (entry.status === 'absent') throw new NotYetKnown('resident', residentId);
  if (entry.compoundId !== compoundId) {
    throw new OutOfScope(
      'resident',
      residentId,
      `resident ${residentId} does not live in compound ${compoundId}`,
      {
        compoundId: entry.compoundId,
        wantedCompoundId: compoundId,
      },
    );
  }
  if (buildingIds && !buildingIds.includes(entry.buildingId)) {
    throw new OutOfScope(
      'resident',
      residentId,
      `resident ${residentId} does not live in one of this leader's buildings`,
      { buildingId: entry.buildingId, wantedBuildingIds: [...buildingIds] },
    );
  }
  return entry.buildingId;
}

function nominate(d: NominateLeader['data'], state: BuildingLeader): BuildingLeaderEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(
      state.status,
      'nominate',
      `building leader ${state.leaderId} is already nominated`,
    );
  }
  const { compound } = d;
  if (compound.status === 'absent') throw new NotYetKnown('compound', d.compoundId);
  if (d.buildingIds.length === 0)
    throw new InvalidInput('a building leader looks after at least one building');
  for (const buildingId of d.buildingIds) {
    if (!compound.buildingIds.includes(buildingId)) {
      throw new NotYetKnown(
        'building',
        buildingId,
        `building ${buildingId} is not known in compound ${d.compoundId} yet`,
      );
    }
  }
  residentOf(d.resident, d.compoundId);
  const member = d.partyMember;
  if (member?.entry.status === 'absent') throw new NotYetKnown('party member', member.memberId);
  if (member?.entry.status === 'known' && member.entry.communityId !== compound.communityId) {
    throw new OutOfScope(
      'party member',
      member.memberId,
      `party member ${member.memberId} belongs to another community than compound ${d.compoundId}`,
      { communityId: member.entry.communityId, wantedCommunityId: compound.communityId },
    );
  }
  return [
    {
      type: 'LeaderNominated',
      data: {
        leaderId: d.leaderId,
        communityId: compound.communityId,
        compoundId: d.compoundId,
        residentId: d.resident.residentId,
        buildingIds: [...d.buildingIds],
        nominatedBy: d.nominatedBy,
        memberId: member?.memberId ?? null,
        nominatedAt: d.now,
      },
    },
  ];
}

function vet(d: VetLeader['data'], state: Known): BuildingLeaderEvent[] {
  if (state.status !== 'nominated') {
    throw new InvalidTransition(
      state.status,
      'vet',
      `building leader ${state.leaderId} is already ${state.status}`,
    );
  }
  const base = { leaderId: state.leaderId, vetterId: d.vetterId, note: d.note };
  if (d.decision === 'reject') return [{ type: 'LeaderRejected', data: { ...base, rejectedAt: d.now } }];
  const where = {
    communityId: state.communityId,
    compoundId: state.compoundId,
    buildingIds: [...state.buildingIds],
  };
  return [{ type: 'LeaderApproved', data: { ...base, ...where, approvedAt: d.now } }];
}

function visit(d: RecordVisit['data'], state: Known): BuildingLeaderEvent[] {
  const { visited } = d;
  let residentId: string | null = null;
  let buildingId: string;
  let household: string | null = null;
  if (visited.kind === 'resident') {
    residentId = visited.resident.residentId;
    buildingId = residentOf(visited.resident, state.compoundId, state.buildingIds);
  } else {
    household = visited.household.trim();
    if (household === '')
      throw new InvalidInput('a household is named by its unit or room', { field: 'household' });
    if (!state.buildingIds.includes(visited.buildingId)) {
      throw new OutOfScope(
        'building',
        visited.buildingId,
        `building ${visited.buildingId} is not one of this leader's buildings`,
        { wantedBuildingIds: [...state.buildingIds] },
      );
    }
    buildingId = visited.buildingId;
  }
  return [
    {
      type: 'VisitRecorded',
      data: {
        leaderId: state.leaderId,
        visitId: d.visitId,
        residentId,
        buildingId,
        household,
        notes: d.notes,
        needsFound: [...d.needsFound],
        visitedAt: d.now,
      },
    },
  ];
}

function refer(d: ReferNeed['data'], state: Known): BuildingLeaderEvent[] {
  const visited = state.visits[d.visitId];
  if (!visited) throw new NotFound('visit', d.visitId, { entity: 'building leader', id: state.leaderId });
  const residentId = onBehalfOf(d, visited, state);
  return [
    {
      type: 'NeedReferred',
      data: {
        leaderId: state.leaderId,
        referralId: d.referralId,
        visitId: d.visitId,
        residentId,
        communityId: state.communityId,
        compoundId: state.compoundId,
        buildingId: visited.buildingId,
        category: d.category,
        title: d.title,
        description: d.description,
        referredAt: d.now,
      },
    },
  ];
}

/** The resident the order is placed for: the one visited, or for a household one who lives in its building. */
function onBehalfOf(
  d: ReferNeed['data'],
  visited: { residentId: string | null; buildingId: string },
  state: Known,
): string {
  if (visited.residentId !== null) {
    if (d.resident && d.resident.residentId !== visited.residentId) {
      throw new InvalidInput(
        `the need was found visiting resident ${visited.residentId}; refer it for them`,
        {
          field: 'residentId',
        },
      );
    }
    return visited.residentId;
  }
  if (!d.resident) {
    throw new InvalidInput('a need found at a household is referred on behalf of one of its residents', {
      field: 'residentId',
    });
  }
  residentOf(d.resident, state.compoundId, [visited.buildingId]);
  return d.resident.residentId;
}

function report(d: ReportOpinion['data'], state: Known): BuildingLeaderEvent[] {
  for (const resident of d.residents) residentOf(resident, state.compoundId);
  return [
    {
      type: 'OpinionReported',
      data: {
        leaderId: state.leaderId,
        opinionId: d.opinionId,
        communityId: state.communityId,
        compoundId: state.compoundId,
        topic: d.topic,
        text: d.text,
        residentIds: d.residents.map((r) => r.residentId),
        reportedAt: d.now,
      },
    },
  ];
}

function nameGridWorker(d: NameGridWorker['data'], state: Known): BuildingLeaderEvent[] {
  const gridLabel = d.gridLabel?.trim() ?? null;
  if ((d.gridId === null) === (gridLabel === null || gridLabel === '')) {
    throw new InvalidInput('a grid is named by exactly one of gridId and gridLabel', { field: 'gridId' });
  }
  const current = state.gridWorker;
  // Named to the same grid again: nothing new.
  if (current && current.gridId === d.gridId && current.gridLabel === gridLabel) return [];
  return [
    {
      type: 'GridWorkerNamed',
      data: { leaderId: state.leaderId, namedBy: d.namedBy, gridId: d.gridId, gridLabel, namedAt: d.now },
    },
  ];
}

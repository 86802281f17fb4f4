import { type Decider, InvalidTransition, NotFound, OutOfScope, assertNever } from '@cogov/decider';
import type { CompoundSummary } from './compound';

export const TENURES = ['owner', 'tenant'] as const;
/**
 * 业主 or 租户: whether the resident owns their home. `unknown` where it was not asked (every
 * registration before it was recorded): an owners' committee seats only a known owner.
 */
export type Tenure = (typeof TENURES)[number] | 'unknown';

export type RegisterResident = {
  type: 'RegisterResident';
  data: {
    residentId: string;
    communityId: string;
    compoundId: string;
    buildingId: string;
    name: string;
    phone: string;
    tenure: Tenure;
    /** Whether the community named is registered. */
    communityExists: boolean;
    compound: CompoundSummary;
    now: string;
  };
};

/** A tenure asked after registration (every resident registered before it was recorded). */
export type RecordTenure = {
  type: 'RecordTenure';
  data: { residentId: string; tenure: (typeof TENURES)[number]; now: string };
};

export type ResidentCommand = RegisterResident | RecordTenure;

/** Name and phone stay in the residents' committee's own streams; nothing published carries them. */
export type ResidentRegistered = {
  type: 'ResidentRegistered';
  data: {
    residentId: string;
    communityId: string;
    compoundId: string;
    buildingId: string;
    name: string;
    phone: string;
    tenure: Tenure;
    registeredAt: string;
  };
};

export type ResidentTenureRecorded = {
  type: 'ResidentTenureRecorded';
  data: {
    residentId: string;
    communityId: string;
    compoundId: string;
    tenure: (typeof TENURES)[number];
    recordedAt: string;
  };
};

export type ResidentEvent = ResidentRegistered | ResidentTenureRecorded;

/** 居民: a resident of a building; the state keeps only what other decisions need. */
export type ResidentState =
  | { status: 'absent' }
  | {
      status: 'registered';
      residentId: string;
      communityId: string;
      compoundId: string;
      buildingId: string;
      tenure: Tenure;
    };

export const initialState = (): ResidentState => ({ status: 'absent' });

export function decide(command: ResidentCommand, state: ResidentState): ResidentEvent[] {
  switch (command.type) {
    case 'RegisterResident':
      return register(command.data, state);
    case 'RecordTenure':
      return recordTenure(command.data, state);
    default:
      return assertNever(command);
  }
}

export function evolve(state: ResidentState, event: ResidentEvent): ResidentState {
  switch (event.type) {
    case 'ResidentRegistered': {
      const { residentId, communityId, compoundId, buildingId, tenure } = event.data;
      return { status: 'registered', residentId, communityId, compoundId, buildingId, tenure };
    }
    case 'ResidentTenureRecorded':
      return state.status === 'absent' ? state : { ...state, tenure: event.data.tenure };
    default:
      return assertNever(event);
  }
}

export const residentDecider: Decider<ResidentCommand, ResidentState, ResidentEvent> = {
  initialState,
  decide,
  evolve,
};

/** What an order's placement needs to know of a resident, loaded beforehand. */
export type ResidentSummary =
  | { exists: false; residentId: string; communityId: null }
  | { exists: true; residentId: string; communityId: string };

export function summarizeResident(residentId: string, state: ResidentState): ResidentSummary {
  return state.status === 'absent'
    ? { exists: false, residentId, communityId: null }
    : { exists: true, residentId, communityId: state.communityId };
}

function register(command: RegisterResident['data'], state: ResidentState): ResidentEvent[] {
  const { residentId, communityId, compoundId, buildingId, name, phone, tenure, compound, now } = command;
  if (state.status !== 'absent') {
    throw new InvalidTransition(state.status, 'register', `resident ${residentId} is already registered`);
  }
  if (!command.communityExists) throw new NotFound('community', communityId);
  if (!compound.exists) throw new NotFound('compound', compoundId);
  if (compound.communityId !== communityId) {
    throw new OutOfScope(
      'compound',
      compoundId,
      `compound ${compoundId} is in community ${compound.communityId}, not in community ${communityId}`,
      { communityId: compound.communityId, expectedCommunityId: communityId },
    );
  }
  if (!compound.buildingIds.includes(buildingId)) {
    throw new NotFound('building', buildingId, { entity: 'compound', id: compoundId });
  }
  return [
    {
      type: 'ResidentRegistered',
      data: { residentId, communityId, compoundId, buildingId, name, phone, tenure, registeredAt: now },
    },
  ];
}

function recordTenure(command: RecordTenure['data'], state: ResidentState): ResidentEvent[] {
  if (state.status === 'absent') throw new NotFound('resident', command.residentId);
  // The same tenure again is a retry, not a change: nothing to record.
  if (state.tenure === command.tenure) return [];
  return [
    {
      type: 'ResidentTenureRecorded',
      data: {
        residentId: command.residentId,
        communityId: state.communityId,
        compoundId: state.compoundId,
        tenure: command.tenure,
        recordedAt: command.now,
      },
    },
  ];
}

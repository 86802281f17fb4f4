import { RESIDENT_FLAGS, type ResidentFlag } from '@cogov/contracts';
import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  OutOfScope,
  assertNever,
} from '@cogov/decider';
import type { CompoundSummary } from './compound';

export { RESIDENT_FLAGS, type ResidentFlag };

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

/**
 * 关爱对象: the resident's care flags as they now are, the whole set replacing the last (an empty
 * list clears them). Personal data: shown only to those who may read the resident's.
 */
export type SetResidentFlags = {
  type: 'SetResidentFlags';
  data: { residentId: string; flags: readonly string[]; now: string };
};

export type ResidentCommand = RegisterResident | RecordTenure | SetResidentFlags;

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

/** The flags in `RESIDENT_FLAGS` order, whatever order they were sent in. */
export type ResidentFlagsSet = {
  type: 'ResidentFlagsSet';
  data: {
    residentId: string;
    communityId: string;
    compoundId: string;
    flags: ResidentFlag[];
    setAt: string;
  };
};

export type ResidentEvent = ResidentRegistered | ResidentTenureRecorded | ResidentFlagsSet;

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
      /** Absent on a state folded before flags were recorded: none. */
      flags?: ResidentFlag[];
    };

export const initialState = (): ResidentState => ({ status: 'absent' });

export function decide(command: ResidentCommand, state: ResidentState): ResidentEvent[] {
  switch (command.type) {
    case 'RegisterResident':
      return register(command.data, state);
    case 'RecordTenure':
      return recordTenure(command.data, state);
    case 'SetResidentFlags':
      return setFlags(command.data, state);
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
    case 'ResidentFlagsSet':
      return state.status === 'absent' ? state : { ...state, flags: [...event.data.flags] };
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

const isFlag = (flag: string): flag is ResidentFlag => (RESIDENT_FLAGS as readonly string[]).includes(flag);

function setFlags(command: SetResidentFlags['data'], state: ResidentState): ResidentEvent[] {
  if (state.status === 'absent') throw new NotFound('resident', command.residentId);
  const unknown = command.flags.filter((flag) => !isFlag(flag));
  if (unknown.length > 0) {
    throw new InvalidInput(`unknown care flags: ${unknown.join(', ')}; known: ${RESIDENT_FLAGS.join(', ')}`, {
      flags: unknown,
    });
  }
  if (new Set(command.flags).size !== command.flags.length) {
    throw new InvalidInput('a care flag is named twice', { flags: [...command.flags] });
  }
  const flags = RESIDENT_FLAGS.filter((flag) => command.flags.includes(flag));
  const current = state.flags ?? [];
  // The same set again is a retry, not a change: nothing to record.
  if (flags.length === current.length && flags.every((flag) => current.includes(flag))) return [];
  return [
    {
      type: 'ResidentFlagsSet',
      data: {
        residentId: command.residentId,
        communityId: state.communityId,
        compoundId: state.compoundId,
        flags,
        setAt: command.now,
      },
    },
  ];
}

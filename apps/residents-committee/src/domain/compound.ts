import { type Decider, InvalidTransition, NotFound, RuleViolation, assertNever } from '@cogov/decider';

export type RegisterCompound = {
  type: 'RegisterCompound';
  data: {
    compoundId: string;
    communityId: string;
    communityExists: boolean;
    name: string;
    address: string;
    now: string;
  };
};

export type AddBuilding = {
  type: 'AddBuilding';
  data: { compoundId: string; buildingId: string; name: string; number: string; now: string };
};

export type CompoundCommand = RegisterCompound | AddBuilding;

export type CompoundRegistered = {
  type: 'CompoundRegistered';
  data: { compoundId: string; communityId: string; name: string; address: string; registeredAt: string };
};

/** Carries the community so the published building needs no lookup of the compound. */
export type BuildingAdded = {
  type: 'BuildingAdded';
  data: {
    compoundId: string;
    communityId: string;
    buildingId: string;
    name: string;
    number: string;
    addedAt: string;
  };
};

export type CompoundEvent = CompoundRegistered | BuildingAdded;

/** 小区: a residential compound with its buildings (楼栋). */
export type CompoundState =
  | { status: 'absent' }
  | {
      status: 'registered';
      compoundId: string;
      communityId: string;
      name: string;
      /** building id → building number; numbers are how residents name their building. */
      buildings: Record<string, string>;
    };

export const initialState = (): CompoundState => ({ status: 'absent' });

export function decide(command: CompoundCommand, state: CompoundState): CompoundEvent[] {
  switch (command.type) {
    case 'RegisterCompound':
      return register(command.data, state);
    case 'AddBuilding':
      return addBuilding(command.data, state);
    default:
      return assertNever(command);
  }
}

export function evolve(state: CompoundState, event: CompoundEvent): CompoundState {
  switch (event.type) {
    case 'CompoundRegistered': {
      const { compoundId, communityId, name } = event.data;
      return { status: 'registered', compoundId, communityId, name, buildings: {} };
    }
    case 'BuildingAdded':
      if (state.status === 'absent') return state;
      return { ...state, buildings: { ...state.buildings, [event.data.buildingId]: event.data.number } };
    default:
      return assertNever(event);
  }
}

export const compoundDecider: Decider<CompoundCommand, CompoundState, CompoundEvent> = {
  initialState,
  decide,
  evolve,
};

/** What the resident's and the order's decisions need to know of a compound, loaded beforehand. */
export type CompoundSummary =
  | { exists: false; compoundId: string; communityId: null; buildingIds: readonly string[] }
  | { exists: true; compoundId: string; communityId: string; buildingIds: readonly string[] };

export function summarizeCompound(compoundId: string, state: CompoundState): CompoundSummary {
  return state.status === 'absent'
    ? { exists: false, compoundId, communityId: null, buildingIds: [] }
    : { exists: true, compoundId, communityId: state.communityId, buildingIds: Object.keys(state.buildings) };
}

function register(command: RegisterCompound['data'], state: CompoundState): CompoundEvent[] {
  const { compoundId, communityId, communityExists, name, address, now } = command;
  if (state.status !== 'absent') {
    throw new InvalidTransition(state.status, 'register', `compound ${compoundId} is already registered`);
  }
  if (!communityExists) throw new NotFound('community', communityId);
  return [
    { type: 'CompoundRegistered', data: { compoundId, communityId, name, address, registeredAt: now } },
  ];
}

function addBuilding(command: AddBuilding['data'], state: CompoundState): CompoundEvent[] {
  const { compoundId, buildingId, name, number, now } = command;
  if (state.status === 'absent') throw new NotFound('compound', compoundId);
  if (Object.values(state.buildings).includes(number)) {
    throw new RuleViolation(`compound ${compoundId} already has a building number ${number}`, { number });
  }
  return [
    {
      type: 'BuildingAdded',
      data: { compoundId, communityId: state.communityId, buildingId, name, number, addedAt: now },
    },
  ];
}

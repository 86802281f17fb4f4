import { type Decider, InvalidTransition, NotFound, RuleViolation } from '@cogov/event-sourcing';

export type RegisterCompound = {
  type: 'RegisterCompound';
  data: { compoundId: string; communityId: string; communityExists: boolean; name: string; address: string; now: string };
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
export type BuildingAdded = {
  type: 'BuildingAdded';
  data: { compoundId: string; communityId: string; buildingId: string; name: string; number: string; addedAt: string };
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
      /** building id → building number */
      buildings: Record<string, string>;
    };

export const initialState = (): CompoundState => ({ status: 'absent' });

export function decide(command: CompoundCommand, state: CompoundState): CompoundEvent[] {
  switch (command.type) {
    case 'RegisterCompound': {
      const { compoundId, communityId, communityExists, name, address, now } = command.data;
      if (!communityExists) throw new NotFound('community', communityId);
      if (state.status !== 'absent') {
        throw new InvalidTransition(state.status, 'register', `compound ${compoundId} is already registered`);
      }
      return [{ type: 'CompoundRegistered', data: { compoundId, communityId, name, address, registeredAt: now } }];
    }
    case 'AddBuilding': {
      const { compoundId, buildingId, name, number, now } = command.data;
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
  }
}

export const compoundDecider: Decider<CompoundCommand, CompoundState, CompoundEvent> = { initialState, decide, evolve };

/** What other decisions need to know of a compound. */
export interface CompoundSummary {
  readonly exists: boolean;
  readonly compoundId: string;
  readonly communityId: string | null;
  readonly buildingIds: readonly string[];
}

export function summarizeCompound(compoundId: string, state: CompoundState): CompoundSummary {
  return state.status === 'absent'
    ? { exists: false, compoundId, communityId: null, buildingIds: [] }
    : { exists: true, compoundId, communityId: state.communityId, buildingIds: Object.keys(state.buildings) };
}

import { type Decider, InvalidInput, InvalidTransition, NotFound } from '@cogov/event-sourcing';
import type { CompoundSummary } from './compound';

export type RegisterResident = {
  type: 'RegisterResident';
  data: {
    residentId: string;
    communityId: string;
    compoundId: string;
    buildingId: string;
    name: string;
    phone: string;
    compound: CompoundSummary;
    now: string;
  };
};
export type ResidentCommand = RegisterResident;

/** Personal data (name, phone) stays in the residents' committee's own streams. */
export type ResidentRegistered = {
  type: 'ResidentRegistered';
  data: {
    residentId: string;
    communityId: string;
    compoundId: string;
    buildingId: string;
    name: string;
    phone: string;
    registeredAt: string;
  };
};
export type ResidentEvent = ResidentRegistered;

export type ResidentState =
  | { status: 'absent' }
  | { status: 'registered'; residentId: string; communityId: string; compoundId: string; buildingId: string };

export const initialState = (): ResidentState => ({ status: 'absent' });

export function decide(command: ResidentCommand, state: ResidentState): ResidentEvent[] {
  const { residentId, communityId, compoundId, buildingId, name, phone, compound, now } = command.data;
  if (state.status !== 'absent') {
    throw new InvalidTransition(state.status, 'register', `resident ${residentId} is already registered`);
  }
  if (!compound.exists) throw new NotFound('compound', compoundId);
  if (compound.communityId !== communityId) {
    throw new InvalidInput(`compound ${compoundId} is not in community ${communityId}`, { compoundId, communityId });
  }
  if (!compound.buildingIds.includes(buildingId)) {
    throw new InvalidInput(`building ${buildingId} is not in compound ${compoundId}`, { buildingId, compoundId });
  }
  return [
    {
      type: 'ResidentRegistered',
      data: { residentId, communityId, compoundId, buildingId, name, phone, registeredAt: now },
    },
  ];
}

export function evolve(state: ResidentState, event: ResidentEvent): ResidentState {
  const { residentId, communityId, compoundId, buildingId } = event.data;
  return { status: 'registered', residentId, communityId, compoundId, buildingId };
}

export const residentDecider: Decider<ResidentCommand, ResidentState, ResidentEvent> = { initialState, decide, evolve };

export interface ResidentSummary {
  readonly exists: boolean;
  readonly residentId: string;
  readonly communityId: string | null;
}

export function summarizeResident(residentId: string, state: ResidentState): ResidentSummary {
  return state.status === 'absent'
    ? { exists: false, residentId, communityId: null }
    : { exists: true, residentId, communityId: state.communityId };
}

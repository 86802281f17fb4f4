import { type Decider, InvalidTransition } from '@cogov/decider';

export type RegisterStreet = {
  type: 'RegisterStreet';
  data: { streetId: string; name: string; now: string };
};

export type StreetCommand = RegisterStreet;

export type StreetRegistered = {
  type: 'StreetRegistered';
  data: { streetId: string; name: string; registeredAt: string };
};

export type StreetEvent = StreetRegistered;

/**
 * 街道: the street (sub-district) office above communities. A street-scoped token sees the
 * communities registered in it.
 */
export type StreetState =
  { status: 'absent' } | { status: 'registered'; streetId: string; name: string; registeredAt: string };

export const initialState = (): StreetState => ({ status: 'absent' });

// One command and one event so far: no switch until a second arrives.
export function decide(command: StreetCommand, state: StreetState): StreetEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(state.status, 'register', `street ${state.streetId} is already registered`);
  }
  const { streetId, name, now } = command.data;
  return [{ type: 'StreetRegistered', data: { streetId, name, registeredAt: now } }];
}

export function evolve(_state: StreetState, event: StreetEvent): StreetState {
  return { status: 'registered', ...event.data };
}

export const streetDecider: Decider<StreetCommand, StreetState, StreetEvent> = {
  initialState,
  decide,
  evolve,
};

/** The clock is a port so tests and replays control time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
export const CLOCK = Symbol('Clock');

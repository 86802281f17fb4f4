import { randomUUID } from 'node:crypto';

/** Who is acting and why: becomes the metadata of every event the command produces. */
export interface CommandContext {
  readonly actorId: string;
  readonly onBehalfOf?: string | null;
  readonly correlationId: string;
  /** The request, command or integration event that caused this command. */
  readonly causationId: string | null;
  /**
   * Makes the command safe to retry: its events get ids derived from this key, and a stream that
   * already holds them is left as it is.
   */
  readonly idempotencyKey?: string;
  readonly now: Date;
}

export function systemContext(
  actorId: string,
  now: Date,
  overrides: Partial<CommandContext> = {},
): CommandContext {
  const correlationId = overrides.correlationId ?? randomUUID();
  return { actorId, correlationId, causationId: null, now, ...overrides };
}

/** The clock is a port so tests and replays control time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
export const CLOCK = Symbol('Clock');

import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

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

const NEW_ID_NAMESPACE = '5c0b6f7e-2d54-4b0e-9f43-7a1c2e9d8b36';

/**
 * The id of a thing a command creates. Random, unless the command carries an idempotency key:
 * then derived from it, so a retried create finds its own events and answers with the same id.
 */
export function newId(context: CommandContext, purpose: string): string {
  return context.idempotencyKey
    ? uuidv5(`${purpose}:${context.idempotencyKey}`, NEW_ID_NAMESPACE)
    : randomUUID();
}

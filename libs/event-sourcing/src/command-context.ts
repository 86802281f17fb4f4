import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { DomainError } from '@cogov/decider';

/** Who is acting and why: becomes the metadata of every event the command produces. */
export interface CommandContext {
  readonly actorId: string;
  readonly onBehalfOf?: string | null;
  readonly correlationId: string;
  /** The request, command or integration event that caused this command. */
  readonly causationId: string | null;
  /**
   * Makes the command safe to retry: its events get ids derived from this key (within
   * `idempotencyScope`), and a stream that already holds them is left as it is. A stream that
   * holds them with another `causationId` was written by another request under the same key:
   * {@link IdempotencyKeyReused}. So the causation id of a keyed command must identify the
   * request itself, the same on every retry of it (an integration event's id; for HTTP, derived
   * from the key and the body).
   */
  readonly idempotencyKey?: string;
  /**
   * Whose key it is and for what: an HTTP client's key is its own, for one command on one target
   * (`<caller> POST /api/orders/<id>/review`), so two callers' keys never meet. Absent for keys
   * unique by construction, such as integration event ids.
   */
  readonly idempotencyScope?: string;
  readonly now: Date;
}

/** The key ids are derived from: the key within its scope. Null without a key. */
export function scopedIdempotencyKey(context: CommandContext): string | null {
  if (!context.idempotencyKey) return null;
  return context.idempotencyScope
    ? `${context.idempotencyScope}|${context.idempotencyKey}`
    : context.idempotencyKey;
}

/**
 * The same command context without its idempotency key, for a command's writes to other streams
 * (a reservation, a claim): the request's key would derive the same event ids on each stream as
 * on the aggregate's. Such writes are idempotent by their own rule (the same holder reserving
 * again reserves nothing new).
 */
export function withoutIdempotencyKey(context: CommandContext): CommandContext {
  const { idempotencyKey: _key, idempotencyScope: _scope, ...rest } = context;
  return rest;
}

/** The key was used before, by another request (another body, or another stream). */
export class IdempotencyKeyReused extends DomainError {
  readonly code = 'idempotency-key-reused';
  constructor(idempotencyKey: string) {
    super(
      `Idempotency-Key ${idempotencyKey} was already used for a different request; send a new key for a new request`,
      { idempotencyKey },
    );
  }
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
  const key = scopedIdempotencyKey(context);
  return key ? uuidv5(`${purpose}:${key}`, NEW_ID_NAMESPACE) : randomUUID();
}

import {
  ConcurrencyConflict,
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  RuleViolation,
} from '@cogov/decider';

/**
 * A delivery that no retry can mend: the payload fails its schema, its version is unknown, it is
 * not an integration event at all. The bus dead-letters it at once, with this reason, and moves on.
 */
export class PermanentDeliveryFailure extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'PermanentDeliveryFailure';
  }
}

/**
 * How a failed delivery is treated (ADR 16):
 * - `permanent`: dead-lettered at once, retrying cannot change the answer;
 * - `transient`: it may mend itself (the database or broker is back, the missing fact arrives, the
 *   concurrent writer is done): retried briefly, then parked, never dead-lettered;
 * - `unknown`: most likely a bug; retried as before, then dead-lettered for an operator to replay
 *   once it is fixed.
 */
export type FailureKind = 'permanent' | 'transient' | 'unknown';

/** Node's socket errors: the peer is down, unreachable or went away. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

/**
 * SQLSTATEs that say the server, not the statement, is the problem: 08 connection exception,
 * 53 insufficient resources, 57P01-57P03 shutdown or start-up, 40001/40P01 serialisation and
 * deadlock (the transaction may simply be run again).
 */
const TRANSIENT_SQLSTATE = /^(08|53|57P0[1-3]$|40001$|40P01$)/;

/** pg and pg-pool report a lost or never-made connection as a bare Error with these words. */
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|the database system is (starting up|shutting down)/i;

/** Errors of the store the repository normally handles itself, and that mean "try again". */
const TRANSIENT_NAMES = new Set(['WrongExpectedRevision']);
/** A store error no retry changes: the same ids would be refused again. */
const PERMANENT_NAMES = new Set(['DuplicateEventId', 'InconsistentRetry']);

export function classifyFailure(error: unknown): FailureKind {
  return classify(error, 0);
}

function classify(error: unknown, depth: number): FailureKind {
  if (depth > 5 || error === null || typeof error !== 'object') return 'unknown';
  if (error instanceof PermanentDeliveryFailure) return 'permanent';
  // A fact that contradicts the aggregate, or a rule that forbids it, says the same tomorrow.
  if (error instanceof InvalidInput || error instanceof InvalidTransition || error instanceof RuleViolation) {
    return 'permanent';
  }
  // The fact refers to something another context has not delivered yet (topics are not ordered
  // with each other), or another writer won the race five times in a row.
  if (error instanceof NotYetKnown || error instanceof NotFound || error instanceof ConcurrencyConflict) {
    return 'transient';
  }
  const e = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    driverError?: unknown;
    errors?: unknown;
  };
  if (typeof e.name === 'string') {
    if (PERMANENT_NAMES.has(e.name)) return 'permanent';
    if (TRANSIENT_NAMES.has(e.name)) return 'transient';
    // kafkajs' own errors are all about reaching the broker (the dead-letter producer's sends).
    if (e.name.startsWith('KafkaJS')) return 'transient';
  }
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || TRANSIENT_SQLSTATE.test(e.code))) {
    return 'transient';
  }
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return 'transient';
  // TypeORM wraps the driver's error; Node wraps the errors of each address it tried to connect to.
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])];
  for (const nested of inner) {
    const kind = classify(nested, depth + 1);
    if (kind !== 'unknown') return kind;
  }
  return 'unknown';
}

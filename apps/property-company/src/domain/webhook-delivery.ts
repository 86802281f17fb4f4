import type { IntegrationEvent } from '@cogov/contracts';

export { WEBHOOK_EVENT_TYPES } from '@cogov/contracts';

/**
 * A webhook delivery to a partner's system: one published integration event for one registered
 * URL. Pending until the partner's system answers 2xx; every failed attempt schedules the next
 * one further off (exponential backoff, capped), until the attempts of the round run out and the
 * delivery is failed. A redelivery on request starts a new round.
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface Delivery {
  readonly status: DeliveryStatus;
  /** Every attempt so far, over all rounds. */
  readonly attempts: number;
  /** Attempts since the delivery was created or last redelivered. */
  readonly roundAttempts: number;
  readonly lastError: string | null;
  /** When the next attempt is due; null once delivered or failed. */
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
}

export interface RetryPolicy {
  /** Attempts per round before the delivery is failed. */
  readonly maxAttempts: number;
  /** The wait after the first failed attempt; doubled after each further one. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_WEBHOOK_RETRY: RetryPolicy = {
  maxAttempts: 8,
  firstDelayMs: 10_000,
  maxDelayMs: 3_600_000,
};

export type AttemptOutcome = { ok: true } | { ok: false; error: string };

export const newDelivery = (now: string): Delivery => ({
  status: 'pending',
  attempts: 0,
  roundAttempts: 0,
  lastError: null,
  nextAttemptAt: now,
  deliveredAt: null,
});

/** The wait before attempt `failed + 1`, after `failed` failed attempts of the round. */
export function backoffMs(failed: number, policy: RetryPolicy): number {
  return Math.min(policy.firstDelayMs * 2 ** Math.max(0, failed - 1), policy.maxDelayMs);
}

/** The delivery after one attempt at `now`. */
export function afterAttempt(
  delivery: Delivery,
  outcome: AttemptOutcome,
  now: Date,
  policy: RetryPolicy,
): Delivery {
  const attempts = delivery.attempts + 1;
  const roundAttempts = delivery.roundAttempts + 1;
  if (outcome.ok) {
    return {
      ...delivery,
      status: 'delivered',
      attempts,
      roundAttempts,
      nextAttemptAt: null,
      deliveredAt: now.toISOString(),
    };
  }
  const exhausted = roundAttempts >= policy.maxAttempts;
  return {
    ...delivery,
    status: exhausted ? 'failed' : 'pending',
    attempts,
    roundAttempts,
    lastError: outcome.error,
    nextAttemptAt: exhausted
      ? null
      : new Date(now.getTime() + backoffMs(roundAttempts, policy)).toISOString(),
  };
}

/**
 * Asked for by the partner: due at once whatever it was, with a fresh round of attempts unless
 * the partner only wants the wait cut short.
 */
export function redeliver(delivery: Delivery, now: Date, freshRound = true): Delivery {
  return {
    ...delivery,
    status: 'pending',
    roundAttempts: freshRound ? 0 : delivery.roundAttempts,
    nextAttemptAt: now.toISOString(),
  };
}

/**
 * The property company a published integration event is about, whose partner system receives
 * it: an order dispatched to it, its own work on orders, its registration and rule status.
 * Null for anything else (another kind of executor, another context's facts). Covers
 * `WEBHOOK_EVENT_TYPES` of the partner contract.
 */
export function concernedCompany(event: IntegrationEvent): string | null {
  const data = event.data;
  switch (event.type) {
    case 'residents-committee.order-dispatched':
      return data.assigneeKind === 'property-company' ? str(data.assigneeId) : null;
    case 'property-company.order-work': {
      const executor = data.executor as { kind?: unknown; id?: unknown } | undefined;
      return executor?.kind === 'property-company' ? str(executor.id) : null;
    }
    case 'property-company.company-registered':
    case 'property-company.red-property-rule-assessed':
    case 'property-company.contract-recorded':
    case 'property-company.evaluation-graded':
    case 'owners-committee.property-evaluation-recorded':
    case 'party-organization.company-rated':
      return str(data.companyId);
    default:
      return null;
  }
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

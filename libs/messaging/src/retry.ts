import { classifyFailure, type FailureKind } from './delivery-failures';

export interface RetryPolicy {
  /** Attempts in line, before a transient failure is parked or an unknown one dead-lettered. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  /** A parked event's first retry comes after this long, then twice as long each time (1 s). */
  readonly parkedBaseDelayMs?: number;
  /** … up to this (30 s). */
  readonly parkedMaxDelayMs?: number;
}

/**
 * In line, four attempts 50, 100 and 200 ms apart: 350 ms at most, so one failing event holds
 * the events of other aggregates behind it for well under a second before it is parked.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 50 };

export interface DeliveryFailure {
  readonly error: unknown;
  readonly kind: FailureKind;
  readonly attempts: number;
}

/**
 * Runs `work` up to `attempts` times with exponential backoff, and stops at once on a failure no
 * retry can mend. Returns the last failure, classified, or null.
 */
export async function withRetries(
  policy: RetryPolicy,
  work: () => Promise<void>,
  signal?: AbortSignal,
): Promise<DeliveryFailure | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return null;
    } catch (error) {
      const kind = classifyFailure(error);
      if (kind === 'permanent' || attempt >= policy.attempts || signal?.aborted) {
        return { error, kind, attempts: attempt };
      }
      await new Promise((r) => setTimeout(r, policy.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}

/** When a parked event that has failed `attempts` times is next tried. */
export function parkedRetryDelayMs(policy: RetryPolicy, attempts: number): number {
  const base = policy.parkedBaseDelayMs ?? 1000;
  const max = policy.parkedMaxDelayMs ?? 30_000;
  return Math.min(max, base * 2 ** Math.max(0, Math.min(attempts - 1, 20)));
}

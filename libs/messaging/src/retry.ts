export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 100 };

/** Runs `work` up to `attempts` times with exponential backoff; returns the last error or null. */
export async function withRetries(
  policy: RetryPolicy,
  work: () => Promise<void>,
  signal?: AbortSignal,
): Promise<{ error: unknown; attempts: number } | null> {
  let lastError: unknown = null;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      await work();
      return null;
    } catch (error) {
      lastError = error;
      if (attempt === policy.attempts || signal?.aborted) return { error, attempts: attempt };
      await new Promise((r) => setTimeout(r, policy.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
  return { error: lastError, attempts: policy.attempts };
}

import type { EventStore, FollowOptions, RecordedEvent } from './event-store.port';

/** Something an adapter can await to learn that new events may be readable. */
export interface AppendSignal {
  /**
   * Arms a wait that resolves on the next append in this process, after `timeoutMs`, or when
   * `signal` aborts. Arm before the read that finds nothing, so no append slips between.
   */
  arm(timeoutMs: number, signal: AbortSignal): ArmedWait;
}

export interface ArmedWait {
  readonly fired: Promise<void>;
  cancel(): void;
}

/** Wakes followers in this process as soon as an append commits; other processes are seen by polling. */
export class LocalAppendSignal implements AppendSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  arm(timeoutMs: number, signal: AbortSignal): ArmedWait {
    let done: () => void = () => undefined;
    const fired = new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), timeoutMs);
      done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      if (signal.aborted) return done();
      signal.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
    return { fired, cancel: () => done() };
  }
}

/**
 * Catch-up then live: reads batches with readAll, and when caught up waits for an append
 * signal (or a poll interval, for appends made by other processes).
 */
export async function* followByPolling(
  store: Pick<EventStore, 'readAll'>,
  appended: AppendSignal,
  options: FollowOptions & { pollIntervalMs?: number },
): AsyncIterable<RecordedEvent[]> {
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollIntervalMs ?? 250;
  let after = options.after;
  while (!options.signal.aborted) {
    let batch = await store.readAll({ after, maxCount: batchSize });
    if (batch.length === 0) {
      const wait = appended.arm(pollMs, options.signal);
      batch = await store.readAll({ after, maxCount: batchSize });
      if (batch.length === 0) {
        await wait.fired;
        continue;
      }
      wait.cancel();
    }
    after = batch[batch.length - 1]!.globalPosition;
    yield batch;
  }
}

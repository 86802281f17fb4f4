import type { Logger } from '@nestjs/common';
import type { IntegrationEvent } from '@cogov/contracts';
import { Mutex } from '@cogov/persistence';
import { classifyFailure } from './delivery-failures';
import type { Subscription } from './integration-event-bus.port';
import { handleInLogContext } from './log-context-of';
import type { ParkedEvents } from './parked-events';
import { parkedRetryDelayMs, type RetryPolicy, withRetries } from './retry';

/** Writes a dead letter durably (a table row, a record on the broker), or throws. */
export type DeadLetterSink = (event: IntegrationEvent, error: string, attempts: number) => Promise<void>;

export interface ConsumerGroupOptions {
  readonly retry: RetryPolicy;
  /** How often the parked table is read when nothing is known to be parked (operator replays). */
  readonly parkedPollMs?: number;
  /** Passes over the parked events that new deliveries trigger are at least this far apart. */
  readonly parkedPassIntervalMs?: number;
  readonly now?: () => number;
}

/**
 * One consumer group's way with a delivered event, the same for every adapter (ADR 16): handled;
 * or, when it fails for a reason no retry can mend, dead-lettered at once; or, when it may mend
 * itself, retried briefly and then parked, with every later event of its key parked behind it,
 * while other keys flow on. Parked events are retried whenever the group handles a new event and
 * on a timer with backoff. `deliver` resolves only once the event's outcome is durable, so the
 * adapter may then move its checkpoint or commit its offset past it.
 */
export class ConsumerGroup {
  /** Keys with parked events: their next events must wait behind them. */
  private readonly parkedKeys = new Set<string>();
  private readonly keyLocks = new Map<string, Mutex>();
  private parkedCount = 0;
  private woken = false;
  /** Something was parked since the last pass was planned: plan again. */
  private replan = false;
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(
    readonly subscription: Subscription,
    private readonly parked: ParkedEvents,
    private readonly deadLetter: DeadLetterSink,
    private readonly logger: Logger,
    private readonly options: ConsumerGroupOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get group(): string {
    return this.subscription.group;
  }

  /** Events parked when last counted (after each pass, and as they are parked). */
  get parkedEvents(): number {
    return this.parkedCount;
  }

  async start(signal: AbortSignal): Promise<void> {
    await this.refresh();
    this.loop = this.retryParked(signal);
  }

  /** Resolves once the retry loop has seen `signal` abort. */
  async stopped(): Promise<void> {
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  /** Learns of keys parked elsewhere (an operator's replay, another member before a rebalance). */
  async refresh(): Promise<void> {
    const rows = await this.parked.list(this.group);
    for (const row of rows) this.parkedKeys.add(row.key);
    this.parkedCount = rows.length;
  }

  /**
   * Handles, parks or dead-letters `event`. While none of these can be made durable (the
   * database is down, so parking fails too) it keeps trying, and the adapter must not go past the
   * event: rejects only once `signal` aborted. `heartbeat` keeps a Kafka member in its group
   * meanwhile, and its error (a rebalance) is passed on.
   */
  async deliver(
    event: IntegrationEvent,
    signal: AbortSignal,
    heartbeat?: () => Promise<void>,
  ): Promise<void> {
    const handler = this.subscription.handlers[event.type];
    if (!handler) return;
    for (let round = 1; ; round++) {
      try {
        if (!handler.versions.includes(event.version)) {
          await this.deadLetter(event, `unknown schema version ${event.version} of ${event.type}`, 0);
          return;
        }
        if (await this.parkIfWaiting(event)) return;
        const failure = await withRetries(
          this.options.retry,
          () => handleInLogContext(handler, event),
          signal,
        );
        if (!failure) {
          this.wake();
          return;
        }
        if (signal.aborted) throw failure.error;
        const reason = describe(failure.error);
        if (failure.kind === 'transient') {
          this.logger.warn(
            `consumer ${this.group} parks ${event.type} ${event.eventId} (key ${event.key}) after ${failure.attempts} attempts: ${reason}`,
          );
          await this.park(event, reason, failure.attempts);
        } else {
          this.logger.error(
            `consumer ${this.group} dead-letters ${event.type} ${event.eventId} after ${failure.attempts} attempts (${failure.kind}): ${reason}`,
          );
          await this.deadLetter(event, reason, failure.attempts);
        }
        return;
      } catch (error) {
        if (signal.aborted) throw error;
        // Neither handled, parked nor dead-lettered: nothing may go past this event yet.
        // At most 2 s apart, well inside a Kafka session (6 s): each round ends with a heartbeat.
        const delay = Math.min(2000, 100 * 2 ** Math.min(round, 5));
        this.logger.warn(
          `consumer ${this.group} cannot settle ${event.type} ${event.eventId} yet (try ${round}), again in ${delay} ms: ${describe(error)}`,
        );
        await abortable(delay, signal);
      }
      await heartbeat?.();
    }
  }

  private async parkIfWaiting(event: IntegrationEvent): Promise<boolean> {
    if (!this.parkedKeys.has(event.key)) return false;
    return this.lock(event.key, async () => {
      if (!this.parkedKeys.has(event.key)) return false; // drained meanwhile
      await this.parked.park(this.group, event, `waiting behind an earlier event of ${event.key}`, 0, 0);
      this.parkedCount++;
      return true;
    });
  }

  private async park(event: IntegrationEvent, error: string, attempts: number): Promise<void> {
    await this.lock(event.key, async () => {
      const next = this.now() + parkedRetryDelayMs(this.options.retry, 1);
      await this.parked.park(this.group, event, error, attempts, next);
      this.parkedKeys.add(event.key);
      this.parkedCount++;
    });
    this.replan = true; // so the timer is set for this event's first retry
    this.wakeUp?.();
  }

  /** A delivery succeeded: whatever was missing may have arrived with it. */
  private wake(): void {
    if (this.parkedKeys.size === 0) return;
    this.woken = true;
    this.wakeUp?.();
  }

  private async retryParked(signal: AbortSignal): Promise<void> {
    const pollMs = this.options.parkedPollMs ?? 5000;
    const intervalMs = this.options.parkedPassIntervalMs ?? 100;
    while (!signal.aborted) {
      const everyKey = this.woken;
      this.woken = false;
      this.replan = false;
      let next = this.now() + pollMs;
      try {
        next = Math.min(next, await this.pass(everyKey, signal));
      } catch (error) {
        if (signal.aborted) return;
        this.logger.warn(`consumer ${this.group} could not retry its parked events: ${describe(error)}`);
        next = this.now() + 1000;
      }
      await abortable(intervalMs, signal);
      if (signal.aborted || this.woken || this.replan) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, next - this.now()));
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
        this.wakeUp = done;
      });
      this.wakeUp = null;
    }
  }

  /**
   * Tries the first parked event of every key that is due (of every key, when `everyKey`), and
   * each of its followers after it while they succeed. Returns when the next key falls due.
   */
  private async pass(everyKey: boolean, signal: AbortSignal): Promise<number> {
    const rows = await this.parked.list(this.group);
    this.parkedCount = rows.length;
    const heads = new Map<string, number>();
    for (const row of rows) {
      this.parkedKeys.add(row.key);
      if (!heads.has(row.key)) heads.set(row.key, row.nextAttemptAt);
    }
    let next = Infinity;
    for (const [key, dueAt] of heads) {
      if (signal.aborted) break;
      if (!everyKey && dueAt > this.now()) {
        next = Math.min(next, dueAt);
        continue;
      }
      const again = await this.lock(key, () => this.drain(key, signal));
      if (again !== null) next = Math.min(next, again);
    }
    return next;
  }

  /** Applies a key's parked events in order until one fails; returns when to try it again. */
  private async drain(key: string, signal: AbortSignal): Promise<number | null> {
    const rows = await this.parked.list(this.group, key);
    for (const row of rows) {
      if (signal.aborted) return null;
      const { event } = row;
      const handler = this.subscription.handlers[event.type];
      let outcome: { dead: string } | { again: string; attempts: number } | null = null;
      if (!handler) {
        outcome = { dead: `${this.group} has no handler for ${event.type}` };
      } else if (!handler.versions.includes(event.version)) {
        outcome = { dead: `unknown schema version ${event.version} of ${event.type}` };
      } else {
        try {
          await handleInLogContext(handler, event);
        } catch (error) {
          const kind = classifyFailure(error);
          const attempts = row.attempts + 1;
          if (kind === 'transient' || (kind === 'unknown' && attempts < this.options.retry.attempts)) {
            outcome = { again: describe(error), attempts };
          } else {
            outcome = { dead: describe(error) };
          }
        }
      }
      if (outcome && 'again' in outcome) {
        // A try a delivery woke before the event fell due is a free look: counting it would push
        // the timer's next try further out, and a busy consumer's wakes would use up the attempts
        // of an `unknown` failure long before its backoff allowed them.
        if (row.nextAttemptAt > this.now()) return row.nextAttemptAt;
        const next = this.now() + parkedRetryDelayMs(this.options.retry, outcome.attempts);
        await this.parked.failedAgain(this.group, event.eventId, outcome.again, outcome.attempts, next);
        return next;
      }
      if (outcome) {
        this.logger.error(
          `consumer ${this.group} dead-letters parked ${event.type} ${event.eventId}: ${outcome.dead}`,
        );
        await this.deadLetter(event, outcome.dead, row.attempts + 1);
      } else {
        this.logger.log(`consumer ${this.group} applied parked ${event.type} ${event.eventId}`);
      }
      await this.parked.remove(this.group, event.eventId);
      this.parkedCount = Math.max(0, this.parkedCount - 1);
    }
    // The key's mutex stays: a delivery of this key may be queued on it, and must find it again.
    this.parkedKeys.delete(key);
    return null;
  }

  private lock<T>(key: string, work: () => Promise<T>): Promise<T> {
    let mutex = this.keyLocks.get(key);
    if (!mutex) {
      mutex = new Mutex();
      this.keyLocks.set(key, mutex);
    }
    return mutex.runExclusive(work);
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function abortable(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

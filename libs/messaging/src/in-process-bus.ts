import { Logger } from '@nestjs/common';
import type { IntegrationEvent } from '@cogov/contracts';
import type { EventStore, RecordedEvent } from '@cogov/event-store';
import { CheckpointStore, type SqlDatabase } from '@cogov/persistence';
import type {
  BusStatus,
  IntegrationEventBus,
  OutboundMapper,
  Subscription,
} from './integration-event-bus.port';
import { handleInLogContext } from './log-context-of';
import { DEFAULT_RETRY, type RetryPolicy, withRetries } from './retry';

/**
 * The bus of the embedded default. Each consumer group follows the shared event store from its
 * own checkpoint, maps stored events through every publisher's mapper, and hands them to its
 * handlers; the checkpoint moves only after the batch is handled. A crash therefore redelivers
 * (at-least-once), exactly as the Kafka adapter does, and handlers must be idempotent.
 */
export class InProcessBus implements IntegrationEventBus {
  private readonly logger = new Logger('InProcessBus');
  private readonly mappers: Array<{ source: string; map: OutboundMapper }> = [];
  private readonly subscriptions: Subscription[] = [];
  private abort = new AbortController();
  private loops: Array<Promise<void>> = [];
  private readonly positions = new Map<string, number>();
  private readonly checkpoints: CheckpointStore;
  private deadLettered = 0;

  constructor(
    private readonly store: EventStore,
    private readonly db: SqlDatabase,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {
    this.checkpoints = new CheckpointStore(db, 'bus_checkpoints', 'consumer_group');
  }

  publishFrom(source: string, mapper: OutboundMapper): void {
    this.mappers.push({ source, map: mapper });
  }

  subscribe(subscription: Subscription): void {
    if (this.subscriptions.some((s) => s.group === subscription.group)) {
      throw new Error(`consumer group ${subscription.group} is already subscribed`);
    }
    this.subscriptions.push(subscription);
  }

  async start(): Promise<void> {
    await this.ensureSchema();
    this.abort = new AbortController();
    for (const subscription of this.subscriptions) {
      const after = await this.checkpoints.load(subscription.group);
      this.positions.set(subscription.group, after);
      this.loops.push(this.consume(subscription, this.abort.signal));
    }
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.loops);
    this.loops = [];
  }

  groups(): string[] {
    return this.subscriptions.map((s) => s.group);
  }

  status(): BusStatus {
    return {
      kind: 'in-process',
      // The store is the outbox and every group reads it directly: publishing is never behind.
      relays: [],
      consumers: this.subscriptions.map((s) => ({ group: s.group, position: this.position(s.group) })),
      deadLettered: this.deadLettered,
    };
  }

  /** The position up to which a group has handled events (for tests and health). */
  position(group: string): number {
    return this.positions.get(group) ?? 0;
  }

  private async consume(subscription: Subscription, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const after = this.position(subscription.group);
        for await (const batch of this.store.followAll({ after, signal, batchSize: 200 })) {
          for (const recorded of batch) await this.deliver(subscription, recorded, signal);
          if (signal.aborted) return; // an interrupted batch is redelivered on the next start
          const last = batch[batch.length - 1]!.globalPosition;
          await this.checkpoints.save(subscription.group, last);
          this.positions.set(subscription.group, last);
        }
      } catch (error) {
        if (signal.aborted) return;
        this.logger.error(
          `consumer ${subscription.group} failed, resuming from its checkpoint: ${describe(error)}`,
        );
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private async deliver(
    subscription: Subscription,
    recorded: RecordedEvent,
    signal: AbortSignal,
  ): Promise<void> {
    for (const { map } of this.mappers) {
      for (const event of map(recorded)) {
        const handler = subscription.handlers[event.type];
        if (!handler) continue;
        if (!handler.versions.includes(event.version)) {
          await this.deadLetter(subscription.group, event, `unknown schema version ${event.version}`, 0);
          continue;
        }
        const failure = await withRetries(this.retry, () => handleInLogContext(handler, event), signal);
        if (failure && !signal.aborted) {
          this.logger.error(
            `consumer ${subscription.group} gave up on ${event.type} ${event.eventId} after ${failure.attempts} attempts: ${describe(failure.error)}`,
          );
          await this.deadLetter(subscription.group, event, describe(failure.error), failure.attempts);
        } else if (failure) {
          throw failure.error;
        }
      }
    }
  }

  private async ensureSchema(): Promise<void> {
    await this.checkpoints.ensureSchema();
    await this.db.exclusive(async () => {
      await this.db.dataSource.query(
        `CREATE TABLE IF NOT EXISTS ${this.db.table('bus_dead_letters')} (
           event_id TEXT NOT NULL, consumer_group TEXT NOT NULL, type TEXT NOT NULL, version INTEGER NOT NULL,
           event TEXT NOT NULL, error TEXT NOT NULL, attempts INTEGER NOT NULL, failed_at TEXT NOT NULL,
           PRIMARY KEY (consumer_group, event_id))`,
      );
    });
  }

  private async deadLetter(
    group: string,
    event: IntegrationEvent,
    error: string,
    attempts: number,
  ): Promise<void> {
    this.deadLettered++;
    await this.db.transaction((m) =>
      m.query(
        `INSERT INTO ${this.db.table('bus_dead_letters')} (event_id, consumer_group, type, version, event, error, attempts, failed_at)
         VALUES (${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => this.db.param(i)).join(', ')})
         ON CONFLICT (consumer_group, event_id) DO UPDATE SET error = excluded.error, attempts = excluded.attempts, failed_at = excluded.failed_at`,
        [
          event.eventId,
          group,
          event.type,
          event.version,
          JSON.stringify(event),
          error,
          attempts,
          new Date().toISOString(),
        ],
      ),
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

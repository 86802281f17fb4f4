import { setMaxListeners } from 'node:events';
import { Logger } from '@nestjs/common';
import type { IntegrationEvent } from '@cogov/contracts';
import type { EventStore, RecordedEvent } from '@cogov/event-store';
import { CheckpointPace, CheckpointStore, type SqlDatabase } from '@cogov/persistence';
import type {
  BusStatus,
  IntegrationEventBus,
  OutboundMapper,
  Subscription,
} from './integration-event-bus.port';
import { ConsumerGroup, describe } from './consumer-group';
import { ensureDeadLetterTable } from './dead-letters';
import { ParkedEvents } from './parked-events';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';

export interface InProcessBusOptions {
  /** How often the parked table is read when nothing is known to be parked (5 s). */
  readonly parkedPollMs?: number;
  /** The clock parked events are scheduled by. */
  readonly now?: () => number;
}

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
  private readonly parked: ParkedEvents;
  private readonly consumerGroups = new Map<string, ConsumerGroup>();
  private deadLettered = 0;

  constructor(
    private readonly store: EventStore,
    private readonly db: SqlDatabase,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly options: InProcessBusOptions = {},
  ) {
    this.checkpoints = new CheckpointStore(db, 'bus_checkpoints', 'consumer_group');
    this.parked = new ParkedEvents(db);
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
    // Each consumer group and relay waits on this one signal in a few places at once: with five
    // contexts that is more than Node's default of 10 listeners, and no leak.
    setMaxListeners(10 + 4 * this.subscriptions.length, this.abort.signal);
    for (const subscription of this.subscriptions) {
      const group = new ConsumerGroup(
        subscription,
        this.parked,
        (event, error, attempts) => this.deadLetter(subscription.group, event, error, attempts),
        this.logger,
        { retry: this.retry, parkedPollMs: this.options.parkedPollMs, now: this.options.now },
      );
      this.consumerGroups.set(subscription.group, group);
      await group.start(this.abort.signal);
      const after = await this.checkpoints.load(subscription.group);
      this.positions.set(subscription.group, after);
      this.loops.push(this.consume(group, this.abort.signal));
    }
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all([...this.loops, ...[...this.consumerGroups.values()].map((g) => g.stopped())]);
    this.loops = [];
    this.consumerGroups.clear();
  }

  groups(): string[] {
    return this.subscriptions.map((s) => s.group);
  }

  status(): BusStatus {
    return {
      kind: 'in-process',
      // The store is the outbox and every group reads it directly: publishing is never behind.
      relays: [],
      consumers: this.subscriptions.map((s) => ({
        group: s.group,
        position: this.position(s.group),
        parked: this.consumerGroups.get(s.group)?.parkedEvents ?? 0,
      })),
      deadLettered: this.deadLettered,
    };
  }

  /** The position up to which a group has handled events (for tests and health). */
  position(group: string): number {
    return this.positions.get(group) ?? 0;
  }

  private async consume(group: ConsumerGroup, signal: AbortSignal): Promise<void> {
    const subscription = group.subscription;
    while (!signal.aborted) {
      try {
        const after = this.position(subscription.group);
        const pace = new CheckpointPace(after);
        for await (const batch of this.store.followAll({ after, signal, batchSize: 200 })) {
          let delivered = 0;
          for (const recorded of batch) delivered += await this.deliver(group, recorded, signal);
          if (signal.aborted) return; // an interrupted batch is redelivered on the next start
          const last = batch[batch.length - 1]!.globalPosition;
          // A batch of nothing the group consumes moves it on in memory; the checkpoint follows now
          // and then (a restart reads those events again and, again, delivers none of them).
          if (pace.due(last, delivered > 0)) {
            await this.checkpoints.save(subscription.group, last);
            pace.saved(last);
          }
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

  /** Delivers what the stored event becomes to the group; answers how many it consumes. */
  private async deliver(group: ConsumerGroup, recorded: RecordedEvent, signal: AbortSignal): Promise<number> {
    let consumed = 0;
    for (const { map } of this.mappers) {
      for (const event of map(recorded)) {
        if (group.subscription.handlers[event.type]) consumed += 1;
        await group.deliver(event, signal);
      }
    }
    return consumed;
  }

  private async ensureSchema(): Promise<void> {
    await this.checkpoints.ensureSchema();
    await this.parked.ensureSchema();
    await ensureDeadLetterTable(this.db);
  }

  private async deadLetter(
    group: string,
    event: IntegrationEvent,
    error: string,
    attempts: number,
  ): Promise<void> {
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
    this.deadLettered++;
  }
}

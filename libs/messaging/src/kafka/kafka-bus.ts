import { setMaxListeners } from 'node:events';
import { Logger } from '@nestjs/common';
import {
  type Admin,
  type Consumer,
  Kafka,
  type KafkaMessage,
  logLevel,
  Partitioners,
  type Producer,
} from 'kafkajs';
import type { IntegrationEvent } from '@cogov/contracts';
import type { EventStore } from '@cogov/event-store';
import { CheckpointStore, type SqlDatabase } from '@cogov/persistence';
import type {
  BusStatus,
  IntegrationEventBus,
  OutboundMapper,
  Subscription,
} from '../integration-event-bus.port';
import { ConsumerGroup, describe } from '../consumer-group';
import { ParkedEvents } from '../parked-events';
import { ProducerThread, type RelayRecord } from './producer-thread';
import { DEFAULT_RETRY, type RetryPolicy } from '../retry';

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Prefix of topics and consumer groups, so several installations (or test runs) share a broker. */
  readonly namespace?: string;
  /** Partitions of each context's topic; one aggregate's events stay in one partition (keyed by id). */
  readonly partitions?: number;
  readonly retry?: RetryPolicy;
  /** Publish in batches of at most this many events per relay round. */
  readonly relayBatchSize?: number;
  /**
   * How long the broker waits for a silent member before giving its partitions to others (6 s,
   * the broker's minimum): a consumer killed without leaving holds its partitions this long.
   */
  readonly sessionTimeoutMs?: number;
  /** How often a member tells the coordinator it is alive (1 s: a third of the session or less). */
  readonly heartbeatIntervalMs?: number;
  /** How often the parked table is read when nothing is known to be parked (5 s). */
  readonly parkedPollMs?: number;
}

/** A context's integration events: one topic per publishing context. */
export const topicOf = (source: string, namespace = 'cogov') => `${namespace}.${source}.events`;
export const deadLetterTopicOf = (group: string, namespace = 'cogov') => `${namespace}.${group}.dead-letter`;

/**
 * The bus over Kafka. Publishing: a relay per publishing context follows the event store (the
 * outbox) from its checkpoint, maps stored events to integration events and sends them with an
 * idempotent producer; the checkpoint moves only after the broker acknowledged, so a crash
 * re-sends (never loses) and consumers drop the duplicates by event id. Consuming: one consumer
 * group per subscription; a message that keeps failing is retried with backoff, then written to
 * the group's dead-letter topic with the error and its original headers, and consumption goes on.
 */
export class KafkaBus implements IntegrationEventBus {
  private readonly logger = new Logger('KafkaBus');
  private readonly kafka: Kafka;
  private readonly publishers: Array<{ source: string; map: OutboundMapper }> = [];
  private readonly subscriptions: Subscription[] = [];
  /** The relays' producer, in a thread of its own; dead letters go through `producer`, here. */
  private sender: ProducerThread | null = null;
  private producer: Producer | null = null;
  private admin: Admin | null = null;
  private consumers: Consumer[] = [];
  private relays: Array<Promise<void>> = [];
  private abort = new AbortController();
  private readonly relayed = new Map<string, number>();
  private readonly checkpoints: CheckpointStore;
  private readonly parked: ParkedEvents;
  private readonly groups = new Map<string, ConsumerGroup>();
  private deadLettered = 0;

  constructor(
    private readonly store: EventStore,
    private readonly db: SqlDatabase,
    private readonly options: KafkaBusOptions,
  ) {
    this.checkpoints = new CheckpointStore(db, 'kafka_relay_checkpoints', 'source');
    this.parked = new ParkedEvents(db);
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 5_000 },
    });
  }

  publishFrom(source: string, mapper: OutboundMapper): void {
    this.publishers.push({ source, map: mapper });
  }

  subscribe(subscription: Subscription): void {
    this.subscriptions.push(subscription);
  }

  async start(): Promise<void> {
    // The relays' thread starts and connects while the schema and topics are seen to.
    if (this.publishers.length > 0) this.relaySender();
    await this.checkpoints.ensureSchema();
    if (this.subscriptions.length > 0) await this.parked.ensureSchema();
    this.abort = new AbortController();
    // Each consumer group and relay waits on this one signal in a few places at once: with five
    // contexts that is more than Node's default of 10 listeners, and no leak.
    setMaxListeners(10 + 4 * (this.subscriptions.length + this.publishers.length), this.abort.signal);
    this.admin = this.kafka.admin();
    await this.admin.connect();
    await this.createTopics();
    for (const publisher of this.publishers) this.relays.push(this.relay(publisher.source, publisher.map));
    for (const subscription of this.subscriptions) await this.consume(subscription);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.relays);
    this.relays = [];
    await this.sender?.stop();
    this.sender = null;
    // disconnect() stops the run loop and sends LeaveGroup: the partitions move on at once.
    await Promise.all(this.consumers.map((c) => c.disconnect()));
    this.consumers = [];
    await Promise.all([...this.groups.values()].map((g) => g.stopped()));
    this.groups.clear();
    await this.producer?.disconnect();
    await this.admin?.disconnect();
    this.producer = null;
    this.admin = null;
  }

  private get namespace(): string {
    return this.options.namespace ?? 'cogov';
  }

  status(): BusStatus {
    return {
      kind: 'kafka',
      relays: this.publishers.map((p) => ({ source: p.source, position: this.relayPosition(p.source) })),
      consumers: this.subscriptions.map((s) => ({
        group: s.group,
        position: null,
        parked: this.groups.get(s.group)?.parkedEvents ?? 0,
      })),
      deadLettered: this.deadLettered,
    };
  }

  /** How far a publishing context's relay has got (for tests and health). */
  relayPosition(source: string): number {
    return this.relayed.get(source) ?? 0;
  }

  private async createTopics(): Promise<void> {
    const sources = new Set([
      ...this.publishers.map((p) => p.source),
      ...this.subscriptions.flatMap((s) => Object.keys(s.handlers).map(sourceOf)),
    ]);
    const topics = [
      ...[...sources].map((source) => ({
        topic: topicOf(source, this.namespace),
        numPartitions: this.options.partitions ?? 3,
        replicationFactor: 1,
        configEntries: [
          { name: 'cleanup.policy', value: 'delete' },
          { name: 'retention.ms', value: String(30 * 86_400_000) },
        ],
      })),
      ...this.subscriptions.map((s) => ({
        topic: deadLetterTopicOf(s.group, this.namespace),
        numPartitions: 1,
        replicationFactor: 1,
      })),
    ];
    const existing = new Set(await this.admin!.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) await this.admin!.createTopics({ topics: missing, waitForLeaders: true });
  }

  /**
   * Reads and maps the next page while the previous one is on its way to the broker (in the
   * producer's own thread), and hands it to that thread before the previous one is acknowledged:
   * the thread sends pages one at a time in order and stops at the first failure, so a page
   * reaches the broker only after the one before it (order per key) and the next leaves as soon as
   * the last is acknowledged. The checkpoint moves to a page's end only after its acknowledgement
   * and its predecessors' checkpoints, so a crash re-sends and never skips. At most
   * `RELAY_PAGES_AHEAD` pages wait in the thread, so a backlog is not read into memory at once.
   */
  private async relay(source: string, map: OutboundMapper): Promise<void> {
    const signal = this.abort.signal;
    const topic = topicOf(source, this.namespace);
    while (!signal.aborted) {
      // The checkpoint saves, one per page in order: each waits for its page's acknowledgement.
      const saves: Array<Promise<void>> = [];
      let saving: Promise<void> = Promise.resolve();
      // A failed send or save must not go unobserved while the next page is awaited (caught up,
      // that may be a while); it is rethrown at the next page or at the end.
      const failed: unknown[] = [];
      try {
        const sender = this.relaySender();
        const after = await this.checkpoints.load(source);
        this.relayed.set(source, after);
        const pages = this.store.followAll({ after, signal, batchSize: this.options.relayBatchSize ?? 500 });
        for await (const batch of readingAhead(pages)) {
          const messages = batch.flatMap((recorded) => map(recorded)).map(toKafkaMessage);
          const position = batch[batch.length - 1]!.globalPosition;
          while (saves.length >= RELAY_PAGES_AHEAD) await saves.shift();
          if (failed.length > 0) throw failed[0];
          // acks: -1 is implied by the idempotent producer: all in-sync replicas have it.
          const acknowledged = messages.length > 0 ? sender.send(topic, messages) : Promise.resolve();
          const previous = saving;
          saving = (async () => {
            await acknowledged;
            await previous;
            await this.checkpoints.save(source, position);
            this.relayed.set(source, position);
          })();
          saves.push(saving.catch((error: unknown) => void failed.push(error)));
        }
        await Promise.all(saves);
        if (failed.length > 0) throw failed[0];
      } catch (error) {
        await Promise.all(saves);
        if (signal.aborted) return;
        this.logger.error(`relay of ${source} failed, resuming from its checkpoint: ${describe(error)}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  /** The relays' producer thread; a new one when the last has died. */
  private relaySender(): ProducerThread {
    if (!this.sender?.alive) {
      this.sender = ProducerThread.start({
        brokers: this.options.brokers,
        clientId: `${this.options.clientId}-relay`,
      });
    }
    return this.sender;
  }

  private async consume(subscription: Subscription): Promise<void> {
    const signal = this.abort.signal;
    const group = new ConsumerGroup(
      subscription,
      this.parked,
      (event, error, attempts) => this.deadLetter(subscription.group, toKafkaMessage(event), error, attempts),
      this.logger,
      { retry: this.options.retry ?? DEFAULT_RETRY, parkedPollMs: this.options.parkedPollMs },
    );
    this.groups.set(subscription.group, group);
    await group.start(signal);
    const consumer = this.kafka.consumer({
      groupId: `${this.namespace}.${subscription.group}`,
      allowAutoTopicCreation: false,
      ...groupTimings(this.options),
    });
    this.consumers.push(consumer);
    // Partitions may come from a member that parked events of their keys before it left.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      group.refresh().catch((error: unknown) => {
        this.logger.warn(
          `consumer ${subscription.group} could not reload its parked keys: ${describe(error)}`,
        );
      });
    });
    await consumer.connect();
    const topics = [
      ...new Set(Object.keys(subscription.handlers).map((type) => topicOf(sourceOf(type), this.namespace))),
    ];
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      // The offset is resolved only once eachMessage resolved: after the event was handled, parked
      // or dead-lettered durably. A crash before the commit redelivers; handlers are idempotent.
      autoCommit: true,
      eachMessage: async (payload) => {
        const { topic, partition, message } = payload;
        const event = parse(message);
        if (!event) {
          await this.deadLetter(
            subscription.group,
            message,
            `${topic}[${partition}]@${message.offset} is not an integration event`,
            0,
          );
          return;
        }
        await group.deliver(event, signal, () => payload.heartbeat());
      },
    });
  }

  private async deadLetter(
    group: string,
    message: Pick<KafkaMessage, 'key' | 'value' | 'headers'> | ReturnType<typeof toKafkaMessage>,
    error: string,
    attempts: number,
  ): Promise<void> {
    const producer = this.producer ?? (await this.connectProducer());
    await producer.send({
      topic: deadLetterTopicOf(group, this.namespace),
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...(message.headers ?? {}),
            'x-error': error,
            'x-attempts': String(attempts),
            'x-failed-at': new Date().toISOString(),
          },
        },
      ],
    });
    this.deadLettered++;
  }

  private async connectProducer(): Promise<Producer> {
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: { retries: 10 },
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await this.producer.connect();
    return this.producer;
  }
}

/**
 * How a consumer group notices a member gone. kafkajs' defaults (a 30 s session) kept a context
 * killed with SIGKILL from consuming again for about 30 s after its restart: the new member's
 * join waits until the dead one's session expires. Exported for the restart test's child process.
 */
export function groupTimings(options: Pick<KafkaBusOptions, 'sessionTimeoutMs' | 'heartbeatIntervalMs'>): {
  sessionTimeout: number;
  heartbeatInterval: number;
  rebalanceTimeout: number;
  maxWaitTimeInMs: number;
} {
  const sessionTimeout = options.sessionTimeoutMs ?? 6000;
  return {
    sessionTimeout,
    heartbeatInterval: options.heartbeatIntervalMs ?? Math.min(1000, Math.floor(sessionTimeout / 3)),
    // Live members rejoin within a heartbeat or a message; a rebalance need not wait a minute.
    rebalanceTimeout: Math.max(sessionTimeout, 10_000),
    // A stopping consumer waits for its fetch in flight before it sends LeaveGroup; the broker
    // answers a fetch as soon as it has records, so a shorter idle wait costs no latency.
    maxWaitTimeInMs: 1000,
  };
}

/** Pages handed to the producer thread and not yet acknowledged, at most: one sending, one ready. */
const RELAY_PAGES_AHEAD = 2;

/**
 * Asks for the following page as soon as one is handed out, so the database reads it while this
 * thread maps the page in hand: reading and mapping overlap instead of taking turns.
 */
async function* readingAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const pages = source[Symbol.asyncIterator]();
  let next = pages.next();
  try {
    for (;;) {
      const page = await next;
      if (page.done) return;
      next = pages.next();
      // Observed here or at the next turn; never an unhandled rejection in between.
      next.catch(() => undefined);
      yield page.value;
    }
  } finally {
    await pages.return?.();
  }
}

/** `party-organization.order-reviewed` → `party-organization`. */
function sourceOf(type: string): string {
  return type.slice(0, type.indexOf('.'));
}

/** The Kafka record of an integration event: keyed by aggregate, identity and version in headers. */
export function toKafkaMessage(event: IntegrationEvent): RelayRecord {
  return {
    key: event.key,
    value: JSON.stringify(event),
    headers: {
      'event-id': event.eventId,
      'event-type': event.type,
      'event-version': String(event.version),
      'correlation-id': event.correlationId,
      ...(event.causationId ? { 'causation-id': event.causationId } : {}),
    },
  };
}

function parse(message: KafkaMessage): IntegrationEvent | null {
  try {
    const event = JSON.parse(message.value?.toString() ?? '') as Partial<IntegrationEvent>;
    const valid =
      typeof event.type === 'string' &&
      typeof event.version === 'number' &&
      typeof event.eventId === 'string' &&
      typeof event.data === 'object' &&
      event.data !== null;
    return valid ? (event as IntegrationEvent) : null;
  } catch {
    return null;
  }
}

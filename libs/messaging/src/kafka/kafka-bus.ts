import { Logger } from '@nestjs/common';
import {
  type Admin,
  type Consumer,
  type IHeaders,
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
import { handleInLogContext } from '../log-context-of';
import { DEFAULT_RETRY, type RetryPolicy, withRetries } from '../retry';

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
  private producer: Producer | null = null;
  private admin: Admin | null = null;
  private consumers: Consumer[] = [];
  private relays: Array<Promise<void>> = [];
  private abort = new AbortController();
  private readonly relayed = new Map<string, number>();
  private readonly checkpoints: CheckpointStore;
  private deadLettered = 0;

  constructor(
    private readonly store: EventStore,
    private readonly db: SqlDatabase,
    private readonly options: KafkaBusOptions,
  ) {
    this.checkpoints = new CheckpointStore(db, 'kafka_relay_checkpoints', 'source');
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
    await this.checkpoints.ensureSchema();
    this.abort = new AbortController();
    this.admin = this.kafka.admin();
    await this.admin.connect();
    await this.createTopics();
    if (this.publishers.length > 0) {
      this.producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        retry: { retries: 10 },
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await this.producer.connect();
      for (const publisher of this.publishers) this.relays.push(this.relay(publisher.source, publisher.map));
    }
    for (const subscription of this.subscriptions) await this.consume(subscription);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.relays);
    this.relays = [];
    await Promise.all(this.consumers.map((c) => c.disconnect()));
    this.consumers = [];
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
      consumers: this.subscriptions.map((s) => ({ group: s.group, position: null })),
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

  private async relay(source: string, map: OutboundMapper): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      try {
        let after = await this.checkpoints.load(source);
        this.relayed.set(source, after);
        for await (const batch of this.store.followAll({
          after,
          signal,
          batchSize: this.options.relayBatchSize ?? 500,
        })) {
          const messages = batch.flatMap((recorded) => map(recorded)).map(toKafkaMessage);
          if (messages.length > 0) {
            // acks: -1 is implied by the idempotent producer: all in-sync replicas have it.
            await this.producer!.send({ topic: topicOf(source, this.namespace), messages });
          }
          after = batch[batch.length - 1]!.globalPosition;
          await this.checkpoints.save(source, after);
          this.relayed.set(source, after);
        }
      } catch (error) {
        if (signal.aborted) return;
        this.logger.error(`relay of ${source} failed, resuming from its checkpoint: ${describe(error)}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private async consume(subscription: Subscription): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: `${this.namespace}.${subscription.group}`,
      allowAutoTopicCreation: false,
    });
    this.consumers.push(consumer);
    await consumer.connect();
    const topics = [
      ...new Set(Object.keys(subscription.handlers).map((type) => topicOf(sourceOf(type), this.namespace))),
    ];
    await consumer.subscribe({ topics, fromBeginning: true });
    const retry = this.options.retry ?? DEFAULT_RETRY;
    await consumer.run({
      autoCommit: true,
      eachMessage: async ({ topic, partition, message }) => {
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
        const handler = subscription.handlers[event.type];
        if (!handler) return;
        if (!handler.versions.includes(event.version)) {
          await this.deadLetter(
            subscription.group,
            message,
            `unknown schema version ${event.version} of ${event.type}`,
            0,
          );
          return;
        }
        const failure = await withRetries(retry, () => handleInLogContext(handler, event), this.abort.signal);
        if (failure) {
          if (this.abort.signal.aborted) throw failure.error; // not handled: redelivered after restart
          await this.deadLetter(subscription.group, message, describe(failure.error), failure.attempts);
        }
      },
    });
  }

  private async deadLetter(
    group: string,
    message: KafkaMessage,
    error: string,
    attempts: number,
  ): Promise<void> {
    this.deadLettered++;
    this.logger.error(`consumer ${group} dead-letters a message: ${error}`);
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

/** `party-organization.order-reviewed` → `party-organization`. */
function sourceOf(type: string): string {
  return type.slice(0, type.indexOf('.'));
}

/** The Kafka record of an integration event: keyed by aggregate, identity and version in headers. */
export function toKafkaMessage(event: IntegrationEvent): { key: string; value: string; headers: IHeaders } {
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

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import type { IntegrationEvent } from '@cogov/contracts';
import { type NewEvent, type RecordedEvent, SqlEventStore } from '@cogov/event-store';
import { integrationEventFrom, KafkaBus, toKafkaMessage, topicOf } from '@cogov/messaging';
import { SqlDatabase } from '@cogov/persistence';

export interface RelayResult {
  readonly events: number;
  readonly batchSize: number;
  readonly relaySeconds: number;
  readonly relayEventsPerSecond: number;
  readonly bareSeconds: number;
  readonly bareEventsPerSecond: number;
}

const SOURCE = 'bench';
const BATCH = 500;
const PARTITIONS = 3;

/**
 * The relay (KafkaBus publishing from the PostgreSQL event store: read a page in global order, map,
 * send with the idempotent producer, wait for the acknowledgement, save the checkpoint) against a
 * bare kafkajs producer with the same settings sending the same records, prepared in memory
 * beforehand, in the same batches, one send at a time. The ratio is what reading the outbox and
 * checkpointing cost on top of Kafka itself.
 */
export async function relayBench(
  url: string,
  brokers: readonly string[],
  events: number,
  log: (line: string) => void,
): Promise<RelayResult> {
  const suffix = randomBytes(5).toString('hex');
  const schema = `bench_relay_${suffix}`;
  const namespace = `bench-${suffix}`;
  const db = await SqlDatabase.open({ kind: 'postgres', url, schema });
  const kafka = new Kafka({ clientId: `bench-${suffix}`, brokers: [...brokers], logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  const ourTopic = topicOf(SOURCE, namespace);
  const bareTopic = `${namespace}.bare`;
  const warmupTopic = `${namespace}.warm-up`;
  try {
    const store = new SqlEventStore(db);
    await store.ensureSchema();
    await loadHistory(store, events, log);
    await admin.createTopics({
      topics: [ourTopic, bareTopic, warmupTopic].map((topic) => ({
        topic,
        numPartitions: PARTITIONS,
        replicationFactor: 1,
      })),
      waitForLeaders: true,
    });

    // A broker that has just started may still be loading its transaction coordinator: get one
    // idempotent producer id before any clock starts.
    const warmup = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await warmup.connect();
    await warmup.send({ topic: warmupTopic, messages: [{ key: 'warm-up', value: 'warm-up' }] });
    await warmup.disconnect();

    // The same records for both, built before any clock starts for the bare producer.
    const recorded = await store.readAll({ after: 0, maxCount: events });
    const messages = recorded.flatMap(toIntegrationEvents).map(toKafkaMessage);
    const head = await store.headPosition();

    log(`relay: KafkaBus relaying ${events} events from PostgreSQL (batches of ${BATCH})`);
    const bus = new KafkaBus(store, db, {
      brokers,
      clientId: `bench-relay-${suffix}`,
      namespace,
      partitions: PARTITIONS,
      relayBatchSize: BATCH,
    });
    bus.publishFrom(SOURCE, toIntegrationEvents);
    const relayStarted = performance.now();
    await bus.start();
    let lastLog = relayStarted;
    while (bus.relayPosition(SOURCE) < head) {
      await new Promise((r) => setTimeout(r, 5));
      if (performance.now() - lastLog > 2000) {
        lastLog = performance.now();
        log(`relay: at position ${bus.relayPosition(SOURCE)} of ${head}`);
      }
    }
    const relaySeconds = (performance.now() - relayStarted) / 1000;
    await bus.stop();
    await assertOnTopic(admin, ourTopic, messages.length);

    log(`relay: bare kafkajs producer sending the same ${messages.length} records`);
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: { retries: 10 },
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const bareStarted = performance.now();
    await producer.connect();
    for (let i = 0; i < messages.length; i += BATCH) {
      await producer.send({ topic: bareTopic, messages: messages.slice(i, i + BATCH) });
    }
    const bareSeconds = (performance.now() - bareStarted) / 1000;
    await producer.disconnect();
    await assertOnTopic(admin, bareTopic, messages.length);

    return {
      events,
      batchSize: BATCH,
      relaySeconds,
      relayEventsPerSecond: events / relaySeconds,
      bareSeconds,
      bareEventsPerSecond: events / bareSeconds,
    };
  } finally {
    await admin.deleteTopics({ topics: [ourTopic, bareTopic, warmupTopic] }).catch(() => undefined);
    await admin.disconnect();
    await db.dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.close();
  }
}

function toIntegrationEvents(recorded: RecordedEvent): IntegrationEvent[] {
  return [
    integrationEventFrom(recorded, {
      type: `${SOURCE}.order-placed`,
      version: 1,
      source: SOURCE,
      key: recorded.streamId,
      data: recorded.data,
    }),
  ];
}

/** Ten events per stream, appended ten at a time by four writers. */
async function loadHistory(store: SqlEventStore, events: number, log: (line: string) => void): Promise<void> {
  const streams = Math.ceil(events / 10);
  let next = 0;
  const writer = async () => {
    for (let s = next++; s < streams; s = next++) {
      const count = Math.min(10, events - s * 10);
      const batch: NewEvent[] = Array.from({ length: count }, (_, i) => ({
        eventId: randomUUID(),
        type: 'OrderPlaced',
        schemaVersion: 1,
        data: {
          orderId: `order-${s}`,
          step: i,
          title: 'Water leaking from the ceiling of the stairwell',
          description:
            'The ceiling above the third-floor landing drips after every rain; the wall is going mouldy.',
          category: 'repair',
          channel: 'app',
        },
        metadata: { actorId: `resident-${s}`, correlationId: randomUUID(), causationId: null },
      }));
      await store.appendToStream(`bench.order-${s}`, batch, { expectedRevision: 'no-stream' });
    }
  };
  await Promise.all(Array.from({ length: 4 }, writer));
  log(`relay: ${events} events stored on ${streams} streams`);
}

async function assertOnTopic(
  admin: ReturnType<Kafka['admin']>,
  topic: string,
  expected: number,
): Promise<void> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const total = offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
  if (total !== expected) throw new Error(`${topic} holds ${total} records, expected ${expected}`);
}

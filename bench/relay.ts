import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import type { IntegrationEvent } from '@cogov/contracts';
import { type NewEvent, type RecordedEvent, SqlEventStore } from '@cogov/event-store';
import { integrationEventFrom, KafkaBus, toKafkaMessage, topicOf } from '@cogov/messaging';
import { SqlDatabase } from '@cogov/persistence';

export interface RelayResult {
  /** Events timed: those after the warm-up. */
  readonly events: number;
  /** Events each contender sent first, off the clock, to be in its steady state. */
  readonly warmUpEvents: number;
  readonly batchSize: number;
  readonly relaySeconds: number;
  readonly relayEventsPerSecond: number;
  readonly bareSeconds: number;
  readonly bareEventsPerSecond: number;
  /** Measured pairs; the figures above are the medians of the rounds. */
  readonly rounds: number;
  /** Relay ÷ bare of each round, in order. */
  readonly ratios: readonly number[];
  /** The same from a cold start (spawn, connect, first sends) over every event, warm-up included. */
  readonly cold: {
    readonly relayEventsPerSecond: number;
    readonly bareEventsPerSecond: number;
    readonly ratios: readonly number[];
  };
}

/** A contender's times: over everything from its start, and over the events after the warm-up. */
interface Timing {
  readonly cold: number;
  readonly warm: number;
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
 *
 * Each contender first sends `warmUp` events off the clock and is timed over the `events` after
 * them: a context's relay runs for days, and what it costs per event is its steady state, not
 * the spawn of its producer thread, the connect and the first sends of a fresh V8 isolate. The
 * cold figures (from start, over everything) are reported beside them.
 */
export async function relayBench(
  url: string,
  brokers: readonly string[],
  timedEvents: number,
  log: (line: string) => void,
  rounds = 5,
  warmUp = 10_000,
): Promise<RelayResult> {
  // Whole pages: the relay's position then passes the warm-up exactly at a page's end.
  const warmUpEvents = Math.ceil(warmUp / BATCH) * BATCH;
  const events = warmUpEvents + timedEvents;
  const suffix = randomBytes(5).toString('hex');
  const schema = `bench_relay_${suffix}`;
  const namespace = `bench-${suffix}`;
  const db = await SqlDatabase.open({ kind: 'postgres', url, schema });
  const kafka = new Kafka({ clientId: `bench-${suffix}`, brokers: [...brokers], logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  const warmupTopic = `${namespace}.warm-up`;
  const topics: string[] = [];
  try {
    const store = new SqlEventStore(db);
    await store.ensureSchema();
    await loadHistory(store, events, log);
    await admin.createTopics({
      topics: [{ topic: warmupTopic, numPartitions: PARTITIONS, replicationFactor: 1 }],
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

    // Rounds alternate which contender goes first: whichever runs second finds kafkajs' code
    // already optimised by the JIT and the broker's log warm, and a single pair measured that
    // as much as the relay.
    const relayRounds: Timing[] = [];
    const bareRounds: Timing[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['relay', 'bare'] as const) : (['bare', 'relay'] as const);
      for (const contender of order) {
        const ns = `${namespace}-r${round}`;
        if (contender === 'relay') {
          // Created before the clock starts, as the bare producer's is: start() then finds it.
          await admin.createTopics({
            topics: [{ topic: topicOf(SOURCE, ns), numPartitions: PARTITIONS, replicationFactor: 1 }],
            waitForLeaders: true,
          });
          await db.dataSource.query(`DROP TABLE IF EXISTS "${schema}".kafka_relay_checkpoints`);
          relayRounds.push(await timeRelay(store, db, brokers, ns, head, warmUpEvents, log));
          topics.push(topicOf(SOURCE, ns));
          await assertOnTopic(admin, topicOf(SOURCE, ns), messages.length);
        } else {
          const topic = `${ns}.bare`;
          await admin.createTopics({
            topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }],
            waitForLeaders: true,
          });
          topics.push(topic);
          bareRounds.push(await timeBare(kafka, topic, messages, warmUpEvents));
          await assertOnTopic(admin, topic, messages.length);
        }
      }
      const [relay, bare] = [relayRounds[round]!, bareRounds[round]!];
      log(
        `relay: round ${round + 1}: warm relay ${rate(timedEvents / relay.warm)} events/s, bare ${rate(timedEvents / bare.warm)} events/s, ratio ${(bare.warm / relay.warm).toFixed(2)}× (cold ${(bare.cold / relay.cold).toFixed(2)}×)`,
      );
    }
    const relaySeconds = median(relayRounds.map((t) => t.warm));
    const bareSeconds = median(bareRounds.map((t) => t.warm));
    return {
      events: timedEvents,
      warmUpEvents,
      batchSize: BATCH,
      rounds,
      relaySeconds,
      relayEventsPerSecond: timedEvents / relaySeconds,
      bareSeconds,
      bareEventsPerSecond: timedEvents / bareSeconds,
      ratios: relayRounds.map((r, i) => bareRounds[i]!.warm / r.warm),
      cold: {
        relayEventsPerSecond: events / median(relayRounds.map((t) => t.cold)),
        bareEventsPerSecond: events / median(bareRounds.map((t) => t.cold)),
        ratios: relayRounds.map((r, i) => bareRounds[i]!.cold / r.cold),
      },
    };
  } finally {
    await admin.deleteTopics({ topics: [...topics, warmupTopic] }).catch(() => undefined);
    await admin.disconnect();
    await db.dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.close();
  }
}

/**
 * KafkaBus publishing the whole store from position 0 to a fresh topic: start() until the head
 * (cold), and from the moment its position passes the warm-up until the head (warm).
 */
async function timeRelay(
  store: SqlEventStore,
  db: SqlDatabase,
  brokers: readonly string[],
  namespace: string,
  head: number,
  warmUpEvents: number,
  log: (line: string) => void,
): Promise<Timing> {
  const bus = new KafkaBus(store, db, {
    brokers,
    clientId: `bench-relay-${namespace}`,
    namespace,
    partitions: PARTITIONS,
    relayBatchSize: BATCH,
  });
  bus.publishFrom(SOURCE, toIntegrationEvents);
  const started = performance.now();
  await bus.start();
  let lastLog = started;
  let warm: number | null = null;
  while (bus.relayPosition(SOURCE) < head) {
    // Polled: the moment is known to within the poll, a few ms of a run of seconds.
    if (warm === null && bus.relayPosition(SOURCE) >= warmUpEvents) warm = performance.now();
    await new Promise((r) => setTimeout(r, 5));
    if (performance.now() - lastLog > 2000) {
      lastLog = performance.now();
      log(`relay: at position ${bus.relayPosition(SOURCE)} of ${head}`);
    }
  }
  const ended = performance.now();
  await bus.stop();
  return { cold: (ended - started) / 1000, warm: (ended - (warm ?? started)) / 1000 };
}

/**
 * A bare kafkajs producer with the relay's settings, the records in memory: connect() until done
 * (cold), and from the end of the warm-up's sends until done (warm).
 */
async function timeBare(
  kafka: Kafka,
  topic: string,
  messages: ReadonlyArray<ReturnType<typeof toKafkaMessage>>,
  warmUpEvents: number,
): Promise<Timing> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { retries: 10 },
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const started = performance.now();
  let warm = started;
  await producer.connect();
  for (let i = 0; i < messages.length; i += BATCH) {
    if (i === warmUpEvents) warm = performance.now();
    await producer.send({ topic, messages: messages.slice(i, i + BATCH) });
  }
  const ended = performance.now();
  await producer.disconnect();
  return { cold: (ended - started) / 1000, warm: (ended - warm) / 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const rate = (n: number) => Math.round(n).toLocaleString('en-US');

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

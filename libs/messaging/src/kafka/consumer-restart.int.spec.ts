import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { IntegrationEvent } from '@cogov/contracts';
import { type RecordedEvent, SqlEventStore } from '@cogov/event-store';
import { event } from '@cogov/event-store/testing/event-store.contract';
import { SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { integrationEventFrom } from '../integration-event-factory';
import { groupTimings, KafkaBus, topicOf } from './kafka-bus';

/**
 * How soon a context's consumer group consumes again after its process is killed (SIGKILL: no
 * LeaveGroup) and started again, and after a clean stop. Against the real broker.
 */
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** A member of the group with the bus's own timings, in a process of its own. */
const CHILD = `
const { Kafka, logLevel } = require('kafkajs');
const { brokers, groupId, topic, timings } = JSON.parse(process.env.CHILD_CONFIG);
const consumer = new Kafka({ clientId: 'doomed', brokers, logLevel: logLevel.NOTHING })
  .consumer({ groupId, allowAutoTopicCreation: false, ...timings });
(async () => {
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ eachMessage: async () => { process.stdout.write('consumed\\n'); } });
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('a Kafka consumer group after its member is gone (real broker)', () => {
  let config: ReturnType<typeof freshSqlite>;
  let db: SqlDatabase;
  let store: SqlEventStore;
  let source: string;
  let child: ChildProcess | null = null;
  const buses: KafkaBus[] = [];

  beforeEach(async () => {
    config = freshSqlite();
    db = await SqlDatabase.open(config);
    store = new SqlEventStore(db);
    await store.ensureSchema();
    source = `restart-${randomUUID().slice(0, 8)}`;
  });
  afterEach(async () => {
    child?.kill('SIGKILL');
    child = null;
    for (const bus of buses.splice(0)) await bus.stop();
    await db.close();
    config.cleanup();
  });

  const mapper = (recorded: RecordedEvent): IntegrationEvent[] => [
    integrationEventFrom(recorded, {
      type: `${source}.noted`,
      version: 1,
      source,
      key: recorded.streamId,
      data: recorded.data,
    }),
  ];
  const note = (text: string) =>
    store.appendToStream(`notes-${randomUUID()}`, [event('Noted', { text })], {
      expectedRevision: 'no-stream',
    });
  const group = 'readers';
  const consumerBus = (seen: string[]) => {
    const bus = new KafkaBus(store, db, { brokers, clientId: 'restarted', namespace: source });
    bus.subscribe({
      group,
      handlers: {
        [`${source}.noted`]: { versions: [1], handle: async (e) => void seen.push(e.data.text as string) },
      },
    });
    buses.push(bus);
    return bus;
  };
  const startRelay = async () => {
    const relay = new KafkaBus(store, db, { brokers, clientId: 'relay', namespace: source });
    relay.publishFrom(source, mapper);
    buses.push(relay);
    await relay.start(); // creates the topic before any consumer subscribes
  };
  const until = async (what: string, condition: () => boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('a member killed with SIGKILL is replaced, and the new one consumes within 10 s of starting', async () => {
    await startRelay();
    await note('before the kill');
    let consumed = 0;
    child = spawn(process.execPath, ['-e', CHILD], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        CHILD_CONFIG: JSON.stringify({
          brokers,
          groupId: `${source}.${group}`,
          topic: topicOf(source, source),
          timings: groupTimings({}),
        }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (consumed += chunk.toString().split('consumed').length - 1));
    await until('the child consumed', () => consumed > 0, 60_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    child = null;

    const seen: string[] = [];
    const started = performance.now();
    await consumerBus(seen).start();
    await note('after the restart');
    await until('the restarted consumer delivers', () => seen.includes('after the restart'), 20_000);
    const seconds = (performance.now() - started) / 1000;
    console.log(`restart after SIGKILL: first delivery ${seconds.toFixed(1)} s after start`);
    expect(seconds).toBeLessThan(10);
  });

  it('a clean stop leaves the group at once: its successor does not wait for a session to expire', async () => {
    await startRelay();
    await note('first');
    const seen: string[] = [];
    const first = consumerBus(seen);
    await first.start();
    await until('the first member consumed', () => seen.length === 1);
    const stopping = performance.now();
    await first.stop();
    const stopSeconds = (performance.now() - stopping) / 1000;
    console.log(`clean stop took ${stopSeconds.toFixed(1)} s`);
    expect(stopSeconds).toBeLessThan(2); // at most the fetch in flight, then LeaveGroup
    buses.splice(buses.indexOf(first), 1);

    const successor: string[] = [];
    const started = performance.now();
    await consumerBus(successor).start();
    await note('second');
    await until('the successor delivers', () => successor.includes('second'), 20_000);
    expect(seen).toEqual(['first']); // the stopped member took nothing more
    const seconds = (performance.now() - started) / 1000;
    console.log(`restart after a clean stop: first delivery ${seconds.toFixed(1)} s after start`);
    // Without LeaveGroup the coordinator would wait for the old member's 6 s session.
    expect(seconds).toBeLessThan(groupTimings({}).sessionTimeout / 1000 - 1);
  });
});

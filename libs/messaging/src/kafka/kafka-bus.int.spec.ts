import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { IntegrationEvent } from '@cogov/contracts';
import { type RecordedEvent, SqlEventStore } from '@cogov/event-store';
import { event } from '@cogov/event-store/testing/event-store.contract';
import { SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { integrationEventFrom } from '../integration-event-factory';
import { deadLetterTopicOf, KafkaBus, topicOf } from './kafka-bus';

/** Against the real broker that `npm test` starts (infra/kafka). */
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

describe('Kafka bus (real broker)', () => {
  let config: ReturnType<typeof freshSqlite>;
  let db: SqlDatabase;
  let store: SqlEventStore;
  let source: string;
  const buses: KafkaBus[] = [];

  beforeEach(async () => {
    config = freshSqlite();
    db = await SqlDatabase.open(config);
    store = new SqlEventStore(db);
    await store.ensureSchema();
    source = `test-${randomUUID().slice(0, 8)}`; // fresh topics per test
  });
  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.stop();
    await db.close();
    config.cleanup();
  });

  const mapper = (recorded: RecordedEvent): IntegrationEvent[] =>
    recorded.streamId.startsWith('notes-')
      ? [
          integrationEventFrom(recorded, {
            type: `${source}.noted`,
            version: Number(recorded.data.version ?? 1),
            source,
            key: recorded.streamId,
            data: { text: recorded.data.text },
          }),
        ]
      : [];
  const note = (text: string, stream = `notes-${randomUUID()}`, version = 1) =>
    store.appendToStream(stream, [event('Noted', { text, version })], { expectedRevision: 'any' });
  const bus = (
    handle: (e: IntegrationEvent) => Promise<void>,
    group = `group-${randomUUID().slice(0, 8)}`,
  ) => {
    const b = new KafkaBus(store, db, { brokers, clientId: 'test', retry: { attempts: 3, baseDelayMs: 10 } });
    b.publishFrom(source, mapper);
    b.subscribe({ group, handlers: { [`${source}.noted`]: { versions: [1], handle } } });
    buses.push(b);
    return { bus: b, group };
  };
  const until = async (condition: () => boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const readTopic = async (topic: string, count: number) => {
    const kafka = new Kafka({ clientId: 'test-reader', brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
    const seen: Array<{ value: string; headers: Record<string, string> }> = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
        seen.push({ value: message.value?.toString() ?? '', headers });
      },
    });
    await until(() => seen.length >= count);
    await consumer.disconnect();
    return seen;
  };

  it('relays stored events to the context’s topic, keyed, in order per aggregate, to a consumer group', async () => {
    const stream = `notes-${randomUUID()}`;
    for (const text of ['a', 'b', 'c']) await note(text, stream);
    const seen: string[] = [];
    const { bus: b } = bus(async (e) => void seen.push(e.data.text as string));
    await b.start();
    await note('d', stream);
    await until(() => seen.length === 4);
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    await until(() => b.relayPosition(source) === 4);
  });

  it('a relay that re-publishes (checkpoint lost after the ack) delivers the same event ids again', async () => {
    await note('once');
    const ids: string[] = [];
    const first = bus(async (e) => void ids.push(e.eventId));
    await first.bus.start();
    await until(() => ids.length === 1);
    await first.bus.stop();
    buses.pop();
    await db.dataSource.query('DELETE FROM kafka_relay_checkpoints'); // as if it died before the checkpoint
    const again = bus(async (e) => void ids.push(e.eventId), first.group);
    await again.bus.start();
    await until(() => ids.length === 2);
    expect(ids[1]).toBe(ids[0]);
  });

  it('dead-letters a message that keeps failing, with the error and original headers, and goes on', async () => {
    await note('poison');
    await note('fine');
    const handled: string[] = [];
    const { bus: b, group } = bus(async (e) => {
      if (e.data.text === 'poison') throw new Error('cannot digest');
      handled.push(e.data.text as string);
    });
    await b.start();
    await until(() => handled.length === 1);
    const [dead] = await readTopic(deadLetterTopicOf(group), 1);
    expect(dead!.headers).toMatchObject({
      'x-error': 'Error: cannot digest',
      'x-attempts': '3',
      'event-type': `${source}.noted`,
    });
    expect(JSON.parse(dead!.value)).toMatchObject({ data: { text: 'poison' } });
  });

  it('rejects an unknown schema version to the dead-letter topic instead of guessing', async () => {
    await note('v2', undefined, 2);
    await note('v1');
    const handled: string[] = [];
    const { bus: b, group } = bus(async (e) => void handled.push(e.data.text as string));
    await b.start();
    await until(() => handled.length === 1);
    expect(handled).toEqual(['v1']);
    const [dead] = await readTopic(deadLetterTopicOf(group), 1);
    expect(dead!.headers['x-error']).toMatch(/unknown schema version 2/);
    expect(topicOf(source)).toBe(`cogov.${source}.events`);
  });
});

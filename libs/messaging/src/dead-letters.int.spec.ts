import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@cogov/contracts';
import { type RecordedEvent, SqlEventStore } from '@cogov/event-store';
import { event } from '@cogov/event-store/testing/event-store.contract';
import { SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema } from '@cogov/persistence/testing/test-databases';
import { type DeadLetterOperator, KafkaDeadLetters, SqlDeadLetters } from './dead-letters';
import { PermanentDeliveryFailure } from './delivery-failures';
import { InProcessBus } from './in-process-bus';
import { integrationEventFrom } from './integration-event-factory';
import type { IntegrationEventBus } from './integration-event-bus.port';
import { KafkaBus } from './kafka/kafka-bus';

/** What `npm run dead-letters` does, against the real PostgreSQL and broker. */
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

describe.each(['in-process', 'kafka'] as const)('dead letters of the %s bus, listed and replayed', (kind) => {
  let db: SqlDatabase;
  let bus: IntegrationEventBus | null = null;

  beforeEach(async () => {
    db = await SqlDatabase.open(freshPostgresSchema());
  });
  afterEach(async () => {
    await bus?.stop();
    bus = null;
    await db.dataSource.query(
      `DROP SCHEMA IF EXISTS "${db.config.kind === 'postgres' ? db.config.schema : ''}" CASCADE`,
    );
    await db.close();
  });

  it('lists a dead letter with its error, and a replay hands it back to the running group', async () => {
    const source = `dlq-${randomUUID().slice(0, 8)}`;
    const group = `${source}-readers`;
    const store = new SqlEventStore(db);
    await store.ensureSchema();
    const mapper = (recorded: RecordedEvent): IntegrationEvent[] => [
      integrationEventFrom(recorded, {
        type: `${source}.noted`,
        version: 1,
        source,
        key: recorded.streamId,
        data: recorded.data,
      }),
    ];
    let broken = true;
    const seen: string[] = [];
    const handlers = {
      [`${source}.noted`]: {
        versions: [1],
        handle: async (e: IntegrationEvent) => {
          if (broken && e.data.text === 'poison')
            throw new PermanentDeliveryFailure('does not satisfy its schema');
          seen.push(e.data.text as string);
        },
      },
    };
    const b =
      kind === 'in-process'
        ? new InProcessBus(store, db, undefined, { parkedPollMs: 200 })
        : new KafkaBus(store, db, { brokers, clientId: 'dlq-test', namespace: source, parkedPollMs: 200 });
    b.publishFrom(source, mapper);
    b.subscribe({ group, handlers });
    bus = b;
    await b.start();
    await store.appendToStream('notes-1', [event('Noted', { text: 'poison' })], {
      expectedRevision: 'no-stream',
    });
    await store.appendToStream('notes-2', [event('Noted', { text: 'fine' })], {
      expectedRevision: 'no-stream',
    });
    await until(() => seen.includes('fine') && b.status().deadLettered === 1);

    const operator: DeadLetterOperator =
      kind === 'in-process'
        ? new SqlDeadLetters(db)
        : new KafkaDeadLetters(db, { brokers, namespace: source });
    const [dead, ...more] = await operator.list(group);
    expect(more).toEqual([]);
    expect(dead).toMatchObject({
      group,
      type: `${source}.noted`,
      error: 'PermanentDeliveryFailure: does not satisfy its schema',
      attempts: 1,
      replayedAt: null,
    });
    expect(await operator.list('another-group')).toEqual([]);

    broken = false; // the publisher's bug is fixed
    expect((await operator.replay([dead!.id], group)).map((d) => d.id)).toEqual([dead!.id]);
    await until(() => seen.includes('poison'));
    await until(() => b.status().consumers[0]!.parked === 0);
    const after = await operator.list(group);
    if (kind === 'in-process') expect(after).toEqual([]);
    else expect(after).toMatchObject([{ id: dead!.id, replayedAt: expect.any(String) }]);
    expect(await operator.replay('all', group)).toEqual([]); // nothing left to replay
  });
});

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

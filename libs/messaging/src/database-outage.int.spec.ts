import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@cogov/contracts';
import { type RecordedEvent, SqlEventStore } from '@cogov/event-store';
import { event } from '@cogov/event-store/testing/event-store.contract';
import { SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema } from '@cogov/persistence/testing/test-databases';
import { InProcessBus } from './in-process-bus';
import { integrationEventFrom } from './integration-event-factory';
import type { IntegrationEventBus } from './integration-event-bus.port';
import { KafkaBus } from './kafka/kafka-bus';
import { TcpProxy } from './testing/tcp-proxy';

/**
 * The operator's finding: PostgreSQL stopped for a few seconds while a backlog was being consumed
 * dead-lettered facts for good. Here the database goes away for 30 s (a proxy between the buses
 * and the real server drops every connection and refuses new ones) in the middle of a backlog.
 */
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const OUTAGE_MS = 30_000;
const EVENTS = 1200;
const KEYS = 60;
/**
 * The test's own deadlines, phase by phase (backlog under way, the outage, the catch-up, the
 * parked table emptied), plus set-up: Jest's default of 60 s is shorter than the outage and the
 * catch-up together, and a loaded run (CI) went past it while every phase was within its deadline.
 */
const TEST_TIMEOUT_MS = 60_000 + OUTAGE_MS + 1_000 + 60_000 + 30_000 + 30_000;

describe.each(['in-process', 'kafka'] as const)('a 30 s database outage on the %s bus', (kind) => {
  let proxy: TcpProxy;
  let db: SqlDatabase;
  const buses: IntegrationEventBus[] = [];

  beforeEach(async () => {
    const config = freshPostgresSchema();
    const url = new URL(config.url);
    proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    db = await SqlDatabase.open({ ...config, url: url.toString() });
  });
  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.stop();
    await proxy.restore();
    await db.dataSource.query(
      `DROP SCHEMA IF EXISTS "${db.config.kind === 'postgres' ? db.config.schema : ''}" CASCADE`,
    );
    await db.close();
    await proxy.close();
  });

  it(
    'loses nothing: every event applied exactly once afterwards, nothing dead-lettered',
    async () => {
      const source = `outage-${randomUUID().slice(0, 8)}`;
      const store = new SqlEventStore(db);
      await store.ensureSchema();
      await db.dataSource.query(
        `CREATE TABLE ${db.table('effects')} (event_id TEXT PRIMARY KEY, key TEXT NOT NULL, n INTEGER NOT NULL)`,
      );
      for (let i = 0; i < EVENTS; i++) {
        await store.appendToStream(`notes-${i % KEYS}`, [event('Noted', { n: i })], {
          expectedRevision: 'any',
        });
      }
      const mapper = (recorded: RecordedEvent): IntegrationEvent[] =>
        recorded.streamId.startsWith('notes-')
          ? [
              integrationEventFrom(recorded, {
                type: `${source}.noted`,
                version: 1,
                source,
                key: recorded.streamId,
                data: recorded.data,
              }),
            ]
          : [];

      let failures = 0;
      const handlers = {
        [`${source}.noted`]: {
          versions: [1],
          handle: async (e: IntegrationEvent) => {
            try {
              // Idempotent by event id, as every handler is (ADR 10).
              await db.dataSource.query(
                `INSERT INTO ${db.table('effects')} (event_id, key, n) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
                [e.eventId, e.key, e.data.n],
              );
            } catch (error) {
              failures++;
              throw error;
            }
          },
        },
      };
      const retry = { attempts: 4, baseDelayMs: 50, parkedBaseDelayMs: 500, parkedMaxDelayMs: 4000 };
      if (kind === 'in-process') {
        const bus = new InProcessBus(store, db, retry);
        bus.publishFrom(source, mapper);
        bus.subscribe({ group: `${source}-readers`, handlers });
        buses.push(bus);
      } else {
        // The relay reads the same database, through the same proxy: it loses its store too.
        const relay = new KafkaBus(store, db, { brokers, clientId: 'outage-relay', namespace: source });
        relay.publishFrom(source, mapper);
        const consumer = new KafkaBus(store, db, {
          brokers,
          clientId: 'outage-consumer',
          namespace: source,
          retry,
        });
        consumer.subscribe({ group: `${source}-readers`, handlers });
        buses.push(relay, consumer);
      }
      for (const bus of buses) await bus.start();

      // Effects are counted where they are, in the database: an INSERT the cut interrupted may
      // have committed while its answer was lost, so the handler failed, was retried and found the
      // row there. Counting the handler's own successes missed such an effect and waited for ever
      // (it did, once, in CI).
      const effects = async () =>
        Number(
          (
            await db.dataSource.query<Array<{ count: string }>>(
              `SELECT COUNT(*) AS count FROM ${db.table('effects')}`,
            )
          )[0]!.count,
        );
      await until('part of the backlog handled', async () => (await effects()) >= 100, 60_000);
      const atCut = await effects();
      await proxy.cut();
      expect(atCut).toBeLessThan(EVENTS); // the outage falls in the middle of the backlog
      const outageEnds = Date.now() + OUTAGE_MS;
      await until('the outage is over', () => Date.now() >= outageEnds, OUTAGE_MS + 1000);
      expect(failures).toBeGreaterThan(0); // the handlers did meet the outage
      await proxy.restore();

      const consumer = buses[buses.length - 1]!;
      await until('the whole backlog applied', async () => (await effects()) === EVENTS, 60_000);
      await until('nothing parked', () => consumer.status().consumers[0]!.parked === 0, 30_000);
      expect(await effects()).toBe(EVENTS);
      expect(consumer.status().deadLettered).toBe(0);
      if (kind === 'in-process') {
        expect(await db.dataSource.query(`SELECT event_id FROM ${db.table('bus_dead_letters')}`)).toEqual([]);
      }
    },
    TEST_TIMEOUT_MS,
  );
});

async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not in time: ${what} (waited ${Date.now() - started} ms)`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

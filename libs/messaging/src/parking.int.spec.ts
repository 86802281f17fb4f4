import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { IntegrationEvent } from '@cogov/contracts';
import { NotYetKnown } from '@cogov/decider';
import { type RecordedEvent, SqlEventStore } from '@cogov/event-store';
import { event } from '@cogov/event-store/testing/event-store.contract';
import { SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema } from '@cogov/persistence/testing/test-databases';
import { PermanentDeliveryFailure } from './delivery-failures';
import { InProcessBus } from './in-process-bus';
import { ParkedEvents } from './parked-events';
import { integrationEventFrom } from './integration-event-factory';
import type { IntegrationEventBus, Subscription } from './integration-event-bus.port';
import { KafkaBus } from './kafka/kafka-bus';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';

/** Against the real PostgreSQL and broker that `npm test` starts. */
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

type Kind = 'in-process' | 'kafka';

describe.each<Kind>(['in-process', 'kafka'])('parking on the %s bus (PostgreSQL)', (kind) => {
  let db: SqlDatabase;
  let store: SqlEventStore;
  let source: string;
  let bus: IntegrationEventBus | null = null;

  beforeEach(async () => {
    db = await SqlDatabase.open(freshPostgresSchema());
    store = new SqlEventStore(db);
    await store.ensureSchema();
    source = `park-${randomUUID().slice(0, 8)}`; // fresh topics and groups per test
  });
  afterEach(async () => {
    await bus?.stop();
    bus = null;
    const schema = db.config.kind === 'postgres' ? db.config.schema : '';
    await db.dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.close();
  });

  /** `notes-<key>` streams publish `noted`, `facts-*` streams publish `announced`. */
  const mapper = (recorded: RecordedEvent): IntegrationEvent[] => {
    const [prefix, key] = [recorded.streamId.slice(0, 6), recorded.streamId.slice(6)];
    if (prefix !== 'notes-' && prefix !== 'facts-') return [];
    return [
      integrationEventFrom(recorded, {
        type: `${source}.${prefix === 'notes-' ? 'noted' : 'announced'}`,
        version: 1,
        source,
        key,
        data: recorded.data,
      }),
    ];
  };
  const note = (key: string, text: string, extra: Record<string, unknown> = {}) =>
    store.appendToStream(`notes-${key}`, [event('Noted', { text, ...extra })], { expectedRevision: 'any' });
  const announce = (name: string) =>
    store.appendToStream(`facts-${randomUUID()}`, [event('Announced', { name })], {
      expectedRevision: 'no-stream',
    });

  const start = async (handlers: Subscription['handlers'], retry: RetryPolicy = DEFAULT_RETRY) => {
    const b =
      kind === 'in-process'
        ? new InProcessBus(store, db, retry)
        : new KafkaBus(store, db, { brokers, clientId: 'parking-test', namespace: source, retry });
    b.publishFrom(source, mapper);
    b.subscribe({ group: `${source}-readers`, handlers });
    bus = b;
    await b.start();
    return b;
  };
  const until = async (what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const parked = () => bus!.status().consumers[0]!.parked;

  it('an early event is parked without holding back other aggregates, then applied once its missing fact arrives', async () => {
    const known = new Set<string>();
    const seen: Array<{ text: string; at: number }> = [];
    let firstTry: number | null = null;
    await note('k1', 'k1-a', { needs: 'x' });
    await note('k1', 'k1-b');
    for (let i = 0; i < 30; i++) await note(`other-${i}`, `o-${i}`);

    await start({
      [`${source}.noted`]: {
        versions: [1],
        handle: async (e) => {
          const needs = e.data.needs as string | undefined;
          if (needs !== undefined && !known.has(needs)) {
            firstTry ??= performance.now();
            throw new NotYetKnown('fact', needs);
          }
          seen.push({ text: e.data.text as string, at: performance.now() });
        },
      },
      [`${source}.announced`]: { versions: [1], handle: async (e) => void known.add(e.data.name as string) },
    });

    await until(
      'every other aggregate handled',
      () => seen.filter((s) => s.text.startsWith('o-')).length === 30,
    );
    const lastOther = Math.max(...seen.filter((s) => s.text.startsWith('o-')).map((s) => s.at));
    expect(firstTry).not.toBeNull();
    expect(lastOther - firstTry!).toBeLessThan(1000);
    await until('both events of k1 parked', () => parked() === 2);
    expect(seen.map((s) => s.text)).not.toContain('k1-b'); // it waits behind k1-a

    await announce('x');
    await note('k1', 'k1-c');
    await until('k1 caught up', () => seen.some((s) => s.text === 'k1-c'));
    expect(seen.map((s) => s.text).filter((t) => t.startsWith('k1'))).toEqual(['k1-a', 'k1-b', 'k1-c']);
    await until('nothing parked', () => parked() === 0);
    expect(bus!.status().deadLettered).toBe(0);
  });

  it('a parked event is retried on a timer with backoff, with no new event to wake it', async () => {
    let ready = false;
    const tries: number[] = [];
    const seen: string[] = [];
    await note('k1', 'waits');
    await start(
      {
        [`${source}.noted`]: {
          versions: [1],
          handle: async (e) => {
            tries.push(performance.now());
            if (!ready) throw new NotYetKnown('fact', 'elsewhere');
            seen.push(e.data.text as string);
          },
        },
      },
      { attempts: 2, baseDelayMs: 10, parkedBaseDelayMs: 150, parkedMaxDelayMs: 1200 },
    );
    // Two tries in line, then parked and tried after about 150, 300 and 600 ms.
    await until('parked and retried three times on its own', () => parked() === 1 && tries.length >= 5);
    const gaps = tries.slice(2).map((t, i) => t - tries[i + 1]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(140);
    expect(gaps[2]).toBeGreaterThanOrEqual(2 * gaps[0]!);
    ready = true;
    await until('applied', () => seen.length === 1);
    await until('nothing parked', () => parked() === 0);
    expect(bus!.status().deadLettered).toBe(0);
  });

  it('tries woken by other deliveries before a parked event is due count no attempt and keep its schedule', async () => {
    const tries: string[] = [];
    const seen: string[] = [];
    await note('k1', 'waits');
    await start(
      {
        [`${source}.noted`]: {
          versions: [1],
          handle: async (e) => {
            const text = e.data.text as string;
            if (text === 'waits') {
              tries.push(text);
              throw new NotYetKnown('fact', 'elsewhere');
            }
            seen.push(text);
          },
        },
      },
      // The timer's first try is a minute away: every try in this test is a woken one.
      { attempts: 2, baseDelayMs: 10, parkedBaseDelayMs: 60_000, parkedMaxDelayMs: 600_000 },
    );
    await until('parked', () => parked() === 1);
    const parkedEvents = new ParkedEvents(db);
    const [before] = await parkedEvents.list(`${source}-readers`);
    for (let i = 0; i < 5; i++) {
      const triesSoFar = tries.length;
      await note(`other-${i}`, `o-${i}`);
      await until(
        `wake ${i} tried the parked event`,
        () => seen.length === i + 1 && tries.length > triesSoFar,
      );
    }
    const [after] = await parkedEvents.list(`${source}-readers`);
    expect({ attempts: after!.attempts, nextAttemptAt: after!.nextAttemptAt }).toEqual({
      attempts: before!.attempts,
      nextAttemptAt: before!.nextAttemptAt,
    });
    expect(bus!.status().deadLettered).toBe(0);
  });

  it('a failure no retry can mend is dead-lettered at once and does not hold its key', async () => {
    let attempts = 0;
    const seen: string[] = [];
    await note('k1', 'malformed');
    await note('k1', 'fine');
    await start({
      [`${source}.noted`]: {
        versions: [1],
        handle: async (e) => {
          if (e.data.text === 'malformed') {
            attempts++;
            throw new PermanentDeliveryFailure('does not satisfy its schema');
          }
          seen.push(e.data.text as string);
        },
      },
    });
    await until('the next event of the key handled', () => seen.length === 1);
    expect(attempts).toBe(1);
    expect(bus!.status().deadLettered).toBe(1);
    expect(parked()).toBe(0);
  });

  it('parked events survive a restart and keep their order', async () => {
    let ready = false;
    const seen: string[] = [];
    const handlers: Subscription['handlers'] = {
      [`${source}.noted`]: {
        versions: [1],
        handle: async (e) => {
          if (!ready) throw new NotYetKnown('fact', 'elsewhere');
          seen.push(e.data.text as string);
        },
      },
    };
    await note('k1', 'first');
    await note('k1', 'second');
    const first = await start(handlers, { attempts: 1, baseDelayMs: 1 });
    await until('both parked', () => parked() === 2);
    await first.stop();
    bus = null;

    ready = true;
    await start(handlers, { attempts: 1, baseDelayMs: 1, parkedBaseDelayMs: 50 });
    await until('both applied', () => seen.length >= 2);
    expect(seen).toEqual(['first', 'second']);
    await until('nothing parked', () => parked() === 0);
  });
});

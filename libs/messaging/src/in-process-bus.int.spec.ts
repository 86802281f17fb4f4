import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@cogov/contracts';
import { type RecordedEvent, SqlEventStore } from '@cogov/event-store';
import { event } from '@cogov/event-store/testing/event-store.contract';
import { SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { InProcessBus } from './in-process-bus';
import { integrationEventFrom } from './integration-event-factory';
import type { InboundHandler } from './integration-event-bus.port';

/** Publishes every `Noted` event of `notes-*` streams as `test.noted` with the version in its data. */
function mapper(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.streamId.startsWith('notes-')) return [];
  return [
    integrationEventFrom(recorded, {
      type: 'test.noted',
      version: Number(recorded.data.version ?? 1),
      source: 'test',
      key: recorded.streamId,
      data: { text: recorded.data.text },
    }),
  ];
}

describe('in-process bus (SQLite)', () => {
  let config: ReturnType<typeof freshSqlite>;
  let db: SqlDatabase;
  let store: SqlEventStore;
  const buses: InProcessBus[] = [];

  beforeEach(async () => {
    config = freshSqlite();
    db = await SqlDatabase.open(config);
    store = new SqlEventStore(db);
    await store.ensureSchema();
  });
  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.stop();
    await db.close();
    config.cleanup();
  });

  const note = (text: string, version = 1) =>
    store.appendToStream(`notes-${randomUUID()}`, [event('Noted', { text, version })], {
      expectedRevision: 'no-stream',
    });
  const startBus = async (handler: InboundHandler['handle'], versions = [1]) => {
    const bus = new InProcessBus(store, db, { attempts: 3, baseDelayMs: 5 });
    bus.publishFrom('test', mapper);
    bus.subscribe({ group: 'readers', handlers: { 'test.noted': { versions, handle: handler } } });
    buses.push(bus);
    await bus.start();
    return bus;
  };
  const until = async (condition: () => boolean | Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const deadLetters = (): Promise<Array<{ type: string; error: string; attempts: number }>> =>
    db.dataSource.query('SELECT type, error, attempts FROM bus_dead_letters');

  it('delivers published events in order, and a restarted consumer resumes after its checkpoint', async () => {
    const seen: string[] = [];
    await note('a');
    await note('b');
    const bus = await startBus(async (e) => void seen.push(e.data.text as string));
    await note('c');
    await until(() => seen.length === 3);
    await bus.stop();
    buses.pop();

    await note('d');
    await startBus(async (e) => void seen.push(e.data.text as string));
    await until(() => seen.length === 4);
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
  });

  it('redelivers an event whose batch was interrupted (at-least-once), with the same event id', async () => {
    const ids: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    await note('first');
    const bus = await startBus(async (e) => {
      ids.push(e.eventId);
      await gate;
    });
    await until(() => ids.length === 1);
    const stopping = bus.stop();
    release();
    await stopping;
    buses.pop();

    await startBus(async (e) => void ids.push(e.eventId));
    await until(() => ids.length === 2);
    expect(ids[1]).toBe(ids[0]);
  });

  it('retries a failing handler with backoff, then dead-letters the event and goes on', async () => {
    let attempts = 0;
    const handled: string[] = [];
    await note('poison');
    await note('fine');
    await startBus(async (e) => {
      if (e.data.text === 'poison') {
        attempts++;
        throw new Error('cannot digest');
      }
      handled.push(e.data.text as string);
    });
    await until(() => handled.length === 1);
    expect(attempts).toBe(3);
    expect(await deadLetters()).toEqual([{ type: 'test.noted', error: 'Error: cannot digest', attempts: 3 }]);
  });

  it('dead-letters an unknown schema version without guessing', async () => {
    const handled: string[] = [];
    await note('from the future', 2);
    await note('known');
    await startBus(async (e) => void handled.push(e.data.text as string));
    await until(() => handled.length === 1);
    expect(handled).toEqual(['known']);
    expect(await deadLetters()).toEqual([
      { type: 'test.noted', error: 'unknown schema version 2 of test.noted', attempts: 0 },
    ]);
  });
});

import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@cogov/contracts';
import { type RecordedEvent, SqlEventStore } from '@cogov/event-store';
import { event } from '@cogov/event-store/testing/event-store.contract';
import { currentLogContext, type LogContext } from '@cogov/log-context';
import { SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { InProcessBus } from './in-process-bus';
import { integrationEventFrom } from './integration-event-factory';

const mapper = (recorded: RecordedEvent): IntegrationEvent[] =>
  recorded.streamId.startsWith('notes-')
    ? [
        integrationEventFrom(recorded, {
          type: 'test.noted',
          version: 1,
          source: 'test',
          key: recorded.streamId,
          data: {},
        }),
      ]
    : [];

describe('a consumer handles each integration event in that event’s log context (in-process bus, SQLite)', () => {
  const config = freshSqlite();
  let db: SqlDatabase;
  let bus: InProcessBus;
  afterAll(async () => {
    await bus.stop();
    await db.close();
    config.cleanup();
  });

  it('sees the event’s correlation id and event id while it runs, and nothing after', async () => {
    db = await SqlDatabase.open(config);
    const store = new SqlEventStore(db);
    await store.ensureSchema();
    const seen: Array<{ event: IntegrationEvent; context: LogContext | undefined }> = [];
    bus = new InProcessBus(store, db, { attempts: 1, baseDelayMs: 1 });
    bus.publishFrom('test', mapper);
    bus.subscribe({
      group: 'readers',
      handlers: {
        'test.noted': {
          versions: [1],
          handle: async (e) => {
            await Promise.resolve();
            seen.push({ event: e, context: currentLogContext() });
          },
        },
      },
    });
    await bus.start();
    const correlationId = `corr-${randomUUID()}`;
    await store.appendToStream(
      `notes-${randomUUID()}`,
      [{ ...event('Noted', {}), metadata: { actorId: 'a', correlationId, causationId: null } }],
      { expectedRevision: 'no-stream' },
    );
    const deadline = Date.now() + 10_000;
    while (seen.length === 0) {
      if (Date.now() > deadline) throw new Error('not delivered in 10 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen[0]!.context).toEqual({ correlationId, eventId: seen[0]!.event.eventId });
    expect(currentLogContext()).toBeUndefined();
  });
});

import { randomUUID } from 'node:crypto';
import type { ICommand } from '@nestjs/cqrs';
import { partyOrganizationOrderWorkV1 } from '@cogov/contracts';
import { type RecordedEvent, SqlEventStore } from '@cogov/event-store';
import { event } from '@cogov/event-store/testing/event-store.contract';
import { type CommandContext } from '@cogov/event-sourcing';
import { InProcessBus, integrationEventFrom } from '@cogov/messaging';
import { SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { consume, subscriptionOf } from './inbound';

/**
 * Foreign facts are checked, not trusted: a payload that fails its version's schema goes to the
 * dead-letter path with the reason and becomes no command; a valid one becomes exactly the
 * command its definition names, field by field, whatever else the publisher put in it.
 */
class RecordWork implements ICommand {
  constructor(
    readonly data: { orderId: string; step: string; executorId: string },
    readonly context: CommandContext,
  ) {}
}

/** Publishes the `data` of every `Worked` event of `work-*` streams as party-organization order work. */
function publisher(recorded: RecordedEvent) {
  if (!recorded.streamId.startsWith('work-')) return [];
  return [
    integrationEventFrom(recorded, {
      type: partyOrganizationOrderWorkV1.type,
      version: Number(recorded.data.version ?? 1),
      source: 'party-organization',
      key: String(recorded.data.payload && (recorded.data.payload as { orderId?: string }).orderId),
      data: recorded.data.payload as Record<string, unknown>,
    }),
  ];
}

const validWork = (orderId: string) => ({
  orderId,
  round: 1,
  executor: { kind: 'member', id: 'member-1' },
  performedBy: 'member-1',
  step: 'accepted',
  at: '2026-03-01T10:00:00.000Z',
  note: null,
  resultNote: null,
  evidence: [],
  reason: null,
});

describe('inbound integration events through the kit (in-process bus, SQLite)', () => {
  const config = freshSqlite();
  let db: SqlDatabase;
  let store: SqlEventStore;
  let bus: InProcessBus;
  const executed: RecordWork[] = [];

  beforeAll(async () => {
    db = await SqlDatabase.open(config);
    store = new SqlEventStore(db);
    await store.ensureSchema();
    bus = new InProcessBus(store, db, { attempts: 3, baseDelayMs: 5 });
    bus.publishFrom('party-organization', publisher);
    bus.subscribe(
      subscriptionOf(
        'residents-committee',
        [
          consume(
            partyOrganizationOrderWorkV1,
            ({ data: d }, context) =>
              new RecordWork({ orderId: d.orderId, step: d.step, executorId: d.executor.id }, context),
          ),
        ],
        (command) => {
          executed.push(command as RecordWork);
          return Promise.resolve();
        },
      ),
    );
    await bus.start();
  });
  afterAll(async () => {
    await bus.stop();
    await db.close();
    config.cleanup();
  });

  const publish = (payload: Record<string, unknown>, version = 1) =>
    store.appendToStream(`work-${randomUUID()}`, [event('Worked', { payload, version })], {
      expectedRevision: 'no-stream',
    });
  const deadLetters = () =>
    db.dataSource.query<Array<{ error: string; attempts: number; event: string }>>(
      `SELECT error, attempts, event FROM ${db.table('bus_dead_letters')}`,
    );
  const until = async (condition: () => Promise<boolean> | boolean) => {
    const deadline = Date.now() + 10_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met within 10 s');
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  it('a valid payload becomes its command, built from the named fields only', async () => {
    const orderId = randomUUID();
    await publish({ ...validWork(orderId), sneaky: 'a field the publisher added later' });
    await until(() => executed.some((c) => c.data.orderId === orderId));
    const command = executed.find((c) => c.data.orderId === orderId)!;
    expect(command.data).toEqual({ orderId, step: 'accepted', executorId: 'member-1' });
    expect(command.context).toMatchObject({
      actorId: expect.any(String),
      idempotencyKey: expect.any(String),
    });
  });

  it('a payload that fails its schema is dead-lettered with the reason and becomes no command', async () => {
    const orderId = randomUUID();
    const before = executed.length;
    await publish({ ...validWork(orderId), step: 'exploded', round: 0 });
    await until(async () => (await deadLetters()).some((d) => d.event.includes(orderId)));
    const letter = (await deadLetters()).find((d) => d.event.includes(orderId))!;
    expect(letter.error).toMatch(/does not satisfy its schema/);
    expect(letter.error).toMatch(/\/step must be equal to one of the allowed values/);
    expect(letter.error).toMatch(/\/round must be >= 1/);
    // And a later valid fact still flows: the bad one held nothing up for good.
    const next = randomUUID();
    await publish(validWork(next));
    await until(() => executed.some((c) => c.data.orderId === next));
    expect(executed.slice(before).map((c) => c.data.orderId)).toEqual([next]);
  });

  it('a version nobody declared is dead-lettered and becomes no command', async () => {
    const orderId = randomUUID();
    await publish(validWork(orderId), 2);
    await until(async () => (await deadLetters()).some((d) => d.event.includes(orderId)));
    expect((await deadLetters()).find((d) => d.event.includes(orderId))!.error).toMatch(/version 2/);
    expect(executed.some((c) => c.data.orderId === orderId)).toBe(false);
  });
});

import { SqlEventStore } from '@cogov/event-store';
import { quoteIdent, SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema, freshSqlite } from '@cogov/persistence/testing/test-databases';
import { type CommandContext, IdempotencyKeyReused } from './command-context';
import { EventSourcedRepository } from './event-sourced-repository';

type Tallied = { type: 'Tallied'; data: { by: number } };

/** Idempotency keys against the real store: a retry is a no-op, a reuse is refused by name. */
describe.each([
  ['SQLite', () => freshSqlite()],
  ['PostgreSQL', () => freshPostgresSchema()],
] as const)('event-sourced repository with idempotency keys (%s)', (dialect, makeConfig) => {
  const config = makeConfig();
  let db: SqlDatabase;
  let tallies: EventSourcedRepository<number, Tallied>;

  beforeAll(async () => {
    db = await SqlDatabase.open(config);
    const store = new SqlEventStore(db);
    await store.ensureSchema();
    tallies = new EventSourcedRepository<number, Tallied>(store, {
      category: 'test.tally',
      initialState: () => 0,
      evolve: (total, event) => total + event.data.by,
    });
  });
  afterAll(async () => {
    if (config.kind === 'postgres') {
      await db.dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(config.schema)} CASCADE`);
    }
    await db.close();
    if (config.kind === 'sqlite') config.cleanup();
  });

  const context = (key: string, causationId: string, scope?: string): CommandContext => ({
    actorId: 'p-1',
    correlationId: 'c-1',
    causationId,
    idempotencyKey: key,
    ...(scope ? { idempotencyScope: scope } : {}),
    now: new Date(),
  });
  const add = (by: number) => (): Tallied[] => [{ type: 'Tallied', data: { by } }];
  const total = async (id: string) => (await tallies.load(id)).state;

  it('the same request again is not applied twice', async () => {
    const id = `${dialect}-retry`;
    expect((await tallies.handle(id, add(2), context('k-1', 'request-1'))).applied).toBe(true);
    expect((await tallies.handle(id, add(2), context('k-1', 'request-1'))).applied).toBe(false);
    expect(await total(id)).toBe(2);
  });

  it('another request under the same key is refused, naming the key', async () => {
    const id = `${dialect}-reuse`;
    await tallies.handle(id, add(2), context('k-2', 'request-1'));
    await expect(tallies.handle(id, add(5), context('k-2', 'request-2'))).rejects.toEqual(
      new IdempotencyKeyReused('k-2'),
    );
    expect(await total(id)).toBe(2);
  });

  it('the same key for another stream of the category is refused, not a store error', async () => {
    await tallies.handle(`${dialect}-first`, add(1), context('k-3', 'request-1'));
    await expect(
      tallies.handle(`${dialect}-second`, add(1), context('k-3', 'request-1')),
    ).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect(await total(`${dialect}-second`)).toBe(0);
  });

  it('two requests racing under one key: one is applied, the other refused', async () => {
    const id = `${dialect}-race`;
    const outcomes = await Promise.allSettled([
      tallies.handle(id, add(3), context('k-4', 'request-1')),
      tallies.handle(id, add(4), context('k-4', 'request-2')),
    ]);
    const applied = outcomes.filter((o) => o.status === 'fulfilled' && o.value.applied);
    const refused = outcomes.filter(
      (o) => o.status === 'rejected' && o.reason instanceof IdempotencyKeyReused,
    );
    expect([applied.length, refused.length]).toEqual([1, 1]);
    expect([3, 4]).toContain(await total(id));
  });

  it('keys in different scopes never meet', async () => {
    const id = `${dialect}-scoped`;
    await tallies.handle(id, add(1), context('1', 'request-1', 'alice POST /tallies'));
    await tallies.handle(id, add(1), context('1', 'request-2', 'bob POST /tallies'));
    expect(await total(id)).toBe(2);
  });
});

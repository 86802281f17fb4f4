import { randomUUID } from 'node:crypto';
import { quoteIdent, SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema } from '@cogov/persistence/testing/test-databases';
import type { RecordedEvent } from '../event-store.port';
import { event, eventSearchContract, eventStoreContract } from '../testing/event-store.contract';
import { SqlEventStore } from './sql-event-store';

async function openPostgres() {
  const config = freshPostgresSchema();
  const db = await SqlDatabase.open(config);
  const store = new SqlEventStore(db);
  await store.ensureSchema();
  return {
    db,
    store,
    schema: config.schema,
    config,
    close: async () => {
      await db.dataSource.query(`DROP SCHEMA ${quoteIdent(config.schema)} CASCADE`);
      await db.close();
    },
  };
}

eventStoreContract('SQL on PostgreSQL', openPostgres);
eventSearchContract('SQL on PostgreSQL', openPostgres);

describe('SQL event store on PostgreSQL: commits out of position order', () => {
  it('holds a follower back until an earlier position commits, never skipping it', async () => {
    const { db, store, schema, close } = await openPostgres();
    try {
      // Appends to "slow-" streams draw their position, then sleep inside the transaction, so a
      // later append commits first with a higher position: the case sequences produce under load.
      await db.dataSource.query(`
        CREATE FUNCTION ${quoteIdent(schema)}.slow_append() RETURNS trigger AS $$
        BEGIN IF NEW.stream_id LIKE 'slow-%' THEN PERFORM pg_sleep(1.5); END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await db.dataSource.query(`
        CREATE TRIGGER slow_append BEFORE INSERT ON ${quoteIdent(schema)}.es_events
        FOR EACH ROW EXECUTE FUNCTION ${quoteIdent(schema)}.slow_append()`);

      const abort = new AbortController();
      const deadline = setTimeout(() => abort.abort(), 8_000);
      const seen: RecordedEvent[] = [];
      const follower = (async () => {
        for await (const batch of store.followAll({ after: 0, signal: abort.signal })) {
          seen.push(...batch);
          if (seen.length >= 2) abort.abort();
        }
      })();

      const slow = store.appendToStream(`slow-${randomUUID()}`, [event('Slow')], {
        expectedRevision: 'no-stream',
      });
      await waitUntil(async () => (await activeAppends(db)) > 0);
      const fast = await store.appendToStream(`fast-${randomUUID()}`, [event('Fast')], {
        expectedRevision: 'no-stream',
      });
      const slowResult = await slow;
      await follower;
      clearTimeout(deadline);

      expect(fast.lastPosition!).toBeGreaterThan(slowResult.lastPosition!);
      expect(seen.map((e) => e.type)).toEqual(['Slow', 'Fast']);
    } finally {
      await close();
    }
  });
});

describe('SQL event store on PostgreSQL: followers in other processes', () => {
  it('wakes a follower on another connection pool at once (NOTIFY), long before its next poll', async () => {
    const writer = await openPostgres();
    // Another process's view of the same store: its own pool, its own listening connection.
    const readerDb = await SqlDatabase.open(writer.config);
    const reader = new SqlEventStore(readerDb, { pollIntervalMs: 60_000 });
    const abort = new AbortController();
    try {
      const seen: Array<{ type: string; at: number }> = [];
      const follower = (async () => {
        for await (const batch of reader.followAll({ after: 0, signal: abort.signal })) {
          seen.push(...batch.map((e) => ({ type: e.type, at: Date.now() })));
        }
      })();
      // Caught up and waiting: the first read found nothing and the poll is a minute away.
      await new Promise((r) => setTimeout(r, 300));
      for (const type of ['First', 'Second']) {
        const appendedAt = Date.now();
        await writer.store.appendToStream(`wake-${randomUUID()}`, [event(type)], {
          expectedRevision: 'no-stream',
        });
        await waitUntil(async () => seen.some((e) => e.type === type), 5_000);
        expect(seen.find((e) => e.type === type)!.at - appendedAt).toBeLessThan(2_000);
        await new Promise((r) => setTimeout(r, 50));
      }
      abort.abort();
      await follower;
      expect(seen.map((e) => e.type)).toEqual(['First', 'Second']);
    } finally {
      abort.abort();
      await readerDb.close();
      await writer.close();
    }
  });
});

async function activeAppends(db: SqlDatabase): Promise<number> {
  const rows: Array<{ n: string }> = await db.dataSource.query(
    `SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE '%pg_sleep(1.5)%' OR (state = 'active' AND query LIKE 'WITH append_lock%')`,
  );
  return Number(rows[0]?.n ?? 0);
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

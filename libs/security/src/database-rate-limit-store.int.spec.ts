import type { Clock } from '@cogov/decider';
import { quoteIdent, SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema } from '@cogov/persistence/testing/test-databases';
import { AuthFailureLimiter } from './auth-failure-limiter';
import { DatabaseRateLimitStore } from './database-rate-limit-store';

const MINUTE = 60_000;

/**
 * Two processes of one context, stood in for by two databases with pools of their own on one
 * schema, each with its own store: a limit holds across them. Time is a clock the test moves.
 */
describe('rate limits in PostgreSQL, shared by every process', () => {
  const config = freshPostgresSchema();
  let time = Date.parse('2026-12-10T08:00:00.000Z');
  const clock: Clock = { now: () => new Date(time) };
  let first: SqlDatabase;
  let second: SqlDatabase;
  let stores: [DatabaseRateLimitStore, DatabaseRateLimitStore];

  beforeAll(async () => {
    [first, second] = await Promise.all([SqlDatabase.open(config), SqlDatabase.open(config)]);
    stores = await Promise.all([
      DatabaseRateLimitStore.open(first, clock),
      DatabaseRateLimitStore.open(second, clock),
    ]);
  });
  afterAll(async () => {
    await first.dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(config.schema)} CASCADE`);
    await Promise.all([first.close(), second.close()]);
  });

  it('hits through either process add up to one count, each counted once when they race', async () => {
    const [a, b] = stores;
    const counts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).increment('race', MINUTE, 100, 0, 'all')),
    );
    expect(counts.map((count) => count.totalHits).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  it('over the limit, a key waits for the end of its window, then counts afresh', async () => {
    const [a, b] = stores;
    expect(await a.increment('window', MINUTE, 2, 0, 'all')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    time += 20_000;
    expect(await b.increment('window', MINUTE, 2, 0, 'all')).toMatchObject({
      totalHits: 2,
      isBlocked: false,
    });
    time += 15_500;
    expect(await a.increment('window', MINUTE, 2, 0, 'all')).toEqual({
      totalHits: 3,
      timeToExpire: 25,
      isBlocked: true,
      timeToBlockExpire: 25,
    });
    time += 24_500;
    expect(await b.increment('window', MINUTE, 2, 0, 'all')).toMatchObject({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
    });
  });

  it('counts each throttler and each key apart', async () => {
    const [a, b] = stores;
    await a.increment('apart', MINUTE, 1, 0, 'all');
    expect(await b.increment('apart', MINUTE, 1, 0, 'orders')).toMatchObject({ totalHits: 1 });
    expect(await b.increment('apart-too', MINUTE, 1, 0, 'all')).toMatchObject({ totalHits: 1 });
    expect(await b.increment('apart', MINUTE, 1, 0, 'all')).toMatchObject({ totalHits: 2, isBlocked: true });
  });

  it('failed authentications counted by one process are refused by the other', async () => {
    const [inFirst, inSecond] = stores.map((store) => new AuthFailureLimiter(store, 3, MINUTE));
    const failure = { address: '203.0.113.7', credential: 'Bearer expired' };
    expect(await inFirst!.record(failure)).toBeNull();
    expect(await inSecond!.record({ ...failure, credential: 'Bearer another' })).toBeNull();
    expect(await inFirst!.record({ ...failure, credential: null })).toBeNull();
    time += 10_000;
    expect(await inSecond!.record(failure)).toBe(50);
    // The credential has failed twice, from one address; from a fresh one it is still under its limit.
    expect(await inFirst!.record({ ...failure, address: '198.51.100.1' })).toBeNull();
  });

  it('stores hashes, never the presented credential or the address', async () => {
    const rows = await first.dataSource.query<Array<{ key: string }>>(
      `SELECT key FROM ${first.table('security_rate_limits')} WHERE throttler = 'auth-failures'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });
});

import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Clock } from '@cogov/decider';
import type { SqlDatabase } from '@cogov/persistence';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How often a process deletes the rows of windows that have ended. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The rate limits' counts in PostgreSQL, so that every process of a context counts the same hits
 * (the throttlers' and the failed authentications'). One row per throttler and key: a window
 * opens at the key's first hit and lasts `ttl`; each hit is one atomic upsert that counts it, or
 * opens a new window when the last has ended, and returns the count. Over the limit, a key waits
 * for the end of its window (the window is the block: `blockDuration` is not used).
 */
export class DatabaseRateLimitStore implements ThrottlerStorage {
  private readonly table: string;
  private nextSweepAt = 0;

  private constructor(
    private readonly db: SqlDatabase,
    private readonly clock: Clock,
  ) {
    this.table = db.table('security_rate_limits');
  }

  static async open(db: SqlDatabase, clock: Clock): Promise<DatabaseRateLimitStore> {
    if (db.dialect !== 'postgres') {
      throw new Error('the database rate-limit store is for PostgreSQL (a SQLite host counts in memory)');
    }
    const store = new DatabaseRateLimitStore(db, clock);
    await db.exclusive(() =>
      db.dataSource.query(
        `CREATE TABLE IF NOT EXISTS ${store.table} (
           throttler TEXT NOT NULL, key TEXT NOT NULL, hits INTEGER NOT NULL, window_ends_at BIGINT NOT NULL,
           PRIMARY KEY (throttler, key))`,
      ),
    );
    return store;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.clock.now().getTime();
    const [row] = await this.db.preparedQuery<{ hits: number; window_ends_at: string }>(
      `INSERT INTO ${this.table} AS t (throttler, key, hits, window_ends_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (throttler, key) DO UPDATE SET
         hits = CASE WHEN t.window_ends_at <= $4 THEN 1 ELSE t.hits + 1 END,
         window_ends_at = CASE WHEN t.window_ends_at <= $4 THEN excluded.window_ends_at ELSE t.window_ends_at END
       RETURNING hits, window_ends_at`,
      [throttlerName, key, now + ttl, now],
    );
    // Housekeeping: a request is not refused because clearing old windows failed; the next
    // interval tries again.
    await this.sweep(now).catch(() => undefined);
    const totalHits = Number(row!.hits);
    const timeToExpire = Math.max(0, Math.ceil((Number(row!.window_ends_at) - now) / 1000));
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  /** Ended windows are only ever reopened by their key's next hit; keys that never come back go. */
  private async sweep(now: number): Promise<void> {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + SWEEP_INTERVAL_MS;
    await this.db.dataSource.query(`DELETE FROM ${this.table} WHERE window_ends_at <= $1`, [now]);
  }
}

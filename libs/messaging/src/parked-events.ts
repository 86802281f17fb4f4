import type { IntegrationEvent } from '@cogov/contracts';
import type { SqlDatabase } from '@cogov/persistence';

export interface ParkedEvent {
  readonly group: string;
  readonly event: IntegrationEvent;
  readonly key: string;
  readonly seq: number;
  readonly error: string;
  readonly attempts: number;
  readonly parkedAt: string;
  /** Epoch milliseconds; only the first event of a key is tried on its own schedule. */
  readonly nextAttemptAt: number;
}

interface Row {
  consumer_group: string;
  event_id: string;
  event_key: string;
  seq: string | number;
  event: string;
  error: string;
  attempts: string | number;
  parked_at: string;
  next_attempt_at: string | number;
}

/**
 * Events a consumer group could not handle yet, for a reason that may mend itself, kept in the
 * consumer's own database (ADR 16). Within a key they are applied in `seq` order; a key with a
 * parked event holds its later events here too, so its order survives; other keys are unaffected.
 */
export class ParkedEvents {
  private readonly table: string;
  private lastSeq = 0;

  constructor(private readonly db: SqlDatabase) {
    this.table = db.table('bus_parked');
  }

  async ensureSchema(): Promise<void> {
    const big = this.db.dialect === 'postgres' ? 'BIGINT' : 'INTEGER';
    await this.db.exclusive(async () => {
      await this.db.dataSource.query(
        `CREATE TABLE IF NOT EXISTS ${this.table} (
           consumer_group TEXT NOT NULL, event_id TEXT NOT NULL, event_key TEXT NOT NULL, seq ${big} NOT NULL,
           type TEXT NOT NULL, version INTEGER NOT NULL, event TEXT NOT NULL, error TEXT NOT NULL,
           attempts INTEGER NOT NULL, parked_at TEXT NOT NULL, next_attempt_at ${big} NOT NULL,
           PRIMARY KEY (consumer_group, event_id))`,
      );
      await this.db.dataSource.query(
        `CREATE INDEX IF NOT EXISTS bus_parked_by_key ON ${this.table} (consumer_group, event_key, seq)`,
      );
    });
  }

  /**
   * Keeps `event` behind whatever its key already has parked. Parking the same event twice (a
   * redelivery after a crash before the offset was committed) keeps the first, and its place.
   */
  async park(
    group: string,
    event: IntegrationEvent,
    error: string,
    attempts: number,
    nextAttemptAt: number,
  ): Promise<void> {
    // Later than anything parked by this process, and than anything parked before it started.
    this.lastSeq = Math.max(this.lastSeq + 1, Date.now() * 1000);
    const p = (i: number) => this.db.param(i);
    await this.db.transaction((m) =>
      m.query(
        `INSERT INTO ${this.table} (consumer_group, event_id, event_key, seq, type, version, event, error, attempts, parked_at, next_attempt_at)
         VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(p).join(', ')})
         ON CONFLICT (consumer_group, event_id) DO NOTHING`,
        [
          group,
          event.eventId,
          event.key,
          this.lastSeq,
          event.type,
          event.version,
          JSON.stringify(event),
          error,
          attempts,
          new Date().toISOString(),
          nextAttemptAt,
        ],
      ),
    );
  }

  /** Every parked event of a group (or of one of its keys), in the order they are to be applied. */
  async list(group?: string, key?: string): Promise<ParkedEvent[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (group !== undefined) where.push(`consumer_group = ${this.db.param(values.push(group))}`);
    if (key !== undefined) where.push(`event_key = ${this.db.param(values.push(key))}`);
    const rows = await this.db.dataSource.query<Row[]>(
      `SELECT consumer_group, event_id, event_key, seq, event, error, attempts, parked_at, next_attempt_at
       FROM ${this.table} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY consumer_group, event_key, seq`,
      values,
    );
    return rows.map((r) => ({
      group: r.consumer_group,
      event: JSON.parse(r.event) as IntegrationEvent,
      key: r.event_key,
      seq: Number(r.seq),
      error: r.error,
      attempts: Number(r.attempts),
      parkedAt: r.parked_at,
      nextAttemptAt: Number(r.next_attempt_at),
    }));
  }

  async remove(group: string, eventId: string): Promise<void> {
    await this.db.transaction((m) =>
      m.query(
        `DELETE FROM ${this.table} WHERE consumer_group = ${this.db.param(1)} AND event_id = ${this.db.param(2)}`,
        [group, eventId],
      ),
    );
  }

  async failedAgain(
    group: string,
    eventId: string,
    error: string,
    attempts: number,
    nextAttemptAt: number,
  ): Promise<void> {
    const p = (i: number) => this.db.param(i);
    await this.db.transaction((m) =>
      m.query(
        `UPDATE ${this.table} SET error = ${p(1)}, attempts = ${p(2)}, next_attempt_at = ${p(3)}
         WHERE consumer_group = ${p(4)} AND event_id = ${p(5)}`,
        [error, attempts, nextAttemptAt, group, eventId],
      ),
    );
  }
}

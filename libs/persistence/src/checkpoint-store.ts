import type { SqlDatabase } from './sql-database';

/**
 * How far a reader of the event history has got, by name (a consumer group, a relay's source).
 * The table keeps the key column name it was created with, so existing databases stay readable.
 */
export class CheckpointStore {
  private readonly table: string;

  constructor(
    private readonly db: SqlDatabase,
    table: string,
    private readonly keyColumn: string,
  ) {
    this.table = db.table(table);
  }

  async ensureSchema(): Promise<void> {
    const position = this.db.dialect === 'postgres' ? 'BIGINT' : 'INTEGER';
    await this.db.exclusive(() =>
      this.db.dataSource.query(
        `CREATE TABLE IF NOT EXISTS ${this.table} (${this.keyColumn} TEXT PRIMARY KEY, position ${position} NOT NULL, updated_at TEXT NOT NULL)`,
      ),
    );
  }

  /** The position saved under `name`, 0 if none. */
  async load(name: string): Promise<number> {
    const rows = await this.db.dataSource.query<Array<{ position: string | number }>>(
      `SELECT position FROM ${this.table} WHERE ${this.keyColumn} = ${this.db.param(1)}`,
      [name],
    );
    return Number(rows[0]?.position ?? 0);
  }

  async save(name: string, position: number): Promise<void> {
    const p = (i: number) => this.db.param(i);
    await this.db.transaction((m) =>
      m.query(
        `INSERT INTO ${this.table} (${this.keyColumn}, position, updated_at) VALUES (${p(1)}, ${p(2)}, ${p(3)})
         ON CONFLICT (${this.keyColumn}) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
        [name, position, new Date().toISOString()],
      ),
    );
  }
}

/**
 * When a follower (a projection, a consumer group) that read on through events it did nothing
 * with must write its checkpoint: at once after work, otherwise every 1,000 positions or 5 s. A
 * restart re-reads the skipped events from the older checkpoint and, again, does nothing (ADR 31).
 */
export class CheckpointPace {
  private savedAt: number;

  constructor(
    private savedPosition = 0,
    private readonly now: () => number = Date.now,
  ) {
    this.savedAt = now();
  }

  due(position: number, didWork: boolean): boolean {
    return didWork || position - this.savedPosition >= 1000 || this.now() - this.savedAt >= 5000;
  }

  saved(position: number): void {
    this.savedPosition = position;
    this.savedAt = this.now();
  }
}

import Database, { type Database as SqliteConnection, type Statement } from 'better-sqlite3';
import { Pool } from 'pg';
import { SqlEventStore } from '@cogov/event-store';
import { postgresSchema, sqliteSchema } from '@cogov/event-store/sql/schema';
import { quoteIdent, SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { type Contender, drive, type Measurement, PG_POOL_SIZE } from './measure';
import { type AppendJob, type AppendSpec, workloadFor } from './workload';

export type ContenderName = 'ours' | 'raw' | 'emmett';

/**
 * One contender on one database, able to run a configuration from an empty event table:
 * reset, warm up, (PostgreSQL: CHECKPOINT), measure, check the row count.
 */
export interface Subject {
  readonly name: ContenderName;
  run(warmup: AppendSpec, measured: AppendSpec): Promise<Measurement>;
  close(): Promise<void>;
}

const INSERT_COLUMNS =
  'event_id, stream_id, stream_revision, type, schema_version, data, actor_id, on_behalf_of, correlation_id, causation_id';

function oursContender(store: SqlEventStore): Contender<number> {
  return {
    append: async (job, cursor) => {
      const result = await store.appendToStream(job.streamId, job.events, {
        expectedRevision: cursor ?? 'no-stream',
      });
      return result.nextExpectedRevision;
    },
  };
}

/**
 * The raw references' parameters: one row per event in INSERT_COLUMNS order, then `extra` (e.g.
 * recorded_at). Written out here rather than taken from the store, so the reference stays raw.
 */
function rowParameters(job: AppendJob, firstRevision: number, extra: readonly unknown[]): unknown[] {
  return job.events.flatMap((event, index) => [
    event.eventId,
    job.streamId,
    firstRevision + index,
    event.type,
    event.schemaVersion,
    JSON.stringify(event.data),
    event.metadata.actorId,
    event.metadata.onBehalfOf ?? null,
    event.metadata.correlationId,
    event.metadata.causationId,
    ...extra,
  ]);
}

function assertCount(actual: number, expected: number, what: string): void {
  if (actual !== expected) throw new Error(`${what}: ${actual} rows stored, expected ${expected}`);
}

/** Our SqlEventStore on a fresh SQLite file per run (SqlDatabase: WAL, synchronous NORMAL). */
export class OursSqlite implements Subject {
  readonly name = 'ours';

  async run(warmupSpec: AppendSpec, measuredSpec: AppendSpec): Promise<Measurement> {
    const warmup = workloadFor(warmupSpec);
    const measured = workloadFor(measuredSpec);
    const config = freshSqlite();
    const db = await SqlDatabase.open(config);
    try {
      const store = new SqlEventStore(db);
      await store.ensureSchema();
      const contender = oursContender(store);
      await drive(contender, warmup);
      const result = await drive(contender, measured);
      const rows = await db.dataSource.query<Array<{ n: number }>>(
        `SELECT COUNT(*) AS n FROM ${db.table('es_events')}`,
      );
      assertCount(Number(rows[0]?.n), warmup.events + measured.events, 'ours/sqlite');
      return result;
    } finally {
      await db.close();
      config.cleanup();
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Reference A on SQLite: better-sqlite3 alone, same pragmas as SqlDatabase, the same table and
 * indexes (schema.ts), one multi-row INSERT per append (its own implicit transaction).
 */
export class RawSqlite implements Subject {
  readonly name = 'raw';

  run(warmupSpec: AppendSpec, measuredSpec: AppendSpec): Promise<Measurement> {
    const warmup = workloadFor(warmupSpec);
    const measured = workloadFor(measuredSpec);
    const config = freshSqlite();
    if (config.kind !== 'sqlite') throw new Error('freshSqlite gave no SQLite file');
    const db: SqliteConnection = new Database(config.file);
    const run = async (): Promise<Measurement> => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      for (const sql of sqliteSchema('es_events')) db.exec(sql);
      const statements = new Map<number, Statement>();
      const statementFor = (rows: number): Statement => {
        let statement = statements.get(rows);
        if (!statement) {
          const tuples = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
          statement = db.prepare(`INSERT INTO es_events (${INSERT_COLUMNS}, recorded_at) VALUES ${tuples}`);
          statements.set(rows, statement);
        }
        return statement;
      };
      const contender: Contender<number> = {
        append: (job: AppendJob, cursor: number | undefined) => {
          const first = cursor ?? 0;
          const recordedAt = new Date().toISOString();
          const params = rowParameters(job, first, [recordedAt]);
          statementFor(job.events.length).run(...params);
          return Promise.resolve(first + job.events.length);
        },
      };
      await drive(contender, warmup);
      const result = await drive(contender, measured);
      const row = db.prepare('SELECT COUNT(*) AS n FROM es_events').get() as { n: number };
      assertCount(row.n, warmup.events + measured.events, 'raw/sqlite');
      return result;
    };
    return run().finally(() => {
      db.close();
      config.cleanup();
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Our SqlEventStore on PostgreSQL, in its own schema; the table is truncated before each run. */
export class OursPostgres implements Subject {
  readonly name = 'ours';

  private constructor(
    private readonly db: SqlDatabase,
    private readonly store: SqlEventStore,
  ) {}

  static async open(url: string, schema: string): Promise<OursPostgres> {
    const db = await SqlDatabase.open({ kind: 'postgres', url, schema });
    const store = new SqlEventStore(db);
    await store.ensureSchema();
    return new OursPostgres(db, store);
  }

  async run(warmupSpec: AppendSpec, measuredSpec: AppendSpec): Promise<Measurement> {
    const warmup = workloadFor(warmupSpec);
    const measured = workloadFor(measuredSpec);
    const events = this.db.table('es_events');
    await this.db.dataSource.query(`TRUNCATE ${events} RESTART IDENTITY`);
    const contender = oursContender(this.store);
    await drive(contender, warmup);
    await this.db.dataSource.query('CHECKPOINT');
    const result = await drive(contender, measured);
    const rows = await this.db.dataSource.query<Array<{ n: number }>>(
      `SELECT COUNT(*)::int AS n FROM ${events}`,
    );
    assertCount(Number(rows[0]?.n), warmup.events + measured.events, 'ours/postgres');
    return result;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/**
 * Reference A on PostgreSQL: a pg Pool of the same size as TypeORM's, the same table, constraints
 * and index (schema.ts) in a schema of its own, one multi-row INSERT … VALUES per append, as a
 * named (prepared) statement per row count: the store prepares its append statement, so the
 * reference gets the same help and the ratio compares the statements, not the protocol.
 */
export class RawPostgres implements Subject {
  readonly name = 'raw';
  private readonly sql = new Map<number, string>();

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
  ) {}

  static async open(url: string, schema: string): Promise<RawPostgres> {
    const pool = new Pool({ connectionString: url, max: PG_POOL_SIZE });
    const table = `${quoteIdent(schema)}.${quoteIdent('es_events')}`;
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    for (const statement of postgresSchema(table)) await pool.query(statement);
    return new RawPostgres(pool, table);
  }

  async run(warmupSpec: AppendSpec, measuredSpec: AppendSpec): Promise<Measurement> {
    const warmup = workloadFor(warmupSpec);
    const measured = workloadFor(measuredSpec);
    await this.pool.query(`TRUNCATE ${this.table} RESTART IDENTITY`);
    const contender: Contender<number> = {
      append: async (job, cursor) => {
        const first = cursor ?? 0;
        const params = rowParameters(job, first, []);
        await this.pool.query({
          name: `raw_insert_${job.events.length}`,
          text: this.insertFor(job.events.length),
          values: params,
        });
        return first + job.events.length;
      },
    };
    await drive(contender, warmup);
    await this.pool.query('CHECKPOINT');
    const result = await drive(contender, measured);
    const rows = await this.pool.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${this.table}`);
    assertCount(Number(rows.rows[0]?.n), warmup.events + measured.events, 'raw/postgres');
    return result;
  }

  private insertFor(rows: number): string {
    let sql = this.sql.get(rows);
    if (!sql) {
      const tuples = Array.from({ length: rows }, (_, r) => {
        const base = r * 10;
        return `(${Array.from({ length: 10 }, (_, c) => `$${base + c + 1}`).join(', ')})`;
      });
      sql = `INSERT INTO ${this.table} (${INSERT_COLUMNS}) VALUES ${tuples.join(', ')}`;
      this.sql.set(rows, sql);
    }
    return sql;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

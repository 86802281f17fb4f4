import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import { DataSource, type EntityManager, type EntitySchema, type MixedList } from 'typeorm';
import type { DatabaseConfig } from './database-config';
import { Mutex } from './mutex';

/**
 * The first key of the two-key advisory lock a schema's set-up holds (the second is the hash of
 * the schema's name). Two-key advisory locks never collide with one-key ones such as the event
 * store's append lock; two schemas whose names hash alike merely take turns.
 */
const SCHEMA_SET_UP_LOCK = 0x636f6776;

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<string | Function | EntitySchema>;

/** The part of node-postgres' pool that prepared statements need. */
interface PgPool {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

/** The part of better-sqlite3's connection that the synchronous write path needs. */
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): { immediate(...args: A): R };
}

interface SqliteTransaction {
  immediate(work: (statement: (sql: string) => SqliteStatement) => unknown): unknown;
  readonly statement: (sql: string) => SqliteStatement;
}

export interface SqliteStatement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/**
 * A TypeORM DataSource plus the one way to write through it.
 *
 * SQLite through better-sqlite3 has a single connection that TypeORM shares between every caller,
 * and it turns a second concurrent `transaction()` into a nested savepoint of the first. Every
 * write transaction therefore queues on one mutex here; PostgreSQL transactions run in parallel
 * on pooled connections.
 */
export class SqlDatabase {
  private readonly writeLock = new Mutex();
  private readonly setUpLock = new Mutex();
  private readonly statementNames = new Map<string, string>();
  private readonly sqliteStatements = new Map<string, SqliteStatement>();
  private readonly sqliteReadStatements = new Map<string, SqliteStatement>();
  private sqliteTransaction: SqliteTransaction | undefined;
  private readonly listeners = new Set<{ stop(): Promise<void> }>();
  private closed = false;

  private constructor(
    /** Writes (and, on PostgreSQL, reads). */
    readonly dataSource: DataSource,
    /**
     * Reads. On SQLite a second connection: through the writer's connection a reader would see a
     * transaction that is still open and may yet roll back; WAL lets this one see commits only.
     */
    readonly readSource: DataSource,
    readonly config: DatabaseConfig,
  ) {}

  static async open(config: DatabaseConfig, entities: EntityList = []): Promise<SqlDatabase> {
    if (config.kind === 'postgres') {
      const dataSource = new DataSource({
        type: 'postgres',
        url: config.url,
        schema: config.schema,
        entities,
        extra: { max: 10 },
      });
      await dataSource.initialize();
      const db = new SqlDatabase(dataSource, dataSource, config);
      try {
        await db.exclusive(() =>
          dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(config.schema)}`),
        );
      } catch (error) {
        await dataSource.destroy();
        throw error;
      }
      return db;
    }
    const database = prepareSqliteFile(config.file);
    const writer = new DataSource({
      type: 'better-sqlite3',
      database,
      entities,
      // WAL lets the reader connection work beside the writer; NORMAL sync in WAL mode is
      // durable except for the last commits on power loss, the usual embedded trade-off.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
      },
    });
    await writer.initialize();
    const reader = new DataSource({
      type: 'better-sqlite3',
      database,
      entities,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('query_only = true');
      },
    });
    await reader.initialize();
    return new SqlDatabase(writer, reader, config);
  }

  get dialect(): 'sqlite' | 'postgres' {
    return this.config.kind;
  }

  /** The placeholder of the `index`-th (1-based) parameter of a statement in this dialect. */
  param(index: number): string {
    return this.config.kind === 'postgres' ? `$${index}` : '?';
  }

  /** The schema-qualified name of a table this process owns. */
  table(name: string): string {
    return this.config.kind === 'postgres'
      ? `${quoteIdent(this.config.schema)}.${quoteIdent(name)}`
      : quoteIdent(name);
  }

  /** Runs `work` in one transaction; on SQLite, after every other writer of this process. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.config.kind === 'sqlite') {
      return this.writeLock.runExclusive(() => this.dataSource.transaction(work));
    }
    return this.dataSource.transaction(work);
  }

  /**
   * Runs schema set-up (`CREATE … IF NOT EXISTS`, TypeORM's synchronize) alone. On SQLite, after
   * every other writer of this process, so it may issue several statements. On PostgreSQL, alone
   * among every process setting up this schema: two sessions running `CREATE TABLE IF NOT EXISTS`
   * for one table at once both pass the existence check, and the second then fails on the
   * catalogue's unique key (`pg_type_typname_nsp_index`). The work holds a session advisory
   * lock keyed by the schema, taken on a connection of its own, so a context and the projections
   * process starting on one fresh schema take turns. In this process set-ups queue first, so
   * only one pooled connection ever waits on the lock while the work needs others.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.config.kind === 'sqlite') return this.writeLock.runExclusive(work);
    const schema = this.config.schema;
    return this.setUpLock.runExclusive(async () => {
      const holder = this.dataSource.createQueryRunner();
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1, hashtext($2))', [SCHEMA_SET_UP_LOCK, schema]);
        try {
          return await work();
        } finally {
          await holder.query('SELECT pg_advisory_unlock($1, hashtext($2))', [SCHEMA_SET_UP_LOCK, schema]);
        }
      } finally {
        await holder.release();
      }
    });
  }

  /**
   * PostgreSQL: runs `text` as a named statement, which node-postgres parses once per pooled
   * connection and then only binds and executes. For the hot paths (appends), where parsing and
   * planning a statement cost more than executing it.
   */
  async preparedQuery<Row>(text: string, values: readonly unknown[]): Promise<Row[]> {
    if (this.config.kind !== 'postgres') throw new Error('prepared statements are for PostgreSQL');
    let name = this.statementNames.get(text);
    if (name === undefined) {
      // The name is derived from the text: one name must never stand for two texts on a connection.
      name = `cogov_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      this.statementNames.set(text, name);
    }
    const pool = (this.dataSource.driver as unknown as { master: PgPool }).master;
    const result = await pool.query({ name, text, values });
    return result.rows as Row[];
  }

  /**
   * SQLite: runs `work` synchronously on the writer's own connection, after every other writer of
   * this process, in one `BEGIN IMMEDIATE` transaction (`atomic: 'transaction'`) or, when the work
   * is a single statement that is atomic on its own, without one (`atomic: 'statement'`, which
   * saves the BEGIN and COMMIT). Nothing else can run on the connection meanwhile (the work never
   * yields), so a write costs no round trips through TypeORM's queue.
   */
  writeSynchronously<T>(
    work: (statement: (sql: string) => SqliteStatement) => T,
    atomic: 'transaction' | 'statement' = 'transaction',
  ): Promise<T> {
    if (this.config.kind !== 'sqlite') throw new Error('synchronous writes are for SQLite');
    const transaction = (this.sqliteTransaction ??= this.sqliteTransactionRunner());
    return this.writeLock.runExclusive(() =>
      Promise.resolve(
        (atomic === 'transaction' ? transaction.immediate(work) : work(transaction.statement)) as T,
      ),
    );
  }

  /**
   * SQLite: a read on the reader's own connection through a statement prepared once, without
   * TypeORM's query runner: the hot path of the two dozen followers that read the log's tail
   * after every append. Synchronous underneath, like every better-sqlite3 call.
   */
  readSynchronously<Row>(sql: string, values: readonly unknown[]): Row[] {
    if (this.config.kind !== 'sqlite') throw new Error('synchronous reads are for SQLite');
    let prepared = this.sqliteReadStatements.get(sql);
    if (prepared === undefined) {
      const connection = (this.readSource.driver as unknown as { databaseConnection: SqliteConnection })
        .databaseConnection;
      prepared = connection.prepare(sql);
      this.sqliteReadStatements.set(sql, prepared);
    }
    return prepared.all(...values) as Row[];
  }

  private sqliteTransactionRunner(): SqliteTransaction {
    const connection = (this.dataSource.driver as unknown as { databaseConnection: SqliteConnection })
      .databaseConnection;
    const statement = (sql: string): SqliteStatement => {
      let prepared = this.sqliteStatements.get(sql);
      if (prepared === undefined) {
        prepared = connection.prepare(sql);
        this.sqliteStatements.set(sql, prepared);
      }
      return prepared;
    };
    // Wrapped once: better-sqlite3 prepares BEGIN/COMMIT/ROLLBACK for each wrapper it creates.
    const wrapped = connection.transaction((work: (statement: (sql: string) => SqliteStatement) => unknown) =>
      work(statement),
    );
    return { immediate: (work) => wrapped.immediate(work), statement };
  }

  /** Creates the tables of the given entities if they are missing (never drops anything). */
  async synchronizeEntities(): Promise<void> {
    await this.exclusive(() => this.dataSource.synchronize(false));
  }

  /**
   * PostgreSQL: calls `onNotify` on every `NOTIFY` on `channel` (another process's, or this one's),
   * on a connection of its own, taken outside the pool because it is held for as long as the
   * database is open. A connection that fails or drops is tried again every second, and
   * notifications sent meanwhile are lost: a listener must never be the only way to learn of a
   * change. Resolves `true` once listening, `false` if the first attempt failed (retries go on).
   */
  async listen(channel: string, onNotify: () => void): Promise<boolean> {
    if (this.config.kind !== 'postgres') throw new Error('LISTEN is for PostgreSQL');
    const url = this.config.url;
    let client: PgClient | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const again = () => {
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
    };
    const connect = async (): Promise<boolean> => {
      const next = new PgClient({ connectionString: url });
      next.on('notification', (message) => {
        if (message.channel === channel) onNotify();
      });
      next.on('error', () => undefined);
      next.on('end', () => {
        if (client !== next) return;
        client = null;
        // Whatever was sent while reconnecting is seen by the read this triggers.
        onNotify();
        again();
      });
      try {
        await next.connect();
        await next.query(`LISTEN ${quoteIdent(channel)}`);
      } catch {
        await next.end().catch(() => undefined);
        again();
        return false;
      }
      if (stopped) {
        await next.end().catch(() => undefined);
        return false;
      }
      client = next;
      return true;
    };
    this.listeners.add({
      stop: async () => {
        stopped = true;
        clearTimeout(retry);
        const current = client;
        client = null;
        await current?.end().catch(() => undefined);
      },
    });
    return connect();
  }

  /** PostgreSQL: `NOTIFY channel`, in a transaction of its own (so sent at once). */
  async notify(channel: string): Promise<void> {
    if (this.config.kind !== 'postgres') throw new Error('NOTIFY is for PostgreSQL');
    if (this.closed) return;
    await this.dataSource.query(`SELECT pg_notify($1, '')`, [channel]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.listeners].map((l) => l.stop()));
    this.listeners.clear();
    if (this.readSource !== this.dataSource && this.readSource.isInitialized) {
      await this.readSource.destroy();
    }
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
  return `"${name}"`;
}

function prepareSqliteFile(file: string): string {
  // Two connections must reach the same database, which rules out ':memory:'.
  if (file === ':memory:') throw new Error('the SQLite database must be a file (use a temp dir in tests)');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

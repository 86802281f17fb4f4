import { createHash } from 'node:crypto';
import type { SqlDatabase, SqliteStatement } from '@cogov/persistence';
import {
  type AppendResult,
  DuplicateEventId,
  type EventSearch,
  type EventStore,
  type ExpectedRevision,
  type FollowOptions,
  InconsistentRetry,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  WrongExpectedRevision,
} from '../event-store.port';
import { followByPolling, LocalAppendSignal } from '../follow';
import { RecentEvents } from '../recent-events';
import { postgresSchema, sqliteSchema } from './schema';

/**
 * Appenders hold this advisory lock in shared mode from before they draw global positions until
 * they commit; a reader that finds a hole takes it exclusively for an instant, which waits out
 * every append in flight. After that, any hole below the positions already seen is permanent
 * (an aborted append), so the reader can step over it without ever skipping a late commit.
 */
const APPEND_LOCK_KEY = 7_318_455_021;
const MAX_ANY_RETRIES = 5;
/** PostgreSQL: at most one wake-up NOTIFY per this interval, however many appends commit. */
const ANNOUNCE_INTERVAL_MS = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface EventRow {
  global_position: string | number;
  event_id: string;
  stream_id: string;
  stream_revision: string | number;
  type: string;
  schema_version: number;
  data: string | Record<string, unknown>;
  actor_id: string;
  on_behalf_of: string | null;
  correlation_id: string;
  causation_id: string | null;
  recorded_at: string | Date;
}

export interface SqlEventStoreOptions {
  /**
   * How often a caught-up follower reads again without being woken (250 ms). Appends in this
   * process wake it at once; on PostgreSQL so do other processes' appends (LISTEN/NOTIFY), and the
   * poll only covers a notification lost while the listening connection was down.
   */
  readonly pollIntervalMs?: number;
}

/**
 * The event store on SQL through TypeORM: SQLite for the embedded default, PostgreSQL in
 * production. On PostgreSQL, after an append commits, the store sends a NOTIFY on a channel named
 * after its table, so followers in other processes (the projections app following the residents'
 * committee) read at once instead of at their next poll. The NOTIFY is sent after the commit, in
 * a statement of its own and coalesced: inside the append it would serialise every committing
 * append on PostgreSQL's notification queue lock.
 */
export class SqlEventStore implements EventStore {
  private readonly appended = new LocalAppendSignal();
  private readonly recent = new RecentEvents();
  private readonly reading = new Map<string, Promise<RecordedEvent[]>>();
  private readonly events: string;
  private readonly columns =
    'global_position, event_id, stream_id, stream_revision, type, schema_version, data, actor_id, on_behalf_of, correlation_id, causation_id, recorded_at';
  private readonly channel: string;
  private announcing = false;
  private announceAgain = false;
  private listening: Promise<boolean> | null = null;

  constructor(
    private readonly db: SqlDatabase,
    private readonly options: SqlEventStoreOptions = {},
  ) {
    this.events = db.table('es_events');
    this.channel = `cogov_es_${createHash('sha1').update(this.events).digest('hex').slice(0, 24)}`;
  }

  async ensureSchema(): Promise<void> {
    const statements =
      this.db.dialect === 'postgres' ? postgresSchema(this.events) : sqliteSchema(this.events);
    await this.db.exclusive(async () => {
      for (const sql of statements) await this.db.dataSource.query(sql);
    });
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    for (const event of events) {
      if (!UUID.test(event.eventId)) throw new TypeError(`event id ${event.eventId} is not a UUID`);
    }
    if (events.length === 0) {
      const current = await this.currentRevision(streamId);
      this.assertExpected(streamId, options.expectedRevision, current);
      return { nextExpectedRevision: current ?? -1, lastPosition: null, written: false };
    }
    const result =
      this.db.dialect === 'postgres'
        ? await this.appendPostgres(streamId, events, options.expectedRevision)
        : await this.appendSqlite(streamId, events, options.expectedRevision);
    if (result.written) {
      this.appended.notify();
      if (this.db.dialect === 'postgres') this.announce();
    }
    return result;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const rows: EventRow[] = await this.db.readSource.query(
      `SELECT ${this.columns} FROM ${this.events} WHERE stream_id = ${this.db.param(1)} ORDER BY stream_revision`,
      [streamId],
    );
    return rows.map(toRecorded);
  }

  async readAll({ after, maxCount }: ReadAllOptions): Promise<RecordedEvent[]> {
    const recent = this.recent.read(after, maxCount);
    if (recent) return recent;
    // Followers woken by one append ask for the same events at once: one read serves them all.
    const key = `${after}:${maxCount}`;
    let reading = this.reading.get(key);
    if (!reading) {
      reading = this.readAllFromDatabase(after, maxCount).finally(() => this.reading.delete(key));
      this.reading.set(key, reading);
    }
    return [...(await reading)];
  }

  private async readAllFromDatabase(after: number, maxCount: number): Promise<RecordedEvent[]> {
    const events = await this.readAllSettled(after, maxCount);
    this.recent.remember(after, events);
    return events;
  }

  private async readAllSettled(after: number, maxCount: number): Promise<RecordedEvent[]> {
    const rows = await this.selectAfter(after, maxCount);
    if (this.db.dialect === 'sqlite' || isContiguous(after, rows)) return rows.map(toRecorded);
    // A hole may be an append still in flight. Wait for those to finish, then everything up to
    // the highest position already seen is final.
    const highest = Number(rows[rows.length - 1]!.global_position);
    await this.db.dataSource.query(`SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY})`);
    const settled: EventRow[] = await this.db.dataSource.query(
      `SELECT ${this.columns} FROM ${this.events} WHERE global_position > $1 AND global_position <= $2 ORDER BY global_position LIMIT $3`,
      [after, highest, maxCount],
    );
    return settled.map(toRecorded);
  }

  followAll(options: FollowOptions): AsyncIterable<RecordedEvent[]> {
    const follow = followByPolling(this, this.appended, {
      ...options,
      pollIntervalMs: this.options.pollIntervalMs,
    });
    if (this.db.dialect !== 'postgres') return follow;
    // One listening connection per store, whatever the number of followers.
    const listening = (this.listening ??= this.db.listen(this.channel, () => this.appended.notify()));
    return (async function* () {
      await listening;
      yield* follow;
    })();
  }

  async search(query: EventSearch): Promise<RecordedEvent[]> {
    const where = [`global_position > ${this.db.param(1)}`];
    const params: unknown[] = [query.after];
    const match = (column: string, value: unknown) => {
      params.push(value);
      where.push(`${column} ${this.db.param(params.length)}`);
    };
    if (query.actorId !== undefined) match('actor_id =', query.actorId);
    if (query.correlationId !== undefined) match('correlation_id =', query.correlationId);
    if (query.type !== undefined) match('type =', query.type);
    if (query.streamId !== undefined) match('stream_id =', query.streamId);
    // SQLite keeps ISO-8601 UTC text in milliseconds, which orders as the times do; PostgreSQL a
    // timestamptz in microseconds, compared in the milliseconds every reader is shown.
    const recordedAt =
      this.db.dialect === 'postgres' ? `date_trunc('milliseconds', recorded_at)` : 'recorded_at';
    if (query.from !== undefined) match(`${recordedAt} >=`, query.from.toISOString());
    if (query.to !== undefined) match(`${recordedAt} <=`, query.to.toISOString());
    params.push(query.limit);
    const rows: EventRow[] = await this.db.readSource.query(
      `SELECT ${this.columns} FROM ${this.events} WHERE ${where.join(' AND ')}
       ORDER BY global_position LIMIT ${this.db.param(params.length)}`,
      params,
    );
    return rows.map(toRecorded);
  }

  async headPosition(): Promise<number> {
    const rows: Array<{ head: string | number | null }> = await this.db.readSource.query(
      `SELECT MAX(global_position) AS head FROM ${this.events}`,
    );
    return Number(rows[0]?.head ?? 0);
  }

  /** Wakes other processes' followers: one NOTIFY now, then at most one per interval. */
  private announce(): void {
    if (this.announcing) {
      this.announceAgain = true;
      return;
    }
    this.announcing = true;
    void (async () => {
      try {
        do {
          this.announceAgain = false;
          await this.db.notify(this.channel);
          await new Promise((resolve) => setTimeout(resolve, ANNOUNCE_INTERVAL_MS));
        } while (this.announceAgain);
      } catch {
        // Followers elsewhere still poll; an append must not fail for want of a wake-up.
      } finally {
        this.announcing = false;
      }
    })();
  }

  private async selectAfter(after: number, maxCount: number): Promise<EventRow[]> {
    if (this.db.dialect === 'sqlite') {
      return this.db.readSynchronously<EventRow>(
        `SELECT ${this.columns} FROM ${this.events} WHERE global_position > ? ORDER BY global_position LIMIT ?`,
        [after, maxCount],
      );
    }
    return this.db.readSource.query(
      `SELECT ${this.columns} FROM ${this.events} WHERE global_position > ${this.db.param(1)} ORDER BY global_position LIMIT ${this.db.param(2)}`,
      [after, maxCount],
    );
  }

  private async appendPostgres(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        const rows = await this.db.preparedQuery<{
          last_position: string | null;
          last_revision: string | null;
        }>(
          this.postgresAppendStatement(events.length === 1 ? 'single' : 'batch', expected === 'any'),
          this.postgresAppendValues(streamId, events, expected),
        );
        const last = rows[0];
        if (!last || last.last_position === null || last.last_revision === null) {
          return this.rejectOrNoOp(streamId, events, expected);
        }
        return {
          nextExpectedRevision: Number(last.last_revision),
          lastPosition: Number(last.last_position),
          written: true,
        };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (expected === 'any' && !mentionsEventId(error) && attempt < MAX_ANY_RETRIES) continue;
        return this.rejectOrNoOp(streamId, events, expected);
      }
    }
  }

  /**
   * One statement, so one round trip and its own transaction: take the shared append lock, then
   * draw positions and insert. `$2` is the revision the stream must be at (-1: must not exist);
   * the guard makes a mismatch insert nothing, and a race on the next revision hits the
   * (stream_id, stream_revision) key. The statement text depends only on the shape, never on the
   * values, so it is prepared once per connection: parsing and planning it costs more than
   * running it. One event travels as scalars, a batch as one JSON array that `jsonb_to_recordset`
   * turns into rows (one text for any size; V8's stringify and PostgreSQL's JSON parser are both
   * native, where text-array literals are escaped and decoded element by element).
   */
  private postgresAppendStatement(shape: 'single' | 'batch', anyRevision: boolean): string {
    const firstRevision = anyRevision
      ? `(SELECT COALESCE(MAX(stream_revision), -1) + 1 FROM ${this.events} WHERE stream_id = $1)`
      : '$2::bigint + 1';
    // With 'any' there is nothing to check; `$2` (null) is still mentioned, as PostgreSQL cannot
    // type a parameter that the statement never uses.
    const guard = anyRevision
      ? 'WHERE $2::bigint IS NULL'
      : `WHERE $2::bigint = -1 OR EXISTS (SELECT 1 FROM ${this.events} WHERE stream_id = $1 AND stream_revision = $2::bigint)`;
    const source =
      shape === 'single'
        ? `SELECT $3::uuid, $1::text, ${firstRevision}, $4::text, $5::int, $6::jsonb, $7::text, $8::text, $9::text, $10::text
           FROM append_lock ${guard}`
        : `SELECT e.event_id, $1::text, ${firstRevision} + e.ord - 1, e.type, e.schema_version, e.data, e.actor_id, e.on_behalf_of, e.correlation_id, e.causation_id
           FROM append_lock,
                ROWS FROM (jsonb_to_recordset($3::jsonb) AS (event_id uuid, type text, schema_version int, data jsonb, actor_id text, on_behalf_of text, correlation_id text, causation_id text))
                WITH ORDINALITY AS e(event_id, type, schema_version, data, actor_id, on_behalf_of, correlation_id, causation_id, ord)
           ${guard}
           ORDER BY e.ord`;
    return `WITH append_lock AS (SELECT pg_advisory_xact_lock_shared(${APPEND_LOCK_KEY})),
       inserted AS (
         INSERT INTO ${this.events} (event_id, stream_id, stream_revision, type, schema_version, data, actor_id, on_behalf_of, correlation_id, causation_id)
         ${source}
         RETURNING global_position, stream_revision)
       SELECT MAX(global_position) AS last_position, MAX(stream_revision) AS last_revision FROM inserted`;
  }

  private postgresAppendValues(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): unknown[] {
    const mustBeAt = expected === 'no-stream' ? -1 : expected === 'any' ? null : expected;
    if (events.length === 1) {
      const event = events[0]!;
      return [streamId, mustBeAt, event.eventId, ...payloadOf(event)];
    }
    return [
      streamId,
      mustBeAt,
      JSON.stringify(
        events.map((e) => ({
          event_id: e.eventId,
          type: e.type,
          schema_version: e.schemaVersion,
          data: e.data,
          actor_id: e.metadata.actorId,
          on_behalf_of: e.metadata.onBehalfOf ?? null,
          correlation_id: e.metadata.correlationId,
          causation_id: e.metadata.causationId,
        })),
      ),
    ];
  }

  private async appendSqlite(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    let outcome: AppendResult | 'mismatch';
    try {
      outcome =
        expected !== 'any' && events.length <= SQLITE_ROWS_PER_INSERT
          ? await this.db.writeSynchronously(
              (statement) => this.insertGuarded(statement, streamId, events, expected),
              'statement',
            )
          : await this.db.writeSynchronously((statement) =>
              this.insertAfterReading(statement, streamId, events, expected),
            );
    } catch (error) {
      if (isUniqueViolation(error)) return this.rejectOrNoOp(streamId, events, expected);
      throw error;
    }
    // A mismatch may be the retry of an append that did get stored: that is a no-op, not a conflict.
    return outcome === 'mismatch' ? this.rejectOrNoOp(streamId, events, expected) : outcome;
  }

  /**
   * The usual append (an expected revision, at most one statement's worth of events): a single
   * INSERT … SELECT, atomic on its own, whose guard inserts nothing unless the stream is at the
   * expected revision; a stream that already exists hits the (stream_id, stream_revision) key.
   */
  private insertGuarded(
    statement: (sql: string) => SqliteStatement,
    streamId: string,
    events: readonly NewEvent[],
    expected: number | 'no-stream',
  ): AppendResult | 'mismatch' {
    const mustBeAt = expected === 'no-stream' ? -1 : expected;
    const sql = `INSERT INTO ${this.events} (${SQLITE_COLUMNS})
      SELECT * FROM (VALUES ${sqliteTuples(events.length)})
      WHERE ? = -1 OR EXISTS (SELECT 1 FROM ${this.events} WHERE stream_id = ? AND stream_revision = ?)`;
    const params = sqliteRows(streamId, events, mustBeAt + 1);
    const result = statement(sql).run(...params, mustBeAt, streamId, mustBeAt);
    if (result.changes === 0) return 'mismatch';
    // global_position is the rowid, so the last inserted rowid is the append's last position.
    return {
      nextExpectedRevision: mustBeAt + events.length,
      lastPosition: Number(result.lastInsertRowid),
      written: true,
    };
  }

  /** 'any', or more events than one statement takes: read the revision, then insert, in one transaction. */
  private insertAfterReading(
    statement: (sql: string) => SqliteStatement,
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): AppendResult | 'mismatch' {
    const found = statement(
      `SELECT MAX(stream_revision) AS revision FROM ${this.events} WHERE stream_id = ?`,
    ).get(streamId) as { revision: number | null } | undefined;
    const current = found?.revision ?? null;
    if (!matches(expected, current)) return 'mismatch';
    const first = (current ?? -1) + 1;
    let lastPosition = 0;
    for (let i = 0; i < events.length; i += SQLITE_ROWS_PER_INSERT) {
      const part = events.slice(i, i + SQLITE_ROWS_PER_INSERT);
      const sql = `INSERT INTO ${this.events} (${SQLITE_COLUMNS}) VALUES ${sqliteTuples(part.length)}`;
      lastPosition = Number(statement(sql).run(...sqliteRows(streamId, part, first + i)).lastInsertRowid);
    }
    return { nextExpectedRevision: first + events.length - 1, lastPosition, written: true };
  }

  /** After a failed insert: a retry whose events are all stored is a no-op, anything else a conflict. */
  private async rejectOrNoOp(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const duplicate = await this.checkAlreadyAppended(streamId, events);
    if (duplicate) return duplicate;
    const current = await this.currentRevision(streamId);
    this.assertExpected(streamId, expected, current);
    // The stream matched on re-read: the loser of a race retries through its caller.
    throw new WrongExpectedRevision(streamId, expected, current ?? 'no-stream');
  }

  private async checkAlreadyAppended(
    streamId: string,
    events: readonly NewEvent[],
  ): Promise<AppendResult | null> {
    const ids = events.map((e) => e.eventId);
    const found: Array<{ event_id: string; stream_id: string }> =
      this.db.dialect === 'postgres'
        ? await this.db.dataSource.query(
            `SELECT event_id, stream_id FROM ${this.events} WHERE event_id = ANY($1::uuid[])`,
            [ids],
          )
        : await this.db.dataSource.query(
            `SELECT event_id, stream_id FROM ${this.events} WHERE event_id IN (${ids.map(() => '?').join(', ')})`,
            ids,
          );
    if (found.length === 0) return null;
    const elsewhere = found.find((row) => row.stream_id !== streamId);
    if (elsewhere) throw new DuplicateEventId(elsewhere.event_id);
    if (found.length < new Set(ids).size) {
      throw new InconsistentRetry(
        streamId,
        found.map((row) => row.event_id),
      );
    }
    const current = await this.currentRevision(streamId);
    return { nextExpectedRevision: current ?? -1, lastPosition: null, written: false };
  }

  private async currentRevision(streamId: string): Promise<number | null> {
    const rows: Array<{ revision: string | number | null }> = await this.db.dataSource.query(
      `SELECT MAX(stream_revision) AS revision FROM ${this.events} WHERE stream_id = ${this.db.param(1)}`,
      [streamId],
    );
    const revision = rows[0]?.revision;
    return revision === null || revision === undefined ? null : Number(revision);
  }

  private assertExpected(streamId: string, expected: ExpectedRevision, current: number | null): void {
    if (matches(expected, current)) return;
    throw new WrongExpectedRevision(streamId, expected, current ?? 'no-stream');
  }
}

const SQLITE_COLUMNS =
  'event_id, stream_id, stream_revision, type, schema_version, data, actor_id, on_behalf_of, correlation_id, causation_id, recorded_at';
/** SQLite allows 32,766 parameters per statement; an event takes 11 (and the guard 3). */
const SQLITE_ROWS_PER_INSERT = 2000;

function sqliteTuples(rows: number): string {
  return Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
}

function sqliteRows(streamId: string, events: readonly NewEvent[], firstRevision: number): unknown[] {
  const recordedAt = new Date().toISOString();
  const params: unknown[] = [];
  events.forEach((event, index) =>
    params.push(event.eventId, streamId, firstRevision + index, ...payloadOf(event), recordedAt),
  );
  return params;
}

/** An event's columns from `type` to `causation_id`, in table order. */
function payloadOf(event: NewEvent): unknown[] {
  return [
    event.type,
    event.schemaVersion,
    JSON.stringify(event.data),
    event.metadata.actorId,
    event.metadata.onBehalfOf ?? null,
    event.metadata.correlationId,
    event.metadata.causationId,
  ];
}

function matches(expected: ExpectedRevision, current: number | null): boolean {
  if (expected === 'any') return true;
  return expected === 'no-stream' ? current === null : current === expected;
}

function isContiguous(after: number, rows: readonly EventRow[]): boolean {
  let expected = after + 1;
  for (const row of rows) {
    if (Number(row.global_position) !== expected) return false;
    expected++;
  }
  return true;
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamRevision: Number(row.stream_revision),
    globalPosition: Number(row.global_position),
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
    metadata: {
      actorId: row.actor_id,
      onBehalfOf: row.on_behalf_of,
      correlationId: row.correlation_id,
      causationId: row.causation_id,
    },
    recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at),
  };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function mentionsEventId(error: unknown): boolean {
  const e = error as {
    constraint?: string;
    message?: string;
    driverError?: { constraint?: string; message?: string };
  };
  const text = `${e.constraint ?? ''} ${e.driverError?.constraint ?? ''} ${e.driverError?.message ?? ''} ${e.message ?? ''}`;
  return text.includes('event_id');
}

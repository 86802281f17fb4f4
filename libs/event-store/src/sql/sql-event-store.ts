import type { SqlDatabase } from '@cogov/persistence';
import {
  type AppendResult,
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
import { postgresSchema, sqliteSchema } from './schema';

/**
 * Appenders hold this advisory lock in shared mode from before they draw global positions until
 * they commit; a reader that finds a hole takes it exclusively for an instant, which waits out
 * every append in flight. After that, any hole below the positions already seen is permanent
 * (an aborted append), so the reader can step over it without ever skipping a late commit.
 */
const APPEND_LOCK_KEY = 7_318_455_021;
const MAX_ANY_RETRIES = 5;
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

export class DuplicateEventId extends Error {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already stored in another stream`);
    this.name = 'DuplicateEventId';
  }
}

/** The event store on SQL through TypeORM: SQLite for the embedded default, PostgreSQL in production. */
export class SqlEventStore implements EventStore {
  private readonly appended = new LocalAppendSignal();
  private readonly events: string;
  private readonly columns =
    'global_position, event_id, stream_id, stream_revision, type, schema_version, data, actor_id, on_behalf_of, correlation_id, causation_id, recorded_at';

  constructor(private readonly db: SqlDatabase) {
    this.events = db.table('es_events');
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
        : await this.db.exclusive(() => this.appendSqlite(streamId, events, options.expectedRevision));
    if (result.written) this.appended.notify();
    return result;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const rows: EventRow[] = await this.db.readSource.query(
      `SELECT ${this.columns} FROM ${this.events} WHERE stream_id = ${this.param(1)} ORDER BY stream_revision`,
      [streamId],
    );
    return rows.map(toRecorded);
  }

  async readAll({ after, maxCount }: ReadAllOptions): Promise<RecordedEvent[]> {
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
    return followByPolling(this, this.appended, options);
  }

  async headPosition(): Promise<number> {
    const rows: Array<{ head: string | number | null }> = await this.db.readSource.query(
      `SELECT MAX(global_position) AS head FROM ${this.events}`,
    );
    return Number(rows[0]?.head ?? 0);
  }

  private async selectAfter(after: number, maxCount: number): Promise<EventRow[]> {
    return this.db.readSource.query(
      `SELECT ${this.columns} FROM ${this.events} WHERE global_position > ${this.param(1)} ORDER BY global_position LIMIT ${this.param(2)}`,
      [after, maxCount],
    );
  }

  private async appendPostgres(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      // One statement, so one round trip and its own transaction: take the shared append lock,
      // then draw positions and insert. The guard makes an expected-revision mismatch insert
      // nothing; a race on the next revision hits the (stream_id, stream_revision) key.
      const firstRevision =
        expected === 'no-stream'
          ? '0'
          : expected === 'any'
            ? `(SELECT COALESCE(MAX(stream_revision), -1) + 1 FROM ${this.events} WHERE stream_id = $1)`
            : String(expected + 1);
      const guard =
        typeof expected === 'number'
          ? `WHERE EXISTS (SELECT 1 FROM ${this.events} WHERE stream_id = $1 AND stream_revision = ${expected})`
          : '';
      try {
        const rows: Array<{ global_position: string; stream_revision: string }> =
          await this.db.dataSource.query(
            `WITH append_lock AS (SELECT pg_advisory_xact_lock_shared(${APPEND_LOCK_KEY}))
             INSERT INTO ${this.events} (event_id, stream_id, stream_revision, type, schema_version, data, actor_id, on_behalf_of, correlation_id, causation_id)
             SELECT e.event_id, $1, ${firstRevision} + e.ord - 1, e.type, e.schema_version, e.data, e.actor_id, e.on_behalf_of, e.correlation_id, e.causation_id
             FROM append_lock, unnest($2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::text[], $7::text[], $8::text[], $9::text[])
                  WITH ORDINALITY AS e(event_id, type, schema_version, data, actor_id, on_behalf_of, correlation_id, causation_id, ord)
             ${guard}
             ORDER BY e.ord
             RETURNING global_position, stream_revision`,
            [
              streamId,
              events.map((e) => e.eventId),
              events.map((e) => e.type),
              events.map((e) => e.schemaVersion),
              events.map((e) => JSON.stringify(e.data)),
              events.map((e) => e.metadata.actorId),
              events.map((e) => e.metadata.onBehalfOf ?? null),
              events.map((e) => e.metadata.correlationId),
              events.map((e) => e.metadata.causationId),
            ],
          );
        if (rows.length === 0) return this.rejectOrNoOp(streamId, events, expected);
        const last = rows.reduce((a, b) => (Number(a.stream_revision) > Number(b.stream_revision) ? a : b));
        return {
          nextExpectedRevision: Number(last.stream_revision),
          lastPosition: Math.max(...rows.map((r) => Number(r.global_position))),
          written: true,
        };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (expected === 'any' && !mentionsEventId(error) && attempt < MAX_ANY_RETRIES) continue;
        return this.rejectOrNoOp(streamId, events, expected);
      }
    }
  }

  private async appendSqlite(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const duplicate = await this.checkAlreadyAppended(streamId, events);
    if (duplicate) return duplicate;
    const current = await this.currentRevision(streamId);
    this.assertExpected(streamId, expected, current);
    const first = (current ?? -1) + 1;
    const recordedAt = new Date().toISOString();
    const rows: unknown[] = [];
    const tuples = events.map((event, index) => {
      rows.push(
        event.eventId,
        streamId,
        first + index,
        event.type,
        event.schemaVersion,
        JSON.stringify(event.data),
        event.metadata.actorId,
        event.metadata.onBehalfOf ?? null,
        event.metadata.correlationId,
        event.metadata.causationId,
        recordedAt,
      );
      return '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    });
    // One multi-row INSERT is atomic on its own; SQLite allows 32766 parameters, 11 per event.
    const chunk = 2000;
    const runner = this.db.dataSource;
    const inserted: Array<{ global_position: number }> = [];
    await runner.query('BEGIN IMMEDIATE');
    try {
      for (let i = 0; i < tuples.length; i += chunk) {
        const part: Array<{ global_position: number }> = await runner.query(
          `INSERT INTO ${this.events} (event_id, stream_id, stream_revision, type, schema_version, data, actor_id, on_behalf_of, correlation_id, causation_id, recorded_at)
           VALUES ${tuples.slice(i, i + chunk).join(', ')} RETURNING global_position`,
          rows.slice(i * 11, (i + chunk) * 11),
        );
        inserted.push(...part);
      }
      await runner.query('COMMIT');
    } catch (error) {
      await runner.query('ROLLBACK');
      if (isUniqueViolation(error)) return this.rejectOrNoOp(streamId, events, expected);
      throw error;
    }
    return {
      nextExpectedRevision: first + events.length - 1,
      lastPosition: Math.max(...inserted.map((r) => Number(r.global_position))),
      written: true,
    };
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
      `SELECT MAX(stream_revision) AS revision FROM ${this.events} WHERE stream_id = ${this.param(1)}`,
      [streamId],
    );
    const revision = rows[0]?.revision;
    return revision === null || revision === undefined ? null : Number(revision);
  }

  private assertExpected(streamId: string, expected: ExpectedRevision, current: number | null): void {
    if (expected === 'any') return;
    if (expected === 'no-stream' ? current === null : current === expected) return;
    throw new WrongExpectedRevision(streamId, expected, current ?? 'no-stream');
  }

  private param(index: number): string {
    return this.db.dialect === 'postgres' ? `$${index}` : '?';
  }
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
  const e = error as { message?: string; driverError?: { constraint?: string; message?: string } };
  const text = `${e.driverError?.constraint ?? ''} ${e.driverError?.message ?? ''} ${e.message ?? ''}`;
  return text.includes('event_id');
}

/**
 * Reference B: Emmett's PostgreSQL event store, in a child process of its own. Emmett's driver
 * layer (dumbo) installs process-wide pg type parsers (BIGINT → BigInt, JSONB through its own
 * parser) when it opens a pool, which would change how our store and TypeORM read rows in the
 * same process; a child keeps the contenders apart. The parent sends one request at a time.
 */
import { type Event, STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, type PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import { type Contender, drive, type Measurement, PG_POOL_SIZE } from './measure';
import { type AppendSpec, workloadFor } from './workload';

export type EmmettRequest =
  | { readonly cmd: 'init'; readonly url: string; readonly schema: string }
  | { readonly cmd: 'run'; readonly warmup: AppendSpec; readonly measured: AppendSpec }
  | { readonly cmd: 'close' };

export type EmmettReply =
  { readonly ok: true; readonly result?: Measurement } | { readonly ok: false; readonly error: string };

type BenchEmmettEvent = Event<string, Record<string, unknown>, Record<string, unknown>>;

let pool: Pool | null = null;
let store: PostgresEventStore | null = null;

async function handle(request: EmmettRequest): Promise<EmmettReply> {
  switch (request.cmd) {
    case 'init': {
      // Emmett names its tables without a schema; a search_path on every pooled connection puts
      // them (and its migrations) in the bench schema.
      if (!/^[a-z_][a-z0-9_]*$/.test(request.schema)) throw new Error(`unsafe schema ${request.schema}`);
      pool = new Pool({
        connectionString: request.url,
        max: PG_POOL_SIZE,
        options: `-c search_path=${request.schema}`,
      });
      store = getPostgreSQLEventStore(request.url, { connectionOptions: { pool } });
      await store.schema.migrate();
      return { ok: true };
    }
    case 'run':
      return { ok: true, result: await run(request.warmup, request.measured) };
    case 'close':
      await store?.close();
      await pool?.end();
      return { ok: true };
  }
}

async function run(warmupSpec: AppendSpec, measuredSpec: AppendSpec): Promise<Measurement> {
  if (!store || !pool) throw new Error('the Emmett worker was not initialised');
  const eventStore = store;
  await eventStore.schema.dangerous.truncate({ resetSequences: true });
  // Our events mapped to Emmett's shape before timing: the same type, data and metadata, our
  // event id as Emmett's message id.
  const toEmmett = (spec: AppendSpec) => {
    const workload = workloadFor(spec);
    const converted = new Map<object, BenchEmmettEvent[]>();
    for (const jobs of workload.writers) {
      for (const job of jobs) {
        converted.set(
          job,
          job.events.map((e) => ({
            type: e.type,
            data: e.data,
            metadata: {
              messageId: e.eventId,
              actorId: e.metadata.actorId,
              onBehalfOf: e.metadata.onBehalfOf ?? null,
              correlationId: e.metadata.correlationId,
              causationId: e.metadata.causationId,
            },
          })),
        );
      }
    }
    return { workload, converted };
  };
  const warmup = toEmmett(warmupSpec);
  const measured = toEmmett(measuredSpec);
  const contender = (converted: Map<object, BenchEmmettEvent[]>): Contender<bigint> => ({
    append: async (job, cursor) => {
      const result = await eventStore.appendToStream(job.streamId, converted.get(job)!, {
        expectedStreamVersion: cursor ?? STREAM_DOES_NOT_EXIST,
      });
      return result.nextExpectedStreamVersion;
    },
  });
  await drive(contender(warmup.converted), warmup.workload);
  await pool.query('CHECKPOINT');
  const result = await drive(contender(measured.converted), measured.workload);
  const rows = await pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM emt_messages');
  const expected = warmup.workload.events + measured.workload.events;
  if (Number(rows.rows[0]?.n) !== expected) {
    throw new Error(`emmett/postgres: ${String(rows.rows[0]?.n)} rows stored, expected ${expected}`);
  }
  return result;
}

if (require.main === module) {
  // Requests arrive one at a time and are answered in order.
  let queue = Promise.resolve();
  process.on('message', (message: EmmettRequest) => {
    queue = queue.then(async () => {
      let reply: EmmettReply;
      try {
        reply = await handle(message);
      } catch (error) {
        reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
      process.send!(reply);
      if (message.cmd === 'close') process.disconnect();
    });
  });
}

import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { type NewEvent, SqlEventStore } from '@cogov/event-store';
import { postgresSchema, sqliteSchema } from '@cogov/event-store/sql/schema';
import { type DatabaseConfig, quoteIdent, SqlDatabase } from '@cogov/persistence';
import { ProjectionRunner } from '@cogov/projections';
import { OrderChainView } from '../apps/residents-committee/src/infrastructure/order-chain/order-chain-view.entity';
import { orderChainProjection } from '../apps/residents-committee/src/infrastructure/order-chain/order-chain.projection';

/**
 * `npm run bench`: throughput of the event stores against references measured in the same run.
 * Each figure is events per second; ratios compare ours with the reference on the same machine.
 */
const PG_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SINGLE_APPENDS = Number(process.env.BENCH_SINGLE ?? 2000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 200);
const REPLAY_EVENTS = Number(process.env.BENCH_REPLAY ?? 100_000);

type Appender = (stream: string, events: NewEvent[], expected: number | 'no-stream') => Promise<number>;
interface Row {
  store: string;
  shape: string;
  writers: number;
  eventsPerSecond: number;
}

const started = Date.now();
const say = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

function makeEvent(i: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'OrderPlaced',
    schemaVersion: 1,
    data: {
      orderId: randomUUID(),
      title: `order ${i}`,
      category: 'repair',
      compoundId: randomUUID(),
      placedAt: new Date().toISOString(),
    },
    metadata: { actorId: 'bench', onBehalfOf: null, correlationId: randomUUID(), causationId: null },
  };
}

/** Appends `appends` times `batch` events with `writers` concurrent writers, each on its own streams. */
async function measure(appender: Appender, batch: number, appends: number, writers: number): Promise<number> {
  const perWriter = Math.ceil(appends / writers);
  const payloads = Array.from({ length: writers }, () =>
    Array.from({ length: perWriter }, (_, i) =>
      Array.from({ length: batch }, (_, j) => makeEvent(i * batch + j)),
    ),
  );
  const t0 = process.hrtime.bigint();
  await Promise.all(
    payloads.map(async (appendsOfWriter) => {
      // Ten appends per stream, as aggregates grow: each append states the revision it read.
      let stream = `bench-${randomUUID()}`;
      let revision: number | 'no-stream' = 'no-stream';
      for (let i = 0; i < appendsOfWriter.length; i++) {
        if (i % 10 === 0) {
          stream = `bench-${randomUUID()}`;
          revision = 'no-stream';
        }
        revision = await appender(stream, appendsOfWriter[i]!, revision);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return Math.round((perWriter * writers * batch) / seconds);
}

async function rawAppender(db: SqlDatabase, table: string): Promise<Appender> {
  const ddl = db.dialect === 'postgres' ? postgresSchema(table) : sqliteSchema(table);
  await db.exclusive(async () => {
    for (const sql of ddl)
      await db.dataSource.query(sql.replace(/es_events_/g, `${table.replace(/\W/g, '')}_`));
  });
  const pg = db.dialect === 'postgres';
  return async (stream, events, expected) => {
    const first = expected === 'no-stream' ? 0 : expected + 1;
    const params: unknown[] = [];
    const rows = events.map((e, i) => {
      const values = [
        e.eventId,
        stream,
        first + i,
        e.type,
        e.schemaVersion,
        JSON.stringify(e.data),
        e.metadata.actorId,
        null,
        e.metadata.correlationId,
        null,
      ];
      if (!pg) values.push(new Date().toISOString());
      const start = params.length;
      params.push(...values);
      return `(${values.map((_, k) => (pg ? `$${start + k + 1}` : '?')).join(', ')})`;
    });
    const columns = `event_id, stream_id, stream_revision, type, schema_version, data, actor_id, on_behalf_of, correlation_id, causation_id${pg ? '' : ', recorded_at'}`;
    const insert = () =>
      db.dataSource.query(`INSERT INTO ${table} (${columns}) VALUES ${rows.join(', ')}`, params);
    await (pg ? insert() : db.exclusive(insert));
    return first + events.length - 1;
  };
}

function oursAppender(store: SqlEventStore): Appender {
  return async (stream, events, expected) =>
    (await store.appendToStream(stream, events, { expectedRevision: expected })).nextExpectedRevision;
}

async function appendBenchmarks(
  kind: 'sqlite' | 'postgres',
  config: DatabaseConfig,
  rows: Row[],
  extra?: Appender,
): Promise<void> {
  const db = await SqlDatabase.open(config);
  const store = new SqlEventStore(db);
  await store.ensureSchema();
  const raw = await rawAppender(db, db.table('raw_events'));
  const ours = oursAppender(store);
  await measure(ours, 1, 200, 1); // warm-up
  await measure(raw, 1, 200, 1);
  if (extra) await measure(extra, 1, 200, 1);
  for (const [shape, batch, appends] of [
    ['single events', 1, SINGLE_APPENDS],
    ['batches of 100', 100, BATCHES],
  ] as const) {
    for (const writers of [1, 8]) {
      const candidates: Array<[string, Appender]> = [
        [`ours (${kind})`, ours],
        [`raw INSERT (${kind})`, raw],
        ...(extra ? ([['Emmett (postgres)', extra]] as Array<[string, Appender]>) : []),
      ];
      for (const [name, appender] of candidates) {
        const eventsPerSecond = await measure(appender, batch, appends, writers);
        rows.push({ store: name, shape, writers, eventsPerSecond });
        say(`${name.padEnd(20)} ${shape.padEnd(15)} ${writers} writer(s): ${eventsPerSecond} events/s`);
      }
    }
  }
  await db.close();
}

async function replayBenchmark(): Promise<{ events: number; eventsPerSecond: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cogov-bench-'));
  const db = await SqlDatabase.open({ kind: 'sqlite', file: path.join(dir, 'replay.sqlite') }, [
    OrderChainView,
  ]);
  await db.synchronizeEntities();
  const store = new SqlEventStore(db);
  await store.ensureSchema();
  // Orders of seven events each: placed, reviewed, dispatched, taken, completed, rated, closed.
  const orders = Math.ceil(REPLAY_EVENTS / 7);
  say(`writing ${orders * 7} events of ${orders} orders for the replay`);
  for (let o = 0; o < orders; o++) {
    const orderId = randomUUID();
    const at = new Date(Date.UTC(2026, 0, 1, 8, 0, o % 60)).toISOString();
    const e = (type: string, data: Record<string, unknown>): NewEvent => ({
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      data: { orderId, ...data },
      metadata: { actorId: 'bench', onBehalfOf: null, correlationId: orderId, causationId: null },
    });
    await store.appendToStream(
      `residents-committee.order-${orderId}`,
      [
        e('OrderPlaced', {
          residentId: 'r',
          communityId: 'c',
          compoundId: 'k',
          buildingId: null,
          category: 'repair',
          title: 't',
          description: 'd',
          channel: 'app',
          placedAt: at,
        }),
        e('BranchReviewRecorded', {
          reviewerId: 'm',
          branchId: 'b',
          decision: 'approve',
          note: '',
          priority: 'normal',
          reason: null,
          duplicateOfOrderId: null,
          reviewedAt: at,
        }),
        e('OrderDispatched', {
          round: 1,
          dispatcherId: 'w',
          assigneeKind: 'branch-pool',
          assigneeId: 'b',
          dispatchedAt: at,
        }),
        e('OrderTakenRecorded', { round: 1, memberId: 'm', takenAt: at }),
        e('OrderCompletionRecorded', {
          round: 1,
          memberId: 'm',
          resultNote: 'done',
          evidence: [],
          completedAt: at,
        }),
        e('OrderRated', { round: 1, raterId: 'r', score: 5, comment: '', reopensOrder: false, ratedAt: at }),
        e('OrderClosed', { round: 1, closedAt: at }),
      ],
      { expectedRevision: 'no-stream' },
    );
  }
  const runner = new ProjectionRunner(store, db);
  runner.register(orderChainProjection);
  await runner.ensureSchema();
  say('replaying the order-chain projection from zero');
  const done = await runner.rebuild(orderChainProjection.name, (p) =>
    say(`  replay ${p.position}/${p.head} (${p.eventsPerSecond} events/s)`),
  );
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { events: done.events, eventsPerSecond: done.eventsPerSecond };
}

async function main(): Promise<void> {
  say(
    `machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  const rows: Row[] = [];

  const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cogov-bench-'));
  say('appends on SQLite');
  await appendBenchmarks('sqlite', { kind: 'sqlite', file: path.join(sqliteDir, 'bench.sqlite') }, rows);
  fs.rmSync(sqliteDir, { recursive: true, force: true });

  const dbName = `cogov_bench_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  const admin = await SqlDatabase.open({ kind: 'postgres', url: PG_ADMIN_URL, schema: 'public' });
  await admin.dataSource.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${dbName}`;
  const emmett = getPostgreSQLEventStore(url.toString(), { schema: { autoMigration: 'CreateOrUpdate' } });
  const emmettAppender: Appender = async (stream, events, expected) => {
    const result = await emmett.appendToStream(
      stream,
      events.map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata } })),
      { expectedStreamVersion: expected === 'no-stream' ? 0n : BigInt(expected + 1) },
    );
    return Number(result.nextExpectedStreamVersion) - 1;
  };
  say('appends on PostgreSQL');
  await appendBenchmarks(
    'postgres',
    { kind: 'postgres', url: url.toString(), schema: 'bench' },
    rows,
    emmettAppender,
  );
  await emmett.close();
  await admin.dataSource.query(`DROP DATABASE ${quoteIdent(dbName)} WITH (FORCE)`);
  await admin.close();

  const replay = await replayBenchmark();

  console.log('\n| store | appends | writers | events/s | ours ÷ raw | ours ÷ Emmett |');
  console.log('|---|---|---|---:|---:|---:|');
  for (const row of rows.filter((r) => r.store.startsWith('ours'))) {
    const kind = row.store.includes('sqlite') ? 'sqlite' : 'postgres';
    const raw = rows.find(
      (r) => r.store === `raw INSERT (${kind})` && r.shape === row.shape && r.writers === row.writers,
    )!;
    const emmettRow =
      kind === 'postgres'
        ? rows.find((r) => r.store.startsWith('Emmett') && r.shape === row.shape && r.writers === row.writers)
        : undefined;
    for (const r of [row, raw, ...(emmettRow ? [emmettRow] : [])]) {
      const ratio = r === row ? `${(row.eventsPerSecond / raw.eventsPerSecond).toFixed(2)}×` : '';
      const vsEmmett =
        r === row && emmettRow ? `${(row.eventsPerSecond / emmettRow.eventsPerSecond).toFixed(2)}×` : '';
      console.log(
        `| ${r.store} | ${r.shape} | ${r.writers} | ${r.eventsPerSecond} | ${ratio} | ${vsEmmett} |`,
      );
    }
  }
  console.log(
    `\nprojection replay from zero (order chain, SQLite): ${replay.events} events at ${replay.eventsPerSecond} events/s`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

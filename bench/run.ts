import { districtBench, type DistrictResult, districtTable } from './district';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { freshSqlite, TEST_POSTGRES_URL } from '@cogov/persistence/testing/test-databases';
import {
  type ContenderName,
  OursPostgres,
  OursSqlite,
  RawPostgres,
  RawSqlite,
  type Subject,
} from './contenders';
import { EmmettPostgres } from './emmett';
import { type Measurement, median } from './measure';
import { brokerAnswers, clusterLatency, embeddedLatency, type LatencyResult } from './latency';
import { relayBench, type RelayResult } from './relay';
import { replayBench, type ReplayResult } from './replay';
import { execFileSync } from 'node:child_process';
import type { AppendSpec } from './workload';

/**
 * `npm run bench`: append throughput of our SQL event store against a raw INSERT and Emmett, then
 * a projection replay. Environment:
 *   BENCH_SCALE          multiplies every event count (default 1)
 *   BENCH_ROUNDS         measured runs per contender and configuration; the median is reported (5)
 *   BENCH_POSTGRES=0     skip PostgreSQL
 *   BENCH_REPLAY_EVENTS  events in the SQLite replay corpus (100000; 0 skips the replay)
 *   BENCH_REPLAY_POSTGRES_EVENTS  events in the PostgreSQL replay corpus (25000; 0 skips it): the
 *                        rebuild runs at well under 1,000 events/s there, so 100,000 take minutes
 *   TEST_DATABASE_URL    the PostgreSQL database (postgres://postgres@127.0.0.1:5432/cogov_test)
 *   BENCH_KAFKA=0        skip what needs the broker (relay throughput, latency over Kafka); the
 *                        broker on 127.0.0.1:9092 is started from infra/kafka if none answers
 *   BENCH_RELAY_EVENTS   events relayed to Kafka and timed (50000)
 *   BENCH_RELAY_WARMUP   events each relay contender sends first, off the clock (10000)
 *   BENCH_LATENCY_RATE   commands per second during the latency runs (20)
 *   BENCH_LATENCY_COUNT  commands per step and topology (400)
 *   BENCH_JSON           where to write the figures as JSON (dist-bench/results.json)
 *   BENCH_DISTRICT_DIR   a data directory `npm run seed:district` filled: the boards' queries
 *                        and their build from zero are measured on it (unset: skipped)
 *   BENCH_DISTRICT_SAMPLES  calls per board query (200)
 *   BENCH_ONLY           run only these sections, comma-separated: sqlite, postgres (appends),
 *                        replay, latency, relay, district (default: all)
 */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? 5)));
const WITH_POSTGRES = process.env.BENCH_POSTGRES !== '0';
const REPLAY_EVENTS = Math.floor(Number(process.env.BENCH_REPLAY_EVENTS ?? 100_000));
const REPLAY_POSTGRES_EVENTS = Math.floor(Number(process.env.BENCH_REPLAY_POSTGRES_EVENTS ?? 25_000));
const WITH_KAFKA = process.env.BENCH_KAFKA !== '0';
const RELAY_EVENTS = Math.floor(Number(process.env.BENCH_RELAY_EVENTS ?? 50_000));
const RELAY_WARMUP = Math.floor(Number(process.env.BENCH_RELAY_WARMUP ?? 10_000));
const LATENCY_RATE = Number(process.env.BENCH_LATENCY_RATE ?? 20);
const LATENCY_COUNT = Math.floor(Number(process.env.BENCH_LATENCY_COUNT ?? 400));
const ROOT = path.resolve(__dirname, '../..');
const JSON_OUT = process.env.BENCH_JSON ?? path.resolve(__dirname, '..', 'results.json');
const SECTIONS = ['sqlite', 'postgres', 'replay', 'latency', 'relay', 'district'] as const;
const DISTRICT_DIR = process.env.BENCH_DISTRICT_DIR;
const DISTRICT_SAMPLES = Math.floor(Number(process.env.BENCH_DISTRICT_SAMPLES ?? 200));
const ONLY = (process.env.BENCH_ONLY ?? SECTIONS.join(',')).split(',').map((s) => s.trim());
for (const section of ONLY) {
  if (!(SECTIONS as readonly string[]).includes(section))
    throw new Error(`BENCH_ONLY: unknown section "${section}" (known: ${SECTIONS.join(', ')})`);
}
const runs = (section: (typeof SECTIONS)[number]) => ONLY.includes(section);

interface Shape {
  readonly label: string;
  readonly eventsPerAppend: number;
  readonly writers: number;
  readonly appends: number;
  readonly appendsPerStream: number;
}

/**
 * Each writer appends to its own streams: 10 single-event appends, or 5 batches, per stream. Single
 * appends are many so that a measured run lasts a second or more: shorter ones swing with any stall.
 */
const SHAPES: readonly Shape[] = [
  { label: 'single, 1 writer', eventsPerAppend: 1, writers: 1, appends: 6000, appendsPerStream: 10 },
  { label: 'single, 8 writers', eventsPerAppend: 1, writers: 8, appends: 12000, appendsPerStream: 10 },
  { label: 'batch 100, 1 writer', eventsPerAppend: 100, writers: 1, appends: 300, appendsPerStream: 5 },
  { label: 'batch 100, 8 writers', eventsPerAppend: 100, writers: 8, appends: 400, appendsPerStream: 5 },
];

interface Row {
  readonly database: 'sqlite' | 'postgres';
  readonly shape: string;
  readonly events: number;
  readonly runs: Partial<Record<ContenderName, Measurement[]>>;
}

const started = performance.now();
function log(line: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[${seconds}s] ${line}`);
}

/** Other processes on the machine skew every figure; the load average is printed to judge that. */
function load(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

function specsFor(shape: Shape, index: number): { warmup: AppendSpec; measured: AppendSpec } {
  const appends = Math.max(shape.writers, Math.round(shape.appends * SCALE));
  const base = { ...shape, label: shape.label };
  return {
    warmup: {
      ...base,
      appends: Math.max(shape.writers * 5, Math.round(appends / 10)),
      seed: 100 + index,
    },
    measured: { ...base, appends, seed: 200 + index },
  };
}

async function compare(database: Row['database'], subjects: readonly Subject[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [index, shape] of SHAPES.entries()) {
    const { warmup, measured } = specsFor(shape, index);
    const row: Row = {
      database,
      shape: shape.label,
      events: Math.floor(measured.appends / shape.writers) * shape.writers * shape.eventsPerAppend,
      runs: {},
    };
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate who goes first, so drift over the run (caches, autovacuum) is shared out.
      const shift = (round + index) % subjects.length;
      const order = [...subjects.slice(shift), ...subjects.slice(0, shift)];
      for (const subject of order) {
        const m = await subject.run(warmup, measured);
        (row.runs[subject.name] ??= []).push(m);
        log(
          `${database.padEnd(8)} ${shape.label.padEnd(21)} ${subject.name.padEnd(6)} round ${round + 1}/${ROUNDS}: ` +
            `${m.events} events in ${m.seconds.toFixed(2)} s = ${fmt(m.eventsPerSecond)} events/s ` +
            `(append p50 ${m.p50Ms.toFixed(2)} ms, p99 ${m.p99Ms.toFixed(2)} ms)`,
        );
      }
    }
    rows.push(row);
    log(`load average: ${load()}`);
  }
  return rows;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function rate(row: Row, who: ContenderName): number | null {
  const runs = row.runs[who];
  return runs && runs.length > 0 ? median(runs.map((m) => m.eventsPerSecond)) : null;
}

function p50(row: Row, who: ContenderName): string {
  const runs = row.runs[who];
  return runs && runs.length > 0 ? median(runs.map((m) => m.p50Ms)).toFixed(2) : '–';
}

function table(rows: readonly Row[]): string {
  const lines = [
    '| Database | Appends | Events | Ours (events/s) | Raw INSERT (events/s) | Emmett (events/s) | Ours / raw | Ours / Emmett | p50 append ms (ours / raw / Emmett) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    const ours = rate(row, 'ours');
    const raw = rate(row, 'raw');
    const emmett = rate(row, 'emmett');
    const ratio = (a: number | null, b: number | null) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
    lines.push(
      `| ${row.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${row.shape} | ${fmt(row.events)} | ${ours ? fmt(ours) : '–'} | ${raw ? fmt(raw) : '–'} | ${emmett ? fmt(emmett) : '–'} | ${ratio(ours, raw)} | ${ratio(ours, emmett)} | ${p50(row, 'ours')} / ${p50(row, 'raw')} / ${p50(row, 'emmett')} |`,
    );
  }
  return lines.join('\n');
}

function replayTable(results: readonly ReplayResult[]): string {
  const lines = [
    '| Database | Events | Orders | Loading the history (events/s, one command per append) | Rebuild of the order-chain view (events/s) | Rebuild time |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${fmt(r.events)} | ${fmt(r.orders)} | ${fmt(r.appendEventsPerSecond)} (${fmt(r.appends)} appends, ${r.appendWriters} writers) | ${fmt(r.rebuildEventsPerSecond)} | ${r.rebuildSeconds.toFixed(1)} s |`,
    );
  }
  return lines.join('\n');
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function postgresSection(url: string, schemas: string[]): Promise<{ rows: Row[]; version: string }> {
  const base = `bench_${randomBytes(6).toString('hex')}`;
  const [ours, raw, emmett] = [base, `${base}_raw`, `${base}_emmett`];
  schemas.push(ours, raw, emmett);
  const version = await withAdmin(url, async (client) => {
    await client.query(`CREATE SCHEMA ${emmett}`);
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? '?';
  });
  log(`postgres: PostgreSQL ${version}; schemas ${ours}, ${raw}, ${emmett}`);
  const subjects: Subject[] = [];
  try {
    subjects.push(await OursPostgres.open(url, ours));
    subjects.push(await RawPostgres.open(url, raw));
    subjects.push(await EmmettPostgres.open(url, emmett));
    return { rows: await compare('postgres', subjects), version };
  } finally {
    for (const subject of subjects) await subject.close();
  }
}

async function dropSchemas(url: string, schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return;
  await withAdmin(url, async (client) => {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });
  log(`postgres: dropped ${schemas.join(', ')}`);
}

async function main(): Promise<void> {
  const url = TEST_POSTGRES_URL;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  log(
    `machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `Node ${process.version}, ${os.type()} ${os.release()}`,
  );
  log(`scale ${SCALE}, ${ROUNDS} round(s) per contender, median reported; temp dir ${os.tmpdir()}`);
  log(`load average before: ${load()}`);

  const rows: Row[] = [];
  const replays: ReplayResult[] = [];
  const schemas: string[] = [];
  let postgresVersion: string | null = null;
  try {
    if (runs('sqlite')) {
      log('sqlite: ours (SqlEventStore) against raw better-sqlite3 INSERT');
      rows.push(...(await compare('sqlite', [new OursSqlite(), new RawSqlite()])));
    }

    if (WITH_POSTGRES && runs('postgres')) {
      log('postgres: ours (SqlEventStore) against raw pg INSERT and Emmett');
      const section = await postgresSection(url, schemas);
      postgresVersion = section.version;
      rows.push(...section.rows);
    }

    if (REPLAY_EVENTS > 0 && runs('replay')) {
      const sqlite = freshSqlite();
      try {
        replays.push(await replayBench(sqlite, REPLAY_EVENTS, log));
        log(`load average: ${load()}`);
      } finally {
        sqlite.cleanup();
      }
    }
    if (WITH_POSTGRES && REPLAY_POSTGRES_EVENTS > 0 && runs('replay')) {
      const schema = `bench_${randomBytes(6).toString('hex')}_replay`;
      schemas.push(schema);
      replays.push(await replayBench({ kind: 'postgres', url, schema }, REPLAY_POSTGRES_EVENTS, log));
      log(`load average: ${load()}`);
    }
  } finally {
    await dropSchemas(url, schemas);
  }

  const latencies: LatencyResult[] = [];
  let relay: RelayResult | null = null;
  if (LATENCY_COUNT > 0 && runs('latency')) {
    latencies.push(...(await embeddedLatency(LATENCY_RATE, LATENCY_COUNT, log)));
    log(`load average: ${load()}`);
  }
  if (WITH_KAFKA && WITH_POSTGRES && (runs('relay') || runs('latency'))) {
    const startedBroker = !(await brokerAnswers('127.0.0.1', 9092));
    if (startedBroker) {
      log('kafka: no broker on 127.0.0.1:9092, starting one (infra/kafka/start.sh)');
      execFileSync('bash', [path.join(ROOT, 'infra/kafka/start.sh')], { stdio: 'inherit' });
    }
    try {
      if (RELAY_EVENTS > 0 && runs('relay')) {
        relay = await relayBench(url, ['127.0.0.1:9092'], RELAY_EVENTS, log, ROUNDS, RELAY_WARMUP);
        log(`load average: ${load()}`);
      }
      if (LATENCY_COUNT > 0 && runs('latency')) {
        latencies.push(...(await clusterLatency(LATENCY_RATE, LATENCY_COUNT, log)));
        log(`load average: ${load()}`);
      }
    } finally {
      if (startedBroker) execFileSync('bash', [path.join(ROOT, 'infra/kafka/stop.sh')], { stdio: 'inherit' });
    }
  }

  let district: DistrictResult | null = null;
  if (runs('district')) {
    if (DISTRICT_DIR) {
      district = await districtBench(path.resolve(DISTRICT_DIR), DISTRICT_SAMPLES, log);
      log(`load average: ${load()}`);
    } else {
      log(
        'district: skipped (seed one with `npm run seed:district -- --data-dir DIR`, then BENCH_DISTRICT_DIR=DIR)',
      );
    }
  }

  if (rows.length > 0) {
    console.log('\nAppend throughput (median of the rounds):\n');
    console.log(table(rows));
  }
  if (replays.length > 0) {
    console.log('\nProjection replay (ProjectionRunner.rebuild of the order-chain view):\n');
    console.log(replayTable(replays));
  }
  if (latencies.length > 0) {
    console.log(`\nCommand-to-view latency (steady load; the view is read every 5 ms):\n`);
    console.log(latencyTable(latencies));
  }
  if (relay) {
    console.log('\nRelay to Kafka (idempotent producer, acks from all in-sync replicas):\n');
    console.log(relayTable(relay));
  }
  if (district) {
    console.log('\nThe boards at district scale (linkage and rates over HTTP, embedded, SQLite):\n');
    console.log(districtTable(district));
  }
  const totalSeconds = (performance.now() - started) / 1000;
  console.log(`\nwhole run: ${totalSeconds.toFixed(0)} s; load average at the end ${load()}`);
  fs.writeFileSync(
    JSON_OUT,
    JSON.stringify(
      {
        when: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          cpu,
          memoryGiB: os.totalmem() / 2 ** 30,
          node: process.version,
          postgres: postgresVersion,
        },
        scale: SCALE,
        rounds: ROUNDS,
        appends: rows,
        replays,
        latencies,
        relay,
        district,
        totalSeconds,
      },
      null,
      2,
    ),
  );
  console.log(`figures written to ${JSON_OUT}`);
}

function latencyTable(results: readonly LatencyResult[]): string {
  const lines = [
    '| Topology | Step | Commands/s | Samples | p50 ms | p99 ms | max ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.topology} | ${r.step} | ${r.ratePerSecond} | ${r.samples} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.maxMs.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

function relayTable(r: RelayResult): string {
  const rate = (n: number) => Math.round(n).toLocaleString('en-US');
  const row = (label: string, events: number, relay: number, bare: number, ratios: readonly number[]) =>
    `| ${label} | ${rate(events)} | ${r.batchSize} | ${rate(relay)} | ${rate(bare)} | ${(relay / bare).toFixed(2)}× | ${ratios.map((x) => x.toFixed(2)).join(', ')} |`;
  return [
    `Median of ${r.rounds} rounds, the contender going first alternating. Warm: timed after each sent ${rate(r.warmUpEvents)} events off the clock; cold: from its start, over every event.`,
    '',
    '| Measured | Events | Batch | Relay (events/s) | Bare kafkajs producer (events/s) | Relay ÷ bare | Ratio each round |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    row('warm', r.events, r.relayEventsPerSecond, r.bareEventsPerSecond, r.ratios),
    row(
      'cold',
      r.events + r.warmUpEvents,
      r.cold.relayEventsPerSecond,
      r.cold.bareEventsPerSecond,
      r.cold.ratios,
    ),
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { loadConfig } from '@cogov/hosting';
import { LocalTokenAuthority, type TokenClaims } from '@cogov/security';
import { createPlatformApp } from '../apps/platform/src/create-app';
import { readPositions } from '../apps/platform/src/read-positions';

/** What `npm run seed:district` wrote beside its data. */
interface SeededDistrict {
  readonly seededAt: string;
  readonly size: { readonly orders: number; readonly communities: number; readonly days: number };
  readonly streetId: string;
  readonly communityIds: readonly string[];
  readonly compoundIds: readonly string[];
}

export interface BoardQueryResult {
  readonly query: string;
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface DistrictResult {
  readonly orders: number;
  readonly events: number;
  readonly queries: BoardQueryResult[];
  /** The boards' consumer group read every event from position zero and wrote its tables again. */
  readonly build: { readonly events: number; readonly seconds: number; readonly eventsPerSecond: number };
}

const BOARDS_GROUP = 'boards';

/**
 * The boards on a district-sized data set (issue 12 point 6): the linkage and rates queries a
 * street's staff make, p50 / p99 over HTTP on the embedded platform, and the time to build the
 * boards from zero (their consumer group replayed from position 0 into emptied tables), first, so
 * the queries see every fact the boards now consume. The data set is the directory `npm run
 * seed:district` filled; the build rewrites its boards' tables.
 */
export async function districtBench(
  dataDir: string,
  samples: number,
  log: (line: string) => void,
): Promise<DistrictResult> {
  const seeded = JSON.parse(fs.readFileSync(path.join(dataDir, 'district.json'), 'utf8')) as SeededDistrict;
  // Nothing but the boards moves while they are measured: no deadline sweeps of the seed's open orders.
  process.env.SERVICE_LEVEL_SWEEP_MS = '0';
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SERVICE_LEVEL_SWEEP_MS: '0',
  });
  if (config.auth.mode !== 'local' || config.database.kind !== 'sqlite') {
    throw new Error(
      'the district bench runs the embedded platform (SQLite, local tokens) on the seeded directory',
    );
  }
  const tokens = new LocalTokenAuthority(config.auth.secret, config.auth.issuer, config.auth.audience);
  const street: TokenClaims = {
    personId: 'bench-street-office',
    roles: ['residents-committee-staff'],
    streets: [seeded.streetId],
  };
  const to = seeded.seededAt;
  const from = new Date(Date.parse(to) - seeded.size.days * 86_400_000).toISOString();
  const pick = <T>(items: readonly T[], i: number) => items[(i * 7919) % items.length]!;
  const queries: Array<[string, (i: number) => string]> = [
    ['linkage of a compound', (i) => `/api/linkage/compounds/${pick(seeded.compoundIds, i)}`],
    ['linkage of a community', (i) => `/api/linkage/communities/${pick(seeded.communityIds, i)}`],
    ['linkage of the street', () => `/api/linkage/streets/${seeded.streetId}`],
    ...(['community', 'grid', 'branch', 'member', 'property-company', 'department'] as const).map(
      (level): [string, (i: number) => string] => [
        `rates by ${level}, the year`,
        () => `/api/rates?level=${level}&streetId=${seeded.streetId}&from=${from}&to=${to}`,
      ],
    ),
    [
      'rates by community, one month',
      (i) => {
        const month = Date.parse(from) + (i % 11) * 30 * 86_400_000;
        return `/api/rates?level=community&streetId=${seeded.streetId}&from=${new Date(month).toISOString()}&to=${new Date(month + 30 * 86_400_000).toISOString()}`;
      },
    ],
  ];

  // First from zero, so the boards hold every fact the current version consumes, however old the seed.
  // From zero: the boards' tables emptied and their group's checkpoint gone, as on a new install.
  const sqlite = new Database(config.database.file);
  try {
    const tables = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'bd\\_%' ESCAPE '\\'`)
      .all() as Array<{ name: string }>;
    for (const { name } of tables) sqlite.prepare(`DELETE FROM "${name}"`).run();
    sqlite.prepare('DELETE FROM bus_checkpoints WHERE consumer_group = ?').run(BOARDS_GROUP);
  } finally {
    sqlite.close();
  }
  const started = performance.now();
  const building = await createPlatformApp(config, { logger: false });
  await building.init();
  let events = 0;
  try {
    events = await building.get<EventStore>(EVENT_STORE).headPosition();
    await caughtUp(building, log, BOARDS_GROUP);
  } finally {
    await building.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const build = { events, seconds, eventsPerSecond: Math.round(events / seconds) };
  log(
    `district: boards built from zero: ${events} events in ${seconds.toFixed(1)} s (${build.eventsPerSecond} events/s)`,
  );
  const app = await createPlatformApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const results: BoardQueryResult[] = [];
  try {
    await caughtUp(app, log);
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const authorization = `Bearer ${await tokens.issue(street, '1h')}`;
    const get = async (route: string) => {
      const started = performance.now();
      const response = await fetch(`${base}${route}`, { headers: { authorization } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET ${route}: ${response.status}`);
      return performance.now() - started;
    };
    for (const [query, route] of queries) {
      for (let i = 0; i < Math.min(20, samples); i += 1) await get(route(i)); // warm-up, not measured
      const times: number[] = [];
      for (let i = 0; i < samples; i += 1) times.push(await get(route(i)));
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
      const result = { query, samples, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: times[times.length - 1]! };
      results.push(result);
      log(
        `district: ${query}: p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms over ${samples}`,
      );
    }
  } finally {
    await app.close();
  }

  return { orders: seeded.size.orders, events, queries: results, build };
}

/** Waits until the consumer groups (or one) have read the whole log, printing progress. */
async function caughtUp(app: INestApplication, log: (line: string) => void, only?: string): Promise<void> {
  let lastReport = Date.now();
  for (;;) {
    const { head, lowest } = await readPositions(app, only ? [only] : undefined);
    if (lowest >= head) return;
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      log(`district: ${only ?? 'consumers'} at ${lowest} of ${head}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function districtTable(r: DistrictResult): string {
  const lines = [
    `${r.orders.toLocaleString('en-US')} orders, ${r.events.toLocaleString('en-US')} events; a street office's token (scope: the street). Aim: every query under 100 ms p99.`,
    '',
    '| Query | Samples | p50 ms | p99 ms | max ms | Under 100 ms p99 |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const q of r.queries) {
    lines.push(
      `| ${q.query} | ${q.samples} | ${q.p50Ms.toFixed(1)} | ${q.p99Ms.toFixed(1)} | ${q.maxMs.toFixed(1)} | ${q.p99Ms < 100 ? 'yes' : 'no'} |`,
    );
  }
  lines.push(
    '',
    `Boards built from zero: ${r.build.events.toLocaleString('en-US')} events in ${r.build.seconds.toFixed(1)} s (${r.build.eventsPerSecond.toLocaleString('en-US')} events/s).`,
  );
  return lines.join('\n');
}

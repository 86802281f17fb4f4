import { QueryBus } from '@nestjs/cqrs';
import type { TestingModule } from '@nestjs/testing';
import type { DatabaseConfig, SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema, freshSqlite } from '@cogov/persistence/testing/test-databases';
import { CommunityPlace, StreetPlace } from '../places/places.entities';
import { OrderFacts, OrderRating, StageServiceLevel } from '../orders/order-facts.entities';
import type { RateLevel } from './domain/rates';
import { rebuildOrderRollups } from '../orders/order-rollups';
import { RatesQuery, type RatesVisibility } from './rates.query';
import { boardsHandlers } from './testing/boards-handlers';

/**
 * How long a table of rates takes on a city's worth of orders (docs/rates.md, "Speed"). Opt-in,
 * as it writes some 500,000 rows: `RATES_PERF_ORDERS=100000 npx jest apps/boards/src/rates/rates.perf`.
 * Orders every 77 s over 89 days in 200 communities of 20 streets; each with its three deadlines,
 * two thirds rated, one in ten whistled to one of 30 departments. Each table is asked
 * `RATES_PERF_RUNS` (30) times, after 3 unmeasured, over the 30 days in the middle; p50 and p99
 * are printed.
 */
const ORDERS = Number(process.env.RATES_PERF_ORDERS ?? 0);
const RUNS = Number(process.env.RATES_PERF_RUNS ?? 30);
/** With `RATES_PERF_P99_MS=100`, a table slower than that at p99 fails. */
const P99_MS = Number(process.env.RATES_PERF_P99_MS ?? 0);
const START = Date.parse('2030-01-01T00:00:00.000Z');
const STEP_MS = 77_000;
const iso = (ms: number) => new Date(ms).toISOString();
const STAGES = [
  ['accept', 60_000],
  ['on-site', 3_600_000],
  ['complete', 86_400_000],
] as const;

const databases: Array<[string, () => DatabaseConfig & { cleanup?(): void }]> = [
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgresSchema],
];

(ORDERS > 0 ? describe.each(databases) : describe.skip.each(databases))(
  'rates on %s, many orders',
  (name, makeConfig) => {
    const config = makeConfig();
    let boardsUnderTest: Awaited<ReturnType<typeof boardsHandlers>> | undefined;
    let db: SqlDatabase;
    let module: TestingModule;

    async function insert<T extends object>(entity: new () => T, rows: T[]) {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        await db.transaction((m) => m.getRepository(entity).insert(chunk as never));
      }
    }

    beforeAll(async () => {
      boardsUnderTest = await boardsHandlers(config);
      db = boardsUnderTest.db;
      module = boardsUnderTest.module;
      await insert(
        StreetPlace,
        Array.from({ length: 20 }, (_, s) => ({ streetId: `s${s}`, name: `Street ${s}` })),
      );
      await insert(
        CommunityPlace,
        Array.from({ length: 200 }, (_, c) => ({
          communityId: `c${c}`,
          name: `Community ${c}`,
          streetId: `s${c % 20}`,
        })),
      );
      const orders: OrderFacts[] = [];
      const levels: StageServiceLevel[] = [];
      const ratings: OrderRating[] = [];
      for (let g = 0; g < ORDERS; g += 1) {
        const placedAt = START + g * STEP_MS;
        const whistled = g % 10 === 0;
        const kind = g % 4 === 0 ? 'property-company' : 'member';
        const who = kind === 'member' ? `m${g % 3000}` : `p${g % 40}`;
        orders.push({
          orderId: `o${g}`,
          communityId: `c${g % 200}`,
          compoundId: `k${g % 2000}`,
          buildingId: null,
          gridId: `g${g % 1000}`,
          category: 'repair',
          channel: 'app',
          placedAt: iso(placedAt),
          branchId: `b${g % 600}`,
          reviewDecision: 'approve',
          priority: 'normal',
          reviewedAt: iso(placedAt + 30_000),
          assignedRound: 1,
          assignedAt: iso(placedAt + 40_000),
          assigneeKind: whistled ? 'department' : kind,
          assigneeId: whistled ? `d${g % 30}` : who,
          whistleRound: whistled ? 1 : null,
          whistledAt: whistled ? iso(placedAt + 600_000) : null,
          departmentId: whistled ? `d${g % 30}` : null,
          whistleLevel: whistled ? 'street' : null,
          workRound: 1,
          workAt: iso(placedAt + 50_000),
          workStep: 'completed',
          executorKind: kind,
          executorId: who,
        });
        for (const track of whistled ? ['community', 'department'] : ['community']) {
          const startedAt = track === 'community' ? placedAt : placedAt + 600_000;
          for (const [stage, within] of STAGES) {
            const late = (g + stage.length) % 7 === 0;
            const reachedAt = startedAt + (late ? within * 1.5 : within / 2);
            levels.push({
              orderId: `o${g}`,
              track,
              stage,
              round: 1,
              departmentId: track === 'department' ? `d${g % 30}` : null,
              startedAt: iso(startedAt),
              dueAt: iso(startedAt + within),
              reachedAt: iso(reachedAt),
              inTime: !late,
              breachedAt: late ? iso(reachedAt) : null,
              lateByMs: late ? within / 2 : null,
            });
          }
        }
        if (g % 3 !== 0) {
          ratings.push({
            orderId: `o${g}`,
            round: 1,
            score: 1 + (g % 5),
            reopened: g % 5 < 2,
            ratedAt: iso(placedAt + 2 * 86_400_000),
          });
        }
      }
      await insert(OrderFacts, orders);
      await insert(StageServiceLevel, levels);
      await insert(OrderRating, ratings);
      // Written as rows, not by the facts' handlers: the roll-ups are computed from them once.
      await rebuildOrderRollups(db);
      // The steady state: autovacuum has marked the pages visible (index-only scans) and analysed.
      await db.dataSource.query(db.dialect === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
    }, 600_000);
    afterAll(async () => {
      await boardsUnderTest?.close();
      config.cleanup?.();
    });

    const middle = START + (ORDERS * STEP_MS) / 2;
    const period = { from: new Date(middle - 15 * 86_400_000), to: new Date(middle + 15 * 86_400_000) };
    const leader: RatesVisibility = { streetIds: ['s3'], communityIds: [], compoundIds: [] };

    type Table = { what: string; level: RateLevel; within: RatesVisibility; streetId?: string };
    it.each<Table>([
      { what: 'every community, a platform admin', level: 'community', within: 'everywhere' },
      { what: 'every member, a platform admin', level: 'member', within: 'everywhere' },
      { what: 'every department, a platform admin', level: 'department', within: 'everywhere' },
      { what: 'every grid, a street leader', level: 'grid', within: leader },
      {
        what: 'one street’s communities, a platform admin',
        level: 'community',
        within: 'everywhere',
        streetId: 's3',
      },
    ])('$what', async ({ what, level, within, streetId }) => {
      const queries = module.get(QueryBus);
      const ask = () =>
        queries.execute(
          new RatesQuery({
            level,
            period,
            sort: 'composite',
            within,
            now: new Date(START + ORDERS * STEP_MS + 86_400_000),
            ...(streetId ? { streetId } : {}),
          }),
        );
      for (let i = 0; i < 3; i += 1) await ask();
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i += 1) {
        const started = process.hrtime.bigint();
        rows = (await ask()).rows.length;
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      times.sort((a, b) => a - b);
      const p50 = times[Math.floor(RUNS / 2)]!;
      const p99 = times[Math.ceil(RUNS * 0.99) - 1]!;
      process.stdout.write(
        `${name} ${ORDERS} orders, ${what}: ${rows} rows, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms\n`,
      );
      expect(rows).toBeGreaterThan(0);
      if (P99_MS > 0) expect(p99).toBeLessThan(P99_MS);
    });
  },
);

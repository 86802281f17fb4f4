import { randomUUID } from 'node:crypto';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  communityRegisteredV2,
  type Executor,
  type IntegrationEvent,
  type IntegrationEventContract,
  orderDispatchedV1,
  orderPlacedV2,
  orderRatedV1,
  orderReviewedV1,
  orderWhistledV1,
  type OrderWorkV1,
  partyOrganizationOrderWorkV1,
  propertyCompanyOrderWorkV1,
  residentsCommitteeOrderWorkV1,
  serviceLevelBreachedV2,
  serviceLevelStageReachedV1,
  serviceLevelStartedV1,
  streetRegisteredV1,
} from '@cogov/contracts';
import { subscriptionOf } from '@cogov/context-kit';
import type { DatabaseConfig } from '@cogov/persistence';
import { freshPostgresSchema, freshSqlite } from '@cogov/persistence/testing/test-databases';
import { boards } from '../boards.context';
import { RATE_LEVELS, type RateLevel, type RateSort, RATE_STAGES, type RateStage } from './domain/rates';
import { ratesCsv } from './rates.csv';
import { RATE_FIGURES, TALLY_FIGURES } from '../orders/domain/order-rollups';
import { rebuildOrderRollups } from '../orders/order-rollups';
import { boardsHandlers } from './testing/boards-handlers';
import { csvObjects, flatRow } from './testing/csv-reader';
import { RatesQuery, type RatesTable, type RatesVisibility } from './rates.query';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.parse('2030-03-01T00:00:00.000Z');
/** The boards' now: facts later than this have not happened yet, and are not fed. */
const NOW = new Date(T0 + 8 * DAY + 3 * HOUR);
const PERIOD = { from: new Date(T0), to: new Date(T0 + 10 * DAY) };
const iso = (ms: number) => new Date(ms).toISOString();

const id = () => randomUUID();
const S1 = id();
const S2 = id();
const C1 = id();
const C2 = id();
const C3 = id();
const STREET_OF: Record<string, string> = { [C1]: S1, [C2]: S1, [C3]: S2 };
const COMMUNITIES = [C1, C2, C3];
const GRIDS = [id(), id()];
const BRANCHES = [id(), id(), id()];
const MEMBERS = [id(), id(), id()];
const COMPANIES = [id(), id()];
const DEPARTMENTS = [id(), id()];

/** The history the boards are fed, in order: every fact up to NOW, as its publisher writes it. */
const fed: IntegrationEvent[] = [];
function publish<E extends IntegrationEvent>(
  contract: IntegrationEventContract<E>,
  key: string,
  at: number,
  data: E['data'],
): void {
  if (at > NOW.getTime()) return;
  fed.push({
    type: contract.type,
    version: contract.version,
    eventId: id(),
    source: contract.type.split('.')[0]!,
    key,
    occurredAt: iso(at),
    actorId: 'someone',
    onBehalfOf: null,
    correlationId: id(),
    causationId: null,
    data,
  });
}

type Track = 'community' | 'department';
const DEADLINES: Record<RateStage, number> = { accept: MIN, 'on-site': HOUR, complete: DAY };

/**
 * One order's history. `reach` says, per stage, after how long it was reached (undefined: not);
 * a stage reached late or not at all by its deadline is breached as the process breaches it.
 */
function order(o: {
  i: number;
  communityId: string;
  placedAt: number;
  gridId: string | null;
  branchId: string;
  assignee: { kind: 'member' | 'property-company'; id: string };
  reach: Partial<Record<RateStage, number>>;
  rating?: { score: number; after: number };
  whistle?: { departmentId: string; after: number; reach: Partial<Record<RateStage, number>> };
}) {
  const orderId = id();
  const compoundId = `compound-of-${o.communityId}`;
  publish(orderPlacedV2, orderId, o.placedAt, {
    orderId,
    residentId: id(),
    reporterId: null,
    communityId: o.communityId,
    compoundId,
    buildingId: null,
    gridId: o.gridId,
    category: 'repair',
    title: `Order ${o.i}`,
    channel: 'app',
    placedAt: iso(o.placedAt),
  });
  const track = (kind: Track, startedAt: number, reach: Partial<Record<RateStage, number>>) => {
    const ofTrack = {
      orderId,
      round: 1,
      track: kind,
      departmentId: kind === 'department' ? o.whistle!.departmentId : null,
    };
    const where = { communityId: o.communityId, compoundId, gridId: o.gridId };
    publish(serviceLevelStartedV1, orderId, startedAt, {
      ...ofTrack,
      ...where,
      category: 'repair',
      priority: 'normal',
      startedAt: iso(startedAt),
      deadlines: RATE_STAGES.map((stage) => ({ stage, dueAt: iso(startedAt + DEADLINES[stage]) })),
    });
    for (const stage of RATE_STAGES) {
      const dueAt = startedAt + DEADLINES[stage];
      const after = reach[stage];
      const reachedAt = after === undefined ? undefined : startedAt + after;
      const inTime = reachedAt !== undefined && reachedAt <= dueAt;
      if (reachedAt !== undefined) {
        publish(serviceLevelStageReachedV1, orderId, reachedAt, {
          ...ofTrack,
          stage,
          at: iso(reachedAt),
          dueAt: iso(dueAt),
          inTime,
        });
      }
      if (!inTime) {
        const breachedAt = reachedAt ?? dueAt + 1_000;
        publish(serviceLevelBreachedV2, orderId, breachedAt, {
          ...ofTrack,
          ...where,
          stage,
          dueAt: iso(dueAt),
          lateByMs: breachedAt - dueAt,
          breachedAt: iso(breachedAt),
        });
      }
    }
  };
  track('community', o.placedAt, o.reach);
  publish(orderReviewedV1, orderId, o.placedAt + 30_000, {
    orderId,
    reviewerId: id(),
    branchId: o.branchId,
    decision: 'approve',
    note: 'ok',
    priority: 'normal',
    reason: null,
    duplicateOfOrderId: null,
    reviewedAt: iso(o.placedAt + 30_000),
  });
  publish(orderDispatchedV1, orderId, o.placedAt + 40_000, {
    orderId,
    round: 1,
    dispatcherId: id(),
    assigneeKind: o.assignee.kind,
    assigneeId: o.assignee.id,
    dispatchedAt: iso(o.placedAt + 40_000),
  });
  /** An executor accepted the order, in the one order-work language of every executor context. */
  const accepted = (contract: IntegrationEventContract<OrderWorkV1>, executor: Executor, at: number) =>
    publish(contract, orderId, at, {
      orderId,
      round: 1,
      executor,
      performedBy: id(),
      step: 'accepted',
      at: iso(at),
      note: null,
      resultNote: null,
      evidence: [],
      reason: null,
    });
  accepted(
    o.assignee.kind === 'member' ? partyOrganizationOrderWorkV1 : propertyCompanyOrderWorkV1,
    o.assignee,
    o.placedAt + 50_000,
  );
  if (o.whistle) {
    const whistledAt = o.placedAt + o.whistle.after;
    publish(orderWhistledV1, orderId, whistledAt, {
      orderId,
      round: 1,
      communityId: o.communityId,
      compoundId,
      streetId: STREET_OF[o.communityId]!,
      departmentId: o.whistle.departmentId,
      level: 'street',
      reason: 'Beyond the community',
      whistlerId: id(),
      whistledAt: iso(whistledAt),
    });
    track('department', whistledAt, o.whistle.reach);
    accepted(
      residentsCommitteeOrderWorkV1,
      { kind: 'department', id: o.whistle.departmentId },
      whistledAt + 1_000,
    );
  }
  if (o.rating) {
    const ratedAt = o.placedAt + o.rating.after;
    publish(orderRatedV1, orderId, ratedAt, {
      orderId,
      round: 1,
      raterId: id(),
      score: o.rating.score,
      comment: '',
      reopened: o.rating.score <= 2,
      ratedAt: iso(ratedAt),
    });
  }
  return orderId;
}

publish(streetRegisteredV1, S1, T0 - DAY, { streetId: S1, name: '和平街道' });
publish(streetRegisteredV1, S2, T0 - DAY, { streetId: S2, name: '东风街道' });
for (const [communityId, name] of [
  [C1, '一社区'],
  [C2, '二社区'],
  [C3, '三社区'],
] as const) {
  publish(communityRegisteredV2, communityId, T0 - DAY, {
    communityId,
    name,
    streetName: null,
    streetId: STREET_OF[communityId]!,
  });
}
// Forty orders, every six hours from two days before the period (their deadlines, but not their
// ratings, fall before it), each answered its own way; the last ones' deadlines are still ahead.
for (let i = 0; i < 40; i += 1) {
  const placedAt = T0 - 2 * DAY + i * 6 * HOUR;
  order({
    i,
    communityId: COMMUNITIES[i % 3]!,
    placedAt,
    gridId: i % 5 === 4 ? null : GRIDS[i % 2]!,
    branchId: BRANCHES[Math.floor(i / 3) % 3]!,
    assignee:
      i % 4 === 0
        ? { kind: 'property-company', id: COMPANIES[(i / 4) % 2]! }
        : { kind: 'member', id: MEMBERS[Math.floor(i / 4) % 3]! },
    reach: {
      ...(i % 5 === 0 ? {} : { accept: i % 4 === 1 ? 2 * MIN : 20_000 + i * 500 }),
      ...(i % 2 === 0 ? { 'on-site': 50 * MIN } : { 'on-site': 70 * MIN + i }),
      ...(i % 7 === 3 ? {} : { complete: i % 7 === 0 ? 30 * HOUR : 20 * HOUR + i * MIN }),
    },
    ...(i % 7 === 3 ? {} : { rating: { score: 1 + (i % 5), after: 2 * DAY } }),
    ...(i % 6 === 1
      ? {
          whistle: {
            departmentId: DEPARTMENTS[i % 4 === 1 ? 0 : 1]!,
            after: 10 * MIN,
            reach: { accept: 5 * MIN, ...(i % 12 === 1 ? { 'on-site': 2 * HOUR } : {}) },
          },
        }
      : {}),
  });
}

/**
 * The figures of every row, recomputed from the list of facts fed (not from the boards' tables):
 * the order's placement, community, review and assignment; each stage's deadline, when it was
 * reached and in time, its breach; each rating.
 */
function expectedFigures(level: RateLevel, visibleStreets: readonly string[] | 'all' = 'all') {
  const of = <T>(type: string) => fed.filter((e) => e.type === type).map((e) => e.data as unknown as T);
  const placements = new Map(
    of<{ orderId: string; communityId: string; gridId: string | null; placedAt: string }>(
      orderPlacedV2.type,
    ).map((p) => [p.orderId, p]),
  );
  const branches = new Map(
    of<{ orderId: string; branchId: string }>(orderReviewedV1.type).map((r) => [r.orderId, r.branchId]),
  );
  // The round's latest assignment (a dispatch, or a whistle to a department) and latest work step.
  const latest = (type: string | readonly string[], at: (d: Record<string, unknown>) => string) => {
    const types = typeof type === 'string' ? [type] : type;
    const found = new Map<string, Record<string, unknown>>();
    for (const e of fed.filter((e) => types.includes(e.type))) {
      const d = e.data;
      const known = found.get(d.orderId as string);
      if (!known || at(known) <= at(d)) found.set(d.orderId as string, d);
    }
    return found;
  };
  const assignees = new Map(
    [
      ...latest(
        [orderDispatchedV1.type, orderWhistledV1.type],
        (d) => (d.dispatchedAt ?? d.whistledAt) as string,
      ),
    ].map(([orderId, d]) => [
      orderId,
      d.departmentId
        ? { kind: 'department', id: d.departmentId as string }
        : { kind: d.assigneeKind as string, id: d.assigneeId as string },
    ]),
  );
  const executors = new Map(
    [
      ...latest(
        [
          partyOrganizationOrderWorkV1.type,
          propertyCompanyOrderWorkV1.type,
          residentsCommitteeOrderWorkV1.type,
        ],
        (d) => d.at as string,
      ),
    ].map(([orderId, d]) => [orderId, d.executor as { kind: string; id: string }]),
  );
  const departments = new Map(
    of<{ orderId: string; departmentId: string }>(orderWhistledV1.type).map((w) => [
      w.orderId,
      w.departmentId,
    ]),
  );
  const rowOf = (orderId: string): string | null => {
    const placed = placements.get(orderId)!;
    if (visibleStreets !== 'all' && !visibleStreets.includes(STREET_OF[placed.communityId]!)) return null;
    const assignee = assignees.get(orderId);
    const executor = executors.get(orderId);
    switch (level) {
      case 'street':
        return STREET_OF[placed.communityId]!;
      case 'community':
        return placed.communityId;
      case 'grid':
        return placed.gridId;
      case 'branch':
        return branches.get(orderId) ?? null;
      case 'member':
      case 'property-company':
        if (executor?.kind === level) return executor.id;
        return assignee?.kind === level ? assignee.id : null;
      case 'department':
        return departments.get(orderId) ?? null;
    }
  };
  const inPeriod = (at: string) => at >= PERIOD.from.toISOString() && at < PERIOD.to.toISOString();
  const track = level === 'department' ? 'department' : 'community';
  const reopened = new Set(
    of<{ orderId: string; reopened: boolean }>(orderRatedV1.type)
      .filter((r) => r.reopened)
      .map((r) => r.orderId),
  );
  type Deadline = { orderId: string; stage: RateStage; dueAt: string; startedAt: string };
  const deadlines: Deadline[] = of<{
    orderId: string;
    track: string;
    startedAt: string;
    deadlines: Array<{ stage: RateStage; dueAt: string }>;
  }>(serviceLevelStartedV1.type)
    .filter((s) => s.track === track)
    .flatMap((s) => s.deadlines.map((d) => ({ orderId: s.orderId, startedAt: s.startedAt, ...d })));
  const reached = of<{ orderId: string; track: string; stage: string; at: string; inTime: boolean }>(
    serviceLevelStageReachedV1.type,
  ).filter((r) => r.track === track);
  const breached = of<{ orderId: string; track: string; stage: string }>(serviceLevelBreachedV2.type).filter(
    (b) => b.track === track,
  );
  const rows = new Map<string, Record<string, number>>();
  const add = (row: string | null, figure: string, by = 1) => {
    if (row === null) return;
    const figures = rows.get(row) ?? {};
    figures[figure] = (figures[figure] ?? 0) + by;
    rows.set(row, figures);
  };
  for (const d of deadlines.filter((d) => inPeriod(d.dueAt))) {
    const row = rowOf(d.orderId);
    const reach = reached.find((r) => r.orderId === d.orderId && r.stage === d.stage);
    const isDue = reach !== undefined || d.dueAt <= NOW.toISOString();
    if (d.stage === 'accept' && isDue) add(row, 'acceptDue');
    if (d.stage === 'accept' && reach?.inTime) add(row, 'acceptInTime');
    if (d.stage === 'complete' && isDue) add(row, 'completeDue');
    if (d.stage === 'complete' && reach && !reopened.has(d.orderId)) add(row, 'resolved');
    if (breached.some((b) => b.orderId === d.orderId && b.stage === d.stage)) add(row, `breached:${d.stage}`);
    if (reach) {
      add(row, `reached:${d.stage}`);
      add(row, `ms:${d.stage}`, Date.parse(reach.at) - Date.parse(d.startedAt));
    }
  }
  for (const r of of<{ orderId: string; score: number; ratedAt: string }>(orderRatedV1.type)) {
    if (!inPeriod(r.ratedAt)) continue;
    add(rowOf(r.orderId), 'ratings');
    if (r.score >= 4) add(rowOf(r.orderId), 'satisfied');
  }
  for (const p of placements.values()) if (inPeriod(p.placedAt)) add(rowOf(p.orderId), 'orders');
  const rate = (part = 0, whole = 0) => (whole === 0 ? null : part / whole);
  const mean = (sum = 0, count = 0) => (count === 0 ? null : Math.round(sum / count));
  return new Map(
    [...rows].map(([row, f]) => [
      row,
      {
        orders: f.orders ?? 0,
        response: {
          due: f.acceptDue ?? 0,
          inTime: f.acceptInTime ?? 0,
          rate: rate(f.acceptInTime, f.acceptDue),
        },
        resolution: {
          due: f.completeDue ?? 0,
          resolved: f.resolved ?? 0,
          rate: rate(f.resolved, f.completeDue),
        },
        satisfaction: {
          ratings: f.ratings ?? 0,
          satisfied: f.satisfied ?? 0,
          rate: rate(f.satisfied, f.ratings),
        },
        breaches: {
          accept: f['breached:accept'] ?? 0,
          onSite: f['breached:on-site'] ?? 0,
          complete: f['breached:complete'] ?? 0,
        },
        averageMs: {
          accept: mean(f['ms:accept'], f['reached:accept']),
          onSite: mean(f['ms:on-site'], f['reached:on-site']),
          complete: mean(f['ms:complete'], f['reached:complete']),
        },
      },
    ]),
  );
}

const databases: Array<[string, () => DatabaseConfig & { cleanup?(): void }]> = [
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgresSchema],
];

describe.each(databases)('三率: the rates of the boards, fed the facts (%s)', (_name, makeConfig) => {
  const config = makeConfig();
  let boardsUnderTest: Awaited<ReturnType<typeof boardsHandlers>> | undefined;
  let queries: QueryBus;

  const rates = (
    level: RateLevel,
    options: { streetId?: string; communityId?: string; sort?: RateSort; within?: RatesVisibility } = {},
  ): Promise<RatesTable> =>
    queries.execute(
      new RatesQuery({
        level,
        period: PERIOD,
        sort: options.sort ?? 'composite',
        ...(options.streetId ? { streetId: options.streetId } : {}),
        ...(options.communityId ? { communityId: options.communityId } : {}),
        within: options.within ?? 'everywhere',
        now: NOW,
      }),
    );
  const figures = (table: RatesTable) =>
    new Map(
      table.rows.map(({ id: row, rank: _rank, name: _name, composite: _composite, ...rest }) => [row, rest]),
    );

  beforeAll(async () => {
    boardsUnderTest = await boardsHandlers(config);
    const module = boardsUnderTest.module;
    queries = module.get(QueryBus);
    const commands = module.get(CommandBus);
    // The boards' consumer group, as the bus drives it: each fact validated, then its command.
    const group = subscriptionOf(boards.name, boards.consumes, (command) => commands.execute(command));
    for (const event of fed) await group.handlers[event.type]!.handle(event);
  });
  afterAll(async () => {
    await boardsUnderTest?.close();
    config.cleanup?.();
  });

  it.each<RateLevel>(['street', 'community', 'grid', 'branch', 'member', 'property-company', 'department'])(
    'every figure of every %s row is what the facts fed say',
    async (level) => {
      const table = await rates(level);
      expect(figures(table)).toEqual(expectedFigures(level));
      expect(table.rows.length).toBeGreaterThan(1);
    },
  );

  it('the facts exercise what the definitions distinguish', async () => {
    const totals = (await rates('street')).rows.reduce(
      (t, r) => ({
        due: t.due + r.response.due,
        late: t.late + r.breaches.accept,
        reopened: t.reopened + (r.resolution.due - r.resolution.resolved),
        ratings: t.ratings + r.satisfaction.ratings,
      }),
      { due: 0, late: 0, reopened: 0, ratings: 0 },
    );
    expect(totals.due).toBeGreaterThan(20);
    expect(totals.late).toBeGreaterThan(3);
    expect(totals.reopened).toBeGreaterThan(3);
    expect(totals.ratings).toBeGreaterThan(10);
    // Some deadlines in the period are still ahead of now, and counted nowhere yet.
    const ahead = fed
      .filter((e) => e.type === serviceLevelStartedV1.type)
      .flatMap((e) => (e.data as { deadlines: Array<{ dueAt: string }> }).deadlines)
      .filter((d) => d.dueAt > NOW.toISOString() && d.dueAt < PERIOD.to.toISOString());
    expect(ahead.length).toBeGreaterThan(0);
    // And one was met before it came: it counts as due already.
    const early = fed.filter(
      (e) =>
        e.type === serviceLevelStageReachedV1.type && (e.data as { dueAt: string }).dueAt > NOW.toISOString(),
    );
    expect(early.length).toBeGreaterThan(0);
  });

  it('the street rows carry the streets’ names, and a street’s figures are its communities’ sums', async () => {
    const streets = await rates('street');
    expect(streets.rows.map((r) => [r.id, r.name]).sort()).toEqual(
      [
        [S1, '和平街道'],
        [S2, '东风街道'],
      ].sort(),
    );
    const communities = await rates('community');
    const s1 = streets.rows.find((r) => r.id === S1)!;
    const parts = communities.rows.filter((r) => r.id === C1 || r.id === C2);
    expect(s1.response.due).toBe(parts.reduce((sum, r) => sum + r.response.due, 0));
    expect(s1.satisfaction.satisfied).toBe(parts.reduce((sum, r) => sum + r.satisfaction.satisfied, 0));
    expect(communities.rows.find((r) => r.id === C3)!.name).toBe('三社区');
  });

  it('the response rate of a community is its accepts in time over its accepts due, counted from the facts', async () => {
    const row = (await rates('community')).rows.find((r) => r.id === C1)!;
    const c1Orders = new Set(
      fed
        .filter(
          (e) => e.type === orderPlacedV2.type && (e.data as { communityId: string }).communityId === C1,
        )
        .map((e) => (e.data as { orderId: string }).orderId),
    );
    const from = PERIOD.from.toISOString();
    const to = PERIOD.to.toISOString();
    const acceptsDue = fed
      .filter((e) => e.type === serviceLevelStartedV1.type)
      .map(
        (e) =>
          e.data as { orderId: string; track: string; deadlines: Array<{ stage: string; dueAt: string }> },
      )
      .filter((s) => s.track === 'community' && c1Orders.has(s.orderId))
      .map((s) => ({ orderId: s.orderId, dueAt: s.deadlines.find((d) => d.stage === 'accept')!.dueAt }))
      .filter((d) => d.dueAt >= from && d.dueAt < to);
    const inTime = fed.filter((e) => {
      const r = e.data as { orderId: string; track: string; stage: string; inTime: boolean };
      return (
        e.type === serviceLevelStageReachedV1.type &&
        r.track === 'community' &&
        r.stage === 'accept' &&
        r.inTime &&
        acceptsDue.some((d) => d.orderId === r.orderId)
      );
    }).length;
    // Every accept deadline of C1 in the period lies before now: all of them are due.
    expect(acceptsDue.every((d) => d.dueAt <= NOW.toISOString())).toBe(true);
    expect(row.response).toEqual({ due: acceptsDue.length, inTime, rate: inTime / acceptsDue.length });
    expect(row.response.rate).toBeGreaterThan(0);
    expect(row.response.rate).toBeLessThan(1);
  });

  it('a street filter keeps only the street’s rows', async () => {
    const table = await rates('community', { streetId: S1 });
    expect(table.rows.map((r) => r.id).sort()).toEqual([C1, C2].sort());
    expect(figures(table).get(C1)).toEqual(expectedFigures('community').get(C1));
    expect((await rates('street', { communityId: C3 })).rows.map((r) => r.id)).toEqual([S2]);
  });

  it('a caller scoped to one street sees nothing of another, in any ranking', async () => {
    const within: RatesVisibility = { streetIds: [S1], communityIds: [], compoundIds: [] };
    for (const level of [
      'street',
      'community',
      'member',
      'property-company',
      'department',
      'branch',
    ] as const) {
      const table = await rates(level, { within });
      expect(figures(table)).toEqual(expectedFigures(level, [S1]));
    }
    expect((await rates('street', { within })).rows.map((r) => r.id)).toEqual([S1]);
    expect((await rates('community', { within })).rows.map((r) => r.id)).not.toContain(C3);
    // A member working in both streets: only the first street's work counts for this caller.
    const everywhere = (await rates('member')).rows.find((r) => r.id === MEMBERS[0])!;
    const scoped = (await rates('member', { within })).rows.find((r) => r.id === MEMBERS[0])!;
    expect(scoped.satisfaction.ratings).toBeLessThan(everywhere.satisfaction.ratings);
    // A caller with no scope at all sees no row.
    expect(
      (await rates('street', { within: { streetIds: [], communityIds: [], compoundIds: [] } })).rows,
    ).toEqual([]);
  });

  it('ranked by one rate, the better rows come first and each row carries its rank', async () => {
    const table = await rates('member', { sort: 'satisfaction' });
    const values = table.rows.map((r) => r.satisfaction.rate ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(table.rows[0]!.rank).toBe(1);
    expect(table.rows.map((r) => r.rank)).toEqual([...table.rows.map((r) => r.rank)].sort((a, b) => a - b));
  });

  it('the CSV export holds the same rows and figures as the JSON', async () => {
    const table = await rates('community');
    const csv = ratesCsv(table);
    expect(csv.filename).toBe('rates-community-2030-03-01-2030-03-11.csv');
    expect(csvObjects(csv.body)).toEqual(table.rows.map(flatRow));
  });

  // The tables above read the roll-ups for the whole days before NOW and the raw rows after; these
  // check the roll-ups against the raw rows themselves, over whole months, partial days and both.
  const LATER = new Date(T0 + 50 * DAY);
  it.each<[string, { from: Date; to: Date }, Date]>([
    [
      'whole months around the facts, now long after',
      { from: new Date('2030-01-01'), to: new Date('2030-05-01') },
      LATER,
    ],
    [
      'a period starting and ending inside a day',
      { from: new Date(T0 + 2.5 * HOUR), to: new Date(T0 + 6 * DAY + 7 * HOUR) },
      LATER,
    ],
    [
      'a month and a half, now inside it',
      { from: new Date('2030-02-14T16:00:00.000Z'), to: new Date('2030-04-01') },
      NOW,
    ],
  ])('read from the roll-ups, %s, every table is what the raw rows give', async (_what, period, now) => {
    const within: RatesVisibility = { streetIds: [S1], communityIds: [C3], compoundIds: [] };
    for (const level of RATE_LEVELS) {
      for (const asked of [
        { within: 'everywhere' as const },
        { within },
        { within: 'everywhere' as const, streetId: S1 },
        { within: 'everywhere' as const, communityId: C2 },
      ]) {
        const table = (fromRawRows: boolean) =>
          queries.execute(new RatesQuery({ level, period, sort: 'composite', now, fromRawRows, ...asked }));
        expect(await table(false)).toEqual(await table(true));
      }
    }
    expect(
      (
        await queries.execute(
          new RatesQuery({ level: 'street', period, sort: 'composite', within: 'everywhere', now }),
        )
      ).rows.some((r) => r.response.due > 0),
    ).toBe(true);
  });

  it('the roll-ups the facts added up to are what the rows give when recomputed', async () => {
    const db = boardsUnderTest!.db;
    const read = async () => ({
      buckets: nonZero(await db.dataSource.query(`SELECT * FROM ${db.table('bd_rate_bucket')}`)),
      tallies: nonZero(await db.dataSource.query(`SELECT * FROM ${db.table('bd_order_tally')}`)),
    });
    const fromFacts = await read();
    expect(fromFacts.buckets.length).toBeGreaterThan(50);
    await rebuildOrderRollups(db);
    expect(await read()).toEqual(fromFacts);
  });
});

/**
 * The same facts in another order (publishers' facts interleave as no bus orders them) and some
 * delivered again: the roll-ups, and so every table, come out the same.
 */
describe.each(databases)('三率: the roll-ups, fed the facts out of order (%s)', (_name, makeConfig) => {
  const config = makeConfig();
  let inOrder: Awaited<ReturnType<typeof boardsHandlers>> | undefined;
  let shuffled: Awaited<ReturnType<typeof boardsHandlers>> | undefined;

  const feed = async (
    boardsUnderTest: Awaited<ReturnType<typeof boardsHandlers>>,
    events: IntegrationEvent[],
  ) => {
    const commands = boardsUnderTest.module.get(CommandBus);
    const group = subscriptionOf(boards.name, boards.consumes, (command) => commands.execute(command));
    for (const event of events) await group.handlers[event.type]!.handle(event);
  };

  beforeAll(async () => {
    inOrder = await boardsHandlers(config);
    await feed(inOrder, fed);
    shuffled = await boardsHandlers(makeConfig());
    // The bus keeps one publisher's facts of one key in order, nothing more: here each such run
    // of facts comes whole, the runs in a fixed shuffle (all of one publisher's facts of an order
    // may come before another's), then the last third again, as a consumer restarting from its
    // last committed offset reads them.
    const runs = new Map<string, IntegrationEvent[]>();
    for (const event of fed) {
      const run = `${event.source} ${event.key}`;
      runs.set(run, [...(runs.get(run) ?? []), event]);
    }
    const ordered = [...runs.values()];
    const step = ordered.length % 7919 === 0 ? 1 : 7919;
    const permuted = ordered.flatMap((_, i) => ordered[(i * step) % ordered.length]!);
    await feed(shuffled, [...permuted, ...permuted.slice(Math.floor((2 * permuted.length) / 3))]);
  });
  afterAll(async () => {
    await inOrder?.close();
    await shuffled?.close();
    config.cleanup?.();
  });

  it('holds the same roll-ups and answers the same tables', async () => {
    const read = async (b: Awaited<ReturnType<typeof boardsHandlers>>) => ({
      buckets: nonZero(await b.db.dataSource.query(`SELECT * FROM ${b.db.table('bd_rate_bucket')}`)),
      tallies: nonZero(await b.db.dataSource.query(`SELECT * FROM ${b.db.table('bd_order_tally')}`)),
    });
    expect(await read(shuffled!)).toEqual(await read(inOrder!));
    for (const level of ['street', 'member', 'department'] as const) {
      const ask = (b: Awaited<ReturnType<typeof boardsHandlers>>) =>
        b.module
          .get(QueryBus)
          .execute(
            new RatesQuery({ level, period: PERIOD, sort: 'composite', within: 'everywhere', now: NOW }),
          );
      expect(await ask(shuffled!)).toEqual(await ask(inOrder!));
    }
  });
});

/** Roll-up rows in one order, figures as numbers (PostgreSQL's floats), rows that sum to nothing left out. */
function nonZero(rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const figures = new Set<string>([...RATE_FIGURES, ...TALLY_FIGURES]);
  return rows
    .map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, figures.has(k) ? Number(v) : v])),
    )
    .filter((row) => Object.entries(row).some(([k, v]) => figures.has(k) && v !== 0))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

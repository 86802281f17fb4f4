import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { quoteIdent, SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import type { Principal } from '@cogov/security';
import { noFigures, RATE_FIGURES, type RateFigures } from '../orders/domain/order-rollups';
import {
  type BucketRange,
  coverOf,
  figuresOf,
  type Period,
  rank,
  type RateLevel,
  type RateSort,
  type RateStage,
  type RatesRow,
  type RowCounts,
  trackOf,
} from './domain/rates';

export interface RatesTable {
  readonly level: RateLevel;
  readonly from: string;
  readonly to: string;
  readonly sort: RateSort;
  readonly rows: RatesRow[];
}

/** Where a caller may look: everywhere, or the orders of their streets, communities and compounds. */
export type RatesVisibility =
  | 'everywhere'
  | {
      readonly streetIds: readonly string[];
      readonly communityIds: readonly string[];
      readonly compoundIds: readonly string[];
    };

/** A platform admin sees every order; anyone else those within their scope claims, as `inScope`. */
export function ratesVisibility(caller: Principal): RatesVisibility {
  if (caller.roles.includes('platform-admin')) return 'everywhere';
  return {
    streetIds: [...caller.streets],
    communityIds: [...caller.communities],
    compoundIds: [...caller.compounds],
  };
}

export class RatesQuery extends Query<RatesTable> {
  constructor(
    readonly asked: {
      readonly level: RateLevel;
      readonly period: Period;
      readonly sort: RateSort;
      readonly streetId?: string;
      readonly communityId?: string;
      readonly within: RatesVisibility;
      readonly now: Date;
      /** Count everything from the raw rows, never the roll-ups (a check of the roll-ups). */
      readonly fromRawRows?: boolean;
    },
  ) {
    super();
  }
}

/** Placeholders in the order the statement names its values (SQLite's `?` are positional). */
class Values {
  readonly list: unknown[] = [];
  constructor(private readonly db: SqlDatabase) {}

  add(value: unknown): string {
    this.list.push(value);
    return this.db.param(this.list.length);
  }

  in(values: readonly unknown[]): string {
    return `(${values.map((v) => this.add(v)).join(', ')})`;
  }
}

const q = (alias: string, column: string) => `${alias}.${quoteIdent(column)}`;

/** The row of each level an order (alias `o`, its community `c`) counts in. */
function keyOf(level: RateLevel): string {
  switch (level) {
    case 'street':
      return q('c', 'streetId');
    case 'community':
      return q('o', 'communityId');
    case 'grid':
      return q('o', 'gridId');
    case 'branch':
      return q('o', 'branchId');
    case 'member':
    case 'property-company':
      // Whoever works on it, else whom it was assigned to: a member taking a pooled order works it.
      return (
        `CASE WHEN ${q('o', 'executorKind')} = '${level}' THEN ${q('o', 'executorId')} ` +
        `WHEN ${q('o', 'assigneeKind')} = '${level}' THEN ${q('o', 'assigneeId')} END`
      );
    case 'department':
      return q('o', 'departmentId');
  }
}

/** Whole milliseconds between two ISO times, in the dialect's date arithmetic (SQLite's is in days). */
function millisBetween(db: SqlDatabase, from: string, to: string): string {
  return db.dialect === 'postgres'
    ? `ROUND(EXTRACT(EPOCH FROM (CAST(${to} AS timestamptz) - CAST(${from} AS timestamptz))) * 1000)`
    : `ROUND((julianday(${to}) - julianday(${from})) * 86400000.0)`;
}

type Row = Record<string, string | number | null>;
const n = (value: string | number | null | undefined): number => (value == null ? 0 : Number(value));

/** What one row counted of each stage of its track. */
type ByStage = Partial<Record<RateStage, Row>>;

/**
 * 三率: the rates of every row of a level in a period, each from one `GROUP BY` over the boards'
 * indexed tables (the service levels by due time, the ratings by rating time, the orders by
 * placement); only the groups reach this process. Definitions: docs/rates.md.
 */
@QueryHandler(RatesQuery)
export class RatesHandler implements IQueryHandler<RatesQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ asked }: RatesQuery): Promise<RatesTable> {
    const table = (rows: RatesRow[]): RatesTable => ({
      level: asked.level,
      from: asked.period.from.toISOString(),
      to: asked.period.to.toISOString(),
      sort: asked.sort,
      rows,
    });
    const within = asked.within;
    if (
      within !== 'everywhere' &&
      [within.streetIds, within.communityIds, within.compoundIds].every((l) => l.length === 0)
    ) {
      return table([]);
    }
    // A caller scoped to compounds is counted from the raw rows: the roll-ups know no compounds.
    const rollups = !asked.fromRawRows && (within === 'everywhere' || within.compoundIds.length === 0);
    const cover = coverOf(asked.period, asked.now, rollups);
    const [places, ...parts] = await Promise.all([
      this.places(asked),
      this.buckets(asked, cover.buckets),
      ...cover.raw.map((period) => this.rawFigures({ ...asked, period })),
    ]);
    const sums = new Map<string, RateFigures>();
    for (const part of parts) {
      for (const [id, figures] of part) {
        const sum = sums.get(id) ?? noFigures();
        for (const f of RATE_FIGURES) sum[f] += figures[f];
        sums.set(id, sum);
      }
    }
    const ids = new Set<string>([...sums.keys(), ...places.keys()]);
    const names = await this.namesOf(
      asked.level,
      [...ids].filter((id) => !places.has(id)),
    );
    for (const [id, name] of places) names.set(id, name);
    const rows = [...ids].map((id) => {
      const f = sums.get(id) ?? noFigures();
      const counts: RowCounts = {
        id,
        name: names.get(id) ?? null,
        orders: f.orders,
        acceptDue: f.acceptDue,
        acceptInTime: f.acceptInTime,
        completeDue: f.completeDue,
        resolved: f.resolved,
        ratings: f.ratings,
        satisfied: f.satisfied,
        breaches: { accept: f.breachedAccept, 'on-site': f.breachedOnSite, complete: f.breachedComplete },
        reached: { accept: f.reachedAccept, 'on-site': f.reachedOnSite, complete: f.reachedComplete },
        reachedMs: { accept: f.reachedMsAccept, 'on-site': f.reachedMsOnSite, complete: f.reachedMsComplete },
      };
      return figuresOf(counts);
    });
    return table(rank(rows, asked.sort));
  }

  /**
   * `FROM bd_order o LEFT JOIN bd_community c` (or a roll-up `b` and its community `c`) cut by the
   * filters and the caller's scope.
   */
  private orderFilter(
    values: Values,
    asked: RatesQuery['asked'],
    key = keyOf(asked.level),
    community = q('o', 'communityId'),
  ): string {
    const conditions: string[] = [`${key} IS NOT NULL`];
    if (asked.streetId) conditions.push(`${q('c', 'streetId')} = ${values.add(asked.streetId)}`);
    if (asked.communityId) conditions.push(`${community} = ${values.add(asked.communityId)}`);
    const within = asked.within;
    if (within !== 'everywhere') {
      const visible: string[] = [];
      if (within.streetIds.length > 0)
        visible.push(`${q('c', 'streetId')} IN ${values.in(within.streetIds)}`);
      if (within.communityIds.length > 0) {
        visible.push(`${community} IN ${values.in(within.communityIds)}`);
      }
      if (within.compoundIds.length > 0)
        visible.push(`${q('o', 'compoundId')} IN ${values.in(within.compoundIds)}`);
      conditions.push(`(${visible.join(' OR ')})`);
    }
    return conditions.join(' AND ');
  }

  /**
   * Each fact's order and its community. The facts (by their period's index) drive the join:
   * SQLite would otherwise walk every order by community to save a sort, and `CROSS JOIN` is how
   * it is told the order of the tables (PostgreSQL plans the join order itself).
   */
  private joinOrders(alias: string): string {
    const join = this.db.dialect === 'sqlite' ? 'CROSS JOIN' : 'JOIN';
    return (
      `${join} ${this.db.table('bd_order')} o ON ${q('o', 'orderId')} = ${q(alias, 'orderId')} ` +
      `LEFT JOIN ${this.db.table('bd_community')} c ON ${q('c', 'communityId')} = ${q('o', 'communityId')}`
    );
  }

  /** The figures of every row in a period, from the raw rows (deadlines, ratings, placements). */
  private async rawFigures(asked: RatesQuery['asked']): Promise<Map<string, RateFigures>> {
    const [serviceLevels, ratings, orders] = await Promise.all([
      this.serviceLevels(asked),
      this.ratings(asked),
      this.orders(asked),
    ]);
    const byRow = new Map<string, RateFigures>();
    const of = (id: string) => {
      let figures = byRow.get(id);
      if (!figures) byRow.set(id, (figures = noFigures()));
      return figures;
    };
    for (const [id, sl] of serviceLevels) {
      const f = of(id);
      f.acceptDue += n(sl.accept?.due);
      f.acceptInTime += n(sl.accept?.in_time);
      f.completeDue += n(sl.complete?.due);
      f.resolved += n(sl.complete?.resolved);
      f.breachedAccept += n(sl.accept?.breached);
      f.breachedOnSite += n(sl['on-site']?.breached);
      f.breachedComplete += n(sl.complete?.breached);
      f.reachedAccept += n(sl.accept?.reached);
      f.reachedOnSite += n(sl['on-site']?.reached);
      f.reachedComplete += n(sl.complete?.reached);
      f.reachedMsAccept += n(sl.accept?.reached_ms);
      f.reachedMsOnSite += n(sl['on-site']?.reached_ms);
      f.reachedMsComplete += n(sl.complete?.reached_ms);
    }
    for (const [id, rated] of ratings) {
      const f = of(id);
      f.ratings += n(rated.ratings);
      f.satisfied += n(rated.satisfied);
    }
    for (const [id, count] of orders) of(id).orders += count;
    return byRow;
  }

  /**
   * The figures of every row summed over the roll-ups' days and months (order-rollups.ts). A
   * street's row is the sum of its communities'. One statement per range, each a range of the
   * roll-ups' primary key (level, span, start): an `OR` of ranges made SQLite scan the level.
   */
  private async buckets(
    asked: RatesQuery['asked'],
    ranges: readonly BucketRange[],
  ): Promise<Map<string, RateFigures>> {
    const parts = await Promise.all(ranges.map((range) => this.bucketRange(asked, range)));
    const sums = new Map<string, RateFigures>();
    for (const part of parts) {
      for (const [id, row] of part) {
        const sum = sums.get(id) ?? noFigures();
        for (const f of RATE_FIGURES) sum[f] += n(row[f]);
        sums.set(id, sum);
      }
    }
    return sums;
  }

  private bucketRange(asked: RatesQuery['asked'], range: BucketRange): Promise<Map<string, Row>> {
    const v = new Values(this.db);
    const b = (column: string) => q('b', column);
    const key = asked.level === 'street' ? q('c', 'streetId') : b('rowId');
    const level = asked.level === 'street' ? 'community' : asked.level;
    const sums = RATE_FIGURES.map((f) => `SUM(${b(f)}) AS ${quoteIdent(f)}`);
    // SQLite numbers its `?` by position: each value is added as the text reaches it.
    const sql =
      `SELECT ${key} AS row_id, ${sums.join(', ')} FROM ${this.db.table('bd_rate_bucket')} b ` +
      `LEFT JOIN ${this.db.table('bd_community')} c ON ${q('c', 'communityId')} = ${b('communityId')} ` +
      `WHERE ${b('level')} = ${v.add(level)} AND ${b('span')} = ${v.add(range.span)} ` +
      `AND ${b('start')} >= ${v.add(range.from)} AND ${b('start')} < ${v.add(range.to)} ` +
      `AND ${this.orderFilter(v, asked, key, b('communityId'))} GROUP BY ${key} HAVING SUM(${b('entries')}) > 0`;
    return this.grouped(sql, v);
  }

  private async grouped(sql: string, values: Values): Promise<Map<string, Row>> {
    const rows = await this.db.readSource.query<Row[]>(sql, values.list);
    return new Map(rows.map((row) => [String(row.row_id), row]));
  }

  /**
   * Per row and stage: the deadlines of its track due in the period, met in time, completed and
   * never reopened, breached, and the time taken to reach them.
   */
  private async serviceLevels(asked: RatesQuery['asked']): Promise<Map<string, ByStage>> {
    const v = new Values(this.db);
    const s = (column: string) => q('s', column);
    const reached = `${s('reachedAt')} IS NOT NULL`;
    const timed = `${reached} AND ${s('startedAt')} IS NOT NULL`;
    const count = (condition: string, alias: string) =>
      `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${alias}`;
    const figures = [
      // A deadline counts once it has passed, or earlier if it was already met.
      count(`${s('dueAt')} <= ${v.add(asked.now.toISOString())} OR ${reached}`, 'due'),
      count(`${reached} AND ${s('inTime')} = TRUE`, 'in_time'),
      count(`${reached} AND ${this.neverReopened(s('orderId'))}`, 'resolved'),
      count(`${s('breachedAt')} IS NOT NULL`, 'breached'),
      count(timed, 'reached'),
      `SUM(CASE WHEN ${timed} THEN ${millisBetween(this.db, s('startedAt'), s('reachedAt'))} ELSE 0 END) AS reached_ms`,
    ];
    const sql =
      `SELECT ${keyOf(asked.level)} AS row_id, ${s('stage')} AS stage, ${figures.join(', ')} ` +
      `FROM ${this.db.table('bd_service_level')} s ${this.joinOrders('s')} ` +
      `WHERE ${s('track')} = ${v.add(trackOf(asked.level))} ` +
      `AND ${s('dueAt')} >= ${v.add(asked.period.from.toISOString())} AND ${s('dueAt')} < ${v.add(asked.period.to.toISOString())} ` +
      `AND ${this.orderFilter(v, asked)} GROUP BY ${keyOf(asked.level)}, ${s('stage')}`;
    const rows = await this.db.readSource.query<Row[]>(sql, v.list);
    const byRow = new Map<string, ByStage>();
    for (const row of rows) {
      const id = String(row.row_id);
      byRow.set(id, { ...byRow.get(id), [String(row.stage)]: row });
    }
    return byRow;
  }

  /**
   * An order no rating reopened: a probe of the ratings' index per deadline. The raw rows are read
   * for a period's partial days (the rest from the roll-ups), so the probes are few; joining the
   * reopened orders of all time instead cost PostgreSQL a hash of every one of them per table.
   */
  private neverReopened(orderId: string): string {
    return (
      `NOT EXISTS (SELECT 1 FROM ${this.db.table('bd_order_rating')} x ` +
      `WHERE ${q('x', 'orderId')} = ${orderId} AND ${q('x', 'reopened')} = TRUE)`
    );
  }

  /** Per row: the ratings given in the period to its orders, and those of 4 or 5. */
  private ratings(asked: RatesQuery['asked']): Promise<Map<string, Row>> {
    const v = new Values(this.db);
    const r = (column: string) => q('r', column);
    const sql =
      `SELECT ${keyOf(asked.level)} AS row_id, COUNT(*) AS ratings, ` +
      `SUM(CASE WHEN ${r('score')} >= 4 THEN 1 ELSE 0 END) AS satisfied ` +
      `FROM ${this.db.table('bd_order_rating')} r ${this.joinOrders('r')} ` +
      `WHERE ${r('ratedAt')} >= ${v.add(asked.period.from.toISOString())} AND ${r('ratedAt')} < ${v.add(asked.period.to.toISOString())} ` +
      `AND ${this.orderFilter(v, asked)} GROUP BY ${keyOf(asked.level)}`;
    return this.grouped(sql, v);
  }

  /** Per row: the orders placed in the period. */
  private async orders(asked: RatesQuery['asked']): Promise<Map<string, number>> {
    const v = new Values(this.db);
    const sql =
      `SELECT ${keyOf(asked.level)} AS row_id, COUNT(*) AS orders ` +
      `FROM ${this.db.table('bd_order')} o ` +
      `LEFT JOIN ${this.db.table('bd_community')} c ON ${q('c', 'communityId')} = ${q('o', 'communityId')} ` +
      `WHERE ${q('o', 'placedAt')} >= ${v.add(asked.period.from.toISOString())} AND ${q('o', 'placedAt')} < ${v.add(asked.period.to.toISOString())} ` +
      `AND ${this.orderFilter(v, asked)} GROUP BY ${keyOf(asked.level)}`;
    const rows = await this.grouped(sql, v);
    return new Map([...rows].map(([id, row]) => [id, n(row.orders)]));
  }

  /**
   * The streets or communities the caller may see (and the filters keep), each a row even when
   * nothing of it was due: a board lists every place it covers. Other levels list who had work.
   * A caller scoped to compounds only sees the rows of their orders, not whole places.
   */
  private async places(asked: RatesQuery['asked']): Promise<Map<string, string>> {
    if (asked.level !== 'street' && asked.level !== 'community') return new Map();
    const v = new Values(this.db);
    const p = (column: string) => q('p', column);
    const streetsOf = (communityIds: string) =>
      `${p('streetId')} IN (SELECT ${quoteIdent('streetId')} FROM ${this.db.table('bd_community')} ` +
      `WHERE ${quoteIdent('communityId')} IN ${communityIds})`;
    const conditions: string[] = [];
    if (asked.streetId) conditions.push(`${p('streetId')} = ${v.add(asked.streetId)}`);
    if (asked.communityId) {
      conditions.push(
        asked.level === 'community'
          ? `${p('communityId')} = ${v.add(asked.communityId)}`
          : streetsOf(v.in([asked.communityId])),
      );
    }
    const within = asked.within;
    if (within !== 'everywhere') {
      const visible: string[] = [];
      if (within.streetIds.length > 0) visible.push(`${p('streetId')} IN ${v.in(within.streetIds)}`);
      if (within.communityIds.length > 0) {
        visible.push(
          asked.level === 'community'
            ? `${p('communityId')} IN ${v.in(within.communityIds)}`
            : streetsOf(v.in(within.communityIds)),
        );
      }
      if (visible.length === 0) return new Map();
      conditions.push(`(${visible.join(' OR ')})`);
    }
    const [tableName, key] =
      asked.level === 'street' ? ['bd_street', 'streetId'] : ['bd_community', 'communityId'];
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    const rows = await this.db.readSource.query<Row[]>(
      `SELECT ${p(key)} AS row_id, ${p('name')} AS name FROM ${this.db.table(tableName)} p${where}`,
      v.list,
    );
    return new Map(rows.map((row) => [String(row.row_id), String(row.name)]));
  }

  /** The names the boards know of the rows' places (streets, communities); other levels have none. */
  private async namesOf(level: RateLevel, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0 || (level !== 'street' && level !== 'community')) return new Map();
    const v = new Values(this.db);
    const [tableName, key] = level === 'street' ? ['bd_street', 'streetId'] : ['bd_community', 'communityId'];
    const rows = await this.db.readSource.query<Row[]>(
      `SELECT ${quoteIdent(key)} AS row_id, ${quoteIdent('name')} AS name FROM ${this.db.table(tableName)} WHERE ${quoteIdent(key)} IN ${v.in(ids)}`,
      v.list,
    );
    return new Map(rows.map((row) => [String(row.row_id), String(row.name)]));
  }
}

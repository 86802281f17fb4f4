/**
 * The three rates (三率: 响应率, 解决率, 满意率) and their ranking, as arithmetic on counts the
 * boards read from their tables (docs/rates.md defines every figure and its source). Pure: no
 * framework, no database, the time passed in.
 */

/** The rows a table of rates is cut by. */
export const RATE_LEVELS = [
  'street',
  'community',
  'grid',
  'branch',
  'member',
  'property-company',
  'department',
] as const;
export type RateLevel = (typeof RATE_LEVELS)[number];

/** What a table is ranked by: the composite (mean of the rates defined), or one rate. */
export const RATE_SORTS = ['composite', 'response', 'resolution', 'satisfaction'] as const;
export type RateSort = (typeof RATE_SORTS)[number];

export const RATE_FORMATS = ['json', 'csv'] as const;
export type RateFormat = (typeof RATE_FORMATS)[number];

/** The stages of the three ones, as a row names them. */
export const RATE_STAGES = ['accept', 'on-site', 'complete'] as const;
export type RateStage = (typeof RATE_STAGES)[number];

/** Whose clock a level is measured by: a department by its own, everyone else by the community's. */
export const trackOf = (level: RateLevel): 'community' | 'department' =>
  level === 'department' ? 'department' : 'community';

/** A day (its start, UTC) or a time with its zone: what `from` and `to` accept. */
export const PERIOD_BOUND_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}(T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,3})?)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d))?$';
const PERIOD_BOUND = new RegExp(PERIOD_BOUND_PATTERN);

export const DEFAULT_PERIOD_MS = 30 * 86_400_000;

export interface Period {
  readonly from: Date;
  readonly to: Date;
}

/** A parameter that makes no sense, named as a 400's `details` name it. */
export interface PeriodProblem {
  readonly field: 'from' | 'to';
  readonly problems: string[];
}

/** A bound as the caller wrote it, or null when it is no real day or time (a 31 February). */
function boundOf(text: string): Date | null {
  if (!PERIOD_BOUND.test(text)) return null;
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  const at = new Date(text.length === 10 ? `${text}T00:00:00.000Z` : text);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * The period `[from, to)`: `to` defaults to now, `from` to 30 days before `to`. A bound that is
 * no real day or time, or a `from` not before `to`, is a problem naming the parameter.
 */
export function periodOf(
  asked: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Period | PeriodProblem[] {
  const to = asked.to === undefined ? now : boundOf(asked.to);
  const problems: PeriodProblem[] = [];
  if (to === null) problems.push({ field: 'to', problems: ['to must be a day (YYYY-MM-DD) or an ISO time'] });
  const from =
    asked.from === undefined ? (to ? new Date(to.getTime() - DEFAULT_PERIOD_MS) : null) : boundOf(asked.from);
  if (asked.from !== undefined && from === null) {
    problems.push({ field: 'from', problems: ['from must be a day (YYYY-MM-DD) or an ISO time'] });
  }
  if (problems.length > 0 || !from || !to) return problems;
  if (from.getTime() >= to.getTime()) return [{ field: 'from', problems: ['from must be before to'] }];
  return { from, to };
}

export const isPeriod = (value: Period | PeriodProblem[]): value is Period => !Array.isArray(value);

/** A part of a whole, or null when there is no whole (nothing was due, nobody rated). */
export const rateOf = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** What the database counted for one row (one street, member, department…) in the period. */
export interface RowCounts {
  readonly id: string;
  readonly name: string | null;
  /** Orders placed in the period that the row is answerable for. */
  readonly orders: number;
  readonly acceptDue: number;
  readonly acceptInTime: number;
  readonly completeDue: number;
  readonly resolved: number;
  readonly ratings: number;
  readonly satisfied: number;
  /** Per stage: deadlines in the period that were breached. */
  readonly breaches: Readonly<Record<RateStage, number>>;
  /** Per stage: the stages reached, and the sum of their times from the clock's start. */
  readonly reached: Readonly<Record<RateStage, number>>;
  readonly reachedMs: Readonly<Record<RateStage, number>>;
}

/** One row of the table, as the API answers it. */
export interface RatesRow {
  readonly rank: number;
  readonly id: string;
  readonly name: string | null;
  readonly orders: number;
  readonly response: { readonly due: number; readonly inTime: number; readonly rate: number | null };
  readonly resolution: { readonly due: number; readonly resolved: number; readonly rate: number | null };
  readonly satisfaction: {
    readonly ratings: number;
    readonly satisfied: number;
    readonly rate: number | null;
  };
  /** The mean of the rates that are defined; null when none is. */
  readonly composite: number | null;
  readonly breaches: { readonly accept: number; readonly onSite: number; readonly complete: number };
  /** Mean milliseconds from the clock's start to each stage reached; null when none was. */
  readonly averageMs: {
    readonly accept: number | null;
    readonly onSite: number | null;
    readonly complete: number | null;
  };
}

const meanMs = (sum: number, count: number): number | null => (count === 0 ? null : Math.round(sum / count));

/** The figures of a row from its counts (its rank is given by {@link rank}). */
export function figuresOf(counts: RowCounts): Omit<RatesRow, 'rank'> {
  const response = rateOf(counts.acceptInTime, counts.acceptDue);
  const resolution = rateOf(counts.resolved, counts.completeDue);
  const satisfaction = rateOf(counts.satisfied, counts.ratings);
  const defined = [response, resolution, satisfaction].filter((r): r is number => r !== null);
  return {
    id: counts.id,
    name: counts.name,
    orders: counts.orders,
    response: { due: counts.acceptDue, inTime: counts.acceptInTime, rate: response },
    resolution: { due: counts.completeDue, resolved: counts.resolved, rate: resolution },
    satisfaction: { ratings: counts.ratings, satisfied: counts.satisfied, rate: satisfaction },
    composite: defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length,
    breaches: {
      accept: counts.breaches.accept,
      onSite: counts.breaches['on-site'],
      complete: counts.breaches.complete,
    },
    averageMs: {
      accept: meanMs(counts.reachedMs.accept, counts.reached.accept),
      onSite: meanMs(counts.reachedMs['on-site'], counts.reached['on-site']),
      complete: meanMs(counts.reachedMs.complete, counts.reached.complete),
    },
  };
}

const sortValue = (row: Omit<RatesRow, 'rank'>, sort: RateSort): number | null =>
  sort === 'composite' ? row.composite : row[sort].rate;

/**
 * The ranking: the higher the sorted rate the better, then the more orders; a row whose rate is
 * not defined comes after every row whose rate is. Rows equal on both share a rank (1, 2, 2, 4);
 * among them the order is by id, so the table is the same on every call.
 */
export function rank(rows: ReadonlyArray<Omit<RatesRow, 'rank'>>, sort: RateSort): RatesRow[] {
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort) }));
  const compare = (a: (typeof keyed)[number], b: (typeof keyed)[number]) =>
    (b.value ?? -1) - (a.value ?? -1) || b.row.orders - a.row.orders;
  const sorted = [...keyed].sort((a, b) => compare(a, b) || (a.row.id < b.row.id ? -1 : 1));
  let previous: (typeof keyed)[number] | undefined;
  let current = 0;
  return sorted.map((entry, index) => {
    if (!previous || compare(previous, entry) !== 0) current = index + 1;
    previous = entry;
    return { rank: current, ...entry.row };
  });
}

/** The columns of the CSV export, in order, and how each reads a row: the JSON's figures, flat. */
export const CSV_COLUMNS: ReadonlyArray<readonly [string, (row: RatesRow) => string | number | null]> = [
  ['rank', (r) => r.rank],
  ['id', (r) => r.id],
  ['name', (r) => r.name],
  ['orders', (r) => r.orders],
  ['responseDue', (r) => r.response.due],
  ['responseInTime', (r) => r.response.inTime],
  ['responseRate', (r) => r.response.rate],
  ['resolutionDue', (r) => r.resolution.due],
  ['resolved', (r) => r.resolution.resolved],
  ['resolutionRate', (r) => r.resolution.rate],
  ['ratings', (r) => r.satisfaction.ratings],
  ['satisfied', (r) => r.satisfaction.satisfied],
  ['satisfactionRate', (r) => r.satisfaction.rate],
  ['composite', (r) => r.composite],
  ['breachesAccept', (r) => r.breaches.accept],
  ['breachesOnSite', (r) => r.breaches.onSite],
  ['breachesComplete', (r) => r.breaches.complete],
  ['averageAcceptMs', (r) => r.averageMs.accept],
  ['averageOnSiteMs', (r) => r.averageMs.onSite],
  ['averageCompleteMs', (r) => r.averageMs.complete],
];

/** The header and the records of the CSV export (an empty cell where the JSON has null). */
export function csvRecords(rows: readonly RatesRow[]): string[][] {
  const cell = (value: string | number | null) => (value === null ? '' : String(value));
  return [
    CSV_COLUMNS.map(([name]) => name),
    ...rows.map((row) => CSV_COLUMNS.map(([, read]) => cell(read(row)))),
  ];
}

const DAY_MS = 86_400_000;
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A range of whole UTC days or months `[from, to)`, by their first days (`YYYY-MM-DD`). */
export interface BucketRange {
  readonly span: 'day' | 'month';
  readonly from: string;
  readonly to: string;
}

/**
 * How a period is read: the whole UTC months and days in it that ended before `now` from the
 * roll-ups, the rest (a partial first or last day, and whatever has not ended: its deadlines may
 * not have passed yet) from the raw rows. Without roll-ups (`rollups` false) all of it is raw.
 */
export function coverOf(
  period: Period,
  now: Date,
  rollups: boolean,
): { readonly raw: Period[]; readonly buckets: BucketRange[] } {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const firstDay = Math.ceil(from / DAY_MS) * DAY_MS;
  const endDay = Math.min(Math.floor(to / DAY_MS), Math.floor(now.getTime() / DAY_MS)) * DAY_MS;
  if (!rollups || firstDay >= endDay) return { raw: [period], buckets: [] };
  const raw: Period[] = [];
  if (from < firstDay) raw.push({ from: period.from, to: new Date(firstDay) });
  if (endDay < to) raw.push({ from: new Date(endDay), to: period.to });
  const monthStart = (ms: number) => {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  };
  const firstMonth =
    monthStart(firstDay) === firstDay ? firstDay : monthStart(monthStart(firstDay) + 32 * DAY_MS);
  const endMonth = monthStart(endDay);
  const buckets: BucketRange[] = [];
  const days = (a: number, b: number) => {
    if (a < b) buckets.push({ span: 'day', from: dayText(a), to: dayText(b) });
  };
  if (firstMonth < endMonth) {
    days(firstDay, firstMonth);
    buckets.push({ span: 'month', from: dayText(firstMonth), to: dayText(endMonth) });
    days(endMonth, endDay);
  } else {
    days(firstDay, endDay);
  }
  return { raw, buckets };
}

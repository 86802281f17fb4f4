import { RATE_LEVELS, type RateLevel, trackOf } from '../../rates/domain/rates';

/**
 * What one order adds to the boards' roll-ups, as a pure function of the rows the boards keep of
 * it: its shares of the rates by day (for each level's row it counts in) and its tally on its
 * compound's board (open by party, or closed by whom and where). A fact about an order changes the
 * roll-ups by `after − before` of this function, so a redelivered fact changes nothing and facts
 * of several publishers may arrive in any order: the sums always equal what the raw rows give.
 * The figures mean what docs/rates.md and the linkage board define; `rates.query.ts` and
 * `linkage.figures.sql.ts` read the raw rows the same way for the parts of a period no roll-up
 * covers.
 */

/** The rows of a rates table a roll-up keeps; a street's row is summed from its communities'. */
export type BucketLevel = Exclude<RateLevel, 'street'>;
export const BUCKET_LEVELS = RATE_LEVELS.filter((l): l is BucketLevel => l !== 'street');

/** The counts a rates row is made of (docs/rates.md), each a sum over orders. */
export const RATE_FIGURES = [
  /** Placements, ratings and deadlines counted: a row with none is no row of the table. */
  'entries',
  'orders',
  'ratings',
  'satisfied',
  'acceptDue',
  'acceptInTime',
  'completeDue',
  'resolved',
  'breachedAccept',
  'breachedOnSite',
  'breachedComplete',
  'reachedAccept',
  'reachedOnSite',
  'reachedComplete',
  'reachedMsAccept',
  'reachedMsOnSite',
  'reachedMsComplete',
] as const;
export type RateFigure = (typeof RATE_FIGURES)[number];
export type RateFigures = Record<RateFigure, number>;

export const TALLY_FIGURES = ['orders', 'overdue', 'escalated'] as const;
export type TallyFigure = (typeof TALLY_FIGURES)[number];
export type TallyFigures = Record<TallyFigure, number>;

/** The columns of `bd_order` the roll-ups read. */
export interface OrderRow {
  readonly communityId: string | null;
  readonly compoundId: string | null;
  readonly gridId: string | null;
  readonly placedAt: string | null;
  readonly branchId: string | null;
  readonly reviewDecision: string | null;
  readonly assignedRound: number | null;
  readonly assigneeKind: string | null;
  readonly assigneeId: string | null;
  readonly whistledAt: string | null;
  readonly departmentId: string | null;
  readonly executorKind: string | null;
  readonly executorId: string | null;
}

export interface ServiceLevelRow {
  readonly track: string;
  readonly stage: string;
  readonly startedAt: string | null;
  readonly dueAt: string | null;
  readonly reachedAt: string | null;
  readonly inTime: boolean | null;
  readonly breachedAt: string | null;
}

export interface RatingRow {
  readonly round: number;
  readonly score: number;
  readonly reopened: boolean;
  readonly ratedAt: string;
}

/** Everything the boards hold of one order; `order` is null until a fact naming its row came. */
export interface OrderSnapshot {
  readonly order: OrderRow | null;
  readonly serviceLevels: readonly ServiceLevelRow[];
  readonly ratings: readonly RatingRow[];
}

export const emptySnapshot: OrderSnapshot = { order: null, serviceLevels: [], ratings: [] };

/** An order's share of one level's row on one UTC day. `communityId` is '' when not yet known. */
export interface RateShare {
  readonly level: BucketLevel;
  readonly rowId: string;
  readonly communityId: string;
  readonly day: string;
  readonly figures: RateFigures;
}

/**
 * An order's line on its compound's board: `open` by the party it waits on (`kind`, '' for the
 * residents' committee), or `closed` by its executor (`kind`, `holder`) on its grid, so the board
 * can tell at read time whether that executor holds a post reaching the grid.
 */
export interface OrderTally {
  readonly compoundId: string;
  readonly facet: 'open' | 'closed';
  readonly kind: string;
  readonly holder: string;
  readonly gridId: string;
  readonly figures: TallyFigures;
}

export const noFigures = (): RateFigures =>
  Object.fromEntries(RATE_FIGURES.map((f) => [f, 0])) as RateFigures;

/** The UTC day of an ISO time, `YYYY-MM-DD`. */
export const dayOf = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

/** The row of a level an order counts in, as `rates.query.ts`'s `keyOf` reads it. */
export function rowOf(level: BucketLevel, o: OrderRow): string | null {
  switch (level) {
    case 'community':
      return o.communityId;
    case 'grid':
      return o.gridId;
    case 'branch':
      return o.branchId;
    case 'member':
    case 'property-company':
      // Whoever works on it, else whom it was assigned to: a member taking a pooled order works it.
      if (o.executorKind === level) return o.executorId;
      return o.assigneeKind === level ? o.assigneeId : null;
    case 'department':
      return o.departmentId;
  }
}

const STAGE_FIGURES: Record<string, { breached: RateFigure; reached: RateFigure; reachedMs: RateFigure }> = {
  accept: { breached: 'breachedAccept', reached: 'reachedAccept', reachedMs: 'reachedMsAccept' },
  'on-site': { breached: 'breachedOnSite', reached: 'reachedOnSite', reachedMs: 'reachedMsOnSite' },
  complete: { breached: 'breachedComplete', reached: 'reachedComplete', reachedMs: 'reachedMsComplete' },
};

/**
 * The order's shares of every level's row, by day: placed on its placement's day, each deadline
 * of the level's track on its due day, each rating on its day. A deadline in a roll-up counts as
 * due: the roll-up is read only for days that ended before the table's `now`.
 */
export function rateShares(snapshot: OrderSnapshot): RateShare[] {
  const o = snapshot.order;
  if (!o) return [];
  const reopened = snapshot.ratings.some((r) => r.reopened);
  const shares: RateShare[] = [];
  for (const level of BUCKET_LEVELS) {
    const rowId = rowOf(level, o);
    if (rowId === null) continue;
    const byDay = new Map<string, RateFigures>();
    const on = (day: string) => {
      let figures = byDay.get(day);
      if (!figures) byDay.set(day, (figures = noFigures()));
      figures.entries += 1;
      return figures;
    };
    if (o.placedAt !== null) on(dayOf(o.placedAt)).orders += 1;
    for (const rating of snapshot.ratings) {
      const figures = on(dayOf(rating.ratedAt));
      figures.ratings += 1;
      if (rating.score >= 4) figures.satisfied += 1;
    }
    for (const sl of snapshot.serviceLevels) {
      const stage = STAGE_FIGURES[sl.stage];
      if (sl.track !== trackOf(level) || sl.dueAt === null || !stage) continue;
      const figures = on(dayOf(sl.dueAt));
      const reached = sl.reachedAt !== null;
      if (sl.stage === 'accept') {
        figures.acceptDue += 1;
        if (reached && sl.inTime === true) figures.acceptInTime += 1;
      }
      if (sl.stage === 'complete') {
        figures.completeDue += 1;
        if (reached && !reopened) figures.resolved += 1;
      }
      if (sl.breachedAt !== null) figures[stage.breached] += 1;
      if (reached && sl.startedAt !== null) {
        figures[stage.reached] += 1;
        figures[stage.reachedMs] += Date.parse(sl.reachedAt) - Date.parse(sl.startedAt);
      }
    }
    for (const [day, figures] of byDay) {
      shares.push({ level, rowId, communityId: o.communityId ?? '', day, figures });
    }
  }
  return shares;
}

/**
 * The order's line on its compound's board. Closed: a rating did not reopen it (the chain ended).
 * Open: placed, not rejected or merged by the branch, not closed; it waits on the current round's
 * assignee, unless a rating reopened it after that round's dispatch (then on the dispatcher).
 * Overdue: any stage of any track was breached.
 */
export function orderTally(snapshot: OrderSnapshot): OrderTally | null {
  const o = snapshot.order;
  if (!o || o.compoundId === null) return null;
  if (snapshot.ratings.some((r) => !r.reopened)) {
    return {
      compoundId: o.compoundId,
      facet: 'closed',
      kind: o.executorKind ?? '',
      holder: o.executorId ?? '',
      gridId: o.gridId ?? '',
      figures: { orders: 1, overdue: 0, escalated: o.whistledAt !== null ? 1 : 0 },
    };
  }
  if (o.placedAt === null || o.reviewDecision === 'reject' || o.reviewDecision === 'merge') return null;
  const reopenings = snapshot.ratings.filter((r) => r.reopened).map((r) => r.round);
  const lastReopened = reopenings.length === 0 ? null : Math.max(...reopenings);
  const waitsOnDispatcher = lastReopened !== null && lastReopened >= (o.assignedRound ?? 0);
  return {
    compoundId: o.compoundId,
    facet: 'open',
    kind: waitsOnDispatcher ? '' : (o.assigneeKind ?? ''),
    holder: '',
    gridId: '',
    figures: {
      orders: 1,
      overdue: snapshot.serviceLevels.some((sl) => sl.breachedAt !== null) ? 1 : 0,
      escalated: 0,
    },
  };
}

/** The first day of a day's UTC month. */
export const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;

export type BucketSpan = 'day' | 'month';

export interface BucketDelta {
  readonly level: BucketLevel;
  readonly rowId: string;
  readonly communityId: string;
  readonly span: BucketSpan;
  readonly start: string;
  readonly figures: RateFigures;
}

export interface TallyDelta extends Omit<OrderTally, 'figures'> {
  readonly figures: TallyFigures;
}

export interface RollupDelta {
  readonly buckets: BucketDelta[];
  readonly tallies: TallyDelta[];
}

/**
 * What the roll-ups must change by when orders went from `before` to `after`: each share in a day
 * and in its month, each tally line, the difference summed per key, the keys that did not change
 * left out, sorted by key (two PostgreSQL transactions then lock shared rows in the same order).
 */
export function rollupDelta(
  changes: ReadonlyArray<{ readonly before: OrderSnapshot; readonly after: OrderSnapshot }>,
): RollupDelta {
  const buckets = new Map<string, BucketDelta>();
  const addShare = (share: RateShare, sign: 1 | -1) => {
    for (const [span, start] of [
      ['day', share.day],
      ['month', monthOf(share.day)],
    ] as const) {
      const key = [share.level, share.rowId, share.communityId, span, start].join('\u0000');
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = {
          level: share.level,
          rowId: share.rowId,
          communityId: share.communityId,
          span,
          start,
          figures: noFigures(),
        };
        buckets.set(key, bucket);
      }
      for (const f of RATE_FIGURES) bucket.figures[f] += sign * share.figures[f];
    }
  };
  const tallies = new Map<string, TallyDelta>();
  const addTally = (tally: OrderTally | null, sign: 1 | -1) => {
    if (!tally) return;
    const key = [tally.compoundId, tally.facet, tally.kind, tally.holder, tally.gridId].join('\u0000');
    let line = tallies.get(key);
    if (!line) {
      line = { ...tally, figures: { orders: 0, overdue: 0, escalated: 0 } };
      tallies.set(key, line);
    }
    for (const f of TALLY_FIGURES) line.figures[f] += sign * tally.figures[f];
  };
  for (const { before, after } of changes) {
    for (const share of rateShares(before)) addShare(share, -1);
    for (const share of rateShares(after)) addShare(share, 1);
    addTally(orderTally(before), -1);
    addTally(orderTally(after), 1);
  }
  const changed = <T extends { figures: Record<string, number> }>(map: Map<string, T>) =>
    [...map]
      .filter(([, d]) => Object.values(d.figures).some((v) => v !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, d]) => d);
  return { buckets: changed(buckets), tallies: changed(tallies) };
}

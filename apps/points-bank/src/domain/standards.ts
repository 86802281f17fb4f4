import { InvalidInput, RuleViolation, type Decider } from '@cogov/decider';
import { VOLUNTEER_ACTIVITY_KINDS, type VolunteerActivityKind } from '@cogov/contracts';
import { isDay } from './china-calendar';

/** The priorities a branch's review gives an order (party-organization.order-reviewed v1). */
export const ORDER_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type OrderPriority = (typeof ORDER_PRIORITIES)[number];

export interface OrderPoints {
  /** An order category as the residents' committee publishes it (`repair`, `elderly-care` …). */
  readonly category: string;
  readonly priority: OrderPriority;
  readonly points: number;
}

/**
 * A points standard (积分标准) of a street, one version of it: what a completed order, an hour of
 * volunteering and each kind of activity earn from `effectiveFrom` (China's calendar) on. The
 * same `standardId` and `version` in two streets is the same standard: deposits are then
 * redeemed across them (通存通兑).
 */
export interface PointsStandard {
  readonly standardId: string;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly orders: readonly OrderPoints[];
  readonly perVolunteerHour: number;
  readonly perActivityKind: Readonly<Partial<Record<VolunteerActivityKind, number>>>;
  /** Added to an order's points when the resident rated it 5. */
  readonly ratingFiveBonus: number;
}

export interface StandardRef {
  readonly standardId: string;
  readonly version: number;
}

export type StreetStandardsCommand = {
  type: 'PublishStandard';
  data: { streetId: string; standard: PointsStandard; publishedBy: string; now: string };
};

export type StreetStandardsEvent = {
  type: 'StandardPublished';
  data: { streetId: string; standard: PointsStandard; publishedBy: string; publishedAt: string };
};

export interface StreetStandards {
  readonly streetId: string | null;
  /** In the order published. */
  readonly standards: readonly PointsStandard[];
}

const initialState = (): StreetStandards => ({ streetId: null, standards: [] });

const isPoints = (n: number) => Number.isInteger(n) && n >= 0 && n <= 100_000;

function checkStandard(s: PointsStandard): void {
  if (!s.standardId.trim()) throw new InvalidInput('a standard needs a standardId', { field: 'standardId' });
  if (!Number.isInteger(s.version) || s.version < 1) {
    throw new InvalidInput('a standard’s version is a whole number from 1', { field: 'version' });
  }
  if (!isDay(s.effectiveFrom)) {
    throw new InvalidInput(`effectiveFrom ${s.effectiveFrom} is not a day YYYY-MM-DD`, {
      field: 'effectiveFrom',
    });
  }
  const seen = new Set<string>();
  for (const o of s.orders) {
    const key = `${o.category}|${o.priority}`;
    if (seen.has(key)) {
      throw new InvalidInput(`orders of category ${o.category} and priority ${o.priority} are priced twice`, {
        field: 'orders',
      });
    }
    seen.add(key);
    if (!isPoints(o.points))
      throw new InvalidInput('order points are whole numbers ≥ 0', { field: 'orders' });
  }
  for (const [kind, points] of Object.entries(s.perActivityKind)) {
    if (!(VOLUNTEER_ACTIVITY_KINDS as readonly string[]).includes(kind)) {
      throw new InvalidInput(`${kind} is not a volunteer activity kind`, { field: 'perActivityKind' });
    }
    if (!isPoints(points ?? -1)) {
      throw new InvalidInput('activity points are whole numbers ≥ 0', { field: 'perActivityKind' });
    }
  }
  if (!isPoints(s.perVolunteerHour) || !isPoints(s.ratingFiveBonus)) {
    throw new InvalidInput('points are whole numbers ≥ 0', { field: 'perVolunteerHour' });
  }
}

function decide(command: StreetStandardsCommand, state: StreetStandards): StreetStandardsEvent[] {
  const { streetId, standard, publishedBy, now } = command.data;
  checkStandard(standard);
  const sameId = state.standards.filter((s) => s.standardId === standard.standardId);
  const latest = sameId.reduce<PointsStandard | null>((a, s) => (a && a.version > s.version ? a : s), null);
  if (latest && standard.version <= latest.version) {
    throw new RuleViolation(
      `standard ${standard.standardId} is at version ${latest.version} in this street: a new version must be higher`,
      { standardId: standard.standardId, latestVersion: latest.version },
    );
  }
  if (latest && standard.effectiveFrom < latest.effectiveFrom) {
    throw new RuleViolation(
      `version ${standard.version} cannot take effect before version ${latest.version} (${latest.effectiveFrom})`,
      { standardId: standard.standardId, effectiveFrom: latest.effectiveFrom },
    );
  }
  const sameDay = state.standards.find((s) => s.effectiveFrom === standard.effectiveFrom);
  if (sameDay) {
    throw new RuleViolation(
      `standard ${sameDay.standardId} v${sameDay.version} already takes effect on ${standard.effectiveFrom} in this street`,
      { effectiveFrom: standard.effectiveFrom },
    );
  }
  return [{ type: 'StandardPublished', data: { streetId, standard, publishedBy, publishedAt: now } }];
}

function evolve(state: StreetStandards, event: StreetStandardsEvent): StreetStandards {
  switch (event.type) {
    case 'StandardPublished':
      return { streetId: event.data.streetId, standards: [...state.standards, event.data.standard] };
  }
}

/** The street's points standards, each version published once, in force from its day. */
export const streetStandardsDecider: Decider<StreetStandardsCommand, StreetStandards, StreetStandardsEvent> =
  {
    initialState,
    decide,
    evolve,
  };

/** The standard in force on `day`: the latest `effectiveFrom` ≤ that day; none before the first. */
export function standardInForce(state: StreetStandards, day: string): PointsStandard | null {
  let found: PointsStandard | null = null;
  for (const s of state.standards) {
    if (s.effectiveFrom <= day && (!found || s.effectiveFrom > found.effectiveFrom)) found = s;
  }
  return found;
}

export const refOf = (s: PointsStandard | null): StandardRef | null =>
  s ? { standardId: s.standardId, version: s.version } : null;

export const sameStandard = (a: StandardRef | null, b: StandardRef | null): boolean =>
  a !== null && b !== null && a.standardId === b.standardId && a.version === b.version;

/**
 * What a closed order earns its executor under a standard: its category and priority's points,
 * and the bonus for a 5. Null when the standard does not price that category and priority.
 */
export function orderPoints(
  standard: PointsStandard,
  order: { category: string; priority: OrderPriority; score: number },
): number | null {
  const priced = standard.orders.find((o) => o.category === order.category && o.priority === order.priority);
  if (!priced) return null;
  return priced.points + (order.score === 5 ? standard.ratingFiveBonus : 0);
}

/** What one participant of a volunteer activity earns: hours × per-hour (rounded) and the kind's points. */
export function activityPoints(
  standard: PointsStandard,
  activity: { kind: VolunteerActivityKind; hours: number },
): number {
  return (
    Math.round(activity.hours * standard.perVolunteerHour) + (standard.perActivityKind[activity.kind] ?? 0)
  );
}

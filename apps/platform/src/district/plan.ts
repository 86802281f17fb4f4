/**
 * The shape of a district-sized data set, from the seeds' numbers (a street of 10 communities;
 * each community with 3 zones, 14 grids and 120 basic grids, 16 compounds each with its Party
 * branch, 200 Party members), and the life of each order drawn from realistic stage times.
 * Pure and deterministic: the same seed draws the same district.
 */

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DistrictSize {
  readonly communities: number;
  readonly compoundsPerCommunity: number;
  readonly buildingsPerCompound: number;
  readonly zonesPerCommunity: number;
  readonly gridsPerCommunity: number;
  readonly basicGridsPerCommunity: number;
  readonly membersPerCommunity: number;
  readonly residentsPerCommunity: number;
  readonly orders: number;
  readonly days: number;
}

/** 1 street, 10 communities, 160 branches, 2,000 members, 1,200 basic grids, 100,000 orders in a year. */
export const DISTRICT: DistrictSize = {
  communities: 10,
  compoundsPerCommunity: 16,
  buildingsPerCompound: 8,
  zonesPerCommunity: 3,
  gridsPerCommunity: 14,
  basicGridsPerCommunity: 120,
  membersPerCommunity: 200,
  residentsPerCommunity: 300,
  orders: 100_000,
  days: 365,
};

/** Indexes only: the seeder turns them into ids as the API answers them. */
export interface CommunityPlan {
  /** compound → its grid (a grid covers one compound or two). */
  readonly gridOfCompound: readonly number[];
  /** grid → its zone. */
  readonly zoneOfGrid: readonly number[];
  /** Per compound, its buildings grouped into basic grids (a basic grid covers one building or two). */
  readonly basicGridsOfCompound: ReadonlyArray<ReadonlyArray<readonly number[]>>;
}

/**
 * Compounds to grids, grids to zones, buildings to basic grids, each nesting inside its parent
 * (a basic grid's buildings lie in its grid's compounds) and each count exactly as asked.
 */
export function planCommunity(size: DistrictSize): CommunityPlan {
  const { compoundsPerCommunity: compounds, gridsPerCommunity: grids, zonesPerCommunity: zones } = size;
  if (grids > compounds) throw new Error('a grid covers at least one compound: more grids than compounds');
  const gridOfCompound = Array.from({ length: compounds }, (_, c) => (c < grids ? c : c % grids));
  const zoneOfGrid = Array.from({ length: grids }, (_, g) => Math.floor((g * zones) / grids));
  const buildings = compounds * size.buildingsPerCompound;
  const doubles = buildings - size.basicGridsPerCommunity;
  if (doubles < 0 || doubles > buildings / 2) {
    throw new Error('basic grids must cover one or two buildings each');
  }
  // The first `doubles` compounds each put two buildings in one basic grid, the rest one each.
  const basicGridsOfCompound = Array.from({ length: compounds }, (_, c) => {
    const groups: number[][] = [];
    const ids = Array.from({ length: size.buildingsPerCompound }, (_, b) => b);
    let pairsLeft = Math.floor(doubles / compounds) + (c < doubles % compounds ? 1 : 0);
    while (ids.length > 0) {
      const take = pairsLeft > 0 && ids.length >= 2 ? 2 : 1;
      if (take === 2) pairsLeft -= 1;
      groups.push(ids.splice(0, take));
    }
    return groups;
  });
  return { gridOfCompound, zoneOfGrid, basicGridsOfCompound };
}

export type Executor = 'branch-pool' | 'member' | 'property-company' | 'building-leader' | 'department';

/** One order's life, as offsets in ms from its placement. Null: the step never happens. */
export interface OrderLife {
  readonly placedAt: number;
  readonly community: number;
  readonly resident: number;
  readonly category: string;
  /** Answered first by staff (受理), before the branch's review. */
  readonly acknowledgeAfter: number | null;
  readonly reviewAfter: number;
  readonly decision: 'approve' | 'reject';
  readonly priority: 'low' | 'normal' | 'high' | 'urgent';
  readonly executor: Executor;
  readonly dispatchAfter: number;
  readonly acceptAfter: number;
  readonly arriveAfter: number;
  readonly completeAfter: number;
  /** Null: never rated. */
  readonly rateAfter: number | null;
  readonly score: number;
  /** A low score reopens the order; its second round ends well, this long after the rating. */
  readonly secondRound: { readonly completeAfter: number; readonly rateAfter: number } | null;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const CATEGORIES = ['repair', 'elderly-care', 'neighbour-dispute', 'environment', 'safety', 'other'];

/**
 * Orders spread over `days` before `end`, in placement order. Most meet the three ones (accept in
 * a minute, on site in an hour, done in a day); some are answered late, arrive late or finish late;
 * one in twenty is rejected; a few are whistled to a department when `departments` is true.
 */
export function drawOrders(
  size: DistrictSize,
  end: number,
  random: () => number,
  options: { departments: boolean },
): OrderLife[] {
  const span = size.days * 24 * HOUR;
  const start = end - span;
  const between = (low: number, high: number) => low + random() * (high - low);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const placements = Array.from(
    { length: size.orders },
    () => start + random() * (span - 3 * 24 * HOUR),
  ).sort((a, b) => a - b);
  return placements.map((placedAt) => {
    const late = random();
    const acknowledged = random() < 0.1;
    const reviewAfter =
      late < 0.05
        ? between(2 * MIN, 10 * MIN)
        : acknowledged
          ? between(5 * MIN, 30 * MIN)
          : between(10_000, 55_000);
    const roll = random();
    const executor: Executor =
      options.departments && roll < 0.03
        ? 'department'
        : roll < 0.55
          ? 'branch-pool'
          : roll < 0.7
            ? 'member'
            : roll < 0.88
              ? 'property-company'
              : 'building-leader';
    const dispatchAfter = reviewAfter + between(MIN, 5 * MIN);
    const acceptAfter = dispatchAfter + between(MIN, 10 * MIN);
    const arriveAfter =
      random() < 0.1 ? between(HOUR + 5 * MIN, 3 * HOUR) : between(acceptAfter + MIN, 55 * MIN);
    const completeAfter =
      random() < 0.07 ? between(25 * HOUR, 40 * HOUR) : between(arriveAfter + 30 * MIN, 20 * HOUR);
    const rated = random() < 0.85;
    const scoreRoll = random();
    const score =
      scoreRoll < 0.6 ? 5 : scoreRoll < 0.85 ? 4 : scoreRoll < 0.93 ? 3 : scoreRoll < 0.97 ? 2 : 1;
    const rateAfter = rated ? completeAfter + between(HOUR, 48 * HOUR) : null;
    return {
      placedAt: Math.round(placedAt),
      community: Math.floor(random() * size.communities),
      resident: Math.floor(random() * size.residentsPerCommunity),
      category: pick(CATEGORIES),
      acknowledgeAfter: acknowledged ? between(5_000, 50_000) : null,
      reviewAfter,
      decision: random() < 0.05 ? 'reject' : 'approve',
      priority: pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const),
      executor,
      dispatchAfter,
      acceptAfter,
      arriveAfter,
      completeAfter,
      rateAfter,
      score,
      secondRound:
        rated && score <= 2
          ? { completeAfter: between(4 * HOUR, 20 * HOUR), rateAfter: between(HOUR, 24 * HOUR) }
          : null,
    };
  });
}

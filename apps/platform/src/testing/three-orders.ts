/**
 * What the boards must show after the three orders of issue 12's done-when tests (embedded and
 * across processes): one in time, one late to accept and on site, one whistled to a department.
 */
export type RateRow = {
  id: string;
  orders: number;
  response: { due: number; inTime: number; rate: number | null };
  resolution: { due: number; resolved: number; rate: number | null };
  satisfaction: { ratings: number; satisfied: number; rate: number | null };
  breaches: { accept: number; onSite: number; complete: number };
};

/** The community's row: three orders, two answered in time, all resolved and rated well. */
export const communityRates = (communityId: string) => ({
  id: communityId,
  orders: 3,
  response: { due: 3, inTime: 2, rate: 2 / 3 },
  resolution: { due: 3, resolved: 3, rate: 1 },
  satisfaction: { ratings: 3, satisfied: 3, rate: 1 },
  breaches: { accept: 1, onSite: 1, complete: 0 },
});

/** The department's row, on its own deadlines: reported in, arrived and completed in time. */
export const departmentRates = (departmentId: string) => ({
  id: departmentId,
  orders: 1,
  response: { due: 1, inTime: 1, rate: 1 },
  breaches: { accept: 0, onSite: 0, complete: 0 },
});

/** 小事不出网格、大事不出社区: two settled in the community, one escalated. */
export const SETTLEMENT = { closed: 3, withinGrid: 0, withinCommunity: 2, escalated: 1 };

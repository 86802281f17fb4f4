/**
 * The arithmetic of the linkage boards (六方联动), pure: which party an open order waits on, a
 * company's red-property status from its rules, and how the closed orders were settled.
 */

/** The party of the six (or a department) that an open order is with now. */
export const ORDER_PARTIES = [
  'party-organization',
  'property-company',
  'building-leaders',
  'service-station',
  'department',
  'residents-committee',
] as const;
export type OrderParty = (typeof ORDER_PARTIES)[number];

/**
 * Whom the current round was given to, as a party: a Party member or a branch's member pool is the
 * Party organization's; a volunteer team is the service station's (it organises them); a
 * department was whistled in (吹哨); an order given to nobody yet waits on the residents'
 * committee, which dispatches (so does one a rating reopened, until it is dispatched again).
 */
export function partyOfAssignee(assigneeKind: string | null): OrderParty {
  switch (assigneeKind) {
    case 'member':
    case 'branch-pool':
      return 'party-organization';
    case 'property-company':
      return 'property-company';
    case 'building-leader':
      return 'building-leaders';
    case 'volunteer-team':
      return 'service-station';
    case 'department':
      return 'department';
    case null:
      return 'residents-committee';
    default:
      throw new Error(`an order was assigned to a kind the boards do not know: ${assigneeKind}`);
  }
}

export type OpenByParty = Record<OrderParty, number>;

export function noOrders(): OpenByParty {
  return Object.fromEntries(ORDER_PARTIES.map((p) => [p, 0])) as OpenByParty;
}

/** Counts by assignee kind, as SQL groups them, summed by party. */
export function openByParty(
  counts: ReadonlyArray<{ assigneeKind: string | null; orders: number }>,
): OpenByParty {
  const byParty = noOrders();
  for (const { assigneeKind, orders } of counts) byParty[partyOfAssignee(assigneeKind)] += orders;
  return byParty;
}

export type RedPropertyStatus = 'met' | 'not-met' | 'unknown';

/**
 * 红色物业: a company meets the rules when both were assessed and neither is `not-met`
 * (`not-applicable`: a small company the rule does not bind); a rule not assessed yet leaves it
 * unknown, unless the other is already not met.
 */
export function redPropertyStatus(rules: ReadonlyArray<{ rule: string; status: string }>): RedPropertyStatus {
  if (rules.some((r) => r.status === 'not-met')) return 'not-met';
  const assessed = new Set(rules.map((r) => r.rule));
  return assessed.has('party-organization') && assessed.has('party-members') ? 'met' : 'unknown';
}

export interface Settlement {
  /** Orders closed: rated, and the rating did not reopen them. */
  readonly closed: number;
  /** 小事不出网格: closed by whoever holds a post on the order's grid (or one over or under it). */
  readonly withinGrid: number;
  /** 大事不出社区: closed in the community without a whistle, by someone without such a post. */
  readonly withinCommunity: number;
  /** Whistled (吹哨) to a department at some round. */
  readonly escalated: number;
  /** Each count over `closed`, 0–1; null when nothing was closed. */
  readonly shares: {
    readonly withinGrid: number | null;
    readonly withinCommunity: number | null;
    readonly escalated: number | null;
  };
}

export function settlement(closed: number, withinGrid: number, escalated: number): Settlement {
  const withinCommunity = closed - withinGrid - escalated;
  if (withinCommunity < 0) {
    throw new Error(`settled orders do not add up: ${withinGrid} + ${escalated} of ${closed}`);
  }
  const share = (n: number) => (closed === 0 ? null : Math.round((n / closed) * 10_000) / 10_000);
  return {
    closed,
    withinGrid,
    withinCommunity,
    escalated,
    shares: {
      withinGrid: share(withinGrid),
      withinCommunity: share(withinCommunity),
      escalated: share(escalated),
    },
  };
}

/** Sums settlements of several compounds (a community, a street): shares of the sums, not means. */
export function addSettlements(parts: readonly Settlement[]): Settlement {
  const sum = (f: (s: Settlement) => number) => parts.reduce((n, s) => n + f(s), 0);
  return settlement(
    sum((s) => s.closed),
    sum((s) => s.withinGrid),
    sum((s) => s.escalated),
  );
}

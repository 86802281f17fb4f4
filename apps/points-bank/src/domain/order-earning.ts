import { dayInChina } from './china-calendar';
import {
  orderPoints,
  refOf,
  standardInForce,
  type OrderPriority,
  type StandardRef,
  type StreetStandards,
} from './standards';

/** What the points bank has heard of one order, from four publishers, in whatever order. */
export interface OrderHeard {
  readonly orderId: string;
  readonly placement: { readonly communityId: string; readonly category: string } | null;
  readonly priority: OrderPriority | null;
  /** Who completed each round (the executor of its `completed` step). */
  readonly completions: ReadonlyArray<{
    readonly round: number;
    readonly executorKind: string;
    readonly executorId: string;
    readonly completedAt: string;
  }>;
  readonly ratings: ReadonlyArray<{
    readonly round: number;
    readonly score: number;
    readonly reopened: boolean;
  }>;
  /** The street of the order's community: undefined while the community is not known here. */
  readonly streetId: string | null | undefined;
}

/** The executors that are people, and so earn: Party members and building leaders. */
const PERSON_EXECUTORS = ['member', 'building-leader'];

export type OrderEarning =
  | { readonly status: 'waiting'; readonly for: string }
  | { readonly status: 'earns-nothing'; readonly why: string }
  | {
      readonly status: 'earns';
      readonly personId: string;
      readonly communityId: string;
      readonly streetId: string;
      readonly points: number;
      readonly standard: StandardRef;
      readonly completedOn: string;
    };

/**
 * What a closed order earns, and whom: an order closes when a rating does not reopen it; its
 * round's completer, if a person, earns the points of the standard in force on the completion
 * day (China's calendar) in the order's community's street, with the bonus for a 5. A reopened
 * round earns nothing: the points wait until a later round closes.
 */
export function orderEarning(order: OrderHeard, standards: StreetStandards | null): OrderEarning {
  const closing = order.ratings
    .filter((r) => !r.reopened)
    .reduce<OrderHeard['ratings'][number] | null>((a, r) => (a && a.round > r.round ? a : r), null);
  if (!closing) return { status: 'waiting', for: 'a rating that closes the order' };
  const completion = order.completions.find((c) => c.round === closing.round);
  if (!completion) return { status: 'waiting', for: `the completion of round ${closing.round}` };
  if (!PERSON_EXECUTORS.includes(completion.executorKind)) {
    return { status: 'earns-nothing', why: `completed by a ${completion.executorKind}, not a person` };
  }
  if (!order.placement) return { status: 'waiting', for: 'the placement' };
  if (!order.priority) return { status: 'waiting', for: 'the review' };
  if (order.streetId === undefined)
    return { status: 'waiting', for: `community ${order.placement.communityId}` };
  if (order.streetId === null) return { status: 'earns-nothing', why: 'the community lies in no street' };
  const completedOn = dayInChina(completion.completedAt);
  const standard = standards ? standardInForce(standards, completedOn) : null;
  if (!standard)
    return { status: 'waiting', for: `a standard of street ${order.streetId} in force on ${completedOn}` };
  const points = orderPoints(standard, {
    category: order.placement.category,
    priority: order.priority,
    score: closing.score,
  });
  if (points === null) {
    return {
      status: 'earns-nothing',
      why: `standard ${standard.standardId} v${standard.version} prices no ${order.placement.category} order of priority ${order.priority}`,
    };
  }
  return {
    status: 'earns',
    personId: completion.executorId,
    communityId: order.placement.communityId,
    streetId: order.streetId,
    points,
    standard: refOf(standard)!,
    completedOn,
  };
}

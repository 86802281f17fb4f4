import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  RuleViolation,
  assertNever,
} from '@cogov/decider';
import type { CompoundSummary } from './compound';
import type { ResidentSummary } from './resident';

export type OrderCategory =
  'repair' | 'elderly-care' | 'neighbour-dispute' | 'environment' | 'safety' | 'other';
export type OrderChannel = 'app' | 'service-station' | 'hotline' | 'building-leader';
export type ReviewDecision = 'approve' | 'reject' | 'merge' | 'need-info';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type AssigneeKind =
  'member' | 'branch-pool' | 'property-company' | 'volunteer-team' | 'building-leader' | 'department';
export type OrderStage =
  | 'placed'
  | 'approved'
  | 'rejected'
  | 'merged'
  | 'awaiting-info'
  | 'dispatched'
  | 'taken'
  | 'completed'
  | 'reopened'
  | 'closed';

/** A rating at or below this reopens the order: the resident was not served, so the chain runs again. */
export const REOPEN_AT_OR_BELOW = 2;

/** 居民点单: the resident places an order. */
export type PlaceOrder = {
  type: 'PlaceOrder';
  data: {
    orderId: string;
    resident: ResidentSummary;
    compound: CompoundSummary;
    buildingId: string | null;
    category: OrderCategory;
    title: string;
    description: string;
    channel: OrderChannel;
    now: string;
  };
};

/**
 * 支部审单: the branch reviewed the order. The Party organization decided and validated it; this
 * side only records it, so the command carries the decision's own time.
 */
export type RecordBranchReview = {
  type: 'RecordBranchReview';
  data: {
    orderId: string;
    reviewerId: string;
    branchId: string;
    decision: ReviewDecision;
    note: string;
    priority: Priority;
    reason: string | null;
    duplicateOfOrderId: string | null;
    reviewedAt: string;
  };
};

/** 社区派单: a community worker dispatches the order for the current round. */
export type DispatchOrder = {
  type: 'DispatchOrder';
  data: {
    orderId: string;
    dispatcherId: string;
    dispatcherIsWorkerOfCommunity: boolean;
    assigneeKind: AssigneeKind;
    assigneeId: string;
    /** For a member or a branch pool: whether the Party organization has published it. */
    assigneeKnown: boolean;
    now: string;
  };
};

/** 党员接单: a Party member took the order (decided by the Party organization). */
export type RecordOrderTaken = {
  type: 'RecordOrderTaken';
  data: { orderId: string; round: number; memberId: string; takenAt: string };
};

export type RecordOrderCompletion = {
  type: 'RecordOrderCompletion';
  data: {
    orderId: string;
    round: number;
    memberId: string;
    resultNote: string;
    evidence: string[];
    completedAt: string;
  };
};

/** 党群评单: the resident rates the result. */
export type RateOrder = {
  type: 'RateOrder';
  data: { orderId: string; raterId: string; score: number; comment: string; now: string };
};

export type OrderCommand =
  PlaceOrder | RecordBranchReview | DispatchOrder | RecordOrderTaken | RecordOrderCompletion | RateOrder;

export type OrderPlaced = {
  type: 'OrderPlaced';
  data: {
    orderId: string;
    residentId: string;
    communityId: string;
    compoundId: string;
    buildingId: string | null;
    category: OrderCategory;
    title: string;
    description: string;
    channel: OrderChannel;
    placedAt: string;
  };
};

export type BranchReviewRecorded = { type: 'BranchReviewRecorded'; data: RecordBranchReview['data'] };

export type OrderDispatched = {
  type: 'OrderDispatched';
  data: {
    orderId: string;
    round: number;
    dispatcherId: string;
    assigneeKind: AssigneeKind;
    assigneeId: string;
    dispatchedAt: string;
  };
};

export type OrderTakenRecorded = { type: 'OrderTakenRecorded'; data: RecordOrderTaken['data'] };

export type OrderCompletionRecorded = {
  type: 'OrderCompletionRecorded';
  data: RecordOrderCompletion['data'];
};

export type OrderRated = {
  type: 'OrderRated';
  data: {
    orderId: string;
    round: number;
    raterId: string;
    score: number;
    comment: string;
    /** Decided here so that nobody downstream re-implements the threshold. */
    reopensOrder: boolean;
    ratedAt: string;
  };
};

export type OrderReopened = {
  type: 'OrderReopened';
  data: { orderId: string; previousRound: number; round: number; reason: string; reopenedAt: string };
};

export type OrderClosed = { type: 'OrderClosed'; data: { orderId: string; round: number; closedAt: string } };

export type OrderEvent =
  | OrderPlaced
  | BranchReviewRecorded
  | OrderDispatched
  | OrderTakenRecorded
  | OrderCompletionRecorded
  | OrderRated
  | OrderReopened
  | OrderClosed;

/** The five-order chain (五单服务机制) as the residents' committee lives it, round after round. */
export type OrderState =
  | { status: 'absent' }
  | {
      status: 'present';
      orderId: string;
      stage: OrderStage;
      round: number;
      residentId: string;
      communityId: string;
      compoundId: string;
      assignee: { kind: AssigneeKind; id: string } | null;
      takenBy: string | null;
      /**
       * Every fact recorded from the Party organization, so a redelivered one (even rounds later)
       * is recognised as already known rather than refused.
       */
      recorded: {
        reviews: RecordBranchReview['data'][];
        takings: RecordOrderTaken['data'][];
        completions: RecordOrderCompletion['data'][];
      };
    };

type PresentOrder = Extract<OrderState, { status: 'present' }>;

export const initialState = (): OrderState => ({ status: 'absent' });

export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  if (command.type === 'PlaceOrder') return place(command.data, state);
  if (state.status === 'absent') throw new NotFound('order', command.data.orderId);
  switch (command.type) {
    case 'RecordBranchReview':
      return recordReview(command.data, state);
    case 'DispatchOrder':
      return dispatch(command.data, state);
    case 'RecordOrderTaken':
      return recordTaken(command.data, state);
    case 'RecordOrderCompletion':
      return recordCompletion(command.data, state);
    case 'RateOrder':
      return rate(command.data, state);
    default:
      return assertNever(command);
  }
}

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  if (event.type === 'OrderPlaced') {
    const d = event.data;
    return {
      status: 'present',
      orderId: d.orderId,
      stage: 'placed',
      round: 1,
      residentId: d.residentId,
      communityId: d.communityId,
      compoundId: d.compoundId,
      assignee: null,
      takenBy: null,
      recorded: { reviews: [], takings: [], completions: [] },
    };
  }
  if (state.status === 'absent') return state;
  const { recorded } = state;
  switch (event.type) {
    case 'BranchReviewRecorded':
      return {
        ...state,
        stage: REVIEW_STAGE[event.data.decision],
        recorded: { ...recorded, reviews: [...recorded.reviews, event.data] },
      };
    case 'OrderDispatched':
      return {
        ...state,
        stage: 'dispatched',
        assignee: { kind: event.data.assigneeKind, id: event.data.assigneeId },
        takenBy: null,
      };
    case 'OrderTakenRecorded':
      return {
        ...state,
        stage: 'taken',
        takenBy: event.data.memberId,
        recorded: { ...recorded, takings: [...recorded.takings, event.data] },
      };
    case 'OrderCompletionRecorded':
      return {
        ...state,
        stage: 'completed',
        recorded: { ...recorded, completions: [...recorded.completions, event.data] },
      };
    case 'OrderRated':
      // The outcome follows as OrderReopened or OrderClosed; the score itself decides nothing later.
      return state;
    case 'OrderReopened':
      return { ...state, stage: 'reopened', round: event.data.round };
    case 'OrderClosed':
      return { ...state, stage: 'closed' };
    default:
      return assertNever(event);
  }
}

export const orderDecider: Decider<OrderCommand, OrderState, OrderEvent> = { initialState, decide, evolve };

export function orderStage(state: OrderState): OrderStage | null {
  return state.status === 'absent' ? null : state.stage;
}

/** Lets the dispatch handler load the right community before deciding. */
export function communityOfOrder(state: OrderState): string | null {
  return state.status === 'absent' ? null : state.communityId;
}

const REVIEW_STAGE: Record<ReviewDecision, OrderStage> = {
  approve: 'approved',
  reject: 'rejected',
  merge: 'merged',
  'need-info': 'awaiting-info',
};

const REVIEWABLE: readonly OrderStage[] = ['placed', 'awaiting-info'];
const DISPATCHABLE: readonly OrderStage[] = ['approved', 'reopened'];
/** Only these kinds come from the Party organization's directory; the others have no directory yet. */
const PARTY_ASSIGNEES: readonly AssigneeKind[] = ['member', 'branch-pool'];

function place(d: PlaceOrder['data'], state: OrderState): OrderEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(state.stage, 'place', `order ${d.orderId} has already been placed`);
  }
  const { resident, compound } = d;
  if (!resident.exists) throw new NotFound('resident', resident.residentId);
  if (!compound.exists) throw new NotFound('compound', compound.compoundId);
  if (compound.communityId !== resident.communityId) {
    throw new InvalidInput(
      `compound ${compound.compoundId} is not in community ${resident.communityId} of resident ${resident.residentId}`,
      { compoundId: compound.compoundId, communityId: resident.communityId },
    );
  }
  if (d.buildingId !== null && !compound.buildingIds.includes(d.buildingId)) {
    throw new InvalidInput(`building ${d.buildingId} is not in compound ${compound.compoundId}`, {
      buildingId: d.buildingId,
      compoundId: compound.compoundId,
    });
  }
  return [
    {
      type: 'OrderPlaced',
      data: {
        orderId: d.orderId,
        residentId: resident.residentId,
        communityId: resident.communityId,
        compoundId: compound.compoundId,
        buildingId: d.buildingId,
        category: d.category,
        title: d.title,
        description: d.description,
        channel: d.channel,
        placedAt: d.now,
      },
    },
  ];
}

function recordReview(d: RecordBranchReview['data'], state: PresentOrder): OrderEvent[] {
  const review: RecordBranchReview['data'] = {
    orderId: state.orderId,
    reviewerId: d.reviewerId,
    branchId: d.branchId,
    decision: d.decision,
    note: d.note,
    priority: d.priority,
    reason: d.reason,
    duplicateOfOrderId: d.duplicateOfOrderId,
    reviewedAt: d.reviewedAt,
  };
  if (state.recorded.reviews.some((known) => sameFacts(known, review))) return [];
  if (!REVIEWABLE.includes(state.stage)) {
    throw new InvalidTransition(
      state.stage,
      'record a review',
      `the order is ${state.stage}; only a placed order or one awaiting information is reviewed`,
    );
  }
  return [{ type: 'BranchReviewRecorded', data: review }];
}

function dispatch(d: DispatchOrder['data'], state: PresentOrder): OrderEvent[] {
  if (!DISPATCHABLE.includes(state.stage)) {
    throw new InvalidTransition(state.stage, 'dispatch', whyNotDispatchable(state));
  }
  if (!d.dispatcherIsWorkerOfCommunity) {
    throw new RuleViolation(`${d.dispatcherId} is not a worker of community ${state.communityId}`, {
      dispatcherId: d.dispatcherId,
      communityId: state.communityId,
    });
  }
  if (PARTY_ASSIGNEES.includes(d.assigneeKind) && !d.assigneeKnown) {
    const what = d.assigneeKind === 'member' ? 'Party member' : 'Party branch';
    // Published by the Party organization, perhaps a moment ago: not yet, rather than no.
    throw new NotYetKnown(
      what,
      d.assigneeId,
      `${what} ${d.assigneeId} is not known to the residents' committee yet; try again shortly`,
    );
  }
  return [
    {
      type: 'OrderDispatched',
      data: {
        orderId: state.orderId,
        round: state.round,
        dispatcherId: d.dispatcherId,
        assigneeKind: d.assigneeKind,
        assigneeId: d.assigneeId,
        dispatchedAt: d.now,
      },
    },
  ];
}

function recordTaken(d: RecordOrderTaken['data'], state: PresentOrder): OrderEvent[] {
  const taking: RecordOrderTaken['data'] = {
    orderId: state.orderId,
    round: d.round,
    memberId: d.memberId,
    takenAt: d.takenAt,
  };
  if (state.recorded.takings.some((known) => sameFacts(known, taking))) return [];
  if (state.stage !== 'dispatched' || state.round !== d.round) {
    throw new InvalidTransition(
      state.stage,
      'record taking',
      `round ${d.round} of the order is not waiting to be taken (round ${state.round} is ${state.stage})`,
    );
  }
  return [{ type: 'OrderTakenRecorded', data: taking }];
}

function recordCompletion(d: RecordOrderCompletion['data'], state: PresentOrder): OrderEvent[] {
  const completion: RecordOrderCompletion['data'] = {
    orderId: state.orderId,
    round: d.round,
    memberId: d.memberId,
    resultNote: d.resultNote,
    evidence: [...d.evidence],
    completedAt: d.completedAt,
  };
  if (state.recorded.completions.some((known) => sameFacts(known, completion))) return [];
  if (state.stage !== 'taken' || state.round !== d.round) {
    throw new InvalidTransition(
      state.stage,
      'record completion',
      `round ${d.round} of the order has not been taken (round ${state.round} is ${state.stage})`,
    );
  }
  return [{ type: 'OrderCompletionRecorded', data: completion }];
}

function rate(d: RateOrder['data'], state: PresentOrder): OrderEvent[] {
  if (state.stage !== 'completed') {
    const why =
      state.stage === 'closed'
        ? 'the order has already been rated and closed'
        : `the order has not been completed (round ${state.round} is ${state.stage})`;
    throw new InvalidTransition(state.stage, 'rate', why);
  }
  if (d.raterId !== state.residentId) {
    throw new RuleViolation('only the resident who placed the order may rate it', { raterId: d.raterId });
  }
  if (!Number.isInteger(d.score) || d.score < 1 || d.score > 5) {
    throw new InvalidInput('the score must be a whole number from 1 to 5', { score: d.score });
  }
  const reopensOrder = d.score <= REOPEN_AT_OR_BELOW;
  const rated: OrderRated = {
    type: 'OrderRated',
    data: {
      orderId: state.orderId,
      round: state.round,
      raterId: d.raterId,
      score: d.score,
      comment: d.comment,
      reopensOrder,
      ratedAt: d.now,
    },
  };
  if (!reopensOrder) {
    return [
      rated,
      { type: 'OrderClosed', data: { orderId: state.orderId, round: state.round, closedAt: d.now } },
    ];
  }
  return [
    rated,
    {
      type: 'OrderReopened',
      data: {
        orderId: state.orderId,
        previousRound: state.round,
        round: state.round + 1,
        reason: 'low rating',
        reopenedAt: d.now,
      },
    },
  ];
}

function whyNotDispatchable(state: PresentOrder): string {
  switch (state.stage) {
    case 'placed':
    case 'awaiting-info':
      return 'the branch has not approved this order';
    case 'rejected':
      return 'the branch rejected this order';
    case 'merged':
      return 'the order was merged into another order';
    case 'closed':
      return 'the order is closed';
    case 'dispatched':
    case 'taken':
    case 'completed':
      return `the order is already ${state.stage} in round ${state.round}`;
    case 'approved':
    case 'reopened':
      return `the order is ${state.stage}`;
    default:
      return assertNever(state.stage);
  }
}

/** Facts are flat: strings, numbers, null, and arrays of strings (evidence URLs). */
function sameFacts(a: object, b: object): boolean {
  const left = Object.entries(a);
  const right = b as Record<string, unknown>;
  return (
    left.length === Object.keys(right).length && left.every(([key, value]) => sameValue(value, right[key]))
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  return a === b;
}

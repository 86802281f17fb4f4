import { type Decider, InvalidInput, InvalidTransition, NotFound, RuleViolation } from '@cogov/event-sourcing';
import type { CompoundSummary } from './compound';
import type { ResidentSummary } from './resident';

/**
 * The five-order chain (五单服务机制) from the resident's side: 居民点单 place, 支部审单 review
 * (recorded from the Party organization), 社区派单 dispatch, 党员接单 take and complete (recorded),
 * 党群评单 rate. This aggregate owns intake, dispatch and rating, and records every stage.
 */
export type OrderCategory = 'repair' | 'elderly-care' | 'neighbour-dispute' | 'environment' | 'safety' | 'other';
export type OrderChannel = 'app' | 'service-station' | 'hotline' | 'building-leader';
export type ReviewDecision = 'approve' | 'reject' | 'merge' | 'need-info';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type AssigneeKind =
  | 'member'
  | 'branch-pool'
  | 'property-company'
  | 'volunteer-team'
  | 'building-leader'
  | 'department';
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

/** A rating at or below this reopens the order for another round. */
export const REOPEN_AT_OR_BELOW = 2;

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
export type DispatchOrder = {
  type: 'DispatchOrder';
  data: {
    orderId: string;
    dispatcherId: string;
    dispatcherIsWorkerOfCommunity: boolean;
    assigneeKind: AssigneeKind;
    assigneeId: string;
    /** For a member or branch pool: whether the Party organization has published it. */
    assigneeKnown: boolean;
    now: string;
  };
};
export type RecordOrderTaken = {
  type: 'RecordOrderTaken';
  data: { orderId: string; round: number; memberId: string; takenAt: string };
};
export type RecordOrderCompletion = {
  type: 'RecordOrderCompletion';
  data: { orderId: string; round: number; memberId: string; resultNote: string; evidence: string[]; completedAt: string };
};
export type RateOrder = {
  type: 'RateOrder';
  data: { orderId: string; raterId: string; score: number; comment: string; now: string };
};
export type OrderCommand =
  | PlaceOrder
  | RecordBranchReview
  | DispatchOrder
  | RecordOrderTaken
  | RecordOrderCompletion
  | RateOrder;

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
export type OrderCompletionRecorded = { type: 'OrderCompletionRecorded'; data: RecordOrderCompletion['data'] };
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
      lastReview: RecordBranchReview['data'] | null;
      assignee: { kind: AssigneeKind; id: string } | null;
      taken: RecordOrderTaken['data'] | null;
      completion: RecordOrderCompletion['data'] | null;
    };

export const initialState = (): OrderState => ({ status: 'absent' });

const REVIEWABLE: readonly OrderStage[] = ['placed', 'awaiting-info'];
const DISPATCHABLE: readonly OrderStage[] = ['approved', 'reopened'];

export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  if (command.type === 'PlaceOrder') return place(command.data, state);
  if (state.status === 'absent') throw new NotFound('order', command.data.orderId);
  switch (command.type) {
    case 'RecordBranchReview': {
      const d = command.data;
      if (state.lastReview && sameReview(state.lastReview, d)) return [];
      if (!REVIEWABLE.includes(state.stage)) {
        throw new InvalidTransition(state.stage, 'review', `the order is ${state.stage}; only a placed order or one awaiting information is reviewed`);
      }
      return [{ type: 'BranchReviewRecorded', data: d }];
    }
    case 'DispatchOrder': {
      const d = command.data;
      if (!DISPATCHABLE.includes(state.stage)) throw new InvalidTransition(state.stage, 'dispatch', whyNotDispatchable(state.stage));
      if (!d.dispatcherIsWorkerOfCommunity) {
        throw new RuleViolation(`${d.dispatcherId} is not a worker of community ${state.communityId}`, {
          dispatcherId: d.dispatcherId,
          communityId: state.communityId,
        });
      }
      if (!d.assigneeKnown) {
        throw new InvalidInput(`no Party ${d.assigneeKind === 'member' ? 'member' : 'branch'} ${d.assigneeId} is known`, {
          assigneeKind: d.assigneeKind,
          assigneeId: d.assigneeId,
        });
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
    case 'RecordOrderTaken': {
      const d = command.data;
      if (state.taken && state.taken.round === d.round && state.taken.memberId === d.memberId) return [];
      if (state.stage !== 'dispatched' || state.round !== d.round) {
        throw new InvalidTransition(state.stage, 'record taking', `round ${d.round} of the order is not waiting to be taken`);
      }
      return [{ type: 'OrderTakenRecorded', data: d }];
    }
    case 'RecordOrderCompletion': {
      const d = command.data;
      if (state.completion && state.completion.round === d.round && state.completion.memberId === d.memberId) return [];
      if (state.stage !== 'taken' || state.round !== d.round) {
        throw new InvalidTransition(state.stage, 'record completion', `round ${d.round} of the order has not been taken`);
      }
      return [{ type: 'OrderCompletionRecorded', data: d }];
    }
    case 'RateOrder': {
      const d = command.data;
      if (state.stage !== 'completed') {
        throw new InvalidTransition(state.stage, 'rate', `the order has not been completed (it is ${state.stage})`);
      }
      if (d.raterId !== state.residentId) {
        throw new RuleViolation(`only the resident who placed the order may rate it`, { raterId: d.raterId });
      }
      if (!Number.isInteger(d.score) || d.score < 1 || d.score > 5) {
        throw new InvalidInput(`score must be a whole number from 1 to 5`, { score: d.score });
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
      return reopensOrder
        ? [
            rated,
            {
              type: 'OrderReopened',
              data: {
                orderId: state.orderId,
                previousRound: state.round,
                round: state.round + 1,
                reason: `rated ${d.score} of 5`,
                reopenedAt: d.now,
              },
            },
          ]
        : [rated, { type: 'OrderClosed', data: { orderId: state.orderId, round: state.round, closedAt: d.now } }];
    }
  }
}

function place(d: PlaceOrder['data'], state: OrderState): OrderEvent[] {
  if (state.status !== 'absent') throw new InvalidTransition(state.stage, 'place', `order ${d.orderId} already exists`);
  if (!d.resident.exists) throw new NotFound('resident', d.resident.residentId);
  if (!d.compound.exists) throw new NotFound('compound', d.compound.compoundId);
  if (d.compound.communityId !== d.resident.communityId) {
    throw new InvalidInput(`compound ${d.compound.compoundId} is not in the resident's community`, {
      compoundId: d.compound.compoundId,
    });
  }
  if (d.buildingId !== null && !d.compound.buildingIds.includes(d.buildingId)) {
    throw new InvalidInput(`building ${d.buildingId} is not in compound ${d.compound.compoundId}`, {
      buildingId: d.buildingId,
    });
  }
  return [
    {
      type: 'OrderPlaced',
      data: {
        orderId: d.orderId,
        residentId: d.resident.residentId,
        communityId: d.resident.communityId!,
        compoundId: d.compound.compoundId,
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

function whyNotDispatchable(stage: OrderStage): string {
  switch (stage) {
    case 'placed':
    case 'awaiting-info':
      return 'the branch has not approved this order';
    case 'rejected':
    case 'merged':
    case 'closed':
      return `the order is ${stage}`;
    default:
      return `the order is already ${stage} in this round`;
  }
}

function sameReview(a: RecordBranchReview['data'], b: RecordBranchReview['data']): boolean {
  return a.reviewerId === b.reviewerId && a.decision === b.decision && a.reviewedAt === b.reviewedAt;
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
      lastReview: null,
      assignee: null,
      taken: null,
      completion: null,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'BranchReviewRecorded':
      return { ...state, stage: REVIEW_STAGE[event.data.decision], lastReview: event.data };
    case 'OrderDispatched':
      return {
        ...state,
        stage: 'dispatched',
        assignee: { kind: event.data.assigneeKind, id: event.data.assigneeId },
        taken: null,
        completion: null,
      };
    case 'OrderTakenRecorded':
      return { ...state, stage: 'taken', taken: event.data };
    case 'OrderCompletionRecorded':
      return { ...state, stage: 'completed', completion: event.data };
    case 'OrderRated':
      return state;
    case 'OrderReopened':
      return { ...state, stage: 'reopened', round: event.data.round };
    case 'OrderClosed':
      return { ...state, stage: 'closed' };
  }
}

const REVIEW_STAGE: Record<ReviewDecision, OrderStage> = {
  approve: 'approved',
  reject: 'rejected',
  merge: 'merged',
  'need-info': 'awaiting-info',
};

export const orderDecider: Decider<OrderCommand, OrderState, OrderEvent> = { initialState, decide, evolve };

export function orderStage(state: OrderState): OrderStage | null {
  return state.status === 'absent' ? null : state.stage;
}

export function communityOfOrder(state: OrderState): string | null {
  return state.status === 'absent' ? null : state.communityId;
}

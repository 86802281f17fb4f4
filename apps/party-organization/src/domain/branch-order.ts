import type { ExecutorKind } from '@cogov/contracts';
import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  OutOfScope,
  RuleViolation,
  assertNever,
} from '@cogov/decider';

/**
 * The order as the covering branch handles it (五单服务机制: five-order chain). The residents'
 * committee owns placing, dispatching and rating; this aggregate only records those facts, and
 * decides review and taking.
 */

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type ReviewDecision = 'approve' | 'reject' | 'merge' | 'need-info';
/** Whom an order may be dispatched to: the executors of the published order-work language. */
export type AssigneeKind = ExecutorKind;

/** The reviewing member and the compounds their branch covers, as the application layer loaded them. */
export type Reviewer =
  | { exists: false; memberId: string }
  | { exists: true; memberId: string; branchId: string | null; branchCompoundIds: string[] };

export type TakingMember =
  { exists: false; memberId: string } | { exists: true; memberId: string; branchId: string | null };

type OrderPlacement = {
  orderId: string;
  communityId: string;
  compoundId: string;
  buildingId: string | null;
  category: string;
  title: string;
  placedAt: string;
};

type Dispatch = {
  orderId: string;
  round: number;
  assigneeKind: AssigneeKind;
  assigneeId: string;
  dispatcherId: string;
  dispatchedAt: string;
};

type Rating = { orderId: string; round: number; score: number; reopened: boolean; ratedAt: string };

type Review = { reviewerId: string; branchId: string; note: string; priority: Priority; reviewedAt: string };

// Commands

/** Sent for the residents' committee's published OrderPlaced. */
export type OpenBranchOrder = { type: 'OpenBranchOrder'; data: OrderPlacement };

/** 支部审单: branch review. */
export type ReviewOrder = {
  type: 'ReviewOrder';
  data: {
    orderId: string;
    reviewer: Reviewer;
    decision: ReviewDecision;
    note: string;
    priority: Priority;
    /** Required to reject. */
    reason: string | null;
    /** Required to merge: the order this one duplicates, and its community when it exists. */
    duplicateOf:
      null | { orderId: string; exists: false } | { orderId: string; exists: true; communityId: string };
    now: string;
  };
};

/** Sent for the residents' committee's published OrderDispatched (社区派单). */
export type RecordDispatch = { type: 'RecordDispatch'; data: Dispatch };

/** 党员接单: a Party member takes the order. */
export type TakeOrder = {
  type: 'TakeOrder';
  data: { orderId: string; member: TakingMember; now: string };
};

/** The member who took the order is on site (到场). */
export type RecordArrival = {
  type: 'RecordArrival';
  data: { orderId: string; memberId: string; memberExists: boolean; note: string | null; now: string };
};

export type CompleteOrder = {
  type: 'CompleteOrder';
  data: {
    orderId: string;
    memberId: string;
    memberExists: boolean;
    resultNote: string;
    evidence: string[];
    now: string;
  };
};

/** The member gives the order back (退回); it returns to the community for another dispatch. */
export type HandBackOrder = {
  type: 'HandBackOrder';
  data: { orderId: string; memberId: string; memberExists: boolean; reason: string; now: string };
};

/** Sent for the residents' committee's published OrderRated (党群评单). */
export type RecordRating = { type: 'RecordRating'; data: Rating };

export type BranchOrderCommand =
  | OpenBranchOrder
  | ReviewOrder
  | RecordDispatch
  | TakeOrder
  | RecordArrival
  | CompleteOrder
  | HandBackOrder
  | RecordRating;

// Events

type Reviewed = { orderId: string } & Review;

export type BranchOrderOpened = { type: 'BranchOrderOpened'; data: OrderPlacement };
export type OrderApproved = { type: 'OrderApproved'; data: Reviewed };
export type OrderRejected = { type: 'OrderRejected'; data: Reviewed & { reason: string } };
export type OrderMerged = { type: 'OrderMerged'; data: Reviewed & { duplicateOfOrderId: string } };
export type MoreInformationRequested = { type: 'MoreInformationRequested'; data: Reviewed };
export type DispatchRecorded = { type: 'DispatchRecorded'; data: Dispatch };
export type OrderTaken = {
  type: 'OrderTaken';
  data: { orderId: string; round: number; memberId: string; takenAt: string };
};
export type MemberArrived = {
  type: 'MemberArrived';
  data: { orderId: string; round: number; memberId: string; note: string | null; arrivedAt: string };
};
export type OrderHandedBack = {
  type: 'OrderHandedBack';
  data: { orderId: string; round: number; memberId: string; reason: string; handedBackAt: string };
};
export type OrderCompleted = {
  type: 'OrderCompleted';
  data: {
    orderId: string;
    round: number;
    memberId: string;
    resultNote: string;
    evidence: string[];
    completedAt: string;
  };
};
export type RatingRecorded = { type: 'RatingRecorded'; data: Rating };

export type BranchOrderEvent =
  | BranchOrderOpened
  | OrderApproved
  | OrderRejected
  | OrderMerged
  | MoreInformationRequested
  | DispatchRecorded
  | OrderTaken
  | MemberArrived
  | OrderCompleted
  | OrderHandedBack
  | RatingRecorded;

// State

/** What every stage keeps: the placement, the current round and what the other side recorded. */
type History = OrderPlacement & {
  /** Starts at 1; a low rating reopens the order for the next round. */
  round: number;
  review: Review | null;
};

export type BranchOrder =
  | { status: 'absent' }
  | (History & { status: 'open' })
  | (History & { status: 'awaiting-info' | 'approved'; review: Review })
  | (History & { status: 'rejected'; review: Review; reason: string })
  | (History & { status: 'merged'; review: Review; duplicateOfOrderId: string })
  | (History & { status: 'dispatched'; review: Review; dispatch: Dispatch })
  | (History & {
      status: 'taken' | 'arrived';
      review: Review;
      dispatch: Dispatch;
      takenBy: string;
      takenAt: string;
    })
  | (History & {
      status: 'completed';
      review: Review;
      dispatch: Dispatch;
      takenBy: string;
      completedAt: string;
    })
  /** Given back by the member who took it: waits for another dispatch in the same round. */
  | (History & { status: 'handed-back'; review: Review })
  /** Rated and closed for good. */
  | (History & { status: 'closed'; review: Review })
  /** Rated low: waits for the dispatch of `round`. */
  | (History & { status: 'reopened'; review: Review });

export type BranchOrderStage = BranchOrder['status'];

type Present = Exclude<BranchOrder, { status: 'absent' }>;

export const initialState = (): BranchOrder => ({ status: 'absent' });

export function branchOrderStage(state: BranchOrder): BranchOrderStage {
  return state.status;
}

export function decide(command: BranchOrderCommand, state: BranchOrder): BranchOrderEvent[] {
  switch (command.type) {
    case 'OpenBranchOrder':
      return open(command.data, state);
    case 'ReviewOrder':
      return review(command.data, present(state, command.data.orderId));
    case 'RecordDispatch':
      return recordDispatch(command.data, present(state, command.data.orderId));
    case 'TakeOrder':
      return take(command.data, present(state, command.data.orderId));
    case 'RecordArrival':
      return arrive(command.data, present(state, command.data.orderId));
    case 'CompleteOrder':
      return complete(command.data, present(state, command.data.orderId));
    case 'HandBackOrder':
      return handBack(command.data, present(state, command.data.orderId));
    case 'RecordRating':
      return recordRating(command.data, present(state, command.data.orderId));
    default:
      return assertNever(command);
  }
}

/**
 * Recorded events are facts decide already accepted, so evolve never rejects one; an event that
 * cannot follow the current stage (impossible for streams decide wrote) leaves the state as it is.
 */
export function evolve(state: BranchOrder, event: BranchOrderEvent): BranchOrder {
  if (event.type === 'BranchOrderOpened') {
    if (state.status !== 'absent') return state;
    return { status: 'open', ...event.data, round: 1, review: null };
  }
  if (state.status === 'absent') return state;
  const history = historyOf(state);
  switch (event.type) {
    case 'OrderApproved':
      return { ...history, status: 'approved', review: reviewOf(event.data) };
    case 'MoreInformationRequested':
      return { ...history, status: 'awaiting-info', review: reviewOf(event.data) };
    case 'OrderRejected':
      return { ...history, status: 'rejected', review: reviewOf(event.data), reason: event.data.reason };
    case 'OrderMerged':
      return {
        ...history,
        status: 'merged',
        review: reviewOf(event.data),
        duplicateOfOrderId: event.data.duplicateOfOrderId,
      };
    case 'DispatchRecorded':
      if (state.status !== 'approved' && state.status !== 'reopened' && state.status !== 'handed-back')
        return state;
      return {
        ...history,
        status: 'dispatched',
        review: state.review,
        dispatch: event.data,
      };
    case 'OrderTaken':
      if (state.status !== 'dispatched') return state;
      return {
        ...history,
        status: 'taken',
        review: state.review,
        dispatch: state.dispatch,
        takenBy: event.data.memberId,
        takenAt: event.data.takenAt,
      };
    case 'MemberArrived':
      if (state.status !== 'taken') return state;
      return { ...state, status: 'arrived' };
    case 'OrderHandedBack':
      if (state.status !== 'taken' && state.status !== 'arrived') return state;
      return { ...history, status: 'handed-back', review: state.review };
    case 'OrderCompleted':
      if (state.status !== 'taken' && state.status !== 'arrived') return state;
      return {
        ...history,
        status: 'completed',
        review: state.review,
        dispatch: state.dispatch,
        takenBy: state.takenBy,
        completedAt: event.data.completedAt,
      };
    case 'RatingRecorded': {
      if (state.status !== 'completed') return state;
      return event.data.reopened
        ? { ...history, status: 'reopened', review: state.review, round: history.round + 1 }
        : { ...history, status: 'closed', review: state.review };
    }
    default:
      return assertNever(event);
  }
}

export const branchOrderDecider: Decider<BranchOrderCommand, BranchOrder, BranchOrderEvent> = {
  initialState,
  decide,
  evolve,
};

function present(state: BranchOrder, orderId: string): Present {
  if (state.status === 'absent') throw new NotFound('order', orderId);
  return state;
}

function historyOf(state: Present): History {
  const { orderId, communityId, compoundId, buildingId, category, title, placedAt } = state;
  const { round, review } = state;
  return {
    orderId,
    communityId,
    compoundId,
    buildingId,
    category,
    title,
    placedAt,
    round,
    review,
  };
}

function reviewOf({ reviewerId, branchId, note, priority, reviewedAt }: Reviewed): Review {
  return { reviewerId, branchId, note, priority, reviewedAt };
}

/** A dispatch is recorded only when the order waits for one. */
const DISPATCHABLE: readonly BranchOrderStage[] = ['approved', 'reopened', 'handed-back'];

// A redelivered fact never reaches these functions: its derived event ids are found first (ADR 10).
function open(command: OrderPlacement, state: BranchOrder): BranchOrderEvent[] {
  if (state.status === 'absent') return [{ type: 'BranchOrderOpened', data: command }];
  throw new InvalidTransition(state.status, 'open', `order ${state.orderId} has already been opened`);
}

function review(command: ReviewOrder['data'], state: Present): BranchOrderEvent[] {
  const { reviewer } = command;
  if (!reviewer.exists) throw new NotFound('member', reviewer.memberId);
  if (state.status !== 'open' && state.status !== 'awaiting-info') {
    throw new InvalidTransition(
      state.status,
      'review',
      `order ${state.orderId} was already reviewed and is ${state.status}`,
    );
  }
  // Only the branch that covers the compound answers for its residents' orders.
  if (reviewer.branchId === null || !reviewer.branchCompoundIds.includes(state.compoundId)) {
    throw new RuleViolation(
      `member ${reviewer.memberId} does not belong to the branch covering compound ${state.compoundId}`,
      { memberId: reviewer.memberId, compoundId: state.compoundId },
    );
  }
  const reviewed: Reviewed = {
    orderId: state.orderId,
    reviewerId: reviewer.memberId,
    branchId: reviewer.branchId,
    note: command.note,
    priority: command.priority,
    reviewedAt: command.now,
  };
  switch (command.decision) {
    case 'approve':
      return [{ type: 'OrderApproved', data: reviewed }];
    case 'need-info':
      return [{ type: 'MoreInformationRequested', data: reviewed }];
    case 'reject': {
      const reason = command.reason?.trim() ?? '';
      if (reason === '') throw new InvalidInput('rejecting an order needs a reason');
      return [{ type: 'OrderRejected', data: { ...reviewed, reason } }];
    }
    case 'merge': {
      const { duplicateOf } = command;
      if (duplicateOf === null) throw new InvalidInput('merging an order needs the order it duplicates');
      if (duplicateOf.orderId === state.orderId)
        throw new InvalidInput('an order cannot be merged into itself');
      if (!duplicateOf.exists) throw new NotFound('order', duplicateOf.orderId);
      if (duplicateOf.communityId !== state.communityId) {
        throw new OutOfScope(
          'order',
          duplicateOf.orderId,
          `order ${duplicateOf.orderId} is in community ${duplicateOf.communityId}, not in community ${state.communityId} of order ${state.orderId}`,
          { communityId: duplicateOf.communityId, expectedCommunityId: state.communityId },
        );
      }
      return [{ type: 'OrderMerged', data: { ...reviewed, duplicateOfOrderId: duplicateOf.orderId } }];
    }
    default:
      return assertNever(command.decision);
  }
}

function recordDispatch(command: Dispatch, state: Present): BranchOrderEvent[] {
  if (!DISPATCHABLE.includes(state.status)) {
    throw new InvalidTransition(state.status, 'record dispatch');
  }
  if (command.round !== state.round) {
    throw new InvalidTransition(
      state.status,
      'record dispatch',
      `the dispatch is for round ${command.round} but the order awaits round ${state.round}`,
    );
  }
  return [{ type: 'DispatchRecorded', data: command }];
}

function take(command: TakeOrder['data'], state: Present): BranchOrderEvent[] {
  const { member } = command;
  if (!member.exists) throw new NotFound('member', member.memberId);
  if (state.status !== 'dispatched') throw new InvalidTransition(state.status, 'take', whyNotTakeable(state));
  const { assigneeKind, assigneeId } = state.dispatch;
  switch (assigneeKind) {
    case 'member':
      if (member.memberId !== assigneeId) {
        throw new RuleViolation(`the order was dispatched to member ${assigneeId}, not ${member.memberId}`, {
          memberId: member.memberId,
          assigneeId,
        });
      }
      break;
    case 'branch-pool':
      if (member.branchId !== assigneeId) {
        throw new RuleViolation(`member ${member.memberId} does not belong to branch ${assigneeId}`, {
          memberId: member.memberId,
          assigneeId,
        });
      }
      break;
    case 'property-company':
    case 'volunteer-team':
    case 'building-leader':
    case 'department':
      // Their own contexts will act on these orders; members must not take them from them.
      throw new InvalidTransition(
        state.status,
        'take',
        `dispatched to ${assigneeKind}; Party members cannot take it`,
      );
    default:
      return assertNever(assigneeKind);
  }
  return [
    {
      type: 'OrderTaken',
      data: { orderId: state.orderId, round: state.round, memberId: member.memberId, takenAt: command.now },
    },
  ];
}

function whyNotTakeable(state: Present): string {
  switch (state.status) {
    case 'taken':
    case 'arrived':
    case 'completed':
      return `order was already taken by member ${state.takenBy}`;
    case 'rejected':
    case 'merged':
    case 'closed':
      return `the order is ${state.status}`;
    case 'open':
    case 'awaiting-info':
    case 'approved':
    case 'reopened':
    case 'handed-back':
    case 'dispatched':
      return 'the order has not been dispatched';
    default:
      return assertNever(state);
  }
}

type Held = Extract<Present, { status: 'taken' | 'arrived' }>;

/** The order as held by the member who took it; `action` names what they attempt. */
function heldBy(
  state: Present,
  { memberId, memberExists }: { memberId: string; memberExists: boolean },
  action: string,
  stages: readonly Held['status'][],
): Held {
  if (!memberExists) throw new NotFound('member', memberId);
  if (!(stages as readonly string[]).includes(state.status)) {
    throw new InvalidTransition(
      state.status,
      action,
      `the order is ${state.status}, not ${stages.join(' or ')}`,
    );
  }
  const held = state as Held;
  if (memberId !== held.takenBy) {
    throw new RuleViolation(`only member ${held.takenBy}, who took the order, can ${action} it`, {
      memberId,
      takenBy: held.takenBy,
    });
  }
  return held;
}

function arrive(command: RecordArrival['data'], state: Present): BranchOrderEvent[] {
  heldBy(state, command, 'record arrival for', ['taken']);
  return [
    {
      type: 'MemberArrived',
      data: {
        orderId: state.orderId,
        round: state.round,
        memberId: command.memberId,
        note: command.note?.trim() || null,
        arrivedAt: command.now,
      },
    },
  ];
}

function handBack(command: HandBackOrder['data'], state: Present): BranchOrderEvent[] {
  heldBy(state, command, 'hand back', ['taken', 'arrived']);
  const reason = command.reason.trim();
  if (reason === '') throw new InvalidInput('handing an order back needs a reason');
  return [
    {
      type: 'OrderHandedBack',
      data: {
        orderId: state.orderId,
        round: state.round,
        memberId: command.memberId,
        reason,
        handedBackAt: command.now,
      },
    },
  ];
}

function complete(command: CompleteOrder['data'], state: Present): BranchOrderEvent[] {
  heldBy(state, command, 'complete', ['taken', 'arrived']);
  if (command.resultNote.trim() === '') throw new InvalidInput('completing an order needs a result note');
  return [
    {
      type: 'OrderCompleted',
      data: {
        orderId: state.orderId,
        round: state.round,
        memberId: command.memberId,
        resultNote: command.resultNote,
        evidence: command.evidence,
        completedAt: command.now,
      },
    },
  ];
}

function recordRating(command: Rating, state: Present): BranchOrderEvent[] {
  if (state.status !== 'completed') throw new InvalidTransition(state.status, 'record rating');
  if (command.round !== state.round) {
    throw new InvalidTransition(
      state.status,
      'record rating',
      `the rating is for round ${command.round} but the order is in round ${state.round}`,
    );
  }
  return [{ type: 'RatingRecorded', data: command }];
}

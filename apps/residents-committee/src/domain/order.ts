import type { ExecutorKind, WhistleLevel } from '@cogov/contracts';
import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  OutOfScope,
  RuleViolation,
  WrongKind,
  assertNever,
} from '@cogov/decider';
import type { CompoundSummary } from './compound';
import type { ResidentSummary } from './resident';

export type OrderCategory =
  'repair' | 'elderly-care' | 'neighbour-dispute' | 'environment' | 'safety' | 'other';
/** `grid-patrol`: a full-time grid worker's finding on patrol (专职网格员巡查), not a resident's order. */
export type OrderChannel = 'app' | 'service-station' | 'hotline' | 'building-leader' | 'grid-patrol';
export type ReviewDecision = 'approve' | 'reject' | 'merge' | 'need-info';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
/** Whom an order may be dispatched to: the executors of the published order-work language. */
export type AssigneeKind = ExecutorKind;
/** Whoever works on a dispatched order, named as every context names it. */
export type Executor = { kind: AssigneeKind; id: string };
export type WorkStep = 'accepted' | 'arrived' | 'completed' | 'handed-back';
export type { WhistleLevel };
export const ORDER_STAGES = [
  'placed',
  'approved',
  'rejected',
  'merged',
  'awaiting-info',
  'dispatched',
  'taken',
  'arrived',
  'completed',
  'handed-back',
  'reopened',
  'closed',
] as const;
export type OrderStage = (typeof ORDER_STAGES)[number];

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
    /** 网格: the grid the compound or building lies in at placing time, found by the handler. */
    gridId?: string | null;
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
    /**
     * For a member or a branch pool: what the Party organization has published of the assignee;
     * null for the kinds that have no directory yet.
     */
    partyAssignee: PartyAssignee | null;
    /** For a property company: whether the property company context has published it. */
    companyKnown?: boolean;
    /** For a building leader: the community of the approved leader the building leaders published, if any. */
    approvedLeader?: { known: false } | { known: true; communityId: string };
    /** For a volunteer team (志愿服务队): the team's community, as its stream has it. */
    volunteerTeam?: { exists: false } | { exists: true; communityId: string };
    now: string;
  };
};

/**
 * A Party member or organization as the residents' committee's directory knows it: `kind` is
 * `member` or the organization's kind (`community-committee`, `branch`, `group`).
 */
export type PartyAssignee = { known: false } | { known: true; kind: string; communityId: string };

/**
 * Work on the order by whoever it was dispatched to — accepted (党员接单 for a member), arrived on
 * site, completed, handed back to dispatch — as the executor's own context decided and published
 * it. One path for every kind of executor; this side checks that the step fits the order.
 */
export type RecordOrderWork = {
  type: 'RecordOrderWork';
  data: {
    orderId: string;
    round: number;
    executor: Executor;
    performedBy: string;
    /**
     * For a department's work: whether the person is registered staff of the department; for a
     * volunteer team's: whether they are a registered member of the team or service-station staff
     * of its community; as the handler found it. Neither has a context of its own to check it.
     */
    performerIsStaff?: boolean;
    step: WorkStep;
    at: string;
    note: string | null;
    resultNote: string | null;
    evidence: string[];
    reason: string | null;
  };
};

/** What the handler found of the department a whistle names. */
export type DepartmentSummary = { exists: false } | { exists: true; streetId: string };

/**
 * 吹哨: a matter beyond the community. A community worker calls in a government department of the
 * community's street (or the district's, by level) for the current round, in place of a dispatch.
 */
export type WhistleOrder = {
  type: 'WhistleOrder';
  data: {
    orderId: string;
    whistlerId: string;
    whistlerIsWorkerOfCommunity: boolean;
    departmentId: string;
    department: DepartmentSummary;
    /** The street of the order's community; null for a community registered without one. */
    communityStreetId: string | null;
    level: WhistleLevel;
    reason: string;
    now: string;
  };
};

/** 党群评单: the resident rates the result (a patrol finding: the grid worker who reported it). */
export type RateOrder = {
  type: 'RateOrder';
  data: {
    orderId: string;
    raterId: string;
    /** Whether a resident of that id is registered (with the committee, in any community). */
    raterIsResident: boolean;
    score: number;
    comment: string;
    now: string;
  };
};

/**
 * 受理: community staff or a grid worker answers the resident before the branch has reviewed (the
 * "accept" stage of the three ones). Once: an order already answered has been accepted.
 */
export type AcknowledgeOrder = {
  type: 'AcknowledgeOrder';
  data: { orderId: string; staffId: string; staffIsWorkerOfCommunity: boolean; now: string };
};

/** 采办分离: a grid worker's patrol finding becomes an order of the grid's community. */
export type RecordPatrolFinding = {
  type: 'RecordPatrolFinding';
  data: {
    orderId: string;
    communityId: string;
    gridId: string;
    reporterId: string;
    /** Whether the reporter holds a post on the grid, as the handler found it. */
    reporterHoldsPost: boolean;
    compound: CompoundSummary;
    buildingId: string | null;
    category: OrderCategory;
    title: string;
    description: string;
    now: string;
  };
};

export type OrderCommand =
  | PlaceOrder
  | RecordBranchReview
  | DispatchOrder
  | WhistleOrder
  | RecordOrderWork
  | RateOrder
  | AcknowledgeOrder
  | RecordPatrolFinding;

export type OrderPlaced = {
  type: 'OrderPlaced';
  data: {
    orderId: string;
    /** Null for a patrol finding: a grid worker reported it, no resident placed it. */
    residentId: string | null;
    /** The grid worker who reported a patrol finding (采办分离: who finds is not who handles). */
    reporterId?: string;
    communityId: string;
    compoundId: string;
    buildingId: string | null;
    category: OrderCategory;
    title: string;
    description: string;
    channel: OrderChannel;
    /** Absent: placed before grids existed, or in no grid. */
    gridId?: string;
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

/** The order went to a department for the round; the department reports in on it. */
export type OrderWhistled = {
  type: 'OrderWhistled';
  data: {
    orderId: string;
    round: number;
    communityId: string;
    compoundId: string;
    streetId: string;
    departmentId: string;
    level: WhistleLevel;
    reason: string;
    whistlerId: string;
    whistledAt: string;
  };
};

/** Schema v2 (v1 named only a `memberId`: upcast to a member executor). */
export type OrderTakenRecorded = {
  type: 'OrderTakenRecorded';
  data: { orderId: string; round: number; executor: Executor; performedBy: string; takenAt: string };
};

export type ArrivalRecorded = {
  type: 'ArrivalRecorded';
  data: {
    orderId: string;
    round: number;
    executor: Executor;
    performedBy: string;
    note: string | null;
    arrivedAt: string;
  };
};

/** Schema v2 (v1 named only a `memberId`: upcast to a member executor). */
export type OrderCompletionRecorded = {
  type: 'OrderCompletionRecorded';
  data: {
    orderId: string;
    round: number;
    executor: Executor;
    performedBy: string;
    resultNote: string;
    evidence: string[];
    completedAt: string;
  };
};

/** The executor gave the order back; it waits for another dispatch in the same round. */
export type OrderHandedBack = {
  type: 'OrderHandedBack';
  data: {
    orderId: string;
    round: number;
    executor: Executor;
    performedBy: string;
    reason: string;
    handedBackAt: string;
  };
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

export type OrderAcknowledged = {
  type: 'OrderAcknowledged';
  data: { orderId: string; communityId: string; compoundId: string; staffId: string; acknowledgedAt: string };
};

export type OrderClosed = { type: 'OrderClosed'; data: { orderId: string; round: number; closedAt: string } };

export type OrderEvent =
  | OrderPlaced
  | BranchReviewRecorded
  | OrderDispatched
  | OrderWhistled
  | OrderTakenRecorded
  | ArrivalRecorded
  | OrderCompletionRecorded
  | OrderHandedBack
  | OrderRated
  | OrderReopened
  | OrderClosed
  | OrderAcknowledged;

/** The five-order chain (五单服务机制) as the residents' committee lives it, round after round. */
export type OrderState =
  | { status: 'absent' }
  | {
      status: 'present';
      orderId: string;
      stage: OrderStage;
      round: number;
      residentId: string | null;
      /** The grid worker who reported a patrol finding: they check (rate) its result. */
      reporterId?: string;
      communityId: string;
      compoundId: string;
      assignee: Executor | null;
      /** Who accepted the current dispatch (a member taking a branch pool's order, say). */
      executor: Executor | null;
      /** Answered by staff before the review (absent in states built before acknowledgements). */
      acknowledged?: boolean;
    };

type PresentOrder = Extract<OrderState, { status: 'present' }>;

export const initialState = (): OrderState => ({ status: 'absent' });

export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  if (command.type === 'PlaceOrder') return place(command.data, state);
  if (command.type === 'RecordPatrolFinding') return recordFinding(command.data, state);
  if (state.status === 'absent') throw new NotFound('order', command.data.orderId);
  switch (command.type) {
    case 'RecordBranchReview':
      return recordReview(command.data, state);
    case 'DispatchOrder':
      return dispatch(command.data, state);
    case 'WhistleOrder':
      return whistle(command.data, state);
    case 'RecordOrderWork':
      return recordWork(command.data, state);
    case 'RateOrder':
      return rate(command.data, state);
    case 'AcknowledgeOrder':
      return acknowledge(command.data, state);
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
      ...(d.reporterId !== undefined ? { reporterId: d.reporterId } : {}),
      communityId: d.communityId,
      compoundId: d.compoundId,
      assignee: null,
      executor: null,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'BranchReviewRecorded':
      return { ...state, stage: reviewStage(event.data.decision) };
    case 'OrderDispatched':
      return {
        ...state,
        stage: 'dispatched',
        assignee: { kind: event.data.assigneeKind, id: event.data.assigneeId },
        executor: null,
      };
    case 'OrderWhistled':
      return {
        ...state,
        stage: 'dispatched',
        assignee: { kind: 'department', id: event.data.departmentId },
        executor: null,
      };
    case 'OrderTakenRecorded':
      return { ...state, stage: 'taken', executor: event.data.executor };
    case 'ArrivalRecorded':
      return { ...state, stage: 'arrived' };
    case 'OrderCompletionRecorded':
      return { ...state, stage: 'completed' };
    case 'OrderHandedBack':
      return { ...state, stage: 'handed-back', assignee: null, executor: null };
    case 'OrderRated':
      // The outcome follows as OrderReopened or OrderClosed; the score itself decides nothing later.
      return state;
    case 'OrderReopened':
      return { ...state, stage: 'reopened', round: event.data.round };
    case 'OrderClosed':
      return { ...state, stage: 'closed' };
    case 'OrderAcknowledged':
      return { ...state, acknowledged: true };
    default:
      return assertNever(event);
  }
}

export const orderDecider: Decider<OrderCommand, OrderState, OrderEvent> = { initialState, decide, evolve };

/** Lets the dispatch handler load the right community before deciding. */
export function communityOfOrder(state: OrderState): string | null {
  return state.status === 'absent' ? null : state.communityId;
}

const REVIEW_STAGE = {
  approve: 'approved',
  reject: 'rejected',
  merge: 'merged',
  'need-info': 'awaiting-info',
} as const satisfies Record<ReviewDecision, OrderStage>;

/** The stage a branch's review decision puts the order in (the chain view shows the same). */
export const reviewStage = (decision: ReviewDecision) => REVIEW_STAGE[decision];

const REVIEWABLE: readonly OrderStage[] = ['placed', 'awaiting-info'];
const DISPATCHABLE: readonly OrderStage[] = ['approved', 'reopened', 'handed-back'];
/**
 * The executors whose contexts work on orders dispatched to them (ADR 13). An order dispatched to
 * any other kind would wait for nobody: it cannot be taken, and only a hand-back returns it.
 */
const WORKED_ON: readonly AssigneeKind[] = [
  'member',
  'branch-pool',
  'property-company',
  'building-leader',
  'department',
  'volunteer-team',
];

/** The kinds that come from the Party organization's directory, and the directory kind each must be. */
const PARTY_ASSIGNEES: Partial<Record<AssigneeKind, { kind: string; what: string }>> = {
  member: { kind: 'member', what: 'Party member' },
  'branch-pool': { kind: 'branch', what: 'Party branch' },
};

function place(d: PlaceOrder['data'], state: OrderState): OrderEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(state.stage, 'place', `order ${d.orderId} has already been placed`);
  }
  const { resident, compound } = d;
  if (!resident.exists) throw new NotFound('resident', resident.residentId);
  if (!compound.exists) throw new NotFound('compound', compound.compoundId);
  if (compound.communityId !== resident.communityId) {
    throw new OutOfScope(
      'compound',
      compound.compoundId,
      `compound ${compound.compoundId} is in community ${compound.communityId}, not in community ${resident.communityId} of resident ${resident.residentId}`,
      { communityId: compound.communityId, expectedCommunityId: resident.communityId },
    );
  }
  if (d.buildingId !== null && !compound.buildingIds.includes(d.buildingId)) {
    throw new NotFound('building', d.buildingId, { entity: 'compound', id: compound.compoundId });
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
        ...(d.gridId ? { gridId: d.gridId } : {}),
        placedAt: d.now,
      },
    },
  ];
}

function recordFinding(d: RecordPatrolFinding['data'], state: OrderState): OrderEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(state.stage, 'place', `order ${d.orderId} has already been placed`);
  }
  const { compound } = d;
  if (!d.reporterHoldsPost) {
    throw new RuleViolation(`${d.reporterId} holds no post on grid ${d.gridId}`, {
      reporterId: d.reporterId,
    });
  }
  if (!compound.exists) throw new NotFound('compound', compound.compoundId);
  if (compound.communityId !== d.communityId) {
    throw new OutOfScope(
      'compound',
      compound.compoundId,
      `compound ${compound.compoundId} lies in another community`,
      {
        communityId: compound.communityId,
        expectedCommunityId: d.communityId,
      },
    );
  }
  if (d.buildingId !== null && !compound.buildingIds.includes(d.buildingId)) {
    throw new NotFound('building', d.buildingId, { entity: 'compound', id: compound.compoundId });
  }
  return [
    {
      type: 'OrderPlaced',
      data: {
        orderId: d.orderId,
        residentId: null,
        reporterId: d.reporterId,
        communityId: d.communityId,
        compoundId: compound.compoundId,
        buildingId: d.buildingId,
        category: d.category,
        title: d.title,
        description: d.description,
        channel: 'grid-patrol',
        gridId: d.gridId,
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
  if (d.assigneeKind === 'department') {
    throw new RuleViolation(
      `a department is called in by a whistle, not a dispatch: POST /api/orders/${state.orderId}/whistle`,
      { assigneeKind: d.assigneeKind, assigneeId: d.assigneeId },
    );
  }
  if (!WORKED_ON.includes(d.assigneeKind)) {
    throw new RuleViolation(
      `no context works on orders dispatched to a ${d.assigneeKind} yet: dispatch to a Party member, a branch, a property company, a building leader or a volunteer team`,
      { assigneeKind: d.assigneeKind, assigneeId: d.assigneeId },
    );
  }
  checkPartyAssignee(d, state);
  if (d.assigneeKind === 'property-company' && d.companyKnown !== true) {
    // Registered in the property company context, perhaps a moment ago: not yet, rather than no.
    throw new NotYetKnown(
      'property company',
      d.assigneeId,
      `property company ${d.assigneeId} is not known to the residents' committee yet; try again shortly`,
    );
  }
  if (d.assigneeKind === 'building-leader') checkLeader(d, state);
  if (d.assigneeKind === 'volunteer-team') checkTeam(d, state);
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

/**
 * A member or branch pool must be one the Party organization published, of that kind, in the
 * order's community: anyone else could never take the order, and it would wait for nobody.
 */
function checkPartyAssignee(d: DispatchOrder['data'], state: PresentOrder): void {
  const expected = PARTY_ASSIGNEES[d.assigneeKind];
  if (expected === undefined) return;
  const { what } = expected;
  const assignee = d.partyAssignee ?? { known: false };
  if (!assignee.known) {
    // Published by the Party organization, perhaps a moment ago: not yet, rather than no.
    throw new NotYetKnown(
      what,
      d.assigneeId,
      `${what} ${d.assigneeId} is not known to the residents' committee yet; try again shortly`,
    );
  }
  if (assignee.kind !== expected.kind) throw new WrongKind(what, d.assigneeId, assignee.kind);
  if (assignee.communityId !== state.communityId) {
    throw new OutOfScope(
      what,
      d.assigneeId,
      `${what} ${d.assigneeId} belongs to community ${assignee.communityId}, not to community ${state.communityId} of order ${state.orderId}`,
      { communityId: assignee.communityId, expectedCommunityId: state.communityId },
    );
  }
}

/**
 * A building leader works on orders only once vetted: the building leaders publish each approval,
 * and one not heard of may be approved a moment ago, or still under vetting (not yet, rather than
 * no). An approved leader of another community could never be reached by this order's people.
 */
function checkLeader(d: DispatchOrder['data'], state: PresentOrder): void {
  const leader = d.approvedLeader ?? { known: false };
  if (!leader.known) {
    throw new NotYetKnown(
      'building leader',
      d.assigneeId,
      `building leader ${d.assigneeId} is not known to the residents' committee as approved yet; try again once vetted`,
    );
  }
  if (leader.communityId !== state.communityId) {
    throw new OutOfScope(
      'building leader',
      d.assigneeId,
      `building leader ${d.assigneeId} serves community ${leader.communityId}, not community ${state.communityId} of order ${state.orderId}`,
      { communityId: leader.communityId, expectedCommunityId: state.communityId },
    );
  }
}

/**
 * A volunteer team is the residents' committee's own (志愿服务队): it must be registered, and in
 * the order's community, whose people it serves.
 */
function checkTeam(d: DispatchOrder['data'], state: PresentOrder): void {
  const team = d.volunteerTeam ?? { exists: false };
  if (!team.exists) throw new NotFound('volunteer team', d.assigneeId);
  if (team.communityId !== state.communityId) {
    throw new OutOfScope(
      'volunteer team',
      d.assigneeId,
      `volunteer team ${d.assigneeId} belongs to community ${team.communityId}, not to community ${state.communityId} of order ${state.orderId}`,
      { communityId: team.communityId, expectedCommunityId: state.communityId },
    );
  }
}

function whistle(d: WhistleOrder['data'], state: PresentOrder): OrderEvent[] {
  if (!DISPATCHABLE.includes(state.stage)) {
    throw new InvalidTransition(state.stage, 'whistle', whyNotWhistleable(state));
  }
  if (!d.whistlerIsWorkerOfCommunity) {
    throw new RuleViolation(`${d.whistlerId} is not a worker of community ${state.communityId}`, {
      whistlerId: d.whistlerId,
      communityId: state.communityId,
    });
  }
  const reason = d.reason.trim();
  if (reason === '') throw new InvalidInput('a whistle needs a reason: why the matter exceeds the community');
  if (!d.department.exists) throw new NotFound('department', d.departmentId);
  if (d.communityStreetId === null) {
    throw new RuleViolation(
      `community ${state.communityId} lies in no street: register it with its street before whistling`,
      { communityId: state.communityId },
    );
  }
  if (d.department.streetId !== d.communityStreetId) {
    throw new OutOfScope(
      'department',
      d.departmentId,
      `department ${d.departmentId} is in street ${d.department.streetId}, not in street ${d.communityStreetId} of community ${state.communityId}`,
      { streetId: d.department.streetId, expectedStreetId: d.communityStreetId },
    );
  }
  return [
    {
      type: 'OrderWhistled',
      data: {
        orderId: state.orderId,
        round: state.round,
        communityId: state.communityId,
        compoundId: state.compoundId,
        streetId: d.communityStreetId,
        departmentId: d.departmentId,
        level: d.level,
        reason,
        whistlerId: d.whistlerId,
        whistledAt: d.now,
      },
    },
  ];
}

/** Why an order cannot be whistled: as for a dispatch, and whoever holds it gives it back first. */
function whyNotWhistleable(state: PresentOrder): string {
  switch (state.stage) {
    case 'dispatched':
    case 'taken':
    case 'arrived':
      return `${describe(state.executor ?? state.assignee)} holds the order in round ${state.round}: they hand it back first`;
    default:
      return whyNotDispatchable(state);
  }
}

function recordWork(d: RecordOrderWork['data'], state: PresentOrder): OrderEvent[] {
  const base = {
    orderId: state.orderId,
    round: d.round,
    executor: { ...d.executor },
    performedBy: d.performedBy,
  };
  if (d.round !== state.round) {
    throw new InvalidTransition(
      state.stage,
      `record ${d.step}`,
      `the work is for round ${d.round} but the order is in round ${state.round}`,
    );
  }
  if (d.executor.kind === 'department' && d.performerIsStaff !== true) {
    throw new RuleViolation(`${d.performedBy} is not staff of department ${d.executor.id}`, {
      performedBy: d.performedBy,
      departmentId: d.executor.id,
    });
  }
  if (d.executor.kind === 'volunteer-team' && d.performerIsStaff !== true) {
    throw new RuleViolation(
      `${d.performedBy} is neither a member of volunteer team ${d.executor.id} nor service-station staff of its community`,
      { performedBy: d.performedBy, teamId: d.executor.id },
    );
  }
  switch (d.step) {
    case 'accepted':
      expectStage(state, ['dispatched'], d.step);
      if (!mayAccept(state.assignee, d.executor)) {
        throw new RuleViolation(
          `the order was dispatched to ${describe(state.assignee)}, not ${describe(d.executor)}`,
          { executor: d.executor, assignee: state.assignee },
        );
      }
      return [{ type: 'OrderTakenRecorded', data: { ...base, takenAt: d.at } }];
    case 'arrived':
      expectStage(state, ['taken'], d.step);
      expectExecutor(state, d.executor);
      return [{ type: 'ArrivalRecorded', data: { ...base, note: d.note, arrivedAt: d.at } }];
    case 'completed': {
      expectStage(state, ['taken', 'arrived'], d.step);
      expectExecutor(state, d.executor);
      const resultNote = d.resultNote?.trim() ?? '';
      if (resultNote === '') throw new InvalidInput('a completion needs a result note');
      return [
        {
          type: 'OrderCompletionRecorded',
          data: { ...base, resultNote, evidence: [...d.evidence], completedAt: d.at },
        },
      ];
    }
    case 'handed-back': {
      expectStage(state, ['dispatched', 'taken', 'arrived'], d.step);
      if (
        state.stage === 'dispatched'
          ? !mayAccept(state.assignee, d.executor)
          : !same(state.executor, d.executor)
      ) {
        throw new RuleViolation(`${describe(d.executor)} does not hold this order`, { executor: d.executor });
      }
      const reason = d.reason?.trim() ?? '';
      if (reason === '') throw new InvalidInput('handing an order back needs a reason');
      return [{ type: 'OrderHandedBack', data: { ...base, reason, handedBackAt: d.at } }];
    }
    default:
      return assertNever(d.step);
  }
}

function expectStage(state: PresentOrder, stages: readonly OrderStage[], step: WorkStep): void {
  if (!stages.includes(state.stage)) {
    throw new InvalidTransition(
      state.stage,
      `record ${step}`,
      `round ${state.round} of the order is ${state.stage}; ${step} needs it ${stages.join(' or ')}`,
    );
  }
}

function expectExecutor(state: PresentOrder, executor: Executor): void {
  if (!same(state.executor, executor)) {
    throw new RuleViolation(
      `the order was accepted by ${describe(state.executor)}, not ${describe(executor)}`,
      {
        executor,
        acceptedBy: state.executor,
      },
    );
  }
}

/**
 * The executor the order was dispatched to accepts it; a branch's pool is worked by one of its
 * members (the Party organization checked the membership before it published the work).
 */
function mayAccept(assignee: Executor | null, executor: Executor): boolean {
  if (assignee === null) return false;
  if (assignee.kind === 'branch-pool' && executor.kind === 'member') return true;
  return same(assignee, executor);
}

const same = (a: Executor | null, b: Executor | null) =>
  a !== null && b !== null && a.kind === b.kind && a.id === b.id;
const describe = (e: Executor | null) => (e ? `${e.kind} ${e.id}` : 'nobody');

function rate(d: RateOrder['data'], state: PresentOrder): OrderEvent[] {
  // A patrol finding has no resident: the grid worker who found it checks the result (采办分离:
  // who finds is not who handles), and their rating closes or reopens it as a resident's would.
  const finding = state.residentId === null;
  if (!finding && !d.raterIsResident) throw new NotFound('resident', d.raterId);
  if (state.stage !== 'completed') {
    const why =
      state.stage === 'closed'
        ? 'the order has already been rated and closed'
        : `the order has not been completed (round ${state.round} is ${state.stage})`;
    throw new InvalidTransition(state.stage, 'rate', why);
  }
  if (finding && d.raterId !== state.reporterId) {
    throw new RuleViolation('only the grid worker who reported a patrol finding may rate its result', {
      raterId: d.raterId,
    });
  }
  if (!finding && d.raterId !== state.residentId) {
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
    case 'arrived':
    case 'completed':
      return `the order is already ${state.stage} in round ${state.round}`;
    case 'approved':
    case 'reopened':
    case 'handed-back':
      return `the order is ${state.stage}`;
    default:
      return assertNever(state.stage);
  }
}

function acknowledge(d: AcknowledgeOrder['data'], state: PresentOrder): OrderEvent[] {
  // The branch's review answers the resident too: whichever comes first is the acceptance.
  if (state.acknowledged === true || state.stage !== 'placed') {
    throw new InvalidTransition(
      state.stage,
      'acknowledge',
      state.acknowledged === true
        ? 'the order has already been acknowledged'
        : `the order has already been answered (it is ${state.stage})`,
    );
  }
  if (!d.staffIsWorkerOfCommunity) {
    throw new RuleViolation(`${d.staffId} is not a worker of community ${state.communityId}`, {
      staffId: d.staffId,
      communityId: state.communityId,
    });
  }
  return [
    {
      type: 'OrderAcknowledged',
      data: {
        orderId: state.orderId,
        communityId: state.communityId,
        compoundId: state.compoundId,
        staffId: d.staffId,
        acknowledgedAt: d.now,
      },
    },
  ];
}

import {
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  OutOfScope,
  RuleViolation,
  WrongKind,
} from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type AssigneeKind,
  type BranchReviewRecorded,
  type DispatchOrder,
  type OrderClosed,
  type OrderCompletionRecorded,
  type OrderDispatched,
  type OrderEvent,
  type OrderPlaced,
  type OrderRated,
  type OrderReopened,
  type OrderTakenRecorded,
  type PartyAssignee,
  type PlaceOrder,
  type RecordPatrolFinding,
  type RateOrder,
  type RecordBranchReview,
  type ArrivalRecorded,
  type OrderHandedBack,
  type RecordOrderWork,
  type ReviewDecision,
  type OrderWhistled,
  type WhistleOrder,
  orderDecider,
} from './order';

const given = deciderSpecification(orderDecider);
const ORDER = 'order-1';
const PLACED_AT = '2026-03-01T08:00:00.000Z';
const REVIEWED_AT = '2026-03-01T09:00:00.000Z';
const DISPATCHED_AT = '2026-03-01T10:00:00.000Z';
const TAKEN_AT = '2026-03-01T11:00:00.000Z';
const COMPLETED_AT = '2026-03-01T15:00:00.000Z';
const RATED_AT = '2026-03-02T08:00:00.000Z';

function placeOrder(overrides: Partial<PlaceOrder['data']> = {}): PlaceOrder {
  return {
    type: 'PlaceOrder',
    data: {
      orderId: ORDER,
      resident: { exists: true, residentId: 'resident-1', communityId: 'community-1' },
      compound: {
        exists: true,
        compoundId: 'compound-1',
        communityId: 'community-1',
        buildingIds: ['building-1', 'building-2'],
      },
      buildingId: 'building-1',
      category: 'repair',
      title: 'Leaking pipe',
      description: 'Water runs down the stairwell of unit 2',
      channel: 'app',
      now: PLACED_AT,
      ...overrides,
    },
  };
}

function placed(overrides: Partial<OrderPlaced['data']> = {}): OrderPlaced {
  return {
    type: 'OrderPlaced',
    data: {
      orderId: ORDER,
      residentId: 'resident-1',
      communityId: 'community-1',
      compoundId: 'compound-1',
      buildingId: 'building-1',
      category: 'repair',
      title: 'Leaking pipe',
      description: 'Water runs down the stairwell of unit 2',
      channel: 'app',
      placedAt: PLACED_AT,
      ...overrides,
    },
  };
}

function recordReview(
  decision: ReviewDecision,
  overrides: Partial<RecordBranchReview['data']> = {},
): RecordBranchReview {
  return {
    type: 'RecordBranchReview',
    data: {
      orderId: ORDER,
      reviewerId: 'member-1',
      branchId: 'branch-1',
      decision,
      note: 'within our compound',
      priority: 'high',
      reason: decision === 'reject' ? 'a matter for the property company' : null,
      duplicateOfOrderId: decision === 'merge' ? 'order-0' : null,
      reviewedAt: REVIEWED_AT,
      ...overrides,
    },
  };
}

function reviewed(
  decision: ReviewDecision,
  overrides: Partial<RecordBranchReview['data']> = {},
): BranchReviewRecorded {
  return { type: 'BranchReviewRecorded', data: recordReview(decision, overrides).data };
}

/** The directory's entry for an assignee of the kind, in the order's community unless told. */
function inDirectory(kind: AssigneeKind, communityId = 'community-1'): PartyAssignee | null {
  if (kind === 'member') return { known: true, kind: 'member', communityId };
  if (kind === 'branch-pool') return { known: true, kind: 'branch', communityId };
  return null;
}

function dispatchOrder(overrides: Partial<DispatchOrder['data']> = {}): DispatchOrder {
  return {
    type: 'DispatchOrder',
    data: {
      orderId: ORDER,
      dispatcherId: 'worker-1',
      dispatcherIsWorkerOfCommunity: true,
      assigneeKind: 'branch-pool',
      assigneeId: 'branch-1',
      partyAssignee: inDirectory(overrides.assigneeKind ?? 'branch-pool'),
      now: DISPATCHED_AT,
      ...overrides,
    },
  };
}

function dispatched(overrides: Partial<OrderDispatched['data']> = {}): OrderDispatched {
  return {
    type: 'OrderDispatched',
    data: {
      orderId: ORDER,
      round: 1,
      dispatcherId: 'worker-1',
      assigneeKind: 'branch-pool',
      assigneeId: 'branch-1',
      dispatchedAt: DISPATCHED_AT,
      ...overrides,
    },
  };
}

const MEMBER_2 = { kind: 'member', id: 'member-2' } as const;
const ARRIVED_AT = '2026-03-01T10:30:00.000Z';

function recordWork(
  step: RecordOrderWork['data']['step'],
  overrides: Partial<RecordOrderWork['data']> = {},
): RecordOrderWork {
  return {
    type: 'RecordOrderWork',
    data: {
      orderId: ORDER,
      round: 1,
      executor: MEMBER_2,
      performedBy: 'member-2',
      step,
      at: { accepted: TAKEN_AT, arrived: ARRIVED_AT, completed: COMPLETED_AT, 'handed-back': ARRIVED_AT }[
        step
      ],
      note: null,
      resultNote: step === 'completed' ? 'pipe joint replaced' : null,
      evidence: step === 'completed' ? ['https://files.example/1.jpg', 'https://files.example/2.jpg'] : [],
      reason: step === 'handed-back' ? 'needs a licensed plumber' : null,
      ...overrides,
    },
  };
}

const recordTaken = (overrides: Partial<RecordOrderWork['data']> = {}) => recordWork('accepted', overrides);
const recordCompletion = (overrides: Partial<RecordOrderWork['data']> = {}) =>
  recordWork('completed', overrides);

function taken(overrides: Partial<OrderTakenRecorded['data']> = {}): OrderTakenRecorded {
  return {
    type: 'OrderTakenRecorded',
    data: {
      orderId: ORDER,
      round: 1,
      executor: MEMBER_2,
      performedBy: 'member-2',
      takenAt: TAKEN_AT,
      ...overrides,
    },
  };
}

function arrived(overrides: Partial<ArrivalRecorded['data']> = {}): ArrivalRecorded {
  return {
    type: 'ArrivalRecorded',
    data: {
      orderId: ORDER,
      round: 1,
      executor: MEMBER_2,
      performedBy: 'member-2',
      note: null,
      arrivedAt: ARRIVED_AT,
      ...overrides,
    },
  };
}

function handedBack(overrides: Partial<OrderHandedBack['data']> = {}): OrderHandedBack {
  return {
    type: 'OrderHandedBack',
    data: {
      orderId: ORDER,
      round: 1,
      executor: MEMBER_2,
      performedBy: 'member-2',
      reason: 'needs a licensed plumber',
      handedBackAt: ARRIVED_AT,
      ...overrides,
    },
  };
}

function completed(overrides: Partial<OrderCompletionRecorded['data']> = {}): OrderCompletionRecorded {
  return {
    type: 'OrderCompletionRecorded',
    data: {
      orderId: ORDER,
      round: 1,
      executor: MEMBER_2,
      performedBy: 'member-2',
      resultNote: 'pipe joint replaced',
      evidence: ['https://files.example/1.jpg', 'https://files.example/2.jpg'],
      completedAt: COMPLETED_AT,
      ...overrides,
    },
  };
}

function rateOrder(overrides: Partial<RateOrder['data']> = {}): RateOrder {
  return {
    type: 'RateOrder',
    data: {
      orderId: ORDER,
      raterId: 'resident-1',
      raterIsResident: true,
      score: 5,
      comment: 'quick and tidy',
      now: RATED_AT,
      ...overrides,
    },
  };
}

function rated(overrides: Partial<OrderRated['data']> = {}): OrderRated {
  return {
    type: 'OrderRated',
    data: {
      orderId: ORDER,
      round: 1,
      raterId: 'resident-1',
      score: 5,
      comment: 'quick and tidy',
      reopensOrder: false,
      ratedAt: RATED_AT,
      ...overrides,
    },
  };
}

function reopened(overrides: Partial<OrderReopened['data']> = {}): OrderReopened {
  return {
    type: 'OrderReopened',
    data: {
      orderId: ORDER,
      previousRound: 1,
      round: 2,
      reason: 'low rating',
      reopenedAt: RATED_AT,
      ...overrides,
    },
  };
}

function closed(overrides: Partial<OrderClosed['data']> = {}): OrderClosed {
  return { type: 'OrderClosed', data: { orderId: ORDER, round: 1, closedAt: RATED_AT, ...overrides } };
}

const approved: OrderEvent[] = [placed(), reviewed('approve')];
const completedRoundOne: OrderEvent[] = [...approved, dispatched(), taken(), completed()];
const reopenedForRoundTwo: OrderEvent[] = [
  ...completedRoundOne,
  rated({ score: 1, reopensOrder: true }),
  reopened(),
];

describe('order (residents-committee): 居民点单 placing', () => {
  it('a resident places an order for a building of a compound in their community', () =>
    given([]).when(placeOrder()).then([placed()]));

  it('an order without a building is placed for the whole compound', () =>
    given([])
      .when(placeOrder({ buildingId: null }))
      .then([placed({ buildingId: null })]));

  it('an unknown resident cannot place an order', () =>
    given([])
      .when(placeOrder({ resident: { exists: false, residentId: 'resident-9', communityId: null } }))
      .thenThrows(NotFound, /resident resident-9 not found/));

  it('an order for an unknown compound is refused', () =>
    given([])
      .when(
        placeOrder({
          compound: { exists: false, compoundId: 'compound-9', communityId: null, buildingIds: [] },
          buildingId: null,
        }),
      )
      .thenThrows(NotFound, /compound compound-9 not found/));

  it('the compound must be in the resident’s community', () =>
    given([])
      .when(
        placeOrder({
          compound: { exists: true, compoundId: 'compound-7', communityId: 'community-7', buildingIds: [] },
          buildingId: null,
        }),
      )
      .thenThrows(
        OutOfScope,
        /compound compound-7 is in community community-7, not in community community-1 of resident resident-1/,
        {
          entity: 'compound',
          id: 'compound-7',
          communityId: 'community-7',
          expectedCommunityId: 'community-1',
        },
      ));

  it('a building, when given, must be one of the compound’s: another is not found in it', () =>
    given([])
      .when(placeOrder({ buildingId: 'building-9' }))
      .thenThrows(NotFound, /building building-9 not found in compound compound-1/, {
        entity: 'building',
        id: 'building-9',
        within: { entity: 'compound', id: 'compound-1' },
      }));

  it('an order is placed only once', () =>
    given([placed()])
      .when(placeOrder())
      .thenThrows(InvalidTransition, /already been placed/));
});

describe('order (residents-committee): 支部审单 recording the branch review', () => {
  it.each<ReviewDecision>(['approve', 'reject', 'merge', 'need-info'])(
    'the branch’s decision to %s a placed order is recorded',
    (decision) =>
      given([placed()])
        .when(recordReview(decision))
        .then([reviewed(decision)]),
  );

  it('an order awaiting information is reviewed again', () =>
    given([placed(), reviewed('need-info')])
      .when(recordReview('approve', { reviewedAt: '2026-03-01T12:00:00.000Z' }))
      .then([reviewed('approve', { reviewedAt: '2026-03-01T12:00:00.000Z' })]));

  it('an order no longer under review is not reviewed again', () =>
    given(approved)
      .when(recordReview('reject', { reviewedAt: '2026-03-01T12:00:00.000Z' }))
      .thenThrows(InvalidTransition, /the order is approved/));

  it('a review of an unknown order is refused', () =>
    given([])
      .when(recordReview('approve'))
      .thenThrows(NotFound, /order order-1 not found/));

  // A redelivered review never reaches the decider: the repository finds the event ids derived
  // from the integration event's id (ADR 10). What reaches it is a second review, refused.
  it('a second review of a reviewed order is refused', () =>
    given(approved)
      .when(recordReview('approve', { priority: 'urgent' }))
      .thenThrows(InvalidTransition, /the order is approved/));
});

describe('order (residents-committee): 社区派单 dispatching', () => {
  it('a worker of the community dispatches an approved order to a branch pool', () =>
    given(approved).when(dispatchOrder()).then([dispatched()]));

  it('a worker dispatches an approved order to a member the Party organization published', () =>
    given(approved)
      .when(dispatchOrder({ assigneeKind: 'member', assigneeId: 'member-2' }))
      .then([dispatched({ assigneeKind: 'member', assigneeId: 'member-2' })]));

  it('a dispatch of an unknown order is refused', () =>
    given([])
      .when(dispatchOrder())
      .thenThrows(NotFound, /order order-1 not found/));

  it('an order the branch has not approved cannot be dispatched', () =>
    given([placed()])
      .when(dispatchOrder())
      .thenThrows(InvalidTransition, /branch has not approved this order/));

  it('an order awaiting information cannot be dispatched', () =>
    given([placed(), reviewed('need-info')])
      .when(dispatchOrder())
      .thenThrows(InvalidTransition, /branch has not approved this order/));

  it('a rejected order cannot be dispatched', () =>
    given([placed(), reviewed('reject')])
      .when(dispatchOrder())
      .thenThrows(InvalidTransition, /branch rejected this order/));

  it('a merged order cannot be dispatched', () =>
    given([placed(), reviewed('merge')])
      .when(dispatchOrder())
      .thenThrows(InvalidTransition, /merged into another order/));

  it('a dispatched order is not dispatched again in the same round', () =>
    given([...approved, dispatched()])
      .when(dispatchOrder())
      .thenThrows(InvalidTransition, /already dispatched in round 1/));

  it('only a worker of the order’s community dispatches', () =>
    given(approved)
      .when(dispatchOrder({ dispatcherId: 'worker-9', dispatcherIsWorkerOfCommunity: false }))
      .thenThrows(RuleViolation, /worker-9 is not a worker of community community-1/));

  it('a member the Party organization has not published (yet) cannot be assigned yet', () =>
    given(approved)
      .when(
        dispatchOrder({ assigneeKind: 'member', assigneeId: 'member-9', partyAssignee: { known: false } }),
      )
      .thenThrows(NotYetKnown, /Party member member-9 is not known .* yet/));

  it('a branch the Party organization has not published (yet) cannot be assigned yet', () =>
    given(approved)
      .when(
        dispatchOrder({
          assigneeKind: 'branch-pool',
          assigneeId: 'branch-9',
          partyAssignee: { known: false },
        }),
      )
      .thenThrows(NotYetKnown, /Party branch branch-9 is not known .* yet/));

  it('a property company the property company context has not published (yet) cannot be assigned yet', () =>
    given(approved)
      .when(
        dispatchOrder({
          assigneeKind: 'property-company',
          assigneeId: 'company-9',
          partyAssignee: null,
          companyKnown: false,
        }),
      )
      .thenThrows(NotYetKnown, /property company company-9 is not known .* yet/));

  it('a property company it has published is assigned', () =>
    given(approved)
      .when(
        dispatchOrder({
          assigneeKind: 'property-company',
          assigneeId: 'company-1',
          partyAssignee: null,
          companyKnown: true,
        }),
      )
      .then([dispatched({ assigneeKind: 'property-company', assigneeId: 'company-1' })]));

  it('a Party member of another community is refused, naming the member and both communities', () =>
    given(approved)
      .when(
        dispatchOrder({
          assigneeKind: 'member',
          assigneeId: 'member-7',
          partyAssignee: inDirectory('member', 'community-7'),
        }),
      )
      .thenThrows(
        OutOfScope,
        /Party member member-7 belongs to community community-7, not to community community-1/,
        {
          entity: 'Party member',
          id: 'member-7',
          communityId: 'community-7',
          expectedCommunityId: 'community-1',
        },
      ));

  it('a branch of another community is refused, naming the branch and both communities', () =>
    given(approved)
      .when(
        dispatchOrder({ assigneeId: 'branch-7', partyAssignee: inDirectory('branch-pool', 'community-7') }),
      )
      .thenThrows(OutOfScope, /Party branch branch-7 belongs to community community-7/, {
        entity: 'Party branch',
        id: 'branch-7',
        communityId: 'community-7',
        expectedCommunityId: 'community-1',
      }));

  it('a branch pool names a branch: a building Party group or the committee is the wrong kind', () =>
    given(approved)
      .when(
        dispatchOrder({
          assigneeId: 'group-1',
          partyAssignee: { known: true, kind: 'group', communityId: 'community-1' },
        }),
      )
      .thenThrows(WrongKind, /group-1 is a group, not a Party branch/, {
        entity: 'Party branch',
        id: 'group-1',
        kind: 'group',
      }));

  it('a member assignee names a member, not an organization', () =>
    given(approved)
      .when(
        dispatchOrder({
          assigneeKind: 'member',
          assigneeId: 'branch-1',
          partyAssignee: { known: true, kind: 'branch', communityId: 'community-1' },
        }),
      )
      .thenThrows(WrongKind, /branch-1 is a branch, not a Party member/));

  it('a volunteer team of the order’s community is assigned', () =>
    given(approved)
      .when(
        dispatchOrder({
          assigneeKind: 'volunteer-team',
          assigneeId: 'team-1',
          partyAssignee: null,
          volunteerTeam: { exists: true, communityId: 'community-1' },
        }),
      )
      .thenMatches([
        { type: 'OrderDispatched', data: { assigneeKind: 'volunteer-team', assigneeId: 'team-1' } },
      ]));

  it('a volunteer team nobody registered is not found', () =>
    given(approved)
      .when(
        dispatchOrder({
          assigneeKind: 'volunteer-team',
          assigneeId: 'team-9',
          partyAssignee: null,
          volunteerTeam: { exists: false },
        }),
      )
      .thenThrows(NotFound, /volunteer team team-9 not found/));

  it('a volunteer team of another community is out of scope', () =>
    given(approved)
      .when(
        dispatchOrder({
          assigneeKind: 'volunteer-team',
          assigneeId: 'team-2',
          partyAssignee: null,
          volunteerTeam: { exists: true, communityId: 'community-2' },
        }),
      )
      .thenThrows(OutOfScope, /team-2 belongs to community community-2, not to community community-1/, {
        entity: 'volunteer team',
        id: 'team-2',
        communityId: 'community-2',
        expectedCommunityId: 'community-1',
      }));

  it('a department is not dispatched to: it is called in by a whistle', () =>
    given(approved)
      .when(dispatchOrder({ assigneeKind: 'department', assigneeId: 'dept-1', partyAssignee: null }))
      .thenThrows(
        RuleViolation,
        /called in by a whistle, not a dispatch: POST \/api\/orders\/order-1\/whistle/,
        {
          assigneeKind: 'department',
          assigneeId: 'dept-1',
        },
      ));

  it('an approved building leader of the order’s community is assigned', () =>
    given(approved)
      .when(
        dispatchOrder({
          assigneeKind: 'building-leader',
          assigneeId: 'leader-1',
          partyAssignee: null,
          approvedLeader: { known: true, communityId: 'community-1' },
        }),
      )
      .then([dispatched({ assigneeKind: 'building-leader', assigneeId: 'leader-1' })]));

  it('a building leader not published as approved (yet) cannot be assigned yet', () =>
    given(approved)
      .when(
        dispatchOrder({
          assigneeKind: 'building-leader',
          assigneeId: 'leader-9',
          partyAssignee: null,
          approvedLeader: { known: false },
        }),
      )
      .thenThrows(NotYetKnown, /building leader leader-9 is not known .* as approved yet/));

  it('a building leader of another community is refused', () =>
    given(approved)
      .when(
        dispatchOrder({
          assigneeKind: 'building-leader',
          assigneeId: 'leader-7',
          partyAssignee: null,
          approvedLeader: { known: true, communityId: 'community-7' },
        }),
      )
      .thenThrows(OutOfScope, /building leader leader-7 serves community community-7/));

  it('a reopened order is dispatched for its next round', () =>
    given(reopenedForRoundTwo)
      .when(dispatchOrder({ assigneeKind: 'member', assigneeId: 'member-3' }))
      .then([dispatched({ round: 2, assigneeKind: 'member', assigneeId: 'member-3' })]));
});

describe('order (residents-committee): work by whoever it was dispatched to', () => {
  it('the acceptance by a member of the branch pool it was dispatched to is recorded', () =>
    given([...approved, dispatched()])
      .when(recordTaken())
      .then([taken()]));

  it('the acceptance by the property company it was dispatched to is recorded', () => {
    const company = { kind: 'property-company', id: 'company-1' } as const;
    given([...approved, dispatched({ assigneeKind: 'property-company', assigneeId: 'company-1' })])
      .when(recordTaken({ executor: company, performedBy: 'staff-9' }))
      .then([taken({ executor: company, performedBy: 'staff-9' })]);
  });

  it('the acceptance by the building leader it was dispatched to is recorded', () => {
    const leader = { kind: 'building-leader', id: 'leader-1' } as const;
    given([...approved, dispatched({ assigneeKind: 'building-leader', assigneeId: 'leader-1' })])
      .when(recordTaken({ executor: leader, performedBy: 'leader-1' }))
      .then([taken({ executor: leader, performedBy: 'leader-1' })]);
  });

  it('an executor the order was not dispatched to cannot accept it', () =>
    given([...approved, dispatched({ assigneeKind: 'property-company', assigneeId: 'company-1' })])
      .when(recordTaken({ executor: { kind: 'property-company', id: 'company-2' } }))
      .thenThrows(RuleViolation, /dispatched to property-company company-1, not property-company company-2/));

  it('an acceptance of an order not dispatched is refused', () =>
    given(approved)
      .when(recordTaken())
      .thenThrows(InvalidTransition, /accepted needs it dispatched/));

  it('work for another round than the current one is refused', () =>
    given([...approved, dispatched()])
      .when(recordTaken({ round: 2 }))
      .thenThrows(InvalidTransition, /the work is for round 2 but the order is in round 1/));

  it('once accepted, another acceptance is refused', () =>
    given([...approved, dispatched(), taken()])
      .when(recordTaken({ executor: { kind: 'member', id: 'member-3' } }))
      .thenThrows(InvalidTransition, /accepted needs it dispatched/));

  it('the arrival on site of whoever accepted it is recorded', () =>
    given([...approved, dispatched(), taken()])
      .when(recordWork('arrived', { note: 'water off' }))
      .then([arrived({ note: 'water off' })]));

  it('someone else’s arrival is refused', () =>
    given([...approved, dispatched(), taken()])
      .when(recordWork('arrived', { executor: { kind: 'member', id: 'member-3' } }))
      .thenThrows(RuleViolation, /accepted by member member-2, not member member-3/));

  it('the completion of an accepted order is recorded with its evidence', () =>
    given([...approved, dispatched(), taken()])
      .when(recordCompletion())
      .then([completed()]));

  it('the completion after arrival is recorded', () =>
    given([...approved, dispatched(), taken(), arrived()])
      .when(recordCompletion())
      .then([completed()]));

  it('a completion of an order not accepted is refused', () =>
    given([...approved, dispatched()])
      .when(recordCompletion())
      .thenThrows(InvalidTransition, /completed needs it taken or arrived/));

  it('a completion without a result note is refused', () =>
    given([...approved, dispatched(), taken()])
      .when(recordCompletion({ resultNote: '  ' }))
      .thenThrows(InvalidInput, /result note/));

  it('a hand-back returns the order to dispatch in the same round', () =>
    given([...approved, dispatched(), taken(), arrived()])
      .when(recordWork('handed-back'))
      .then([handedBack()]));

  it('a handed-back order is dispatched again', () =>
    given([...approved, dispatched(), taken(), handedBack()])
      .when(dispatchOrder({ assigneeKind: 'member', assigneeId: 'member-3' }))
      .then([dispatched({ assigneeKind: 'member', assigneeId: 'member-3' })]));

  it('a hand-back without a reason is refused', () =>
    given([...approved, dispatched(), taken()])
      .when(recordWork('handed-back', { reason: '' }))
      .thenThrows(InvalidInput, /needs a reason/));

  it('a completed order cannot be handed back', () =>
    given(completedRoundOne)
      .when(recordWork('handed-back'))
      .thenThrows(InvalidTransition, /handed-back needs it dispatched or taken or arrived/));
});

describe('order (residents-committee): 党群评单 rating', () => {
  it.each([3, 4, 5])('a score of %i closes the order', (score) =>
    given(completedRoundOne)
      .when(rateOrder({ score }))
      .then([rated({ score }), closed()]),
  );

  it.each([1, 2])('a score of %i reopens the order for another round', (score) =>
    given(completedRoundOne)
      .when(rateOrder({ score, comment: 'still leaking' }))
      .then([rated({ score, comment: 'still leaking', reopensOrder: true }), reopened()]),
  );

  it('an order cannot be rated before it is completed', () =>
    given([...approved, dispatched(), taken()])
      .when(rateOrder())
      .thenThrows(InvalidTransition, /the order has not been completed/));

  it('a closed order is not rated again', () =>
    given([...completedRoundOne, rated(), closed()])
      .when(rateOrder({ score: 1 }))
      .thenThrows(InvalidTransition, /already been rated and closed/));

  it('only the resident who placed the order rates it', () =>
    given(completedRoundOne)
      .when(rateOrder({ raterId: 'resident-2' }))
      .thenThrows(RuleViolation, /only the resident who placed the order/));

  it('a rater who is no resident at all is not found', () =>
    given(completedRoundOne)
      .when(rateOrder({ raterId: 'person-9', raterIsResident: false }))
      .thenThrows(NotFound, /resident person-9 not found/, { entity: 'resident', id: 'person-9' }));

  it.each([0, 6, 2.5, Number.NaN])('a score of %s is refused', (score) =>
    given(completedRoundOne)
      .when(rateOrder({ score }))
      .thenThrows(InvalidInput, /whole number from 1 to 5/),
  );

  it('a rating of an unknown order is refused', () =>
    given([])
      .when(rateOrder())
      .thenThrows(NotFound, /order order-1 not found/));

  it('the next round is taken, completed and rated under its own number', () =>
    given([
      ...reopenedForRoundTwo,
      dispatched({ round: 2 }),
      taken({ round: 2, executor: { kind: 'member', id: 'member-3' }, performedBy: 'member-3' }),
      completed({ round: 2, executor: { kind: 'member', id: 'member-3' }, performedBy: 'member-3' }),
    ])
      .when(rateOrder({ score: 4 }))
      .then([rated({ round: 2, score: 4 }), closed({ round: 2 })]));
});

describe('the grid an order falls in', () => {
  it('an order placed where a grid covers it records the grid', () =>
    given([])
      .when(placeOrder({ gridId: 'grid-1' }))
      .then([placed({ gridId: 'grid-1' })]));

  it('an order no grid covers records none', () =>
    given([])
      .when(placeOrder({ gridId: null }))
      .then([placed()]));
});

describe('a patrol finding (采办分离)', () => {
  const finding = (overrides: Partial<RecordPatrolFinding['data']> = {}): RecordPatrolFinding => ({
    type: 'RecordPatrolFinding',
    data: {
      orderId: ORDER,
      communityId: 'community-1',
      gridId: 'grid-1',
      reporterId: 'worker-1',
      reporterHoldsPost: true,
      compound: {
        exists: true,
        compoundId: 'compound-1',
        communityId: 'community-1',
        buildingIds: ['building-1'],
      },
      buildingId: 'building-1',
      category: 'safety',
      title: 'Blocked fire exit',
      description: 'Bicycles in the stairwell',
      now: PLACED_AT,
      ...overrides,
    },
  });

  it('becomes an order of channel grid-patrol with no resident, reported by the grid worker', () =>
    given([])
      .when(finding())
      .then([
        placed({
          residentId: null,
          reporterId: 'worker-1',
          category: 'safety',
          title: 'Blocked fire exit',
          description: 'Bicycles in the stairwell',
          channel: 'grid-patrol',
          gridId: 'grid-1',
        }),
      ]));

  it('a reporter holding no post on the grid is refused', () =>
    given([])
      .when(finding({ reporterHoldsPost: false }))
      .thenThrows(RuleViolation, /worker-1 holds no post on grid grid-1/));

  it('a compound of another community is out of scope', () =>
    given([])
      .when(
        finding({
          compound: { exists: true, compoundId: 'compound-9', communityId: 'community-2', buildingIds: [] },
          buildingId: null,
        }),
      )
      .thenThrows(OutOfScope, /compound compound-9 lies in another community/));

  const completedFinding: OrderEvent[] = [
    placed({ residentId: null, reporterId: 'worker-1', channel: 'grid-patrol' }),
    reviewed('approve'),
    dispatched(),
    taken(),
    completed(),
  ];

  it('the grid worker who reported it checks the result: their rating closes it', () =>
    given(completedFinding)
      .when(rateOrder({ raterId: 'worker-1', raterIsResident: false }))
      .then([rated({ raterId: 'worker-1' }), closed()]));

  it('a low check by the reporter reopens it, as a resident’s rating would', () =>
    given(completedFinding)
      .when(rateOrder({ raterId: 'worker-1', raterIsResident: false, score: 2, comment: 'still blocked' }))
      .then([
        rated({ raterId: 'worker-1', score: 2, comment: 'still blocked', reopensOrder: true }),
        reopened(),
      ]));

  it('nobody else rates a finding, not even a resident', () =>
    given(completedFinding)
      .when(rateOrder())
      .thenThrows(RuleViolation, /only the grid worker who reported a patrol finding may rate its result/));
});

describe('order (residents-committee): 吹哨 whistling a department in', () => {
  const WHISTLED_AT = '2026-03-01T10:05:00.000Z';
  const DEPARTMENT = { kind: 'department', id: 'dept-1' } as const;
  const approvedOrder = [placed(), reviewed('approve')];

  function whistleOrder(overrides: Partial<WhistleOrder['data']> = {}): WhistleOrder {
    return {
      type: 'WhistleOrder',
      data: {
        orderId: ORDER,
        whistlerId: 'worker-1',
        whistlerIsWorkerOfCommunity: true,
        departmentId: 'dept-1',
        department: { exists: true, streetId: 'street-1' },
        communityStreetId: 'street-1',
        level: 'street',
        reason: 'the water main under the road has burst',
        now: WHISTLED_AT,
        ...overrides,
      },
    };
  }
  function whistled(overrides: Partial<OrderWhistled['data']> = {}): OrderWhistled {
    return {
      type: 'OrderWhistled',
      data: {
        orderId: ORDER,
        round: 1,
        communityId: 'community-1',
        compoundId: 'compound-1',
        streetId: 'street-1',
        departmentId: 'dept-1',
        level: 'street',
        reason: 'the water main under the road has burst',
        whistlerId: 'worker-1',
        whistledAt: WHISTLED_AT,
        ...overrides,
      },
    };
  }
  const departmentWork = (
    step: RecordOrderWork['data']['step'],
    overrides: Partial<RecordOrderWork['data']> = {},
  ) =>
    recordWork(step, { executor: DEPARTMENT, performedBy: 'person-1', performerIsStaff: true, ...overrides });

  it('a worker of the community whistles an approved order to a department of its street', () =>
    given(approvedOrder).when(whistleOrder()).then([whistled()]));

  it('an order handed back, or reopened, is whistled like it is dispatched', () => {
    given([...approvedOrder, dispatched(), handedBack()])
      .when(whistleOrder())
      .then([whistled()]);
    given([
      ...approvedOrder,
      dispatched(),
      taken(),
      completed(),
      rated({ score: 1, reopensOrder: true }),
      reopened(),
    ])
      .when(whistleOrder())
      .then([whistled({ round: 2 })]);
  });

  it('an order a member holds is not whistled: they hand it back first', () =>
    given([...approvedOrder, dispatched(), taken()])
      .when(whistleOrder())
      .thenThrows(InvalidTransition, /member member-2 holds the order in round 1: they hand it back first/));

  it('an order the branch has not approved is not whistled', () =>
    given([placed()])
      .when(whistleOrder())
      .thenThrows(InvalidTransition, /has not approved/));

  it('only a worker of the order’s community whistles', () =>
    given(approvedOrder)
      .when(whistleOrder({ whistlerIsWorkerOfCommunity: false }))
      .thenThrows(RuleViolation, /worker-1 is not a worker of community community-1/));

  it('a whistle needs a reason', () =>
    given(approvedOrder)
      .when(whistleOrder({ reason: ' ' }))
      .thenThrows(InvalidInput, /needs a reason/));

  it('a department that does not exist is not found', () =>
    given(approvedOrder)
      .when(whistleOrder({ department: { exists: false } }))
      .thenThrows(NotFound, /department dept-1 not found/));

  it('a community in no street cannot whistle', () =>
    given(approvedOrder)
      .when(whistleOrder({ communityStreetId: null }))
      .thenThrows(RuleViolation, /community community-1 lies in no street/));

  it('a department of another street is out of scope, naming both streets', () =>
    given(approvedOrder)
      .when(whistleOrder({ department: { exists: true, streetId: 'street-2' } }))
      .thenThrows(OutOfScope, /department dept-1 is in street street-2, not in street street-1/, {
        entity: 'department',
        id: 'dept-1',
        streetId: 'street-2',
        expectedStreetId: 'street-1',
      }));

  it('the department’s staff report in, arrive and complete the whistled order', () => {
    given([...approvedOrder, whistled()])
      .when(departmentWork('accepted'))
      .thenMatches([{ type: 'OrderTakenRecorded', data: { executor: DEPARTMENT, performedBy: 'person-1' } }]);
    given([...approvedOrder, whistled(), taken({ executor: DEPARTMENT, performedBy: 'person-1' })])
      .when(departmentWork('arrived'))
      .thenMatches([{ type: 'ArrivalRecorded', data: { executor: DEPARTMENT } }]);
    given([...approvedOrder, whistled(), taken({ executor: DEPARTMENT, performedBy: 'person-1' })])
      .when(departmentWork('completed'))
      .thenMatches([{ type: 'OrderCompletionRecorded', data: { executor: DEPARTMENT } }]);
  });

  it('someone who is not staff of the department does not report in for it', () =>
    given([...approvedOrder, whistled()])
      .when(departmentWork('accepted', { performedBy: 'person-9', performerIsStaff: false }))
      .thenThrows(RuleViolation, /person-9 is not staff of department dept-1/));

  it('another department does not report in on an order whistled to one', () =>
    given([...approvedOrder, whistled()])
      .when(departmentWork('accepted', { executor: { kind: 'department', id: 'dept-2' } }))
      .thenThrows(RuleViolation, /dispatched to department dept-1, not department dept-2/));

  it('a department hands the order back to dispatch, and it can be whistled or dispatched again', () => {
    given([...approvedOrder, whistled()])
      .when(departmentWork('handed-back'))
      .thenMatches([{ type: 'OrderHandedBack', data: { executor: DEPARTMENT } }]);
    const back = handedBack({ executor: DEPARTMENT, performedBy: 'person-1' });
    given([...approvedOrder, whistled(), back])
      .when(whistleOrder())
      .then([whistled()]);
    given([...approvedOrder, whistled(), back])
      .when(dispatchOrder())
      .thenMatches([{ type: 'OrderDispatched' }]);
  });
});

describe('order (residents-committee): a volunteer team’s work (志愿服务队)', () => {
  const TEAM = { kind: 'volunteer-team', id: 'team-1' } as const;
  const toTeam = [
    placed(),
    reviewed('approve'),
    dispatched({ assigneeKind: 'volunteer-team', assigneeId: 'team-1' }),
  ];
  const teamWork = (
    step: RecordOrderWork['data']['step'],
    overrides: Partial<RecordOrderWork['data']> = {},
  ) => recordWork(step, { executor: TEAM, performedBy: 'person-1', performerIsStaff: true, ...overrides });

  it('a member of the team accepts, arrives and completes an order dispatched to it', () => {
    given(toTeam)
      .when(teamWork('accepted'))
      .thenMatches([{ type: 'OrderTakenRecorded', data: { executor: TEAM, performedBy: 'person-1' } }]);
    const accepted = taken({ executor: TEAM, performedBy: 'person-1' });
    given([...toTeam, accepted])
      .when(teamWork('arrived'))
      .thenMatches([{ type: 'ArrivalRecorded', data: { executor: TEAM } }]);
    given([...toTeam, accepted])
      .when(teamWork('completed'))
      .thenMatches([{ type: 'OrderCompletionRecorded', data: { executor: TEAM } }]);
  });

  it('someone who is neither a member nor the community’s service-station staff does not work for it', () =>
    given(toTeam)
      .when(teamWork('accepted', { performedBy: 'person-9', performerIsStaff: false }))
      .thenThrows(RuleViolation, /person-9 is neither a member of volunteer team team-1/, {
        performedBy: 'person-9',
        teamId: 'team-1',
      }));

  it('another team does not work on an order dispatched to one', () =>
    given(toTeam)
      .when(teamWork('accepted', { executor: { kind: 'volunteer-team', id: 'team-2' } }))
      .thenThrows(RuleViolation, /dispatched to volunteer-team team-1, not volunteer-team team-2/));

  it('a team does not work on an order dispatched to someone else', () =>
    given([placed(), reviewed('approve'), dispatched()])
      .when(teamWork('accepted'))
      .thenThrows(RuleViolation, /dispatched to branch-pool branch-1, not volunteer-team team-1/));
});

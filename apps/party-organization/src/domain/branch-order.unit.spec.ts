import { InvalidInput, InvalidTransition, NotFound, OutOfScope, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type BranchOrderEvent,
  type BranchOrderOpened,
  type CompleteOrder,
  type DispatchRecorded,
  type OpenBranchOrder,
  type OrderCompleted,
  type OrderTaken,
  type RatingRecorded,
  type RecordDispatch,
  type RecordRating,
  type ReviewOrder,
  type TakeOrder,
  branchOrderDecider,
  branchOrderStage,
  evolve,
  initialState,
} from './branch-order';

const given = deciderSpecification(branchOrderDecider);
const PLACED = '2025-03-01T08:00:00.000Z';
const NOW = '2025-03-02T09:00:00.000Z';

// Builders: the defaults describe one order in compound-1, reviewed by member-1 of branch-1.

const placement = {
  orderId: 'order-1',
  communityId: 'community-1',
  compoundId: 'compound-1',
  buildingId: 'building-1',
  category: 'repair',
  title: 'Stairwell light is broken',
  placedAt: PLACED,
};

const openOrder = (overrides: Partial<OpenBranchOrder['data']> = {}): OpenBranchOrder => ({
  type: 'OpenBranchOrder',
  data: { ...placement, ...overrides },
});
const opened = (overrides: Partial<BranchOrderOpened['data']> = {}): BranchOrderOpened => ({
  type: 'BranchOrderOpened',
  data: { ...placement, ...overrides },
});

const reviewer = {
  exists: true as const,
  memberId: 'member-1',
  branchId: 'branch-1',
  branchCompoundIds: ['compound-1'],
};

const reviewOrder = (overrides: Partial<ReviewOrder['data']> = {}): ReviewOrder => ({
  type: 'ReviewOrder',
  data: {
    orderId: 'order-1',
    reviewer,
    decision: 'approve',
    note: 'urgent for elderly residents',
    priority: 'high',
    reason: null,
    duplicateOf: null,
    now: NOW,
    ...overrides,
  },
});

const reviewed = {
  orderId: 'order-1',
  reviewerId: 'member-1',
  branchId: 'branch-1',
  note: 'urgent for elderly residents',
  priority: 'high' as const,
  reviewedAt: NOW,
};
const approved: BranchOrderEvent = { type: 'OrderApproved', data: reviewed };
const infoRequested: BranchOrderEvent = { type: 'MoreInformationRequested', data: reviewed };
const rejected: BranchOrderEvent = {
  type: 'OrderRejected',
  data: { ...reviewed, reason: 'not a community matter' },
};
const merged: BranchOrderEvent = {
  type: 'OrderMerged',
  data: { ...reviewed, duplicateOfOrderId: 'order-0' },
};

const dispatch = (overrides: Partial<RecordDispatch['data']> = {}): RecordDispatch['data'] => ({
  orderId: 'order-1',
  round: 1,
  assigneeKind: 'branch-pool',
  assigneeId: 'branch-1',
  dispatcherId: 'worker-1',
  dispatchedAt: NOW,
  ...overrides,
});
const recordDispatch = (overrides: Partial<RecordDispatch['data']> = {}): RecordDispatch => ({
  type: 'RecordDispatch',
  data: dispatch(overrides),
});
const dispatched = (overrides: Partial<DispatchRecorded['data']> = {}): DispatchRecorded => ({
  type: 'DispatchRecorded',
  data: dispatch(overrides),
});

const takeOrder = (
  member: TakeOrder['data']['member'] = { exists: true, memberId: 'member-2', branchId: 'branch-1' },
) => ({ type: 'TakeOrder', data: { orderId: 'order-1', member, now: NOW } }) satisfies TakeOrder;
const taken = (overrides: Partial<OrderTaken['data']> = {}): OrderTaken => ({
  type: 'OrderTaken',
  data: { orderId: 'order-1', round: 1, memberId: 'member-2', takenAt: NOW, ...overrides },
});

const completeOrder = (overrides: Partial<CompleteOrder['data']> = {}): CompleteOrder => ({
  type: 'CompleteOrder',
  data: {
    orderId: 'order-1',
    memberId: 'member-2',
    memberExists: true,
    resultNote: 'replaced the bulb',
    evidence: ['https://files.example/photo-1.jpg'],
    now: NOW,
    ...overrides,
  },
});
const completed = (overrides: Partial<OrderCompleted['data']> = {}): OrderCompleted => ({
  type: 'OrderCompleted',
  data: {
    orderId: 'order-1',
    round: 1,
    memberId: 'member-2',
    resultNote: 'replaced the bulb',
    evidence: ['https://files.example/photo-1.jpg'],
    completedAt: NOW,
    ...overrides,
  },
});

const rating = (overrides: Partial<RecordRating['data']> = {}): RecordRating['data'] => ({
  orderId: 'order-1',
  round: 1,
  score: 5,
  reopened: false,
  ratedAt: NOW,
  ...overrides,
});
const recordRating = (overrides: Partial<RecordRating['data']> = {}): RecordRating => ({
  type: 'RecordRating',
  data: rating(overrides),
});
const rated = (overrides: Partial<RatingRecorded['data']> = {}): RatingRecorded => ({
  type: 'RatingRecorded',
  data: rating(overrides),
});
const reopenedAfterRound1 = [
  opened(),
  approved,
  dispatched(),
  taken(),
  completed(),
  rated({ score: 2, reopened: true }),
];

describe('branch order', () => {
  describe('opening', () => {
    it('a placed order opens for branch review', () => given([]).when(openOrder()).then([opened()]));

    // Redeliveries never reach the decider: the repository finds their derived event ids (ADR 10).
    it('an order cannot be opened twice', () =>
      given([opened()])
        .when(openOrder({ title: 'Something else' }))
        .thenThrows(InvalidTransition, /has already been opened/));
  });

  describe('review (支部审单)', () => {
    it('a member of the covering branch approves an open order with a priority', () =>
      given([opened()]).when(reviewOrder()).then([approved]));

    it('a member of the covering branch asks for more information', () =>
      given([opened()])
        .when(reviewOrder({ decision: 'need-info' }))
        .then([infoRequested]));

    it('a member of the covering branch rejects with a reason', () =>
      given([opened()])
        .when(reviewOrder({ decision: 'reject', reason: 'not a community matter' }))
        .then([rejected]));

    it('a member of the covering branch merges into another existing order', () =>
      given([opened()])
        .when(
          reviewOrder({
            decision: 'merge',
            duplicateOf: { orderId: 'order-0', exists: true, communityId: 'community-1' },
          }),
        )
        .then([merged]));

    it('an order awaiting information is reviewed again', () =>
      given([opened(), infoRequested]).when(reviewOrder()).then([approved]));

    it('an order that does not exist is not found', () =>
      given([])
        .when(reviewOrder())
        .thenThrows(NotFound, /order order-1 not found/));

    it('a reviewer who is not a member is not found', () =>
      given([opened()])
        .when(reviewOrder({ reviewer: { exists: false, memberId: 'member-9' } }))
        .thenThrows(NotFound, /member member-9 not found/));

    it('an order is reviewed only while open or awaiting information', () =>
      given([opened(), approved])
        .when(reviewOrder())
        .thenThrows(InvalidTransition, /already reviewed and is approved/));

    it('a member of a branch not covering the compound cannot review', () =>
      given([opened()])
        .when(
          reviewOrder({ reviewer: { ...reviewer, branchId: 'branch-2', branchCompoundIds: ['compound-2'] } }),
        )
        .thenThrows(
          RuleViolation,
          /member member-1 does not belong to the branch covering compound compound-1/,
        ));

    it('a member of no branch cannot review', () =>
      given([opened()])
        .when(reviewOrder({ reviewer: { ...reviewer, branchId: null, branchCompoundIds: [] } }))
        .thenThrows(RuleViolation, /does not belong to the branch covering compound compound-1/));

    it('a rejection needs a reason', () =>
      given([opened()])
        .when(reviewOrder({ decision: 'reject', reason: '  ' }))
        .thenThrows(InvalidInput, /needs a reason/));

    it('a merge needs the order it duplicates', () =>
      given([opened()])
        .when(reviewOrder({ decision: 'merge', duplicateOf: null }))
        .thenThrows(InvalidInput, /needs the order it duplicates/));

    it('a merge into an order that does not exist is not found', () =>
      given([opened()])
        .when(reviewOrder({ decision: 'merge', duplicateOf: { orderId: 'order-9', exists: false } }))
        .thenThrows(NotFound, /order order-9 not found/));

    it('a merge into an order of another community is out of scope, naming it', () =>
      given([opened()])
        .when(
          reviewOrder({
            decision: 'merge',
            duplicateOf: { orderId: 'order-7', exists: true, communityId: 'community-7' },
          }),
        )
        .thenThrows(OutOfScope, /order order-7 is in community community-7, not in community community-1/, {
          entity: 'order',
          id: 'order-7',
          communityId: 'community-7',
          expectedCommunityId: 'community-1',
        }));

    it('an order cannot be merged into itself', () =>
      given([opened()])
        .when(
          reviewOrder({
            decision: 'merge',
            duplicateOf: { orderId: 'order-1', exists: true, communityId: 'community-1' },
          }),
        )
        .thenThrows(InvalidInput, /into itself/));
  });

  describe('dispatch (recorded from the residents’ committee)', () => {
    it('the dispatch of an approved order is recorded', () =>
      given([opened(), approved]).when(recordDispatch()).then([dispatched()]));

    it('an order not approved cannot be dispatched', () =>
      given([opened()])
        .when(recordDispatch())
        .thenThrows(InvalidTransition, /record dispatch when the stage is open/));

    it('a second, different dispatch of the same round is refused', () =>
      given([opened(), approved, dispatched()])
        .when(recordDispatch({ assigneeKind: 'member', assigneeId: 'member-3' }))
        .thenThrows(InvalidTransition, /stage is dispatched/));

    it('a reopened order records the dispatch of its next round', () =>
      given(reopenedAfterRound1)
        .when(recordDispatch({ round: 2, assigneeKind: 'member', assigneeId: 'member-3' }))
        .then([dispatched({ round: 2, assigneeKind: 'member', assigneeId: 'member-3' })]));

    it('a reopened order refuses a dispatch for another round', () =>
      given(reopenedAfterRound1)
        .when(recordDispatch({ round: 3 }))
        .thenThrows(InvalidTransition, /for round 3 but the order awaits round 2/));

    it('the dispatch of an earlier round is refused', () =>
      given(reopenedAfterRound1)
        .when(recordDispatch())
        .thenThrows(InvalidTransition, /for round 1 but the order awaits round 2/));

    it('the dispatch of an unknown order is not found', () =>
      given([])
        .when(recordDispatch())
        .thenThrows(NotFound, /order order-1 not found/));
  });

  describe('taking (党员接单)', () => {
    it('a member of the branch takes a branch-pool order', () =>
      given([opened(), approved, dispatched()]).when(takeOrder()).then([taken()]));

    it('the member an order was dispatched to takes it', () =>
      given([opened(), approved, dispatched({ assigneeKind: 'member', assigneeId: 'member-2' })])
        .when(takeOrder())
        .then([taken()]));

    it('a member takes the order in its current round', () =>
      given([...reopenedAfterRound1, dispatched({ round: 2 })])
        .when(takeOrder())
        .then([taken({ round: 2 })]));

    it('an order that does not exist is not found', () =>
      given([])
        .when(takeOrder())
        .thenThrows(NotFound, /order order-1 not found/));

    it('a taker who is not a member is not found', () =>
      given([opened(), approved, dispatched()])
        .when(takeOrder({ exists: false, memberId: 'member-9' }))
        .thenThrows(NotFound, /member member-9 not found/));

    it('an order not dispatched cannot be taken', () =>
      given([opened(), approved])
        .when(takeOrder())
        .thenThrows(InvalidTransition, /the order has not been dispatched/));

    it('a reopened order cannot be taken before its next dispatch', () =>
      given(reopenedAfterRound1)
        .when(takeOrder())
        .thenThrows(InvalidTransition, /has not been dispatched/));

    it('an order already taken cannot be taken again', () =>
      given([opened(), approved, dispatched(), taken()])
        .when(takeOrder({ exists: true, memberId: 'member-3', branchId: 'branch-1' }))
        .thenThrows(InvalidTransition, /order was already taken by member member-2/));

    it('an order dispatched to a member is taken only by that member', () =>
      given([opened(), approved, dispatched({ assigneeKind: 'member', assigneeId: 'member-3' })])
        .when(takeOrder())
        .thenThrows(RuleViolation, /dispatched to member member-3, not member-2/));

    it('a branch-pool order is taken only by a member of that branch', () =>
      given([opened(), approved, dispatched()])
        .when(takeOrder({ exists: true, memberId: 'member-2', branchId: 'branch-2' }))
        .thenThrows(RuleViolation, /member member-2 does not belong to branch branch-1/));

    it.each(['property-company', 'volunteer-team', 'building-leader', 'department'] as const)(
      'an order dispatched to a %s cannot be taken by Party members',
      (assigneeKind) =>
        given([opened(), approved, dispatched({ assigneeKind, assigneeId: 'other-1' })])
          .when(takeOrder())
          .thenThrows(
            InvalidTransition,
            new RegExp(`dispatched to ${assigneeKind}; Party members cannot take it`),
          ),
    );
  });

  describe('arrival (到场) and hand-back (退回)', () => {
    const held = [opened(), approved, dispatched(), taken()];
    const arrive = (memberId = 'member-2', note: string | null = 'on site', memberExists = true) => ({
      type: 'RecordArrival' as const,
      data: { orderId: 'order-1', memberId, memberExists, note, now: NOW },
    });
    const handBack = (memberId = 'member-2', reason = 'needs an electrician', memberExists = true) => ({
      type: 'HandBackOrder' as const,
      data: { orderId: 'order-1', memberId, memberExists, reason, now: NOW },
    });
    const arrivedEvent = {
      type: 'MemberArrived' as const,
      data: { orderId: 'order-1', round: 1, memberId: 'member-2', note: 'on site', arrivedAt: NOW },
    };

    it('the member who took the order records arriving on site', () =>
      given(held).when(arrive()).then([arrivedEvent]));

    it('another member cannot record the arrival', () =>
      given(held)
        .when(arrive('member-3'))
        .thenThrows(RuleViolation, /only member member-2, who took the order, can record arrival for it/));

    it('an arrival or hand-back by someone who is no member at all is not found', () => {
      given(held)
        .when(arrive('member-9', null, false))
        .thenThrows(NotFound, /member member-9 not found/, { entity: 'member', id: 'member-9' });
      given(held)
        .when(handBack('member-9', 'r', false))
        .thenThrows(NotFound, /member member-9 not found/, { entity: 'member', id: 'member-9' });
    });

    it('an order not taken has no arrival', () =>
      given([opened(), approved, dispatched()])
        .when(arrive())
        .thenThrows(InvalidTransition, /the order is dispatched, not taken/));

    it('an order is completed after the arrival', () =>
      given([...held, arrivedEvent])
        .when(completeOrder())
        .then([completed()]));

    it('the member who took the order hands it back with a reason', () =>
      given([...held, arrivedEvent])
        .when(handBack())
        .then([
          {
            type: 'OrderHandedBack',
            data: {
              orderId: 'order-1',
              round: 1,
              memberId: 'member-2',
              reason: 'needs an electrician',
              handedBackAt: NOW,
            },
          },
        ]));

    it('a hand-back needs a reason', () =>
      given(held)
        .when(handBack('member-2', '  '))
        .thenThrows(InvalidInput, /needs a reason/));

    it('a handed-back order records its next dispatch in the same round', () =>
      given([
        ...held,
        {
          type: 'OrderHandedBack',
          data: { orderId: 'order-1', round: 1, memberId: 'member-2', reason: 'r', handedBackAt: NOW },
        },
      ])
        .when(recordDispatch({ assigneeKind: 'member', assigneeId: 'member-3' }))
        .then([dispatched({ assigneeKind: 'member', assigneeId: 'member-3' })]));
  });

  describe('completion', () => {
    it('the member who took the order completes it with a result note and evidence', () =>
      given([opened(), approved, dispatched(), taken()]).when(completeOrder()).then([completed()]));

    it('an order not taken cannot be completed', () =>
      given([opened(), approved, dispatched()])
        .when(completeOrder())
        .thenThrows(InvalidTransition, /the order is dispatched, not taken or arrived/));

    it('an order cannot be completed twice', () =>
      given([opened(), approved, dispatched(), taken(), completed()])
        .when(completeOrder())
        .thenThrows(InvalidTransition, /the order is completed, not taken or arrived/));

    it('only the member who took the order completes it', () =>
      given([opened(), approved, dispatched(), taken()])
        .when(completeOrder({ memberId: 'member-3' }))
        .thenThrows(RuleViolation, /only member member-2, who took the order, can complete it/));

    it('a completion by someone who is no member at all is not found', () =>
      given([opened(), approved, dispatched(), taken()])
        .when(completeOrder({ memberId: 'member-9', memberExists: false }))
        .thenThrows(NotFound, /member member-9 not found/, { entity: 'member', id: 'member-9' }));

    it('a completion needs a result note', () =>
      given([opened(), approved, dispatched(), taken()])
        .when(completeOrder({ resultNote: '' }))
        .thenThrows(InvalidInput, /needs a result note/));

    it('an order that does not exist is not found', () =>
      given([])
        .when(completeOrder())
        .thenThrows(NotFound, /order order-1 not found/));
  });

  describe('rating (recorded from the residents’ committee)', () => {
    const completedRound1 = [opened(), approved, dispatched(), taken(), completed()];

    it('the rating of a completed order is recorded', () =>
      given(completedRound1).when(recordRating()).then([rated()]));

    it('a second rating of the round is refused', () =>
      given([...completedRound1, rated()])
        .when(recordRating())
        .thenThrows(InvalidTransition, /record rating when the stage is closed/));

    it('an order not completed cannot be rated', () =>
      given([opened(), approved, dispatched(), taken()])
        .when(recordRating())
        .thenThrows(InvalidTransition, /record rating when the stage is taken/));

    it('a closed order takes no other rating', () =>
      given([...completedRound1, rated()])
        .when(recordRating({ score: 4 }))
        .thenThrows(InvalidTransition, /stage is closed/));

    it('a rating for another round is refused', () =>
      given(completedRound1)
        .when(recordRating({ round: 2 }))
        .thenThrows(InvalidTransition, /for round 2 but the order is in round 1/));

    it('a low rating reopens the order, which waits for the next round’s dispatch', () =>
      given(reopenedAfterRound1)
        .when(recordDispatch({ round: 1, assigneeId: 'branch-2' }))
        .thenThrows(InvalidTransition, /for round 1 but the order awaits round 2/));

    it('the rating of an unknown order is not found', () =>
      given([])
        .when(recordRating())
        .thenThrows(NotFound, /order order-1 not found/));
  });

  describe('stage', () => {
    const stageAfter = (events: BranchOrderEvent[]) =>
      branchOrderStage(events.reduce(evolve, initialState()));

    it('the stage follows the chain from open to closed or reopened', () => {
      expect(stageAfter([])).toBe('absent');
      expect(stageAfter([opened()])).toBe('open');
      expect(stageAfter([opened(), infoRequested])).toBe('awaiting-info');
      expect(stageAfter([opened(), rejected])).toBe('rejected');
      expect(stageAfter([opened(), merged])).toBe('merged');
      expect(stageAfter([opened(), approved])).toBe('approved');
      expect(stageAfter([opened(), approved, dispatched()])).toBe('dispatched');
      expect(stageAfter([opened(), approved, dispatched(), taken()])).toBe('taken');
      expect(stageAfter([opened(), approved, dispatched(), taken(), completed()])).toBe('completed');
      expect(stageAfter([opened(), approved, dispatched(), taken(), completed(), rated()])).toBe('closed');
      expect(stageAfter(reopenedAfterRound1)).toBe('reopened');
    });
  });
});

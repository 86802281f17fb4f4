import { InvalidInput, InvalidTransition, NotFound, RuleViolation } from '@cogov/event-sourcing';
import { deciderSpecification } from '@cogov/event-sourcing/testing/decider-specification';
import {
  type DispatchOrder,
  type OrderEvent,
  type PlaceOrder,
  type RateOrder,
  type RecordBranchReview,
  orderDecider,
} from './order';

const given = deciderSpecification(orderDecider);
const NOW = '2026-11-22T08:00:00.000Z';
const ORDER = 'order-1';

const placeOrder = (overrides: Partial<PlaceOrder['data']> = {}): PlaceOrder => ({
  type: 'PlaceOrder',
  data: {
    orderId: ORDER,
    resident: { exists: true, residentId: 'resident-1', communityId: 'community-1' },
    compound: { exists: true, compoundId: 'compound-1', communityId: 'community-1', buildingIds: ['building-1'] },
    buildingId: 'building-1',
    category: 'repair',
    title: 'Leaking pipe',
    description: 'Water in the stairwell',
    channel: 'app',
    now: NOW,
    ...overrides,
  },
});
const placed: OrderEvent = {
  type: 'OrderPlaced',
  data: {
    orderId: ORDER,
    residentId: 'resident-1',
    communityId: 'community-1',
    compoundId: 'compound-1',
    buildingId: 'building-1',
    category: 'repair',
    title: 'Leaking pipe',
    description: 'Water in the stairwell',
    channel: 'app',
    placedAt: NOW,
  },
};
const review = (decision: RecordBranchReview['data']['decision'], overrides: Partial<RecordBranchReview['data']> = {}): RecordBranchReview => ({
  type: 'RecordBranchReview',
  data: {
    orderId: ORDER,
    reviewerId: 'member-1',
    branchId: 'branch-1',
    decision,
    note: 'ok',
    priority: 'high',
    reason: decision === 'reject' ? 'not our matter' : null,
    duplicateOfOrderId: decision === 'merge' ? 'order-0' : null,
    reviewedAt: NOW,
    ...overrides,
  },
});
const reviewed = (decision: RecordBranchReview['data']['decision']): OrderEvent => ({
  type: 'BranchReviewRecorded',
  data: review(decision).data,
});
const dispatch = (overrides: Partial<DispatchOrder['data']> = {}): DispatchOrder => ({
  type: 'DispatchOrder',
  data: {
    orderId: ORDER,
    dispatcherId: 'worker-1',
    dispatcherIsWorkerOfCommunity: true,
    assigneeKind: 'branch-pool',
    assigneeId: 'branch-1',
    assigneeKnown: true,
    now: NOW,
    ...overrides,
  },
});
const dispatched = (round = 1): OrderEvent => ({
  type: 'OrderDispatched',
  data: { orderId: ORDER, round, dispatcherId: 'worker-1', assigneeKind: 'branch-pool', assigneeId: 'branch-1', dispatchedAt: NOW },
});
const taken = (round = 1): OrderEvent => ({
  type: 'OrderTakenRecorded',
  data: { orderId: ORDER, round, memberId: 'member-2', takenAt: NOW },
});
const completed = (round = 1): OrderEvent => ({
  type: 'OrderCompletionRecorded',
  data: { orderId: ORDER, round, memberId: 'member-2', resultNote: 'fixed', evidence: [], completedAt: NOW },
});
const rate = (score: number, raterId = 'resident-1'): RateOrder => ({
  type: 'RateOrder',
  data: { orderId: ORDER, raterId, score, comment: 'c', now: NOW },
});
const reopened: OrderEvent = {
  type: 'OrderReopened',
  data: { orderId: ORDER, previousRound: 1, round: 2, reason: 'rated 2 of 5', reopenedAt: NOW },
};

describe('order (residents-committee): placing', () => {
  it('a resident places an order for a compound of their community', () =>
    given([]).when(placeOrder()).then([placed]));

  it('an order without a building is placed for the whole compound', () =>
    given([]).when(placeOrder({ buildingId: null })).thenMatches([{ type: 'OrderPlaced', data: { buildingId: null } }]));

  it('an unknown resident cannot place an order', () =>
    given([])
      .when(placeOrder({ resident: { exists: false, residentId: 'ghost', communityId: null } }))
      .thenThrows(NotFound, /resident ghost/));

  it('an order for an unknown compound is refused', () =>
    given([])
      .when(placeOrder({ compound: { exists: false, compoundId: 'nowhere', communityId: null, buildingIds: [] } }))
      .thenThrows(NotFound, /compound nowhere/));

  it("the compound must be in the resident's community", () =>
    given([])
      .when(placeOrder({ compound: { exists: true, compoundId: 'c9', communityId: 'community-9', buildingIds: [] }, buildingId: null }))
      .thenThrows(InvalidInput, /not in the resident's community/));

  it('the building must belong to the compound', () =>
    given([]).when(placeOrder({ buildingId: 'building-9' })).thenThrows(InvalidInput, /building building-9/));

  it('an order is placed only once', () => given([placed]).when(placeOrder()).thenThrows(InvalidTransition));
});

describe('order (residents-committee): recording the branch review', () => {
  it.each(['approve', 'reject', 'merge', 'need-info'] as const)('a %s decision is recorded on a placed order', (decision) =>
    given([placed]).when(review(decision)).then([reviewed(decision)]));

  it('an order awaiting information is reviewed again', () =>
    given([placed, reviewed('need-info')])
      .when(review('approve', { reviewedAt: '2026-11-22T09:00:00.000Z' }))
      .thenMatches([{ type: 'BranchReviewRecorded', data: { decision: 'approve' } }]));

  it('the same review delivered twice is recorded once', () =>
    given([placed, reviewed('approve')]).when(review('approve')).thenNothingHappens());

  it('an approved order is not reviewed again', () =>
    given([placed, reviewed('approve')])
      .when(review('reject', { reviewedAt: '2026-11-22T10:00:00.000Z' }))
      .thenThrows(InvalidTransition, /approved/));

  it('a review of an unknown order is refused', () => given([]).when(review('approve')).thenThrows(NotFound));
});

describe('order (residents-committee): dispatching', () => {
  it('a worker of the community dispatches an approved order', () =>
    given([placed, reviewed('approve')]).when(dispatch()).then([dispatched()]));

  it('an order the branch has not approved cannot be dispatched', () =>
    given([placed]).when(dispatch()).thenThrows(InvalidTransition, /branch has not approved/));

  it('a rejected order cannot be dispatched', () =>
    given([placed, reviewed('reject')]).when(dispatch()).thenThrows(InvalidTransition, /rejected/));

  it('a dispatched order is not dispatched again in the same round', () =>
    given([placed, reviewed('approve'), dispatched()]).when(dispatch()).thenThrows(InvalidTransition, /already dispatched/));

  it('only a worker of the order’s community dispatches', () =>
    given([placed, reviewed('approve')])
      .when(dispatch({ dispatcherIsWorkerOfCommunity: false, dispatcherId: 'stranger' }))
      .thenThrows(RuleViolation, /stranger is not a worker of community community-1/));

  it('a member or branch the Party organization has not published is refused', () =>
    given([placed, reviewed('approve')])
      .when(dispatch({ assigneeKind: 'member', assigneeId: 'ghost', assigneeKnown: false }))
      .thenThrows(InvalidInput, /member ghost/));

  it('orders may go to the property company, recorded for its context to act on', () =>
    given([placed, reviewed('approve')])
      .when(dispatch({ assigneeKind: 'property-company', assigneeId: 'company-1' }))
      .thenMatches([{ type: 'OrderDispatched', data: { assigneeKind: 'property-company', assigneeId: 'company-1' } }]));

  it('a reopened order is dispatched for its next round', () =>
    given([placed, reviewed('approve'), dispatched(), taken(), completed(), reopened])
      .when(dispatch())
      .thenMatches([{ type: 'OrderDispatched', data: { round: 2 } }]));
});

describe('order (residents-committee): recording taking and completion', () => {
  it('the taking of a dispatched order is recorded', () =>
    given([placed, reviewed('approve'), dispatched()])
      .when({ type: 'RecordOrderTaken', data: { orderId: ORDER, round: 1, memberId: 'member-2', takenAt: NOW } })
      .then([taken()]));

  it('the same taking delivered twice is recorded once', () =>
    given([placed, reviewed('approve'), dispatched(), taken()])
      .when({ type: 'RecordOrderTaken', data: { orderId: ORDER, round: 1, memberId: 'member-2', takenAt: NOW } })
      .thenNothingHappens());

  it('a taking for an order not dispatched is refused', () =>
    given([placed, reviewed('approve')])
      .when({ type: 'RecordOrderTaken', data: { orderId: ORDER, round: 1, memberId: 'member-2', takenAt: NOW } })
      .thenThrows(InvalidTransition));

  it('the completion of a taken order is recorded', () =>
    given([placed, reviewed('approve'), dispatched(), taken()])
      .when({ type: 'RecordOrderCompletion', data: completedData() })
      .then([completed()]));

  it('a completion for an order not taken is refused', () =>
    given([placed, reviewed('approve'), dispatched()])
      .when({ type: 'RecordOrderCompletion', data: completedData() })
      .thenThrows(InvalidTransition));
});

describe('order (residents-committee): rating', () => {
  const done = [placed, reviewed('approve'), dispatched(), taken(), completed()];

  it('a good rating closes the order', () =>
    given(done)
      .when(rate(5))
      .then([
        { type: 'OrderRated', data: { orderId: ORDER, round: 1, raterId: 'resident-1', score: 5, comment: 'c', reopensOrder: false, ratedAt: NOW } },
        { type: 'OrderClosed', data: { orderId: ORDER, round: 1, closedAt: NOW } },
      ]));

  it('a rating of 3 still closes the order', () =>
    given(done).when(rate(3)).thenMatches([{ type: 'OrderRated' }, { type: 'OrderClosed' }]));

  it('a rating of 2 or less reopens the order for another round', () =>
    given(done)
      .when(rate(2))
      .then([
        { type: 'OrderRated', data: { orderId: ORDER, round: 1, raterId: 'resident-1', score: 2, comment: 'c', reopensOrder: true, ratedAt: NOW } },
        reopened,
      ]));

  it('an order cannot be rated before it is completed', () =>
    given([placed, reviewed('approve'), dispatched(), taken()]).when(rate(5)).thenThrows(InvalidTransition, /not been completed/));

  it('only the resident who placed the order rates it', () =>
    given(done).when(rate(5, 'resident-2')).thenThrows(RuleViolation, /only the resident who placed/));

  it.each([0, 6, 2.5])('a score of %s is refused', (score) =>
    given(done).when(rate(score)).thenThrows(InvalidInput, /1 to 5/));

  it('a closed order is not rated again', () =>
    given([...done, { type: 'OrderRated', data: { orderId: ORDER, round: 1, raterId: 'resident-1', score: 5, comment: '', reopensOrder: false, ratedAt: NOW } }, { type: 'OrderClosed', data: { orderId: ORDER, round: 1, closedAt: NOW } }])
      .when(rate(1))
      .thenThrows(InvalidTransition));

  it('an unknown order cannot be rated', () => given([]).when(rate(5)).thenThrows(NotFound));
});

function completedData() {
  return { orderId: ORDER, round: 1, memberId: 'member-2', resultNote: 'fixed', evidence: [], completedAt: NOW };
}

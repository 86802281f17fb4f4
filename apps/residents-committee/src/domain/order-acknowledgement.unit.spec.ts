import { InvalidTransition, NotFound, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type AcknowledgeOrder,
  type BranchReviewRecorded,
  type OrderAcknowledged,
  type OrderPlaced,
  orderDecider,
} from './order';

const given = deciderSpecification(orderDecider);
const AT = '2026-03-01T08:00:30.000Z';

const placed: OrderPlaced = {
  type: 'OrderPlaced',
  data: {
    orderId: 'order-1',
    residentId: 'resident-1',
    communityId: 'community-1',
    compoundId: 'compound-1',
    buildingId: null,
    category: 'repair',
    title: 'Leaking pipe',
    description: 'Water on the stairs',
    channel: 'app',
    placedAt: '2026-03-01T08:00:00.000Z',
  },
};
const acknowledge = (overrides: Partial<AcknowledgeOrder['data']> = {}): AcknowledgeOrder => ({
  type: 'AcknowledgeOrder',
  data: { orderId: 'order-1', staffId: 'worker-1', staffIsWorkerOfCommunity: true, now: AT, ...overrides },
});
const acknowledged: OrderAcknowledged = {
  type: 'OrderAcknowledged',
  data: {
    orderId: 'order-1',
    communityId: 'community-1',
    compoundId: 'compound-1',
    staffId: 'worker-1',
    acknowledgedAt: AT,
  },
};
const reviewed: BranchReviewRecorded = {
  type: 'BranchReviewRecorded',
  data: {
    orderId: 'order-1',
    reviewerId: 'member-1',
    branchId: 'branch-1',
    decision: 'approve',
    note: '',
    priority: 'normal',
    reason: null,
    duplicateOfOrderId: null,
    reviewedAt: AT,
  },
};

describe('order (residents-committee): 受理 acknowledgement', () => {
  it('a worker of the community acknowledges a placed order', () =>
    given([placed]).when(acknowledge()).then([acknowledged]));

  it('an order is acknowledged once', () =>
    given([placed, acknowledged])
      .when(acknowledge())
      .thenThrows(InvalidTransition, /already been acknowledged/));

  it('an order the branch has reviewed has been answered already', () =>
    given([placed, reviewed])
      .when(acknowledge())
      .thenThrows(InvalidTransition, /already been answered/));

  it('someone who is not a worker of the community cannot acknowledge', () =>
    given([placed])
      .when(acknowledge({ staffId: 'stranger', staffIsWorkerOfCommunity: false }))
      .thenThrows(RuleViolation, /not a worker of community community-1/));

  it('an unknown order cannot be acknowledged', () => given([]).when(acknowledge()).thenThrows(NotFound));

  it('the branch still reviews an acknowledged order', () =>
    given([placed, acknowledged]).when({ type: 'RecordBranchReview', data: reviewed.data }).then([reviewed]));
});

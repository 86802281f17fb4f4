import {
  ORDER_WORK_CONTRACTS,
  type ServiceLevelDeadline,
  orderDispatchedV1,
  orderPlacedV1,
  orderPlacedV2,
  orderRatedV1,
  orderReviewedV1,
  orderWhistledV1,
  serviceLevelBreachedV1,
  serviceLevelBreachedV2,
  serviceLevelRescheduledV1,
  serviceLevelStageReachedV1,
  serviceLevelStartedV1,
} from '@cogov/contracts';
import { consume, consumeVersions, directoryOf } from '@cogov/context-kit';
import { OrderFacts, OrderRating, StageServiceLevel } from './order-facts.entities';
import { rollUpOrders } from './order-rollups';

// One table, several writers: each fact its own columns (see OrderFacts). Every write moves the
// order's roll-ups with it (order-rollups.ts).
const around = rollUpOrders;
const placements = directoryOf(OrderFacts, 'orderId', { name: 'OrderPlacement', around });
const reviews = directoryOf(OrderFacts, 'orderId', { name: 'OrderReview', around });
const assignments = directoryOf(OrderFacts, 'orderId', { name: 'OrderAssignment', around });
const whistles = directoryOf(OrderFacts, 'orderId', { name: 'OrderWhistle', around });
const work = directoryOf(OrderFacts, 'orderId', {
  name: 'OrderWorkStep',
  newerBy: ['workRound', 'workAt'],
  around,
});
const ratings = directoryOf(OrderRating, ['orderId', 'round'], { around });
const serviceLevels = directoryOf(StageServiceLevel, ['orderId', 'track', 'stage'], { around });

/** The commands' handlers, for the manifest. */
export const orderFactsHandlers = [
  placements.Handler,
  reviews.Handler,
  assignments.Handler,
  whistles.Handler,
  work.Handler,
  ratings.Handler,
  serviceLevels.Handler,
];

type Track = { orderId: string; round: number; track: string; departmentId: string | null };
const deadlineRows = (t: Track, deadlines: readonly ServiceLevelDeadline[], startedAt?: string) =>
  deadlines.map(
    (deadline) =>
      ({
        orderId: t.orderId,
        track: t.track,
        stage: deadline.stage,
        round: t.round,
        departmentId: t.departmentId,
        dueAt: deadline.dueAt,
        ...(startedAt ? { startedAt } : {}),
      }) as StageServiceLevel,
  );

/**
 * What the boards keep of each order: where it lies, the branch's review, who it went to, who
 * works on it, each rating, and the service level of each stage. Each fact, once its schema
 * holds, becomes the one command that writes its own columns (named field by field).
 */
export const orderFactsInbound = [
  ...consumeVersions(
    [orderPlacedV1, orderPlacedV2],
    ({ data: d }, context) =>
      new placements.Record(
        {
          orderId: d.orderId,
          communityId: d.communityId,
          compoundId: d.compoundId,
          buildingId: d.buildingId,
          gridId: 'gridId' in d ? d.gridId : null,
          category: d.category,
          channel: d.channel,
          placedAt: d.placedAt,
        } as OrderFacts,
        context,
      ),
  ),
  consume(
    orderReviewedV1,
    ({ data: d }, context) =>
      new reviews.Record(
        {
          orderId: d.orderId,
          branchId: d.branchId,
          reviewDecision: d.decision,
          priority: d.priority,
          reviewedAt: d.reviewedAt,
        } as OrderFacts,
        context,
      ),
  ),
  consume(
    orderDispatchedV1,
    ({ data: d }, context) =>
      new assignments.Record(
        {
          orderId: d.orderId,
          assignedRound: d.round,
          assignedAt: d.dispatchedAt,
          assigneeKind: d.assigneeKind,
          assigneeId: d.assigneeId,
        } as OrderFacts,
        context,
      ),
  ),
  // A whistle is the escalation and the round's assignment (to the department) at once.
  consume(
    orderWhistledV1,
    ({ data: d }, context) =>
      new whistles.Record(
        {
          orderId: d.orderId,
          whistleRound: d.round,
          whistledAt: d.whistledAt,
          departmentId: d.departmentId,
          whistleLevel: d.level,
          assignedRound: d.round,
          assignedAt: d.whistledAt,
          assigneeKind: 'department',
          assigneeId: d.departmentId,
        } as OrderFacts,
        context,
      ),
  ),
  ...consumeVersions(
    ORDER_WORK_CONTRACTS,
    ({ data: d }, context) =>
      new work.Record(
        {
          orderId: d.orderId,
          workRound: d.round,
          workAt: d.at,
          workStep: d.step,
          executorKind: d.executor.kind,
          executorId: d.executor.id,
        } as OrderFacts,
        context,
      ),
  ),
  consume(
    orderRatedV1,
    ({ data: d }, context) =>
      new ratings.Record(
        { orderId: d.orderId, round: d.round, score: d.score, reopened: d.reopened, ratedAt: d.ratedAt },
        context,
      ),
  ),
  consume(
    serviceLevelStartedV1,
    ({ data: d }, context) => new serviceLevels.Record(deadlineRows(d, d.deadlines, d.startedAt), context),
  ),
  consume(
    serviceLevelRescheduledV1,
    ({ data: d }, context) => new serviceLevels.Record(deadlineRows(d, d.deadlines), context),
  ),
  consume(
    serviceLevelStageReachedV1,
    ({ data: d }, context) =>
      new serviceLevels.Record(
        {
          orderId: d.orderId,
          track: d.track,
          stage: d.stage,
          round: d.round,
          departmentId: d.departmentId,
          dueAt: d.dueAt,
          reachedAt: d.at,
          inTime: d.inTime,
        } as StageServiceLevel,
        context,
      ),
  ),
  // A v1 breach was the community's three ones, in round 1.
  ...consumeVersions(
    [serviceLevelBreachedV1, serviceLevelBreachedV2],
    ({ data: d }, context) =>
      new serviceLevels.Record(
        {
          orderId: d.orderId,
          track: 'track' in d ? d.track : 'community',
          stage: d.stage,
          round: 'round' in d ? d.round : 1,
          departmentId: 'departmentId' in d ? d.departmentId : null,
          dueAt: d.dueAt,
          breachedAt: d.breachedAt,
          lateByMs: d.lateByMs,
        } as StageServiceLevel,
        context,
      ),
  ),
];

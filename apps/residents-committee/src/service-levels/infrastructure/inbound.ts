import {
  ORDER_WORK_CONTRACTS,
  departmentRegisteredV1,
  orderAcknowledgedV1,
  orderWhistledV1,
  orderPlacedV1,
  orderPlacedV2,
  orderRatedV1,
  orderReviewedV1,
} from '@cogov/contracts';
import { consume, consumeVersions } from '@cogov/context-kit';
import { AdvanceServiceLevelCommand } from '../application/advance-service-level';
import { RecordDepartmentKindCommand } from '../application/record-department-kind';

/**
 * The process reads the order's published facts only, like any context that spans others (STYLE
 * 12), so it runs the same embedded and across processes; each fact is one command of the process.
 */

export const serviceLevelInbound = [
  // v2 adds the grid the order fell in (and a patrol finding's reporter).
  ...consumeVersions(
    [orderPlacedV1, orderPlacedV2],
    ({ data: d }, context) =>
      new AdvanceServiceLevelCommand(
        {
          type: 'StartServiceLevel',
          data: {
            orderId: d.orderId,
            communityId: d.communityId,
            compoundId: d.compoundId,
            gridId: 'gridId' in d ? d.gridId : null,
            category: d.category,
            placedAt: d.placedAt,
          },
        },
        context,
      ),
  ),
  consume(
    orderAcknowledgedV1,
    ({ data: d }, context) =>
      new AdvanceServiceLevelCommand(
        { type: 'MarkStageReached', data: { orderId: d.orderId, stage: 'accept', at: d.acknowledgedAt } },
        context,
      ),
  ),
  consume(
    orderReviewedV1,
    ({ data: d }, context) =>
      new AdvanceServiceLevelCommand(
        {
          type: 'RecordReview',
          data: { orderId: d.orderId, decision: d.decision, priority: d.priority, reviewedAt: d.reviewedAt },
        },
        context,
      ),
  ),
  // Every executor's work, a department's (which the committee publishes for it) among them.
  ...ORDER_WORK_CONTRACTS.map((contract) =>
    consume(
      contract,
      ({ data: d }, context) =>
        new AdvanceServiceLevelCommand(
          {
            type: 'RecordWorkStep',
            data: {
              orderId: d.orderId,
              round: d.round,
              executor: { kind: d.executor.kind, id: d.executor.id },
              step: d.step,
              at: d.at,
            },
          },
          context,
        ),
    ),
  ),
  // 吹哨: the department's own deadlines start from the whistle.
  consume(
    orderWhistledV1,
    ({ data: d }, context) =>
      new AdvanceServiceLevelCommand(
        {
          type: 'StartDepartmentTrack',
          data: {
            orderId: d.orderId,
            round: d.round,
            departmentId: d.departmentId,
            level: d.level,
            whistledAt: d.whistledAt,
          },
        },
        context,
      ),
  ),
  consume(
    departmentRegisteredV1,
    ({ data: d }, context) =>
      new RecordDepartmentKindCommand({ departmentId: d.departmentId, kind: d.kind }, context),
  ),
  consume(orderRatedV1, ({ data: d }, context) =>
    d.reopened
      ? new AdvanceServiceLevelCommand(
          {
            type: 'NoteOrderReturned',
            data: { orderId: d.orderId, reason: 'low-rating', round: d.round, at: d.ratedAt },
          },
          context,
        )
      : new AdvanceServiceLevelCommand(
          {
            type: 'EndServiceLevel',
            data: { orderId: d.orderId, reason: 'rated and closed', at: d.ratedAt },
          },
          context,
        ),
  ),
];

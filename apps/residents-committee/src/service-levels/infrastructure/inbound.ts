import {
  buildingLeadersOrderWorkV1,
  orderAcknowledgedV1,
  orderPlacedV1,
  orderPlacedV2,
  orderRatedV1,
  orderReviewedV1,
  partyOrganizationOrderWorkV1,
  propertyCompanyOrderWorkV1,
  type IntegrationEventContract,
  type OrderWorkV1,
} from '@cogov/contracts';
import { consume, consumeVersions } from '@cogov/context-kit';
import { AdvanceServiceLevelCommand } from '../application/advance-service-level';

/**
 * The process reads the order's published facts only, like any context that spans others (STYLE
 * 12), so it runs the same embedded and across processes; each fact is one command of the process.
 */
const executorWork: IntegrationEventContract<OrderWorkV1>[] = [
  partyOrganizationOrderWorkV1,
  propertyCompanyOrderWorkV1,
  buildingLeadersOrderWorkV1,
];

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
  ...executorWork.map((contract) =>
    consume(
      contract,
      ({ data: d }, context) =>
        new AdvanceServiceLevelCommand(
          { type: 'RecordWorkStep', data: { orderId: d.orderId, round: d.round, step: d.step, at: d.at } },
          context,
        ),
    ),
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

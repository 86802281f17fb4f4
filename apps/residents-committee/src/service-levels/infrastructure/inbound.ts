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
import { consume } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
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

/** v1 and v2 of order-placed start the same clock (v2 adds the grid and patrol findings' reporter). */
const startOf = (
  d: {
    orderId: string;
    communityId: string;
    compoundId: string;
    gridId?: string | null;
    category: string;
    placedAt: string;
  },
  context: CommandContext,
) =>
  new AdvanceServiceLevelCommand(
    {
      type: 'StartServiceLevel',
      data: {
        orderId: d.orderId,
        communityId: d.communityId,
        compoundId: d.compoundId,
        gridId: d.gridId ?? null,
        category: d.category,
        placedAt: d.placedAt,
      },
    },
    context,
  );

export const serviceLevelInbound = [
  consume(orderPlacedV1, ({ data }, context) => startOf(data, context)),
  consume(orderPlacedV2, ({ data }, context) => startOf(data, context)),
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

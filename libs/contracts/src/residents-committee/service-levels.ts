import { contract, idSchema, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';

/**
 * 受理: community staff or a grid worker answered the resident before the branch reviewed the
 * order. With the branch's review, the first answer is what the "accept" deadline waits for.
 */
export type OrderAcknowledgedV1 = IntegrationEvent<
  'residents-committee.order-acknowledged',
  { orderId: string; communityId: string; compoundId: string; staffId: string; acknowledgedAt: string }
>;
export const orderAcknowledgedV1 = contract<OrderAcknowledgedV1>(
  'residents-committee.order-acknowledged',
  1,
  {
    type: 'object',
    required: ['orderId', 'communityId', 'compoundId', 'staffId', 'acknowledgedAt'],
    properties: {
      orderId: idSchema,
      communityId: idSchema,
      compoundId: idSchema,
      staffId: idSchema,
      acknowledgedAt: timeSchema,
    },
  },
);

/** The stages of the "three ones" (3个1): accept in 1 minute, on site in 1 hour, complete in 1 day. */
export const SERVICE_LEVEL_STAGES = ['accept', 'on-site', 'complete'] as const;
export type ServiceLevelStage = (typeof SERVICE_LEVEL_STAGES)[number];

/** An order missed a deadline of the "three ones"; published once per order and stage. */
export type ServiceLevelBreachedV1 = IntegrationEvent<
  'residents-committee.service-level-breached',
  {
    orderId: string;
    communityId: string;
    compoundId: string;
    stage: ServiceLevelStage;
    dueAt: string;
    lateByMs: number;
    breachedAt: string;
  }
>;
export const serviceLevelBreachedV1 = contract<ServiceLevelBreachedV1>(
  'residents-committee.service-level-breached',
  1,
  {
    type: 'object',
    required: ['orderId', 'communityId', 'compoundId', 'stage', 'dueAt', 'lateByMs', 'breachedAt'],
    properties: {
      orderId: idSchema,
      communityId: idSchema,
      compoundId: idSchema,
      stage: { type: 'string', enum: SERVICE_LEVEL_STAGES },
      dueAt: timeSchema,
      lateByMs: { type: 'integer', minimum: 0 },
      breachedAt: timeSchema,
    },
  },
);

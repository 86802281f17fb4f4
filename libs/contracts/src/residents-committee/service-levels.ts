import { contract, idSchema, nameSchema, nullable, roundSchema, timeSchema } from '../contract';
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

/**
 * Whose clock runs: `community`, the "three ones" from the order's placement; `department`, the
 * deadlines of a department an order was whistled to (吹哨报到: report in, on site, complete),
 * from the whistle.
 */
export const SERVICE_LEVEL_TRACKS = ['community', 'department'] as const;
export type ServiceLevelTrack = (typeof SERVICE_LEVEL_TRACKS)[number];

const deadlineListSchema = {
  type: 'array',
  maxItems: SERVICE_LEVEL_STAGES.length,
  items: {
    type: 'object',
    required: ['stage', 'dueAt'],
    properties: { stage: { type: 'string', enum: SERVICE_LEVEL_STAGES }, dueAt: timeSchema },
  },
} as const;

const trackProperties = {
  orderId: idSchema,
  round: roundSchema,
  track: { type: 'string', enum: SERVICE_LEVEL_TRACKS },
  departmentId: nullable(idSchema),
} as const;

/** The deadlines one track of an order's service level keeps, as they were set or reset. */
export type ServiceLevelDeadline = { stage: ServiceLevelStage; dueAt: string };

/**
 * A track's clock started: the community's at placement (round 1), a department's at the whistle.
 * With `-rescheduled`, `-stage-reached` and `-breached`, a consumer can count, for any period,
 * the orders due at each stage and those that made it in time, without knowing the targets.
 */
export type ServiceLevelStartedV1 = IntegrationEvent<
  'residents-committee.service-level-started',
  {
    orderId: string;
    round: number;
    track: ServiceLevelTrack;
    departmentId: string | null;
    communityId: string;
    compoundId: string;
    gridId: string | null;
    category: string;
    priority: string;
    startedAt: string;
    deadlines: ServiceLevelDeadline[];
  }
>;
export const serviceLevelStartedV1 = contract<ServiceLevelStartedV1>(
  'residents-committee.service-level-started',
  1,
  {
    type: 'object',
    required: [
      'orderId',
      'round',
      'track',
      'departmentId',
      'communityId',
      'compoundId',
      'gridId',
      'category',
      'priority',
      'startedAt',
      'deadlines',
    ],
    properties: {
      ...trackProperties,
      communityId: idSchema,
      compoundId: idSchema,
      gridId: nullable(idSchema),
      category: nameSchema,
      priority: nameSchema,
      startedAt: timeSchema,
      deadlines: deadlineListSchema,
    },
  },
);

/** The branch's review set a priority: the stages still waiting have new deadlines. */
export type ServiceLevelRescheduledV1 = IntegrationEvent<
  'residents-committee.service-level-rescheduled',
  {
    orderId: string;
    round: number;
    track: ServiceLevelTrack;
    departmentId: string | null;
    priority: string;
    deadlines: ServiceLevelDeadline[];
  }
>;
export const serviceLevelRescheduledV1 = contract<ServiceLevelRescheduledV1>(
  'residents-committee.service-level-rescheduled',
  1,
  {
    type: 'object',
    required: ['orderId', 'round', 'track', 'departmentId', 'priority', 'deadlines'],
    properties: { ...trackProperties, priority: nameSchema, deadlines: deadlineListSchema },
  },
);

/** A stage of a track was reached, in time or not (a late one is also breached, once). */
export type ServiceLevelStageReachedV1 = IntegrationEvent<
  'residents-committee.service-level-stage-reached',
  {
    orderId: string;
    round: number;
    track: ServiceLevelTrack;
    departmentId: string | null;
    stage: ServiceLevelStage;
    at: string;
    dueAt: string;
    inTime: boolean;
  }
>;
export const serviceLevelStageReachedV1 = contract<ServiceLevelStageReachedV1>(
  'residents-committee.service-level-stage-reached',
  1,
  {
    type: 'object',
    required: ['orderId', 'round', 'track', 'departmentId', 'stage', 'at', 'dueAt', 'inTime'],
    properties: {
      ...trackProperties,
      stage: { type: 'string', enum: SERVICE_LEVEL_STAGES },
      at: timeSchema,
      dueAt: timeSchema,
      inTime: { type: 'boolean' },
    },
  },
);

/**
 * v2 names the track (a department's deadlines are breached too), the round and the grid. The
 * producer writes v2 only; consumers list v1 and v2. A v1 breach was the community's, round 1.
 */
export type ServiceLevelBreachedV2 = IntegrationEvent<
  'residents-committee.service-level-breached',
  ServiceLevelBreachedV1['data'] & {
    round: number;
    track: ServiceLevelTrack;
    departmentId: string | null;
    gridId: string | null;
  }
>;
export const serviceLevelBreachedV2 = contract<ServiceLevelBreachedV2>(
  'residents-committee.service-level-breached',
  2,
  {
    type: 'object',
    required: [
      'orderId',
      'round',
      'track',
      'departmentId',
      'communityId',
      'compoundId',
      'gridId',
      'stage',
      'dueAt',
      'lateByMs',
      'breachedAt',
    ],
    properties: {
      ...trackProperties,
      communityId: idSchema,
      compoundId: idSchema,
      gridId: nullable(idSchema),
      stage: { type: 'string', enum: SERVICE_LEVEL_STAGES },
      dueAt: timeSchema,
      lateByMs: { type: 'integer', minimum: 0 },
      breachedAt: timeSchema,
    },
  },
);

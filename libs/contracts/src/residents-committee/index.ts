import {
  contract,
  idListSchema,
  idSchema,
  nameSchema,
  roundSchema,
  textSchema,
  timeSchema,
  nullable,
} from '../contract';
import type { IntegrationEvent } from '../integration-event';
import { EXECUTOR_KINDS, type ExecutorKind } from '../order-work';

export const RESIDENTS_COMMITTEE = 'residents-committee';

/** 社区 registered. */
export type CommunityRegisteredV1 = IntegrationEvent<
  'residents-committee.community-registered',
  { communityId: string; name: string; streetName: string | null }
>;
export const communityRegisteredV1 = contract<CommunityRegisteredV1>(
  'residents-committee.community-registered',
  1,
  {
    type: 'object',
    required: ['communityId', 'name', 'streetName'],
    properties: { communityId: idSchema, name: nameSchema, streetName: nullable(nameSchema) },
  },
);

/**
 * v2 adds `streetId`: the street (街道) the community belongs to, null for a community registered
 * without one (every v1 community). Consumers accept v1 and v2; a v1 community has no street.
 */
export type CommunityRegisteredV2 = IntegrationEvent<
  'residents-committee.community-registered',
  { communityId: string; name: string; streetName: string | null; streetId: string | null }
>;
export const communityRegisteredV2 = contract<CommunityRegisteredV2>(
  'residents-committee.community-registered',
  2,
  {
    type: 'object',
    required: ['communityId', 'name', 'streetName', 'streetId'],
    properties: {
      communityId: idSchema,
      name: nameSchema,
      streetName: nullable(nameSchema),
      streetId: nullable(idSchema),
    },
  },
);

/** 街道 registered: the street office above communities. */
export type StreetRegisteredV1 = IntegrationEvent<
  'residents-committee.street-registered',
  { streetId: string; name: string }
>;
export const streetRegisteredV1 = contract<StreetRegisteredV1>('residents-committee.street-registered', 1, {
  type: 'object',
  required: ['streetId', 'name'],
  properties: { streetId: idSchema, name: nameSchema },
});

/** 小区 registered in a community. */
export type CompoundRegisteredV1 = IntegrationEvent<
  'residents-committee.compound-registered',
  { compoundId: string; communityId: string; name: string }
>;
export const compoundRegisteredV1 = contract<CompoundRegisteredV1>(
  'residents-committee.compound-registered',
  1,
  {
    type: 'object',
    required: ['compoundId', 'communityId', 'name'],
    properties: { compoundId: idSchema, communityId: idSchema, name: nameSchema },
  },
);

/** 楼栋 added to a compound. */
export type BuildingRegisteredV1 = IntegrationEvent<
  'residents-committee.building-registered',
  { buildingId: string; compoundId: string; communityId: string; name: string; number: string }
>;
export const buildingRegisteredV1 = contract<BuildingRegisteredV1>(
  'residents-committee.building-registered',
  1,
  {
    type: 'object',
    required: ['buildingId', 'compoundId', 'communityId', 'name', 'number'],
    properties: {
      buildingId: idSchema,
      compoundId: idSchema,
      communityId: idSchema,
      name: nameSchema,
      number: { type: 'string', minLength: 1, maxLength: 20 },
    },
  },
);

/**
 * A resident (居民) registered in a building of a compound. Ids only: the name and phone are
 * personal data and stay with the residents' committee.
 */
export type ResidentRegisteredV1 = IntegrationEvent<
  'residents-committee.resident-registered',
  { residentId: string; communityId: string; compoundId: string; buildingId: string }
>;
export const residentRegisteredV1 = contract<ResidentRegisteredV1>(
  'residents-committee.resident-registered',
  1,
  {
    type: 'object',
    required: ['residentId', 'communityId', 'compoundId', 'buildingId'],
    properties: { residentId: idSchema, communityId: idSchema, compoundId: idSchema, buildingId: idSchema },
  },
);

/**
 * v2 adds `tenure`: whether the resident owns their home (业主), rents (租户), or was not asked
 * (`unknown`: every registration before v2). An owners' committee seats only owners. Consumers
 * accept v1 and v2; a v1 resident's tenure is `unknown`.
 */
export type ResidentRegisteredV2 = IntegrationEvent<
  'residents-committee.resident-registered',
  {
    residentId: string;
    communityId: string;
    compoundId: string;
    buildingId: string;
    tenure: 'owner' | 'tenant' | 'unknown';
  }
>;
export const residentRegisteredV2 = contract<ResidentRegisteredV2>(
  'residents-committee.resident-registered',
  2,
  {
    type: 'object',
    required: ['residentId', 'communityId', 'compoundId', 'buildingId', 'tenure'],
    properties: {
      residentId: idSchema,
      communityId: idSchema,
      compoundId: idSchema,
      buildingId: idSchema,
      tenure: { type: 'string', enum: ['owner', 'tenant', 'unknown'] },
    },
  },
);

/** A resident's tenure asked after registration: an owners' committee may now seat an owner. */
export type ResidentTenureRecordedV1 = IntegrationEvent<
  'residents-committee.resident-tenure-recorded',
  { residentId: string; communityId: string; compoundId: string; tenure: 'owner' | 'tenant' }
>;
export const residentTenureRecordedV1 = contract<ResidentTenureRecordedV1>(
  'residents-committee.resident-tenure-recorded',
  1,
  {
    type: 'object',
    required: ['residentId', 'communityId', 'compoundId', 'tenure'],
    properties: {
      residentId: idSchema,
      communityId: idSchema,
      compoundId: idSchema,
      tenure: { type: 'string', enum: ['owner', 'tenant'] },
    },
  },
);

/** 居民点单: a resident placed an order. Carries no personal data of the resident. */
export type OrderPlacedV1 = IntegrationEvent<
  'residents-committee.order-placed',
  {
    orderId: string;
    residentId: string;
    communityId: string;
    compoundId: string;
    buildingId: string | null;
    category: string;
    title: string;
    channel: string;
    placedAt: string;
  }
>;
export const orderPlacedV1 = contract<OrderPlacedV1>('residents-committee.order-placed', 1, {
  type: 'object',
  required: [
    'orderId',
    'residentId',
    'communityId',
    'compoundId',
    'buildingId',
    'category',
    'title',
    'channel',
    'placedAt',
  ],
  properties: {
    orderId: idSchema,
    residentId: idSchema,
    communityId: idSchema,
    compoundId: idSchema,
    buildingId: nullable(idSchema),
    category: { type: 'string', minLength: 1, maxLength: 40 },
    title: nameSchema,
    channel: { type: 'string', minLength: 1, maxLength: 40 },
    placedAt: timeSchema,
  },
});

/**
 * v2: an order may be a grid worker's patrol finding (channel `grid-patrol`, 采办分离): then
 * `residentId` is null and `reporterId` names the worker. `gridId` is the grid the order fell
 * in, null when none covered it. Consumers accept v1 and v2.
 */
export type OrderPlacedV2 = IntegrationEvent<
  'residents-committee.order-placed',
  Omit<OrderPlacedV1['data'], 'residentId'> & {
    residentId: string | null;
    reporterId: string | null;
    gridId: string | null;
  }
>;
export const orderPlacedV2 = contract<OrderPlacedV2>('residents-committee.order-placed', 2, {
  type: 'object',
  required: [
    'orderId',
    'residentId',
    'reporterId',
    'communityId',
    'compoundId',
    'buildingId',
    'gridId',
    'category',
    'title',
    'channel',
    'placedAt',
  ],
  properties: {
    orderId: idSchema,
    residentId: nullable(idSchema),
    reporterId: nullable(idSchema),
    communityId: idSchema,
    compoundId: idSchema,
    buildingId: nullable(idSchema),
    gridId: nullable(idSchema),
    category: { type: 'string', minLength: 1, maxLength: 40 },
    title: nameSchema,
    channel: { type: 'string', minLength: 1, maxLength: 40 },
    placedAt: timeSchema,
  },
});

/** 社区派单: the community dispatched an order (for one round) to an executor. */
export type OrderDispatchedV1 = IntegrationEvent<
  'residents-committee.order-dispatched',
  {
    orderId: string;
    round: number;
    dispatcherId: string;
    assigneeKind: ExecutorKind;
    assigneeId: string;
    dispatchedAt: string;
  }
>;
export const orderDispatchedV1 = contract<OrderDispatchedV1>('residents-committee.order-dispatched', 1, {
  type: 'object',
  required: ['orderId', 'round', 'dispatcherId', 'assigneeKind', 'assigneeId', 'dispatchedAt'],
  properties: {
    orderId: idSchema,
    round: roundSchema,
    dispatcherId: idSchema,
    assigneeKind: { type: 'string', enum: EXECUTOR_KINDS },
    assigneeId: idSchema,
    dispatchedAt: timeSchema,
  },
});

/** 党群评单: the resident rated an order; a low score reopened it for another round. */
export type OrderRatedV1 = IntegrationEvent<
  'residents-committee.order-rated',
  {
    orderId: string;
    round: number;
    raterId: string;
    score: number;
    comment: string;
    reopened: boolean;
    ratedAt: string;
  }
>;
export const orderRatedV1 = contract<OrderRatedV1>('residents-committee.order-rated', 1, {
  type: 'object',
  required: ['orderId', 'round', 'raterId', 'score', 'comment', 'reopened', 'ratedAt'],
  properties: {
    orderId: idSchema,
    round: roundSchema,
    raterId: idSchema,
    score: { type: 'integer', minimum: 1, maximum: 5 },
    comment: textSchema,
    reopened: { type: 'boolean' },
    ratedAt: timeSchema,
  },
});

const GRID_LEVELS = ['zone', 'grid', 'basic-grid'];
const GRID_POSTS = ['grid-leader', 'full-time-worker', 'part-time-worker'];
const GRID_HOLDER_KINDS = ['worker', 'member', 'building-leader', 'volunteer'];

/**
 * 网格化管理: a zone, grid or basic grid defined in a community, with the compounds and buildings
 * it covers. A compound or building lies in at most one grid of each level.
 */
export type GridDefinedV1 = IntegrationEvent<
  'residents-committee.grid-defined',
  {
    gridId: string;
    communityId: string;
    name: string;
    level: 'zone' | 'grid' | 'basic-grid';
    parentId: string | null;
    compoundIds: string[];
    buildingIds: string[];
    definedAt: string;
  }
>;
export const gridDefinedV1 = contract<GridDefinedV1>('residents-committee.grid-defined', 1, {
  type: 'object',
  required: ['gridId', 'communityId', 'name', 'level', 'parentId', 'compoundIds', 'buildingIds', 'definedAt'],
  properties: {
    gridId: idSchema,
    communityId: idSchema,
    name: nameSchema,
    level: { type: 'string', enum: GRID_LEVELS },
    parentId: nullable(idSchema),
    compoundIds: idListSchema,
    buildingIds: idListSchema,
    definedAt: timeSchema,
  },
});

type GridPostData = {
  gridId: string;
  communityId: string;
  postId: string;
  post: 'grid-leader' | 'full-time-worker' | 'part-time-worker';
  holderKind: 'worker' | 'member' | 'building-leader' | 'volunteer';
  holderId: string;
};
const gridPostProperties = {
  gridId: idSchema,
  communityId: idSchema,
  postId: idSchema,
  post: { type: 'string', enum: GRID_POSTS },
  holderKind: { type: 'string', enum: GRID_HOLDER_KINDS },
  holderId: idSchema,
};
const GRID_POST_REQUIRED = ['gridId', 'communityId', 'postId', 'post', 'holderKind', 'holderId'];

/** 定人、定岗: a person fixed to a post of a grid (grid leader, full-time or part-time worker). */
export type GridPostFilledV1 = IntegrationEvent<
  'residents-committee.grid-post-filled',
  GridPostData & { filledAt: string }
>;
export const gridPostFilledV1 = contract<GridPostFilledV1>('residents-committee.grid-post-filled', 1, {
  type: 'object',
  required: [...GRID_POST_REQUIRED, 'filledAt'],
  properties: { ...gridPostProperties, filledAt: timeSchema },
});

/** A grid post vacated: its holder no longer answers for the grid. */
export type GridPostVacatedV1 = IntegrationEvent<
  'residents-committee.grid-post-vacated',
  GridPostData & { vacatedAt: string }
>;
export const gridPostVacatedV1 = contract<GridPostVacatedV1>('residents-committee.grid-post-vacated', 1, {
  type: 'object',
  required: [...GRID_POST_REQUIRED, 'vacatedAt'],
  properties: { ...gridPostProperties, vacatedAt: timeSchema },
});

export type ResidentsCommitteeEvent =
  | CommunityRegisteredV1
  | CommunityRegisteredV2
  | StreetRegisteredV1
  | GridDefinedV1
  | GridPostFilledV1
  | GridPostVacatedV1
  | CompoundRegisteredV1
  | BuildingRegisteredV1
  | OrderPlacedV1
  | OrderPlacedV2
  | OrderDispatchedV1
  | OrderRatedV1;

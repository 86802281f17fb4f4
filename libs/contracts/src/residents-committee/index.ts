import type { IntegrationEvent } from '../integration-event';

export const RESIDENTS_COMMITTEE = 'residents-committee';

/** 社区 registered. */
export type CommunityRegisteredV1 = IntegrationEvent<
  'residents-committee.community-registered',
  { communityId: string; name: string; streetName: string | null }
>;

/** 小区 registered in a community. */
export type CompoundRegisteredV1 = IntegrationEvent<
  'residents-committee.compound-registered',
  { compoundId: string; communityId: string; name: string }
>;

/** 楼栋 added to a compound. */
export type BuildingRegisteredV1 = IntegrationEvent<
  'residents-committee.building-registered',
  { buildingId: string; compoundId: string; communityId: string; name: string; number: string }
>;

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

/** 社区派单: the community dispatched an order (for one round). */
export type OrderDispatchedV1 = IntegrationEvent<
  'residents-committee.order-dispatched',
  {
    orderId: string;
    round: number;
    dispatcherId: string;
    assigneeKind:
      'member' | 'branch-pool' | 'property-company' | 'volunteer-team' | 'building-leader' | 'department';
    assigneeId: string;
    dispatchedAt: string;
  }
>;

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

export type ResidentsCommitteeEvent =
  | CommunityRegisteredV1
  | CompoundRegisteredV1
  | BuildingRegisteredV1
  | OrderPlacedV1
  | OrderDispatchedV1
  | OrderRatedV1;

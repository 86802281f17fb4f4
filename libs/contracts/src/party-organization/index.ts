import type { IntegrationEvent } from '../integration-event';

export const PARTY_ORGANIZATION = 'party-organization';

/** A community Party committee, branch or building Party group was founded. */
export type OrganizationFoundedV1 = IntegrationEvent<
  'party-organization.organization-founded',
  {
    organizationId: string;
    kind: 'community-committee' | 'branch' | 'group';
    name: string;
    communityId: string;
    parentId: string | null;
    compoundIds: string[];
    buildingIds: string[];
  }
>;

/** A Party member registered (or reported in) with an organization. No personal data. */
export type MemberRegisteredV1 = IntegrationEvent<
  'party-organization.member-registered',
  {
    memberId: string;
    organizationId: string;
    branchId: string | null;
    communityId: string;
    membership: 'registered' | 'reporting-in';
  }
>;

/** 支部审单: the covering branch reviewed an order. */
export type OrderReviewedV1 = IntegrationEvent<
  'party-organization.order-reviewed',
  {
    orderId: string;
    reviewerId: string;
    branchId: string;
    decision: 'approve' | 'reject' | 'merge' | 'need-info';
    note: string;
    priority: 'low' | 'normal' | 'high' | 'urgent';
    reason: string | null;
    duplicateOfOrderId: string | null;
    reviewedAt: string;
  }
>;

/** 党员接单: a Party member took an order. */
export type OrderTakenV1 = IntegrationEvent<
  'party-organization.order-taken',
  { orderId: string; round: number; memberId: string; takenAt: string }
>;

/** A Party member completed an order, with a result note and evidence. */
export type OrderCompletedV1 = IntegrationEvent<
  'party-organization.order-completed',
  {
    orderId: string;
    round: number;
    memberId: string;
    resultNote: string;
    evidence: string[];
    completedAt: string;
  }
>;

export type PartyOrganizationEvent =
  OrganizationFoundedV1 | MemberRegisteredV1 | OrderReviewedV1 | OrderTakenV1 | OrderCompletedV1;

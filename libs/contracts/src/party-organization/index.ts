import { contract, idListSchema, idSchema, nameSchema, textSchema, timeSchema, nullable } from '../contract';
import type { IntegrationEvent } from '../integration-event';
import { orderWorkV1, type OrderWorkV1 } from '../order-work';

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
export const organizationFoundedV1 = contract<OrganizationFoundedV1>(
  'party-organization.organization-founded',
  1,
  {
    type: 'object',
    required: ['organizationId', 'kind', 'name', 'communityId', 'parentId', 'compoundIds', 'buildingIds'],
    properties: {
      organizationId: idSchema,
      kind: { type: 'string', enum: ['community-committee', 'branch', 'group'] },
      name: nameSchema,
      communityId: idSchema,
      parentId: nullable(idSchema),
      compoundIds: idListSchema,
      buildingIds: idListSchema,
    },
  },
);

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
export const memberRegisteredV1 = contract<MemberRegisteredV1>('party-organization.member-registered', 1, {
  type: 'object',
  required: ['memberId', 'organizationId', 'branchId', 'communityId', 'membership'],
  properties: {
    memberId: idSchema,
    organizationId: idSchema,
    branchId: nullable(idSchema),
    communityId: idSchema,
    membership: { type: 'string', enum: ['registered', 'reporting-in'] },
  },
});

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
export const orderReviewedV1 = contract<OrderReviewedV1>('party-organization.order-reviewed', 1, {
  type: 'object',
  required: [
    'orderId',
    'reviewerId',
    'branchId',
    'decision',
    'note',
    'priority',
    'reason',
    'duplicateOfOrderId',
    'reviewedAt',
  ],
  properties: {
    orderId: idSchema,
    reviewerId: idSchema,
    branchId: idSchema,
    decision: { type: 'string', enum: ['approve', 'reject', 'merge', 'need-info'] },
    note: textSchema,
    priority: { type: 'string', enum: ['low', 'normal', 'high', 'urgent'] },
    reason: nullable(textSchema),
    duplicateOfOrderId: nullable(idSchema),
    reviewedAt: timeSchema,
  },
});

/** 党员接单 and what follows: a member's (or a branch pool's) work on a dispatched order. */
export type PartyOrganizationOrderWorkV1 = OrderWorkV1<'party-organization.order-work'>;
export const partyOrganizationOrderWorkV1 = orderWorkV1(PARTY_ORGANIZATION);

/**
 * A property company's own Party organization (红色物业: a company with 3 or more full Party
 * members sets one up) was founded. A fact of its own: `organization-founded` v1 names only the
 * community's organizations, and its consumers need not learn a kind they do not know.
 */
export type CompanyBranchFoundedV1 = IntegrationEvent<
  'party-organization.company-branch-founded',
  { organizationId: string; companyId: string; communityId: string; parentId: string; foundedAt: string }
>;
export const companyBranchFoundedV1 = contract<CompanyBranchFoundedV1>(
  'party-organization.company-branch-founded',
  1,
  {
    type: 'object',
    required: ['organizationId', 'companyId', 'communityId', 'parentId', 'foundedAt'],
    properties: {
      organizationId: idSchema,
      companyId: idSchema,
      communityId: idSchema,
      parentId: idSchema,
      foundedAt: timeSchema,
    },
  },
);

/**
 * A seat on an organization's committee was filled (交叉任职, 一肩挑 rest on it). The person is
 * named by ids only, a Party member's and a resident's where they are one, never by name;
 * `compoundIds` are those the organization covers, so a consumer needs no other fact to find the
 * branch of a compound.
 */
export type SeatFilledV1 = IntegrationEvent<
  'party-organization.seat-filled',
  {
    organizationId: string;
    organizationKind: 'community-committee' | 'branch' | 'company-branch';
    communityId: string;
    compoundIds: string[];
    seatId: string;
    seat: 'secretary' | 'deputy-secretary' | 'committee-member';
    holds: 'owners-committee-chair' | 'property-manager' | 'community-police' | null;
    memberId: string | null;
    residentId: string | null;
    filledAt: string;
  }
>;
export const seatFilledV1 = contract<SeatFilledV1>('party-organization.seat-filled', 1, {
  type: 'object',
  required: [
    'organizationId',
    'organizationKind',
    'communityId',
    'compoundIds',
    'seatId',
    'seat',
    'holds',
    'memberId',
    'residentId',
    'filledAt',
  ],
  properties: {
    organizationId: idSchema,
    organizationKind: { type: 'string', enum: ['community-committee', 'branch', 'company-branch'] },
    communityId: idSchema,
    compoundIds: idListSchema,
    seatId: idSchema,
    seat: { type: 'string', enum: ['secretary', 'deputy-secretary', 'committee-member'] },
    holds: {
      type: 'string',
      // ajv checks `enum` apart from `nullable`: null is listed for the seat that holds nothing.
      enum: ['owners-committee-chair', 'property-manager', 'community-police', null],
      nullable: true,
    },
    memberId: nullable(idSchema),
    residentId: nullable(idSchema),
    filledAt: timeSchema,
  },
});

/** The person in a committee seat left it. */
export type SeatVacatedV1 = IntegrationEvent<
  'party-organization.seat-vacated',
  { organizationId: string; communityId: string; seatId: string; vacatedAt: string }
>;
export const seatVacatedV1 = contract<SeatVacatedV1>('party-organization.seat-vacated', 1, {
  type: 'object',
  required: ['organizationId', 'communityId', 'seatId', 'vacatedAt'],
  properties: { organizationId: idSchema, communityId: idSchema, seatId: idSchema, vacatedAt: timeSchema },
});

export type PartyOrganizationEvent =
  | OrganizationFoundedV1
  | MemberRegisteredV1
  | OrderReviewedV1
  | PartyOrganizationOrderWorkV1
  | CompanyBranchFoundedV1
  | SeatFilledV1
  | SeatVacatedV1;

import {
  type IntegrationEvent,
  type MemberRegisteredV1,
  type OrderCompletedV1,
  type OrderReviewedV1,
  type OrderTakenV1,
  type OrganizationFoundedV1,
  PARTY_ORGANIZATION,
} from '@cogov/contracts';
import type { RecordedEvent } from '@cogov/event-store';
import { integrationEventFrom } from '@cogov/messaging';
import type { BranchOrderEvent } from '../domain/branch-order';
import type { MemberEvent } from '../domain/member';
import type { OrganizationEvent } from '../domain/organization';
import { BRANCH_ORDER_CATEGORY, MEMBER_CATEGORY, ORGANIZATION_CATEGORY } from './aggregates';

type Published = OrganizationEvent | MemberEvent | BranchOrderEvent;

/** What the Party organization tells the others. Members' names and phones stay inside. */
export function partyOrganizationOutbound(recorded: RecordedEvent): IntegrationEvent[] {
  if (
    ![ORGANIZATION_CATEGORY, MEMBER_CATEGORY, BRANCH_ORDER_CATEGORY].some((c) =>
      recorded.streamId.startsWith(`${c}-`),
    )
  ) {
    return [];
  }
  const event = { type: recorded.type, data: recorded.data } as Published;
  const publish = <E extends IntegrationEvent>(type: E['type'], key: string, data: E['data']) => [
    integrationEventFrom<E>(recorded, { type, version: 1, source: PARTY_ORGANIZATION, key, data }),
  ];
  const reviewed = (
    d: {
      orderId: string;
      reviewerId: string;
      branchId: string;
      note: string;
      priority: OrderReviewedV1['data']['priority'];
      reviewedAt: string;
    },
    decision: OrderReviewedV1['data']['decision'],
    extra: { reason?: string | null; duplicateOfOrderId?: string | null },
  ) =>
    publish<OrderReviewedV1>('party-organization.order-reviewed', d.orderId, {
      orderId: d.orderId,
      reviewerId: d.reviewerId,
      branchId: d.branchId,
      decision,
      note: d.note,
      priority: d.priority,
      reason: extra.reason ?? null,
      duplicateOfOrderId: extra.duplicateOfOrderId ?? null,
      reviewedAt: d.reviewedAt,
    });
  switch (event.type) {
    case 'OrganizationFounded': {
      const d = event.data;
      return publish<OrganizationFoundedV1>('party-organization.organization-founded', d.organizationId, {
        organizationId: d.organizationId,
        kind: d.kind,
        name: d.name,
        communityId: d.communityId,
        parentId: d.parentId,
        compoundIds: d.compoundIds,
        buildingIds: d.buildingIds,
      });
    }
    case 'MemberRegistered': {
      const d = event.data;
      return publish<MemberRegisteredV1>('party-organization.member-registered', d.memberId, {
        memberId: d.memberId,
        organizationId: d.organizationId,
        branchId: d.branchId,
        communityId: d.communityId,
        membership: d.membership,
      });
    }
    case 'OrderApproved':
      return reviewed(event.data, 'approve', {});
    case 'OrderRejected':
      return reviewed(event.data, 'reject', { reason: event.data.reason });
    case 'OrderMerged':
      return reviewed(event.data, 'merge', { duplicateOfOrderId: event.data.duplicateOfOrderId });
    case 'MoreInformationRequested':
      return reviewed(event.data, 'need-info', {});
    case 'OrderTaken': {
      const d = event.data;
      return publish<OrderTakenV1>('party-organization.order-taken', d.orderId, {
        orderId: d.orderId,
        round: d.round,
        memberId: d.memberId,
        takenAt: d.takenAt,
      });
    }
    case 'OrderCompleted': {
      const d = event.data;
      return publish<OrderCompletedV1>('party-organization.order-completed', d.orderId, {
        orderId: d.orderId,
        round: d.round,
        memberId: d.memberId,
        resultNote: d.resultNote,
        evidence: d.evidence,
        completedAt: d.completedAt,
      });
    }
    default:
      return [];
  }
}

import {
  buildingLeadersOrderWorkV1,
  companyRegisteredV1,
  leaderApprovedV1,
  mediationEscalatedV1,
  memberRegisteredV1,
  needReferredV1,
  orderReviewedV1,
  organizationFoundedV1,
  partyOrganizationOrderWorkV1,
  propertyCompanyOrderWorkV1,
  type IntegrationEventContract,
  type OrderWorkV1,
} from '@cogov/contracts';
import { consume } from '@cogov/context-kit';
import { PlaceOrderCommand } from '../application/place-order';
import { RecordCompanyDirectoryEntryCommand } from '../application/record-company-directory-entry';
import { RecordLeaderDirectoryEntryCommand } from '../application/record-leader-directory-entry';
import { RecordOrderProgressCommand } from '../application/record-order-progress';
import { RecordPartyDirectoryEntryCommand } from '../application/record-party-directory-entry';

/**
 * Every executor context's order work, in the one language (ADR 13); not the committee's own
 * `residents-committee.order-work` (a department's or a volunteer team's), which is on the order
 * before it is published.
 */
const executorWork: IntegrationEventContract<OrderWorkV1>[] = [
  partyOrganizationOrderWorkV1,
  propertyCompanyOrderWorkV1,
  buildingLeadersOrderWorkV1,
];

/**
 * What the residents' committee does with the Party organization's facts: each, once its schema
 * holds, becomes one command of ours, built field by field.
 */
export const residentsCommitteeInbound = [
  consume(
    companyRegisteredV1,
    ({ data: d }, context) =>
      new RecordCompanyDirectoryEntryCommand({ id: d.companyId, registeredAt: d.registeredAt }, context),
  ),
  consume(organizationFoundedV1, ({ data: d }, context) => {
    const branchId = d.kind === 'branch' ? d.organizationId : d.kind === 'group' ? d.parentId : null;
    return new RecordPartyDirectoryEntryCommand(
      { id: d.organizationId, kind: d.kind, communityId: d.communityId, branchId },
      context,
    );
  }),
  consume(
    memberRegisteredV1,
    ({ data: d }, context) =>
      new RecordPartyDirectoryEntryCommand(
        { id: d.memberId, kind: 'member', communityId: d.communityId, branchId: d.branchId },
        context,
      ),
  ),
  consume(
    orderReviewedV1,
    ({ data: d }, context) =>
      new RecordOrderProgressCommand(
        {
          type: 'RecordBranchReview',
          data: {
            orderId: d.orderId,
            reviewerId: d.reviewerId,
            branchId: d.branchId,
            decision: d.decision,
            note: d.note,
            priority: d.priority,
            reason: d.reason,
            duplicateOfOrderId: d.duplicateOfOrderId,
            reviewedAt: d.reviewedAt,
          },
        },
        context,
      ),
  ),
  // Every executor context publishes the same order-work language.
  ...executorWork.map((contract) =>
    consume(
      contract,
      ({ data: d }, context) =>
        new RecordOrderProgressCommand(
          {
            type: 'RecordOrderWork',
            data: {
              orderId: d.orderId,
              round: d.round,
              executor: { kind: d.executor.kind, id: d.executor.id },
              performedBy: d.performedBy,
              step: d.step,
              at: d.at,
              note: d.note,
              resultNote: d.resultNote,
              evidence: [...d.evidence],
              reason: d.reason,
            },
          },
          context,
        ),
    ),
  ),
  // A need a building leader referred becomes an order placed on the resident's behalf; its id
  // derives from the fact's, so a redelivery places nothing more (ADR 10).
  consume(
    needReferredV1,
    ({ data: d }, context) =>
      new PlaceOrderCommand(
        {
          residentId: d.residentId,
          compoundId: d.compoundId,
          buildingId: d.buildingId,
          category: d.category,
          title: d.title,
          description: d.description,
          channel: 'building-leader',
        },
        context,
      ),
  ),
  consume(
    leaderApprovedV1,
    ({ data: d }, context) =>
      new RecordLeaderDirectoryEntryCommand(
        { id: d.leaderId, communityId: d.communityId, compoundId: d.compoundId, approvedAt: d.approvedAt },
        context,
      ),
  ),
  // A mediation a building leader escalated becomes an order of category neighbour-dispute; it
  // takes the mediation's id, so the building leaders recognise its order-placed (ADR 0025).
  consume(
    mediationEscalatedV1,
    ({ data: d }, context) =>
      new PlaceOrderCommand(
        {
          orderId: d.mediationId,
          residentId: d.residentId,
          compoundId: d.compoundId,
          buildingId: d.buildingId,
          category: 'neighbour-dispute',
          title: d.title,
          description: d.description,
          channel: 'building-leader',
        },
        context,
      ),
  ),
];

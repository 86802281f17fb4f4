import {
  buildingRegisteredV1,
  companyRegisteredV1,
  communityRegisteredV1,
  communityRegisteredV2,
  compoundRegisteredV1,
  contractRecordedV1,
  orderDispatchedV1,
  orderPlacedV1,
  orderPlacedV2,
  opinionReportedV1,
  propertyEvaluationRecordedV1,
  orderRatedV1,
  residentRegisteredV1,
  residentRegisteredV2,
  residentFlagsSetV1,
  volunteerActivityConfirmedV1,
} from '@cogov/contracts';
import { consume, consumeVersions } from '@cogov/context-kit';
import { RecordCommunityDirectoryEntryCommand } from '../application/record-community-directory-entry';
import { RecordCompanyDirectoryEntryCommand } from '../application/record-company-directory-entry';
import { RecordEvaluationCommand, RecordOpinionCommand } from '../application/record-opinion';
import { RecordOrderLifecycleCommand } from '../application/record-order-lifecycle';
import { RecordServiceContractCommand } from '../application/rate-company';
import { CreditVolunteerActivityCommand, RecordResidentFlagsCommand } from '../application/record-duty';

/**
 * What the Party organization does with the residents' committee's facts: each, once its schema
 * holds, becomes one command of ours, built field by field (a rating's comment, say, is not
 * kept here).
 */
export const partyOrganizationInbound = [
  ...consumeVersions(
    [communityRegisteredV1, communityRegisteredV2],
    ({ data: d }, context) =>
      new RecordCommunityDirectoryEntryCommand(
        { id: d.communityId, kind: 'community', communityId: d.communityId, compoundId: null },
        context,
      ),
  ),
  consume(
    compoundRegisteredV1,
    ({ data: d }, context) =>
      new RecordCommunityDirectoryEntryCommand(
        { id: d.compoundId, kind: 'compound', communityId: d.communityId, compoundId: null },
        context,
      ),
  ),
  consume(
    buildingRegisteredV1,
    ({ data: d }, context) =>
      new RecordCommunityDirectoryEntryCommand(
        { id: d.buildingId, kind: 'building', communityId: d.communityId, compoundId: d.compoundId },
        context,
      ),
  ),
  ...consumeVersions(
    [orderPlacedV1, orderPlacedV2],
    ({ data: d }, context) =>
      new RecordOrderLifecycleCommand(
        {
          type: 'OpenBranchOrder',
          data: {
            orderId: d.orderId,
            communityId: d.communityId,
            compoundId: d.compoundId,
            buildingId: d.buildingId,
            category: d.category,
            title: d.title,
            placedAt: d.placedAt,
          },
        },
        context,
      ),
  ),
  consume(
    orderDispatchedV1,
    ({ data: d }, context) =>
      new RecordOrderLifecycleCommand(
        {
          type: 'RecordDispatch',
          data: {
            orderId: d.orderId,
            round: d.round,
            assigneeKind: d.assigneeKind,
            assigneeId: d.assigneeId,
            dispatcherId: d.dispatcherId,
            dispatchedAt: d.dispatchedAt,
          },
        },
        context,
      ),
  ),
  consume(
    orderRatedV1,
    ({ data: d }, context) =>
      new RecordOrderLifecycleCommand(
        {
          type: 'RecordRating',
          data: {
            orderId: d.orderId,
            round: d.round,
            score: d.score,
            reopened: d.reopened,
            ratedAt: d.ratedAt,
          },
        },
        context,
      ),
  ),
  // A seat names a resident by id: the directory knows which community the resident lives in.
  // v2 adds the resident's tenure, which a seat does not need.
  ...consumeVersions(
    [residentRegisteredV1, residentRegisteredV2],
    ({ data: d }, context) =>
      new RecordCommunityDirectoryEntryCommand(
        { id: d.residentId, kind: 'resident', communityId: d.communityId, compoundId: d.compoundId },
        context,
      ),
  ),
  consume(
    companyRegisteredV1,
    ({ data: d }, context) =>
      new RecordCompanyDirectoryEntryCommand({ companyId: d.companyId, name: d.name }, context),
  ),
  // A joint meeting's agenda may name an opinion a building leader reported: we keep its compound.
  consume(
    opinionReportedV1,
    ({ data: d }, context) =>
      new RecordOpinionCommand(
        { opinionId: d.opinionId, communityId: d.communityId, compoundId: d.compoundId, topic: d.topic },
        context,
      ),
  ),
  // Which companies serve the community when: it rates only those (社区党组织评价).
  consume(
    contractRecordedV1,
    ({ data: d }, context) =>
      new RecordServiceContractCommand(
        {
          contractId: d.contractId,
          companyId: d.companyId,
          communityId: d.communityId,
          startsOn: d.startsOn,
          endsOn: d.endsOn,
        },
        context,
      ),
  ),
  // A joint meeting's agenda may name an owners' committee's evaluation: we keep its compound.
  consume(
    propertyEvaluationRecordedV1,
    ({ data: d }, context) =>
      new RecordEvaluationCommand(
        {
          evaluationId: d.evaluationId,
          communityId: d.communityId,
          compoundId: d.compoundId,
          companyId: d.companyId,
          period: d.period,
        },
        context,
      ),
  ),
  // A member's pairing (结对) is with a resident flagged so: the whole set, the newest kept.
  consume(
    residentFlagsSetV1,
    ({ data: d }, context) =>
      new RecordResidentFlagsCommand(
        { residentId: d.residentId, communityId: d.communityId, flags: d.flags.join(','), setAt: d.setAt },
        context,
      ),
  ),
  // "4+1": a confirmed volunteer activity is the volunteer day of each Party member among its participants.
  consume(
    volunteerActivityConfirmedV1,
    ({ data: d }, context) =>
      new CreditVolunteerActivityCommand(
        {
          activityId: d.activityId,
          communityId: d.communityId,
          title: d.title,
          date: d.date,
          hours: d.hours,
          participantIds: d.participantIds,
        },
        context,
      ),
  ),
];

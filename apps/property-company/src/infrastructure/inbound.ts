import {
  companyBranchFoundedV1,
  companyRatedV1,
  compoundRegisteredV1,
  orderDispatchedV1,
  orderPlacedV1,
  orderPlacedV2,
  orderRatedV1,
  propertyEvaluationRecordedV1,
} from '@cogov/contracts';
import { consume, consumeVersions } from '@cogov/context-kit';
import { RecordCompoundCommand } from '../application/record-compound';
import {
  RecordCommitteeEvaluationCommand,
  RecordOrderRatingCommand,
  RecordPartyRatingCommand,
} from '../application/record-evaluation-facts';
import { RecordPartyOrganizationCommand } from '../application/record-party-organization';
import { RecordDispatchCommand, RecordOrderCompoundCommand } from '../application/work-on-order';

/** What the property company does with others' facts: each becomes one command of ours. */
export const propertyCompanyInbound = [
  consume(
    compoundRegisteredV1,
    ({ data: d }, context) =>
      new RecordCompoundCommand({ compoundId: d.compoundId, communityId: d.communityId }, context),
  ),
  consume(
    orderDispatchedV1,
    ({ data: d }, context) =>
      new RecordDispatchCommand(
        {
          orderId: d.orderId,
          round: d.round,
          // A round that went to another kind of executor takes the order out of the company's hands.
          companyId: d.assigneeKind === 'property-company' ? d.assigneeId : null,
          dispatchedAt: d.dispatchedAt,
        },
        context,
      ),
  ),
  consume(
    companyBranchFoundedV1,
    ({ data: d }, context) =>
      new RecordPartyOrganizationCommand(
        { companyId: d.companyId, organizationId: d.organizationId, foundedAt: d.foundedAt },
        context,
      ),
  ),
  // The evaluation's facts (物业服务质量考核评价): the owners' part and the Party's part.
  consume(
    propertyEvaluationRecordedV1,
    ({ data: d }, context) =>
      new RecordCommitteeEvaluationCommand(
        {
          companyId: d.companyId,
          period: d.period,
          evaluationId: d.evaluationId,
          committeeId: d.committeeId,
          meanScore: d.meanScore,
          recordedAt: d.recordedAt,
        },
        context,
      ),
  ),
  consume(
    companyRatedV1,
    ({ data: d }, context) =>
      new RecordPartyRatingCommand(
        {
          companyId: d.companyId,
          period: d.period,
          ratingId: d.ratingId,
          organizationId: d.organizationId,
          score: d.score,
          ratedAt: d.ratedAt,
        },
        context,
      ),
  ),
  consume(
    orderRatedV1,
    ({ data: d }, context) =>
      new RecordOrderRatingCommand(
        { orderId: d.orderId, round: d.round, score: d.score, ratedAt: d.ratedAt },
        context,
      ),
  ),
  // The dispatch does not name the order's compound; its placement does.
  ...consumeVersions(
    [orderPlacedV1, orderPlacedV2],
    ({ data: d }, context) =>
      new RecordOrderCompoundCommand({ orderId: d.orderId, compoundId: d.compoundId }, context),
  ),
];

import {
  committeeFormedV1,
  memberLeftV1,
  memberSeatedV1,
  partyShareComplianceChangedV1,
  propertyEvaluationRecordedV1,
} from '@cogov/contracts';
import type { OutboundMapping } from '@cogov/context-kit';
import type { CommitteeEvent } from '../domain/committee';
import type { CompoundTermsEvent } from '../domain/compound-terms';
import type { PropertyEvaluationEvent } from '../domain/property-evaluation';
import type { SurveyEvent } from '../domain/survey';

/**
 * What the owners' committee tells the others: its committees, who sits on them (ids and role),
 * their Party share compliance, and its evaluations of the property service (scores only: the
 * comment, like survey answers, stays).
 */
export const ownersCommitteeOutbound: OutboundMapping<
  CommitteeEvent | CompoundTermsEvent | PropertyEvaluationEvent | SurveyEvent
> = (event, out) => {
  switch (event.type) {
    case 'CommitteeFormed': {
      const d = event.data;
      return out.publish(committeeFormedV1, d.committeeId, {
        committeeId: d.committeeId,
        compoundId: d.compoundId,
        communityId: d.communityId,
        termStart: d.termStart,
        termEnd: d.termEnd,
      });
    }
    case 'PartyShareFellBelowMinimum':
    case 'PartyShareRestored': {
      const d = event.data;
      return out.publish(partyShareComplianceChangedV1, d.committeeId, {
        committeeId: d.committeeId,
        compliant: event.type === 'PartyShareRestored',
        partySharePercent: d.partySharePercent,
        minimumPartySharePercent: d.minimumPartySharePercent,
        since: d.since,
      });
    }
    case 'PropertyEvaluationRecorded': {
      const d = event.data;
      return out.publish(propertyEvaluationRecordedV1, d.evaluationId, {
        evaluationId: d.evaluationId,
        committeeId: d.committeeId,
        compoundId: d.compoundId,
        communityId: d.communityId,
        companyId: d.companyId,
        period: d.period,
        scores: { ...d.scores },
        meanScore: d.meanScore,
        recordedAt: d.recordedAt,
      });
    }
    case 'MemberJoined': {
      // Ids and the role: what 一肩挑 and 交叉任职 are told from. The background stays.
      const d = event.data;
      return out.publish(memberSeatedV1, d.committeeId, {
        committeeId: d.committeeId,
        memberId: d.memberId,
        residentId: d.residentId,
        role: d.role,
        partyMemberId: d.partyMemberId,
        seatedAt: d.joinedAt,
      });
    }
    case 'MemberLeft': {
      const d = event.data;
      return out.publish(memberLeftV1, d.committeeId, {
        committeeId: d.committeeId,
        memberId: d.memberId,
        leftAt: d.leftAt,
      });
    }
    default:
      return [];
  }
};

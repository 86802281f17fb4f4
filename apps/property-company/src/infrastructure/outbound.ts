import {
  companyRegisteredV1,
  contractRecordedV1,
  evaluationGradedV1,
  type IntegrationEvent,
  type OrderWorkDetails,
  orderWorkPayload,
  propertyCompanyOrderWorkV1,
  type PropertyCompanyOrderWorkV1,
  redPropertyRuleAssessedV1,
} from '@cogov/contracts';
import type { OutboundMapping, Publisher } from '@cogov/context-kit';
import type { CompanyEvent } from '../domain/company';
import type { CompanyEvaluationEvent } from '../domain/company-evaluation';
import type { CompanyOrderEvent } from '../domain/company-order';

/**
 * The company's registration, its red-property rule status, its contracts (who serves which
 * compound when), the grades of its evaluation, and its work on orders in the order-work language
 * every executor context speaks (ADR 13).
 */
export const propertyCompanyOutbound: OutboundMapping<
  CompanyEvent | CompanyOrderEvent | CompanyEvaluationEvent
> = (event, out) => {
  switch (event.type) {
    case 'CompanyRegistered': {
      const { companyId, name, registeredAt } = event.data;
      return out.publish(companyRegisteredV1, companyId, { companyId, name, registeredAt });
    }
    case 'RedPropertyRuleAssessed': {
      const { companyId, rule, status, since } = event.data;
      return out.publish(redPropertyRuleAssessedV1, companyId, { companyId, rule, status, since });
    }
    case 'ContractRecorded': {
      const d = event.data;
      return out.publish(contractRecordedV1, d.companyId, {
        contractId: d.contractId,
        companyId: d.companyId,
        compoundId: d.compoundId,
        communityId: d.communityId,
        startsOn: d.startsOn,
        endsOn: d.endsOn,
        recordedAt: d.recordedAt,
      });
    }
    case 'EvaluationGraded': {
      const d = event.data;
      return out.publish(evaluationGradedV1, d.companyId, {
        companyId: d.companyId,
        period: d.period,
        grade: d.grade,
        score: d.score,
        ownersSatisfaction: d.ownersSatisfaction,
        partyRating: d.partyRating,
        complaints: d.complaints,
        gradedAt: d.gradedAt,
      });
    }
    case 'OrderAccepted':
      return work(out, event.data, 'accepted', event.data.acceptedAt, {});
    case 'ArrivalRecorded':
      return work(out, event.data, 'arrived', event.data.arrivedAt, { note: event.data.note });
    case 'OrderCompleted': {
      const d = event.data;
      return work(out, d, 'completed', d.completedAt, { resultNote: d.resultNote, evidence: d.evidence });
    }
    case 'OrderHandedBack':
      return work(out, event.data, 'handed-back', event.data.handedBackAt, { reason: event.data.reason });
    default:
      return [];
  }
};

function work(
  out: Publisher,
  d: { orderId: string; round: number; companyId: string; performedBy: string },
  step: PropertyCompanyOrderWorkV1['data']['step'],
  at: string,
  details: OrderWorkDetails,
): IntegrationEvent[] {
  const executor = { kind: 'property-company', id: d.companyId } as const;
  return out.publish(
    propertyCompanyOrderWorkV1,
    d.orderId,
    orderWorkPayload({ ...d, executor }, step, at, details),
  );
}

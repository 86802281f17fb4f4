import {
  buildingLeadersOrderWorkV1,
  type BuildingLeadersOrderWorkV1,
  type IntegrationEvent,
  leaderApprovedV1,
  mediationEscalatedV1,
  needReferredV1,
  opinionReportedV1,
  type OrderWorkDetails,
  orderWorkPayload,
} from '@cogov/contracts';
import type { OutboundMapping, Publisher } from '@cogov/context-kit';
import type { BuildingLeaderEvent } from '../domain/building-leader';
import type { LeaderOrderEvent } from '../domain/leader-order';
import type { MediationEvent } from '../domain/mediation';

/**
 * What the building leaders tell the others: a leader approved (dispatch may name them), a need
 * referred (for the residents' committee to place an order on the resident's behalf), an opinion
 * reported, by its topic (for a joint meeting's agenda), a leader's work on orders in the
 * order-work language (ADR 13), and a mediation escalated (for an order of category
 * neighbour-dispute). Visit and session notes, parties' names and opinions' text stay inside.
 */
export const buildingLeadersOutbound: OutboundMapping<
  BuildingLeaderEvent | LeaderOrderEvent | MediationEvent
> = (event, out) => {
  switch (event.type) {
    case 'LeaderApproved': {
      const { leaderId, communityId, compoundId, buildingIds, approvedAt } = event.data;
      return out.publish(leaderApprovedV1, leaderId, {
        leaderId,
        communityId,
        compoundId,
        buildingIds: [...buildingIds],
        approvedAt,
      });
    }
    case 'NeedReferred': {
      const d = event.data;
      return out.publish(needReferredV1, d.leaderId, {
        referralId: d.referralId,
        leaderId: d.leaderId,
        residentId: d.residentId,
        communityId: d.communityId,
        compoundId: d.compoundId,
        buildingId: d.buildingId,
        category: d.category,
        title: d.title,
        description: d.description,
        referredAt: d.referredAt,
      });
    }
    case 'OpinionReported': {
      const d = event.data;
      return out.publish(opinionReportedV1, d.leaderId, {
        opinionId: d.opinionId,
        leaderId: d.leaderId,
        communityId: d.communityId,
        compoundId: d.compoundId,
        topic: d.topic,
        reportedAt: d.reportedAt,
      });
    }
    case 'MediationEscalated': {
      const d = event.data;
      return out.publish(mediationEscalatedV1, d.mediationId, {
        mediationId: d.mediationId,
        leaderId: d.leaderId,
        residentId: d.residentId,
        communityId: d.communityId,
        compoundId: d.compoundId,
        buildingId: d.buildingId,
        title: d.title,
        description: d.description,
        escalatedAt: d.escalatedAt,
      });
    }
    case 'OrderAccepted':
      return work(out, event.data, 'accepted', event.data.acceptedAt, { note: event.data.note });
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
  d: { orderId: string; round: number; leaderId: string },
  step: BuildingLeadersOrderWorkV1['data']['step'],
  at: string,
  details: OrderWorkDetails,
): IntegrationEvent[] {
  const executor = { kind: 'building-leader', id: d.leaderId } as const;
  // The leader is the person who did the work; staff acting for them are the envelope's actor.
  const performedBy = d.leaderId;
  return out.publish(
    buildingLeadersOrderWorkV1,
    d.orderId,
    orderWorkPayload({ ...d, executor, performedBy }, step, at, details),
  );
}

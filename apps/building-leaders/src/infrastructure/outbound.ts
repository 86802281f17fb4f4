import { needReferredV1, opinionReportedV1 } from '@cogov/contracts';
import type { OutboundMapping } from '@cogov/context-kit';
import type { BuildingLeaderEvent } from '../domain/building-leader';

/**
 * What the building leaders tell the others: a need referred, for the residents' committee to
 * place an order on the resident's behalf; an opinion reported, by its topic, for a joint
 * meeting's agenda. Visit notes and opinions' text stay inside.
 */
export const buildingLeadersOutbound: OutboundMapping<BuildingLeaderEvent> = (event, out) => {
  switch (event.type) {
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
    default:
      return [];
  }
};

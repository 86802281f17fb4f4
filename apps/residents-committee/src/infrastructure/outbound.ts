import {
  buildingRegisteredV1,
  communityRegisteredV2,
  compoundRegisteredV1,
  orderAcknowledgedV1,
  orderDispatchedV1,
  orderPlacedV2,
  orderRatedV1,
  residentRegisteredV2,
  residentTenureRecordedV1,
  serviceLevelBreachedV1,
  streetRegisteredV1,
  gridDefinedV1,
  gridPostFilledV1,
  gridPostVacatedV1,
  workerAppointedV1,
} from '@cogov/contracts';
import type { OutboundMapping } from '@cogov/context-kit';
import type { CommunityEvent } from '../domain/community';
import type { CompoundEvent } from '../domain/compound';
import type { OrderEvent } from '../domain/order';
import type { ResidentEvent } from '../domain/resident';
import type { ServiceLevelEvent } from '../service-levels/domain/service-level';
import type { StreetEvent } from '../domain/street';
import type { GridPlanEvent } from '../domain/grid-plan';

type Own =
  | CommunityEvent
  | CompoundEvent
  | ResidentEvent
  | OrderEvent
  | ServiceLevelEvent
  | StreetEvent
  | GridPlanEvent;

/**
 * What the residents' committee tells the others, mapped on purpose from its private events.
 * Residents' names and phone numbers, and workers' names and phones, stay inside.
 */
export const residentsCommitteeOutbound: OutboundMapping<Own> = (event, out) => {
  switch (event.type) {
    case 'CommunityRegistered': {
      const d = event.data;
      return out.publish(communityRegisteredV2, d.communityId, {
        communityId: d.communityId,
        name: d.name,
        streetName: d.streetName ?? null,
        streetId: d.streetId ?? null,
      });
    }
    case 'StreetRegistered': {
      const d = event.data;
      return out.publish(streetRegisteredV1, d.streetId, { streetId: d.streetId, name: d.name });
    }
    case 'GridDefined': {
      const d = event.data;
      return out.publish(gridDefinedV1, d.gridId, {
        gridId: d.gridId,
        communityId: d.communityId,
        name: d.name,
        level: d.level,
        parentId: d.parentId,
        compoundIds: [...d.compoundIds],
        buildingIds: [...d.buildingIds],
        definedAt: d.definedAt,
      });
    }
    case 'GridPostFilled':
    case 'GridPostVacated': {
      const d = event.data;
      const post = {
        gridId: d.gridId,
        communityId: d.communityId,
        postId: d.postId,
        post: d.post,
        holderKind: d.holderKind,
        holderId: d.holderId,
      };
      return event.type === 'GridPostFilled'
        ? out.publish(gridPostFilledV1, d.gridId, { ...post, filledAt: event.data.filledAt })
        : out.publish(gridPostVacatedV1, d.gridId, { ...post, vacatedAt: event.data.vacatedAt });
    }
    case 'CompoundRegistered': {
      const d = event.data;
      return out.publish(compoundRegisteredV1, d.compoundId, {
        compoundId: d.compoundId,
        communityId: d.communityId,
        name: d.name,
      });
    }
    case 'BuildingAdded': {
      const d = event.data;
      return out.publish(buildingRegisteredV1, d.compoundId, {
        buildingId: d.buildingId,
        compoundId: d.compoundId,
        communityId: d.communityId,
        name: d.name,
        number: d.number,
      });
    }
    case 'ResidentRegistered': {
      // Ids only: the resident's name and phone stay here.
      const d = event.data;
      return out.publish(residentRegisteredV2, d.residentId, {
        residentId: d.residentId,
        communityId: d.communityId,
        compoundId: d.compoundId,
        buildingId: d.buildingId,
        tenure: d.tenure,
      });
    }
    case 'ResidentTenureRecorded': {
      const d = event.data;
      return out.publish(residentTenureRecordedV1, d.residentId, {
        residentId: d.residentId,
        communityId: d.communityId,
        compoundId: d.compoundId,
        tenure: d.tenure,
      });
    }
    case 'OrderPlaced': {
      const d = event.data;
      return out.publish(orderPlacedV2, d.orderId, {
        orderId: d.orderId,
        residentId: d.residentId,
        reporterId: d.reporterId ?? null,
        gridId: d.gridId ?? null,
        communityId: d.communityId,
        compoundId: d.compoundId,
        buildingId: d.buildingId ?? null,
        category: d.category,
        title: d.title,
        channel: d.channel,
        placedAt: d.placedAt,
      });
    }
    case 'OrderDispatched': {
      const d = event.data;
      return out.publish(orderDispatchedV1, d.orderId, {
        orderId: d.orderId,
        round: d.round,
        dispatcherId: d.dispatcherId,
        assigneeKind: d.assigneeKind,
        assigneeId: d.assigneeId,
        dispatchedAt: d.dispatchedAt,
      });
    }
    case 'OrderRated': {
      const d = event.data;
      return out.publish(orderRatedV1, d.orderId, {
        orderId: d.orderId,
        round: d.round,
        raterId: d.raterId,
        score: d.score,
        comment: d.comment,
        reopened: d.reopensOrder,
        ratedAt: d.ratedAt,
      });
    }
    case 'OrderAcknowledged': {
      const d = event.data;
      return out.publish(orderAcknowledgedV1, d.orderId, {
        orderId: d.orderId,
        communityId: d.communityId,
        compoundId: d.compoundId,
        staffId: d.staffId,
        acknowledgedAt: d.acknowledgedAt,
      });
    }
    case 'ServiceLevelBreached': {
      const d = event.data;
      return out.publish(serviceLevelBreachedV1, d.orderId, {
        orderId: d.orderId,
        communityId: d.communityId,
        compoundId: d.compoundId,
        stage: d.stage,
        dueAt: d.dueAt,
        lateByMs: d.lateByMs,
        breachedAt: d.breachedAt,
      });
    }
    case 'WorkerAppointed': {
      // The post, not the person: name and phone stay in the community's stream.
      const d = event.data;
      return out.publish(workerAppointedV1, d.communityId, {
        communityId: d.communityId,
        workerId: d.workerId,
        role: d.role,
        appointedAt: d.appointedAt,
      });
    }
    default:
      return [];
  }
};

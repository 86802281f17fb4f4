import {
  buildingRegisteredV1,
  communityRegisteredV2,
  compoundRegisteredV1,
  departmentRegisteredV1,
  orderWhistledV1,
  orderWorkPayload,
  residentsCommitteeOrderWorkV1,
  orderAcknowledgedV1,
  orderDispatchedV1,
  orderPlacedV2,
  orderRatedV1,
  residentFlagsSetV1,
  residentRegisteredV2,
  residentTenureRecordedV1,
  serviceLevelBreachedV2,
  serviceLevelRescheduledV1,
  serviceLevelStageReachedV1,
  serviceLevelStartedV1,
  streetRegisteredV1,
  volunteerActivityConfirmedV1,
  volunteerTeamRegisteredV1,
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
import type { ServiceLevelEvent, TrackId } from '../service-levels/domain/service-level';
import type { StreetEvent } from '../domain/street';
import type { GridPlanEvent } from '../domain/grid-plan';
import type { DepartmentEvent } from '../domain/department';
import type { VolunteerTeamEvent } from '../domain/volunteer-team';
import type { VolunteerActivityEvent } from '../domain/volunteer-activity';

type Own =
  | CommunityEvent
  | CompoundEvent
  | ResidentEvent
  | OrderEvent
  | ServiceLevelEvent
  | StreetEvent
  | GridPlanEvent
  | DepartmentEvent
  | VolunteerTeamEvent
  | VolunteerActivityEvent;

/**
 * The executors with no context of their own, whose work on orders is recorded here and so
 * published from here: departments (报到) and the community's volunteer teams (志愿服务队).
 */
const WORKED_HERE: ReadonlySet<string> = new Set(['department', 'volunteer-team']);

/** Which order and clock a process fact is about, as every service-level contract names it. */
const trackOf = (d: TrackId & { orderId: string }) => ({
  orderId: d.orderId,
  round: d.round,
  track: d.track,
  departmentId: d.departmentId,
});

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
    case 'ResidentFlagsSet': {
      // Sensitive: ids and the flags only, so a member's pairing (结对) can be checked against them.
      const d = event.data;
      return out.publish(residentFlagsSetV1, d.residentId, {
        residentId: d.residentId,
        communityId: d.communityId,
        flags: [...d.flags],
        setAt: d.setAt,
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
    case 'DepartmentRegistered': {
      const d = event.data;
      return out.publish(departmentRegisteredV1, d.departmentId, {
        departmentId: d.departmentId,
        streetId: d.streetId,
        name: d.name,
        kind: d.kind,
        registeredAt: d.registeredAt,
      });
    }
    case 'VolunteerTeamRegistered': {
      const d = event.data;
      return out.publish(volunteerTeamRegisteredV1, d.teamId, {
        teamId: d.teamId,
        communityId: d.communityId,
        streetId: d.streetId,
        name: d.name,
        kind: d.kind,
        registeredAt: d.registeredAt,
      });
    }
    // Only the confirmed activity counts: what was first entered is not published.
    case 'VolunteerActivityConfirmed': {
      const d = event.data;
      return out.publish(volunteerActivityConfirmedV1, d.activityId, {
        activityId: d.activityId,
        communityId: d.communityId,
        streetId: d.streetId,
        teamId: d.teamId,
        kind: d.kind,
        title: d.title,
        date: d.date,
        hours: d.hours,
        participantIds: [...d.participantIds],
        confirmedBy: d.confirmedBy,
        confirmedAt: d.confirmedAt,
      });
    }
    case 'OrderWhistled': {
      const d = event.data;
      return out.publish(orderWhistledV1, d.orderId, {
        orderId: d.orderId,
        round: d.round,
        communityId: d.communityId,
        compoundId: d.compoundId,
        streetId: d.streetId,
        departmentId: d.departmentId,
        level: d.level,
        reason: d.reason,
        whistlerId: d.whistlerId,
        whistledAt: d.whistledAt,
      });
    }
    // 报到: a department has no context of its own, nor has a volunteer team, so their work is
    // published from here, in the one order-work language. Every other executor's work is its own
    // context's to publish.
    case 'OrderTakenRecorded': {
      const d = event.data;
      if (!WORKED_HERE.has(d.executor.kind)) return [];
      return out.publish(
        residentsCommitteeOrderWorkV1,
        d.orderId,
        orderWorkPayload(d, 'accepted', d.takenAt, {}),
      );
    }
    case 'ArrivalRecorded': {
      const d = event.data;
      if (!WORKED_HERE.has(d.executor.kind)) return [];
      return out.publish(
        residentsCommitteeOrderWorkV1,
        d.orderId,
        orderWorkPayload(d, 'arrived', d.arrivedAt, { note: d.note }),
      );
    }
    case 'OrderCompletionRecorded': {
      const d = event.data;
      if (!WORKED_HERE.has(d.executor.kind)) return [];
      return out.publish(
        residentsCommitteeOrderWorkV1,
        d.orderId,
        orderWorkPayload(d, 'completed', d.completedAt, { resultNote: d.resultNote, evidence: d.evidence }),
      );
    }
    case 'OrderHandedBack': {
      const d = event.data;
      if (!WORKED_HERE.has(d.executor.kind)) return [];
      return out.publish(
        residentsCommitteeOrderWorkV1,
        d.orderId,
        orderWorkPayload(d, 'handed-back', d.handedBackAt, { reason: d.reason }),
      );
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
    // The process's facts, so a rates view counts what was due on each track and what made it.
    case 'ServiceLevelStarted': {
      const d = event.data;
      return out.publish(serviceLevelStartedV1, d.orderId, {
        ...trackOf(d),
        communityId: d.communityId,
        compoundId: d.compoundId,
        gridId: d.gridId ?? null,
        category: d.category,
        priority: d.priority,
        startedAt: d.startedAt,
        deadlines: d.deadlines.map(({ stage, dueAt }) => ({ stage, dueAt })),
      });
    }
    case 'ServiceLevelRescheduled': {
      const d = event.data;
      return out.publish(serviceLevelRescheduledV1, d.orderId, {
        ...trackOf(d),
        priority: d.priority,
        deadlines: d.deadlines.map(({ stage, dueAt }) => ({ stage, dueAt })),
      });
    }
    case 'StageReached': {
      const d = event.data;
      return out.publish(serviceLevelStageReachedV1, d.orderId, {
        ...trackOf(d),
        stage: d.stage,
        at: d.at,
        dueAt: d.dueAt,
        inTime: d.inTime,
      });
    }
    // v2 only: it names the track, the round and the grid (v1 stays a contract for consumers).
    case 'ServiceLevelBreached': {
      const d = event.data;
      return out.publish(serviceLevelBreachedV2, d.orderId, {
        ...trackOf(d),
        communityId: d.communityId,
        compoundId: d.compoundId,
        gridId: d.gridId ?? null,
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

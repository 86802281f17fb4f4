import {
  companyBranchFoundedV1,
  type IntegrationEvent,
  memberRegisteredV1,
  type OrderReviewedV1,
  orderReviewedV1,
  organizationFoundedV1,
  type OrderWorkDetails,
  orderWorkPayload,
  partyOrganizationOrderWorkV1,
  type PartyOrganizationOrderWorkV1,
  seatFilledV1,
  seatVacatedV1,
  jointMeetingTaskProgressedV1,
  jointMeetingTasksAssignedV1,
} from '@cogov/contracts';
import type { OutboundMapping, Publisher } from '@cogov/context-kit';
import { companyRatedV1, memberReportedInV1 } from '@cogov/contracts';
import type { BranchOrderEvent } from '../domain/branch-order';
import type { CompanyRatingEvent } from '../domain/company-rating';
import type { JointMeetingEvent } from '../domain/joint-meeting';
import type { MemberEvent } from '../domain/member';
import type { OrganizationEvent } from '../domain/organization';

type Own = OrganizationEvent | MemberEvent | BranchOrderEvent | CompanyRatingEvent | JointMeetingEvent;

/** What the Party organization tells the others. Members' names and phones stay inside. */
export const partyOrganizationOutbound: OutboundMapping<Own> = (event, out) => {
  switch (event.type) {
    case 'OrganizationFounded': {
      const d = event.data;
      if (d.kind === 'company-branch') {
        return out.publish(companyBranchFoundedV1, d.organizationId, {
          organizationId: d.organizationId,
          companyId: d.companyId!,
          communityId: d.communityId,
          parentId: d.parentId!,
          foundedAt: d.foundedAt,
        });
      }
      return out.publish(organizationFoundedV1, d.organizationId, {
        organizationId: d.organizationId,
        kind: d.kind,
        name: d.name,
        communityId: d.communityId,
        parentId: d.parentId,
        compoundIds: d.compoundIds,
        buildingIds: d.buildingIds,
      });
    }
    case 'SeatFilled': {
      // The person by their ids only: the name stays in this stream.
      const d = event.data;
      return out.publish(seatFilledV1, d.organizationId, {
        organizationId: d.organizationId,
        organizationKind: d.organizationKind,
        communityId: d.communityId,
        compoundIds: d.compoundIds,
        seatId: d.seatId,
        seat: d.seat,
        holds: d.holds,
        memberId: d.memberId,
        residentId: d.residentId,
        filledAt: d.filledAt,
      });
    }
    case 'SeatVacated': {
      const d = event.data;
      return out.publish(seatVacatedV1, d.organizationId, {
        organizationId: d.organizationId,
        communityId: d.communityId,
        seatId: d.seatId,
        vacatedAt: d.vacatedAt,
      });
    }
    case 'MemberRegistered': {
      const d = event.data;
      return out.publish(memberRegisteredV1, d.memberId, {
        memberId: d.memberId,
        organizationId: d.organizationId,
        branchId: d.branchId,
        communityId: d.communityId,
        membership: d.membership,
      });
    }
    case 'ReportInConfirmed': {
      // 双报到 confirmed: ids and the time; the work unit and the address stay here.
      const d = event.data;
      return out.publish(memberReportedInV1, d.memberId, {
        memberId: d.memberId,
        communityId: d.communityId,
        confirmedAt: d.confirmedAt,
      });
    }
    case 'OrderApproved':
      return reviewed(out, event.data, 'approve', {});
    case 'OrderRejected':
      return reviewed(out, event.data, 'reject', { reason: event.data.reason });
    case 'OrderMerged':
      return reviewed(out, event.data, 'merge', { duplicateOfOrderId: event.data.duplicateOfOrderId });
    case 'MoreInformationRequested':
      return reviewed(out, event.data, 'need-info', {});
    case 'OrderTaken': {
      const d = event.data;
      return work(out, d, 'accepted', d.takenAt, {});
    }
    case 'MemberArrived': {
      const d = event.data;
      return work(out, d, 'arrived', d.arrivedAt, { note: d.note });
    }
    case 'OrderCompleted': {
      const d = event.data;
      return work(out, d, 'completed', d.completedAt, { resultNote: d.resultNote, evidence: d.evidence });
    }
    case 'OrderHandedBack': {
      const d = event.data;
      return work(out, d, 'handed-back', d.handedBackAt, { reason: d.reason });
    }
    case 'CompanyRated': {
      // The score, not the comment: the comment is the committee's own words.
      const d = event.data;
      return out.publish(companyRatedV1, d.companyId, {
        ratingId: d.ratingId,
        organizationId: d.organizationId,
        communityId: d.communityId,
        companyId: d.companyId,
        period: d.period,
        score: d.score,
        ratedAt: d.ratedAt,
      });
    }
    case 'DecisionRecorded': {
      // The tasks and their due days, for the compound's board; the decision's text stays here.
      const d = event.data;
      if (d.tasks.length === 0) return [];
      return out.publish(jointMeetingTasksAssignedV1, d.meetingId, {
        meetingId: d.meetingId,
        decisionId: d.decisionId,
        communityId: d.communityId,
        compoundId: d.compoundId,
        tasks: d.tasks.map((t) => ({
          taskId: t.taskId,
          party: t.ownerParty,
          ownerId: t.ownerId,
          dueOn: t.dueOn,
        })),
        decidedAt: d.decidedAt,
      });
    }
    case 'TaskProgressRecorded': {
      // Whether it is done, not the note.
      const d = event.data;
      return out.publish(jointMeetingTaskProgressedV1, d.meetingId, {
        meetingId: d.meetingId,
        taskId: d.taskId,
        done: d.done,
        recordedAt: d.recordedAt,
      });
    }
    default:
      return [];
  }
};

function reviewed(
  out: Publisher,
  d: {
    orderId: string;
    reviewerId: string;
    branchId: string;
    note: string;
    priority: OrderReviewedV1['data']['priority'];
    reviewedAt: string;
  },
  decision: OrderReviewedV1['data']['decision'],
  extra: { reason?: string; duplicateOfOrderId?: string },
): IntegrationEvent[] {
  return out.publish(orderReviewedV1, d.orderId, {
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
}

/** A member's work, in the order-work language every executor context speaks. */
function work(
  out: Publisher,
  d: { orderId: string; round: number; memberId: string },
  step: PartyOrganizationOrderWorkV1['data']['step'],
  at: string,
  details: OrderWorkDetails,
): IntegrationEvent[] {
  const executor = { kind: 'member', id: d.memberId } as const;
  return out.publish(
    partyOrganizationOrderWorkV1,
    d.orderId,
    orderWorkPayload({ ...d, executor, performedBy: d.memberId }, step, at, details),
  );
}

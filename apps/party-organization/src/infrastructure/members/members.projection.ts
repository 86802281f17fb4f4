import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@cogov/event-store';
import type { Projection } from '@cogov/projections';
import { inCategory } from '@cogov/context-kit';
import type { MemberEvent } from '../../domain/member';
import type { MemberDutiesEvent } from '../../domain/member-duties';
import { memberAggregate, memberDutiesAggregate } from '../aggregates';
import { MemberDutyView, MemberView } from './member.entities';

/**
 * The members of each organization, where each reported in (双报到), and their "4+1" items: what
 * the branch's board and the community's list of reported-in members read.
 */
export const membersProjection: Projection = {
  name: 'party-organization.members',
  version: 1,
  entities: [MemberView, MemberDutyView],
  handles: (event) =>
    inCategory(memberAggregate, event.streamId) || inCategory(memberDutiesAggregate, event.streamId),
  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    const members = manager.getRepository(MemberView);
    const duties = manager.getRepository(MemberDutyView);
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as MemberEvent | MemberDutiesEvent;
      switch (event.type) {
        case 'MemberRegistered': {
          const d = event.data;
          await members.upsert(
            {
              memberId: d.memberId,
              organizationId: d.organizationId,
              branchId: d.branchId,
              communityId: d.communityId,
              name: d.name,
              membership: d.membership,
              reportInCommunityId: null,
              reportInStatus: null,
              workUnit: null,
              workUnitOrganization: null,
              address: null,
              reportedInAt: null,
              decidedAt: null,
              declineReason: null,
            },
            ['memberId'],
          );
          break;
        }
        case 'ReportInRequested': {
          const d = event.data;
          await members.update(
            { memberId: d.memberId },
            {
              reportInCommunityId: d.communityId,
              reportInStatus: 'pending',
              workUnit: d.workUnit,
              workUnitOrganization: d.workUnitOrganization,
              address: d.address,
              reportedInAt: d.requestedAt,
              decidedAt: null,
              declineReason: null,
            },
          );
          break;
        }
        case 'ReportInConfirmed':
          await members.update(
            { memberId: event.data.memberId },
            { reportInStatus: 'confirmed', decidedAt: event.data.confirmedAt },
          );
          break;
        case 'ReportInDeclined':
          await members.update(
            { memberId: event.data.memberId },
            {
              reportInStatus: 'declined',
              decidedAt: event.data.declinedAt,
              declineReason: event.data.reason,
            },
          );
          break;
        case 'DutyRecorded': {
          const d = event.data;
          await duties.upsert(
            {
              dutyId: d.dutyId,
              memberId: d.memberId,
              organizationId: d.organizationId,
              branchId: d.branchId,
              year: d.year,
              item: d.item,
              date: d.date,
              note: d.note,
              residentId: d.residentId,
              activityId: null,
              activityTitle: null,
              hours: null,
              source: 'recorded',
            },
            ['dutyId'],
          );
          break;
        }
        case 'VolunteerActivityCredited': {
          const d = event.data;
          await duties.upsert(
            {
              dutyId: d.dutyId,
              memberId: d.memberId,
              organizationId: d.organizationId,
              branchId: d.branchId,
              year: d.year,
              item: 'volunteer-day',
              date: d.date,
              note: null,
              residentId: null,
              activityId: d.activityId,
              activityTitle: d.title,
              hours: d.hours,
              source: 'volunteer-activity',
            },
            ['dutyId'],
          );
          break;
        }
        default:
          break;
      }
    }
  },
};

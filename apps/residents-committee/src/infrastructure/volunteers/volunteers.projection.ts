import { idInStream, inCategory } from '@cogov/context-kit';
import { type Projection, rowPerKeyProjection } from '@cogov/projections';
import type { VolunteerActivityEvent } from '../../domain/volunteer-activity';
import type { VolunteerTeamEvent } from '../../domain/volunteer-team';
import { volunteerActivityAggregate, volunteerTeamAggregate } from '../aggregates';
import { VolunteerActivityView } from './volunteer-activity-view.entity';
import { VolunteerTeamView } from './volunteer-team-view.entity';

/** The volunteer teams as a fold over their streams. */
export const volunteerTeamsProjection: Projection = rowPerKeyProjection<VolunteerTeamView>({
  name: 'residents-committee.volunteer-teams',
  version: 1,
  entity: VolunteerTeamView,
  key: 'teamId',
  handles: (event) => inCategory(volunteerTeamAggregate, event.streamId),
  keyOf: (event) => idInStream(volunteerTeamAggregate, event.streamId),
  evolve(row, recorded) {
    const event = { type: recorded.type, data: recorded.data } as VolunteerTeamEvent;
    switch (event.type) {
      case 'VolunteerTeamRegistered': {
        if (row) return row;
        const d = event.data;
        return Object.assign(new VolunteerTeamView(), {
          teamId: d.teamId,
          communityId: d.communityId,
          streetId: d.streetId,
          name: d.name,
          kind: d.kind,
          memberIds: [],
          registeredAt: d.registeredAt,
        });
      }
      case 'VolunteerTeamMemberAdded':
        if (!row) return null;
        row.memberIds = [...new Set([...row.memberIds, event.data.personId])];
        return row;
      case 'VolunteerTeamMemberRemoved':
        if (!row) return null;
        row.memberIds = row.memberIds.filter((id) => id !== event.data.personId);
        return row;
    }
  },
});

/** The volunteer activities as a fold over their streams. */
export const volunteerActivitiesProjection: Projection = rowPerKeyProjection<VolunteerActivityView>({
  name: 'residents-committee.volunteer-activities',
  version: 1,
  entity: VolunteerActivityView,
  key: 'activityId',
  handles: (event) => inCategory(volunteerActivityAggregate, event.streamId),
  keyOf: (event) => idInStream(volunteerActivityAggregate, event.streamId),
  evolve(row, recorded) {
    const event = { type: recorded.type, data: recorded.data } as VolunteerActivityEvent;
    switch (event.type) {
      case 'VolunteerActivityRecorded': {
        if (row) return row;
        const d = event.data;
        return Object.assign(new VolunteerActivityView(), {
          activityId: d.activityId,
          communityId: d.communityId,
          streetId: d.streetId,
          teamId: d.teamId,
          kind: d.kind,
          title: d.title,
          date: d.date,
          hours: d.hours,
          participantIds: [...d.participantIds],
          recordedAt: d.recordedAt,
          confirmedBy: null,
          confirmedAt: null,
        });
      }
      case 'VolunteerActivityConfirmed':
        if (!row) return null;
        row.confirmedBy = event.data.confirmedBy;
        row.confirmedAt = event.data.confirmedAt;
        return row;
    }
  },
});

import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@cogov/event-store';
import type { Projection } from '@cogov/projections';
import { inCategory } from '@cogov/context-kit';
import type { JointMeetingEvent } from '../../domain/joint-meeting';
import { jointMeetingAggregate } from '../aggregates';
import { JointMeetingTaskView } from './joint-meeting-task.entity';

/** The compound's board of joint-meeting tasks: one row per task, open until done. */
export const jointMeetingTasksProjection: Projection = {
  name: 'party-organization.joint-meeting-tasks',
  version: 1,
  entities: [JointMeetingTaskView],
  handles: (event) => inCategory(jointMeetingAggregate, event.streamId),
  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    const tasks = manager.getRepository(JointMeetingTaskView);
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as JointMeetingEvent;
      if (event.type === 'DecisionRecorded') {
        const d = event.data;
        const rows = d.tasks.map((t) => ({
          taskId: t.taskId,
          meetingId: d.meetingId,
          decisionId: d.decisionId,
          communityId: d.communityId,
          compoundId: d.compoundId,
          decision: d.text,
          ownerParty: t.ownerParty,
          ownerId: t.ownerId,
          dueOn: t.dueOn,
          status: 'open',
          doneAt: null,
          lastNote: null,
        }));
        if (rows.length > 0) await tasks.upsert(rows, ['taskId']);
      } else if (event.type === 'TaskProgressRecorded') {
        const d = event.data;
        await tasks.update(
          { taskId: d.taskId },
          d.done ? { status: 'done', doneAt: d.recordedAt, lastNote: d.note } : { lastNote: d.note },
        );
      }
    }
  },
};

import { contract, idSchema, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';

export const JOINT_MEETING_PARTIES = [
  'branch',
  'owners-committee',
  'property-company',
  'residents-committee',
  'building-leaders',
] as const;

const daySchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/**
 * A joint meeting (联席会议) of a compound decided, and handed the decision's tasks to the parties
 * at the table, each with its due day. The decision's text and the progress notes stay with the
 * Party organization; overdue is not published: a consumer judges it against its own day.
 */
export type JointMeetingTasksAssignedV1 = IntegrationEvent<
  'party-organization.joint-meeting-tasks-assigned',
  {
    meetingId: string;
    decisionId: string;
    communityId: string;
    compoundId: string;
    tasks: Array<{
      taskId: string;
      party: (typeof JOINT_MEETING_PARTIES)[number];
      /** The owning body's or person's id in its own context. */
      ownerId: string;
      /** `YYYY-MM-DD`. */
      dueOn: string;
    }>;
    decidedAt: string;
  }
>;
export const jointMeetingTasksAssignedV1 = contract<JointMeetingTasksAssignedV1>(
  'party-organization.joint-meeting-tasks-assigned',
  1,
  {
    type: 'object',
    required: ['meetingId', 'decisionId', 'communityId', 'compoundId', 'tasks', 'decidedAt'],
    properties: {
      meetingId: idSchema,
      decisionId: idSchema,
      communityId: idSchema,
      compoundId: idSchema,
      tasks: {
        type: 'array',
        maxItems: 100,
        items: {
          type: 'object',
          required: ['taskId', 'party', 'ownerId', 'dueOn'],
          properties: {
            taskId: idSchema,
            party: { type: 'string', enum: JOINT_MEETING_PARTIES },
            ownerId: idSchema,
            dueOn: daySchema,
          },
        },
      },
      decidedAt: timeSchema,
    },
  },
);

/** Progress on a joint meeting's task was recorded; `done` closes the task. The note stays. */
export type JointMeetingTaskProgressedV1 = IntegrationEvent<
  'party-organization.joint-meeting-task-progressed',
  { meetingId: string; taskId: string; done: boolean; recordedAt: string }
>;
export const jointMeetingTaskProgressedV1 = contract<JointMeetingTaskProgressedV1>(
  'party-organization.joint-meeting-task-progressed',
  1,
  {
    type: 'object',
    required: ['meetingId', 'taskId', 'done', 'recordedAt'],
    properties: { meetingId: idSchema, taskId: idSchema, done: { type: 'boolean' }, recordedAt: timeSchema },
  },
);

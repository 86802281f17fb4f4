import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { AGENDA_KINDS, PARTIES } from './dto';

/* What the joint meetings' read routes answer, for the OpenAPI document. */

export class AttendeeView {
  @ApiProperty({ enum: PARTIES }) party!: (typeof PARTIES)[number];
  @ApiProperty() personName!: string;
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
}

export class AgendaItemView {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: AGENDA_KINDS }) kind!: (typeof AGENDA_KINDS)[number];
  @ApiProperty({ type: String, nullable: true, description: 'The order, opinion or evaluation' })
  refId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
}

export class DecisionView {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String] }) taskIds!: string[];
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

export class ProgressView {
  @ApiProperty() note!: string;
  @ApiProperty() done!: boolean;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class TaskView {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ enum: PARTIES }) ownerParty!: (typeof PARTIES)[number];
  @ApiProperty() ownerId!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ enum: ['open', 'done'] }) status!: 'open' | 'done';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) doneAt!: string | null;
  @ApiProperty({ type: [ProgressView] }) progress!: ProgressView[];
  @ApiProperty({ description: 'Due before today and not done' }) overdue!: boolean;
}

/** The inline nullable object of a closure: a nullable `$ref` would still apply to null. */
const CLOSURE: ApiPropertyOptions = {
  type: 'object',
  selfRequired: true,
  required: ['reason', 'note', 'at'],
  properties: {
    reason: { type: 'string', enum: ['all-tasks-done', 'closed'] },
    note: { type: 'string', nullable: true },
    at: { type: 'string', format: 'date-time' },
  },
  nullable: true,
  description: 'How and when it closed: every task done, or closed explicitly',
};

/** 联席会议: one joint meeting, its agenda, decisions and tasks, overdue ones flagged. */
export class JointMeetingResponse {
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty({ format: 'uuid' }) branchId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ type: [AttendeeView] }) attendees!: AttendeeView[];
  @ApiProperty({ type: [AgendaItemView] }) agenda!: AgendaItemView[];
  @ApiProperty({ type: [DecisionView] }) decisions!: DecisionView[];
  @ApiProperty({ type: [TaskView] }) tasks!: TaskView[];
  @ApiProperty({ type: [String], description: 'Tasks due before today and not done' })
  overdueTaskIds!: string[];
  @ApiProperty({ format: 'date', description: 'The day overdue is judged by' }) today!: string;
  @ApiProperty(CLOSURE) closed!: {
    reason: 'all-tasks-done' | 'closed';
    note: string | null;
    at: string;
  } | null;
  @ApiProperty({ format: 'date-time' }) convenedAt!: string;
}

export class BoardTaskView {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty({ description: 'The decision the task carries out' }) decision!: string;
  @ApiProperty({ enum: PARTIES }) ownerParty!: (typeof PARTIES)[number];
  @ApiProperty() ownerId!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ enum: ['open'] }) status!: 'open';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) doneAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The latest progress' }) lastNote!: string | null;
  @ApiProperty() overdue!: boolean;
}

/** The compound's board: joint-meeting tasks not done, the overdue ones apart (at most 500, earliest due first). */
export class CompoundBoardResponse {
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty({ format: 'date' }) today!: string;
  @ApiProperty({ type: [BoardTaskView] }) openTasks!: BoardTaskView[];
  @ApiProperty({ type: [BoardTaskView] }) overdueTasks!: BoardTaskView[];
}

import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { CLOCK, type Clock, NotFound } from '@cogov/decider';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { type JointMeeting, type Task, isOverdue } from '../domain/joint-meeting';
import { type JointMeetingRepository, jointMeetingAggregate } from '../infrastructure/aggregates';
import { JointMeetingTaskView } from '../infrastructure/board/joint-meeting-task.entity';

/** The day by the injected clock (UTC), against which a task's due day is judged. */
const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);

export type JointMeetingView = Omit<Extract<JointMeeting, { status: 'open' | 'closed' }>, 'tasks'> & {
  tasks: Array<Omit<Task, 'progress'> & { progress: Task['progress'][number][]; overdue: boolean }>;
  overdueTaskIds: string[];
  today: string;
};

export class GetJointMeetingQuery extends Query<JointMeetingView> {
  constructor(readonly meetingId: string) {
    super();
  }
}

/** One meeting as its stream has it, each task flagged overdue by today's date. */
@QueryHandler(GetJointMeetingQuery)
export class GetJointMeetingHandler implements IQueryHandler<GetJointMeetingQuery> {
  constructor(
    @InjectRepository(jointMeetingAggregate) private readonly meetings: JointMeetingRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ meetingId }: GetJointMeetingQuery): Promise<JointMeetingView> {
    const { state } = await this.meetings.load(meetingId);
    if (state.status === 'absent') throw new NotFound('joint meeting', meetingId);
    const day = today(this.clock);
    const tasks = state.tasks.map((t) => ({ ...t, progress: [...t.progress], overdue: isOverdue(t, day) }));
    return {
      ...state,
      tasks,
      overdueTaskIds: tasks.filter((t) => t.overdue).map((t) => t.taskId),
      today: day,
    };
  }
}

export interface CompoundBoard {
  compoundId: string;
  today: string;
  openTasks: Array<JointMeetingTaskView & { overdue: boolean }>;
  overdueTasks: Array<JointMeetingTaskView & { overdue: boolean }>;
}

export class GetCompoundBoardQuery extends Query<CompoundBoard> {
  constructor(readonly compoundId: string) {
    super();
  }
}

/** The compound's board: the joint meetings' tasks not done yet, the overdue ones apart. */
@QueryHandler(GetCompoundBoardQuery)
export class GetCompoundBoardHandler implements IQueryHandler<GetCompoundBoardQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ compoundId }: GetCompoundBoardQuery): Promise<CompoundBoard> {
    const day = today(this.clock);
    const rows = await this.db.readSource.getRepository(JointMeetingTaskView).find({
      where: { compoundId, status: 'open' },
      order: { dueOn: 'ASC', taskId: 'ASC' },
      take: 500,
    });
    const openTasks = rows.map((r) => ({
      ...r,
      overdue: isOverdue({ status: 'open', dueOn: r.dueOn }, day),
    }));
    return { compoundId, today: day, openTasks, overdueTasks: openTasks.filter((t) => t.overdue) };
  }
}

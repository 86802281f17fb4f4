import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import {
  type AgendaKind,
  type AgendaRef,
  type Attendee,
  type JointMeetingCommand,
  type Party,
  jointMeetingDecider,
} from '../domain/joint-meeting';
import { summarize } from '../domain/organization';
import {
  type BranchOrderRepository,
  type JointMeetingRepository,
  type OrganizationRepository,
  branchOrderAggregate,
  jointMeetingAggregate,
  organizationAggregate,
} from '../infrastructure/aggregates';
import { EvaluationDirectoryEntry } from '../infrastructure/directory/evaluation-directory.entity';
import { OpinionDirectoryEntry } from '../infrastructure/directory/opinion-directory.entity';

export class ConveneMeetingCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { branchId: string; compoundId: string; date: string; attendees: Attendee[] },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ConveneMeetingCommand)
export class ConveneMeetingHandler implements ICommandHandler<ConveneMeetingCommand> {
  constructor(
    @InjectRepository(organizationAggregate) private readonly organizations: OrganizationRepository,
    @InjectRepository(jointMeetingAggregate) private readonly meetings: JointMeetingRepository,
  ) {}

  async execute({ input, context }: ConveneMeetingCommand) {
    const meetingId = newId(context, 'joint-meeting');
    const { branchId, compoundId, date, attendees } = input;
    const branch = summarize(branchId, (await this.organizations.load(branchId)).state);
    await this.meetings.handle(
      meetingId,
      (state) =>
        jointMeetingDecider.decide(
          {
            type: 'ConveneMeeting',
            data: { meetingId, branch, compoundId, date, attendees, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
    return { id: meetingId };
  }
}

export class AddAgendaItemCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { meetingId: string; kind: AgendaKind; refId: string | null; title: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddAgendaItemCommand)
export class AddAgendaItemHandler implements ICommandHandler<AddAgendaItemCommand> {
  constructor(
    @InjectRepository(jointMeetingAggregate) private readonly meetings: JointMeetingRepository,
    @InjectRepository(branchOrderAggregate) private readonly orders: BranchOrderRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ input, context }: AddAgendaItemCommand) {
    const itemId = newId(context, 'joint-meeting-agenda-item');
    const { meetingId, kind, refId, title } = input;
    const ref = await this.lookUp(kind, refId);
    await this.meetings.handle(
      meetingId,
      (state) =>
        jointMeetingDecider.decide(
          {
            type: 'AddAgendaItem',
            data: { meetingId, itemId, kind, refId, title, ref, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
    return { id: itemId };
  }

  /**
   * Orders as the branch knows them (opened when placed), opinions as building leaders published
   * them, evaluations as the owners' committees published them.
   */
  private async lookUp(kind: AgendaKind, id: string | null): Promise<AgendaRef> {
    if (id === null) return { kind: 'unchecked' };
    if (kind === 'order') {
      const { state } = await this.orders.load(id);
      if (state.status === 'absent') return { kind: 'absent', id };
      return { kind: 'known', id, communityId: state.communityId, compoundId: state.compoundId };
    }
    if (kind === 'opinion') {
      const entry = await this.db.readSource
        .getRepository(OpinionDirectoryEntry)
        .findOneBy({ opinionId: id });
      if (!entry) return { kind: 'absent', id };
      return { kind: 'known', id, communityId: entry.communityId, compoundId: entry.compoundId };
    }
    if (kind === 'evaluation') {
      const entry = await this.db.readSource
        .getRepository(EvaluationDirectoryEntry)
        .findOneBy({ evaluationId: id });
      if (!entry) return { kind: 'absent', id };
      return { kind: 'known', id, communityId: entry.communityId, compoundId: entry.compoundId };
    }
    return { kind: 'unchecked' };
  }
}

export class RecordDecisionCommand extends Command<{ id: string; taskIds: string[] }> {
  constructor(
    readonly input: {
      meetingId: string;
      text: string;
      tasks: Array<{ ownerParty: Party; ownerId: string; dueOn: string }>;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand> {
  constructor(@InjectRepository(jointMeetingAggregate) private readonly meetings: JointMeetingRepository) {}

  async execute({ input, context }: RecordDecisionCommand) {
    const decisionId = newId(context, 'joint-meeting-decision');
    const tasks = input.tasks.map((t, i) => ({ ...t, taskId: newId(context, `joint-meeting-task-${i}`) }));
    await this.meetings.handle(
      input.meetingId,
      (state) =>
        jointMeetingDecider.decide(
          {
            type: 'RecordDecision',
            data: {
              meetingId: input.meetingId,
              decisionId,
              text: input.text,
              tasks,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: decisionId, taskIds: tasks.map((t) => t.taskId) };
  }
}

/** Progress on a task, or the meeting's explicit closure: commands that only need the meeting. */
export class UpdateMeetingCommand extends Command<void> {
  constructor(
    readonly input:
      | { type: 'RecordTaskProgress'; meetingId: string; taskId: string; note: string; done: boolean }
      | { type: 'CloseMeeting'; meetingId: string; note: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(UpdateMeetingCommand)
export class UpdateMeetingHandler implements ICommandHandler<UpdateMeetingCommand> {
  constructor(@InjectRepository(jointMeetingAggregate) private readonly meetings: JointMeetingRepository) {}

  async execute({ input, context }: UpdateMeetingCommand): Promise<void> {
    const now = context.now.toISOString();
    const command: JointMeetingCommand =
      input.type === 'CloseMeeting'
        ? { type: 'CloseMeeting', data: { meetingId: input.meetingId, note: input.note, now } }
        : {
            type: 'RecordTaskProgress',
            data: {
              meetingId: input.meetingId,
              taskId: input.taskId,
              note: input.note,
              done: input.done,
              now,
            },
          };
    await this.meetings.handle(
      input.meetingId,
      (state) => jointMeetingDecider.decide(command, state),
      context,
    );
  }
}

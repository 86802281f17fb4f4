import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  OutOfScope,
  RuleViolation,
  WrongKind,
  assertNever,
} from '@cogov/decider';
import type { OrganizationSummary } from './organization';

/**
 * 联席会议: the joint meeting of a compound, led by the branch covering it with the owners'
 * committee and the property company (the residents' committee and building leaders may attend).
 * It puts orders, building leaders' opinions and evaluations on its agenda, decides, and hands
 * out tasks with a due day; it closes when every task is done, or when it is closed explicitly.
 * The work outlives an explicit closure: a task not done stays open until it is.
 */
export const PARTIES = [
  'branch',
  'owners-committee',
  'property-company',
  'residents-committee',
  'building-leaders',
] as const;
export type Party = (typeof PARTIES)[number];

export const AGENDA_KINDS = ['order', 'opinion', 'evaluation', 'other'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export interface Attendee {
  readonly party: Party;
  readonly personName: string;
  /** The person's or body's id in its own context, where given. */
  readonly id: string | null;
}

/**
 * What the handler found of the thing an agenda item names: an order, an opinion or an
 * evaluation as this context knows it (with its compound), nothing for another matter.
 */
export type AgendaRef =
  | { kind: 'unchecked' }
  | { kind: 'absent'; id: string }
  | { kind: 'known'; id: string; communityId: string; compoundId: string };

export interface TaskInput {
  readonly taskId: string;
  readonly ownerParty: Party;
  readonly ownerId: string;
  /** `YYYY-MM-DD`. */
  readonly dueOn: string;
}

export type ConveneMeeting = {
  type: 'ConveneMeeting';
  data: {
    meetingId: string;
    branch: OrganizationSummary;
    compoundId: string;
    date: string;
    attendees: Attendee[];
    now: string;
  };
};

export type AddAgendaItem = {
  type: 'AddAgendaItem';
  data: {
    meetingId: string;
    itemId: string;
    kind: AgendaKind;
    refId: string | null;
    title: string;
    ref: AgendaRef;
    now: string;
  };
};

export type RecordDecision = {
  type: 'RecordDecision';
  data: { meetingId: string; decisionId: string; text: string; tasks: TaskInput[]; now: string };
};

export type RecordTaskProgress = {
  type: 'RecordTaskProgress';
  data: { meetingId: string; taskId: string; note: string; done: boolean; now: string };
};

export type CloseMeeting = {
  type: 'CloseMeeting';
  /** Why it closes with tasks not done, or none given. */
  data: { meetingId: string; note: string; now: string };
};

export type JointMeetingCommand =
  ConveneMeeting | AddAgendaItem | RecordDecision | RecordTaskProgress | CloseMeeting;

export type MeetingConvened = {
  type: 'MeetingConvened';
  data: {
    meetingId: string;
    branchId: string;
    communityId: string;
    compoundId: string;
    date: string;
    attendees: Attendee[];
    convenedAt: string;
  };
};

export type AgendaItemAdded = {
  type: 'AgendaItemAdded';
  data: {
    meetingId: string;
    itemId: string;
    kind: AgendaKind;
    refId: string | null;
    title: string;
    addedAt: string;
  };
};

export type DecisionRecorded = {
  type: 'DecisionRecorded';
  data: {
    meetingId: string;
    decisionId: string;
    communityId: string;
    compoundId: string;
    text: string;
    tasks: TaskInput[];
    decidedAt: string;
  };
};

export type TaskProgressRecorded = {
  type: 'TaskProgressRecorded';
  data: { meetingId: string; taskId: string; note: string; done: boolean; recordedAt: string };
};

export type MeetingClosed = {
  type: 'MeetingClosed';
  data: { meetingId: string; reason: 'all-tasks-done' | 'closed'; note: string | null; closedAt: string };
};

export type JointMeetingEvent =
  MeetingConvened | AgendaItemAdded | DecisionRecorded | TaskProgressRecorded | MeetingClosed;

export interface Task extends TaskInput {
  readonly decisionId: string;
  readonly status: 'open' | 'done';
  readonly progress: ReadonlyArray<{ note: string; done: boolean; at: string }>;
  readonly doneAt: string | null;
}

export type JointMeeting =
  | { status: 'absent' }
  | (Omit<MeetingConvened['data'], 'attendees'> & {
      status: 'open' | 'closed';
      attendees: readonly Attendee[];
      agenda: ReadonlyArray<Omit<AgendaItemAdded['data'], 'meetingId'>>;
      decisions: ReadonlyArray<{ decisionId: string; text: string; taskIds: string[]; decidedAt: string }>;
      tasks: readonly Task[];
      closed: { reason: MeetingClosed['data']['reason']; note: string | null; at: string } | null;
    });

type Held = Exclude<JointMeeting, { status: 'absent' }>;

export const initialState = (): JointMeeting => ({ status: 'absent' });

export function decide(command: JointMeetingCommand, state: JointMeeting): JointMeetingEvent[] {
  switch (command.type) {
    case 'ConveneMeeting':
      return convene(command.data, state);
    case 'AddAgendaItem':
      return addAgendaItem(command.data, open(held(state, command.data.meetingId), 'add to the agenda of'));
    case 'RecordDecision':
      return recordDecision(command.data, open(held(state, command.data.meetingId), 'decide in'));
    case 'RecordTaskProgress':
      return recordProgress(command.data, held(state, command.data.meetingId));
    case 'CloseMeeting': {
      const meeting = open(held(state, command.data.meetingId), 'close');
      return [
        {
          type: 'MeetingClosed',
          data: {
            meetingId: meeting.meetingId,
            reason: 'closed',
            note: command.data.note,
            closedAt: command.data.now,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: JointMeeting, event: JointMeetingEvent): JointMeeting {
  if (event.type === 'MeetingConvened') {
    return { status: 'open', ...event.data, agenda: [], decisions: [], tasks: [], closed: null };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'AgendaItemAdded': {
      const { meetingId: _meeting, ...item } = event.data;
      return { ...state, agenda: [...state.agenda, item] };
    }
    case 'DecisionRecorded': {
      const { decisionId, text, tasks, decidedAt } = event.data;
      const taskIds = tasks.map((t) => t.taskId);
      const added: Task[] = tasks.map((t) => ({
        ...t,
        decisionId,
        status: 'open',
        progress: [],
        doneAt: null,
      }));
      return {
        ...state,
        decisions: [...state.decisions, { decisionId, text, taskIds, decidedAt }],
        tasks: [...state.tasks, ...added],
      };
    }
    case 'TaskProgressRecorded': {
      const { taskId, note, done, recordedAt } = event.data;
      const tasks = state.tasks.map((t) =>
        t.taskId !== taskId
          ? t
          : {
              ...t,
              progress: [...t.progress, { note, done, at: recordedAt }],
              status: done ? ('done' as const) : t.status,
              doneAt: done ? recordedAt : t.doneAt,
            },
      );
      return { ...state, tasks };
    }
    case 'MeetingClosed':
      return {
        ...state,
        status: 'closed',
        closed: { reason: event.data.reason, note: event.data.note, at: event.data.closedAt },
      };
    default:
      return assertNever(event);
  }
}

export const jointMeetingDecider: Decider<JointMeetingCommand, JointMeeting, JointMeetingEvent> = {
  initialState,
  decide,
  evolve,
};

/** Due before today (the caller's clock) and not done. */
export function isOverdue(task: Pick<Task, 'status' | 'dueOn'>, today: string): boolean {
  return task.status === 'open' && task.dueOn < today;
}

/** `YYYY-MM-DD` naming a day that exists (no 30 February). */
export function isCalendarDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

function held(state: JointMeeting, meetingId: string): Held {
  if (state.status === 'absent') throw new NotFound('joint meeting', meetingId);
  return state;
}

function open(meeting: Held, attempted: string): Held {
  if (meeting.status === 'closed') {
    throw new InvalidTransition('closed', attempted, `joint meeting ${meeting.meetingId} is closed`);
  }
  return meeting;
}

function convene(d: ConveneMeeting['data'], state: JointMeeting): JointMeetingEvent[] {
  // A retry of the same request derives the same meeting: it is already convened.
  if (state.status !== 'absent') return [];
  const { branch } = d;
  if (!branch.exists) throw new NotFound('organization', branch.organizationId);
  if (branch.kind !== 'branch') throw new WrongKind('branch', branch.organizationId, branch.kind);
  if (!branch.compoundIds.includes(d.compoundId)) {
    throw new OutOfScope(
      'compound',
      d.compoundId,
      `compound ${d.compoundId} is not covered by branch ${branch.organizationId}`,
      { branchId: branch.organizationId, compoundIds: branch.compoundIds },
    );
  }
  if (!isCalendarDay(d.date)) throw new InvalidInput(`${d.date} is not a day of the calendar`);
  if (d.attendees.some((a) => a.personName.trim() === '')) {
    throw new InvalidInput('every attendee needs a name');
  }
  // 联席会议 is led by the compound branch: without it, it is some other meeting.
  if (!d.attendees.some((a) => a.party === 'branch')) {
    throw new RuleViolation('a joint meeting is led by the compound branch: one of its people attends', {
      rule: 'led-by-the-branch',
    });
  }
  return [
    {
      type: 'MeetingConvened',
      data: {
        meetingId: d.meetingId,
        branchId: branch.organizationId,
        communityId: branch.communityId,
        compoundId: d.compoundId,
        date: d.date,
        attendees: d.attendees,
        convenedAt: d.now,
      },
    },
  ];
}

function addAgendaItem(d: AddAgendaItem['data'], meeting: Held): JointMeetingEvent[] {
  if (meeting.agenda.some((i) => i.itemId === d.itemId)) return [];
  if (d.title.trim() === '') throw new InvalidInput('an agenda item needs a title');
  if (d.kind !== 'other' && d.refId === null) {
    throw new InvalidInput(`an agenda item of kind ${d.kind} names the ${d.kind} by refId`);
  }
  if (d.kind !== 'other') checkRef(d.kind, d.ref, meeting);
  return [
    {
      type: 'AgendaItemAdded',
      data: {
        meetingId: meeting.meetingId,
        itemId: d.itemId,
        kind: d.kind,
        refId: d.refId,
        title: d.title,
        addedAt: d.now,
      },
    },
  ];
}

/** An order, opinion or evaluation on the agenda is one of the meeting's compound, as this context knows it. */
function checkRef(kind: 'order' | 'opinion' | 'evaluation', ref: AgendaRef, meeting: Held): void {
  if (ref.kind === 'unchecked') throw new InvalidInput(`the ${kind} was not looked up`);
  // They reach us from other contexts: one not heard of may be on its way.
  if (ref.kind === 'absent') throw new NotYetKnown(kind, ref.id);
  if (ref.compoundId !== meeting.compoundId) {
    throw new OutOfScope(kind, ref.id, `${kind} ${ref.id} is not of compound ${meeting.compoundId}`, {
      compoundId: ref.compoundId,
      expectedCompoundId: meeting.compoundId,
    });
  }
}

function recordDecision(d: RecordDecision['data'], meeting: Held): JointMeetingEvent[] {
  if (meeting.decisions.some((x) => x.decisionId === d.decisionId)) return [];
  if (d.text.trim() === '') throw new InvalidInput('a decision needs its text');
  const attending = new Set(meeting.attendees.map((a) => a.party));
  for (const task of d.tasks) {
    if (!isCalendarDay(task.dueOn)) throw new InvalidInput(`${task.dueOn} is not a day of the calendar`);
    // A task goes to a party that sat at the table and agreed to it.
    if (!attending.has(task.ownerParty)) {
      throw new RuleViolation(`a task goes to a party at the meeting; ${task.ownerParty} did not attend`, {
        rule: 'task-to-an-attending-party',
        ownerParty: task.ownerParty,
      });
    }
  }
  return [
    {
      type: 'DecisionRecorded',
      data: {
        meetingId: meeting.meetingId,
        decisionId: d.decisionId,
        communityId: meeting.communityId,
        compoundId: meeting.compoundId,
        text: d.text,
        tasks: d.tasks,
        decidedAt: d.now,
      },
    },
  ];
}

function recordProgress(d: RecordTaskProgress['data'], meeting: Held): JointMeetingEvent[] {
  const task = meeting.tasks.find((t) => t.taskId === d.taskId);
  if (!task) throw new NotFound('task', d.taskId, { entity: 'joint meeting', id: meeting.meetingId });
  if (task.status === 'done') {
    throw new InvalidTransition('done', 'record progress on', `task ${d.taskId} is done`);
  }
  if (d.note.trim() === '') throw new InvalidInput('progress needs a note');
  const progressed: JointMeetingEvent = {
    type: 'TaskProgressRecorded',
    data: { meetingId: meeting.meetingId, taskId: d.taskId, note: d.note, done: d.done, recordedAt: d.now },
  };
  const allDone = d.done && meeting.tasks.every((t) => t.taskId === d.taskId || t.status === 'done');
  if (!allDone || meeting.status === 'closed') return [progressed];
  return [
    progressed,
    {
      type: 'MeetingClosed',
      data: { meetingId: meeting.meetingId, reason: 'all-tasks-done', note: null, closedAt: d.now },
    },
  ];
}

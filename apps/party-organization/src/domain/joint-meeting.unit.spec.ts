import {
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  OutOfScope,
  RuleViolation,
  WrongKind,
} from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type AddAgendaItem,
  type ConveneMeeting,
  type DecisionRecorded,
  type MeetingConvened,
  type RecordDecision,
  type TaskProgressRecorded,
  isOverdue,
  jointMeetingDecider,
} from './joint-meeting';
import type { OrganizationSummary } from './organization';

const given = deciderSpecification(jointMeetingDecider);
const NOW = '2025-03-01T08:00:00.000Z';
const LATER = '2025-03-05T08:00:00.000Z';

const branch: OrganizationSummary = {
  exists: true,
  organizationId: 'branch-1',
  kind: 'branch',
  communityId: 'community-1',
  parentId: 'committee-1',
  compoundIds: ['compound-1'],
  buildingIds: [],
};
const attendees = [
  { party: 'branch' as const, personName: 'Li Hua', id: 'member-1' },
  { party: 'owners-committee' as const, personName: 'Wang Fang', id: 'committee-1' },
  { party: 'property-company' as const, personName: 'Zhou Qiang', id: 'company-1' },
];

const convene = (overrides: Partial<ConveneMeeting['data']> = {}): ConveneMeeting => ({
  type: 'ConveneMeeting',
  data: {
    meetingId: 'meeting-1',
    branch,
    compoundId: 'compound-1',
    date: '2025-03-01',
    attendees,
    now: NOW,
    ...overrides,
  },
});
const convened: MeetingConvened = {
  type: 'MeetingConvened',
  data: {
    meetingId: 'meeting-1',
    branchId: 'branch-1',
    communityId: 'community-1',
    compoundId: 'compound-1',
    date: '2025-03-01',
    attendees,
    convenedAt: NOW,
  },
};
const agendaItem = (overrides: Partial<AddAgendaItem['data']> = {}): AddAgendaItem => ({
  type: 'AddAgendaItem',
  data: {
    meetingId: 'meeting-1',
    itemId: 'item-1',
    kind: 'order',
    refId: 'order-1',
    title: 'The broken gate',
    ref: { kind: 'known', id: 'order-1', communityId: 'community-1', compoundId: 'compound-1' },
    now: NOW,
    ...overrides,
  },
});
const task = (taskId: string, dueOn = '2025-03-03') => ({
  taskId,
  ownerParty: 'property-company' as const,
  ownerId: 'company-1',
  dueOn,
});
const decide = (overrides: Partial<RecordDecision['data']> = {}): RecordDecision => ({
  type: 'RecordDecision',
  data: {
    meetingId: 'meeting-1',
    decisionId: 'decision-1',
    text: 'Repair the gate',
    tasks: [task('task-1')],
    now: NOW,
    ...overrides,
  },
});
const decided = (tasks = [task('task-1')]): DecisionRecorded => ({
  type: 'DecisionRecorded',
  data: {
    meetingId: 'meeting-1',
    decisionId: 'decision-1',
    communityId: 'community-1',
    compoundId: 'compound-1',
    text: 'Repair the gate',
    tasks,
    decidedAt: NOW,
  },
});
const progress = (taskId: string, done: boolean) => ({
  type: 'RecordTaskProgress' as const,
  data: { meetingId: 'meeting-1', taskId, note: done ? 'Fixed' : 'Parts ordered', done, now: LATER },
});
const progressed = (taskId: string, done: boolean): TaskProgressRecorded => ({
  type: 'TaskProgressRecorded',
  data: { meetingId: 'meeting-1', taskId, note: done ? 'Fixed' : 'Parts ordered', done, recordedAt: LATER },
});
const closedBy = (reason: 'all-tasks-done' | 'closed', closedAt = LATER) => ({
  type: 'MeetingClosed' as const,
  data: { meetingId: 'meeting-1', reason, note: reason === 'closed' ? 'Adjourned' : null, closedAt },
});

describe('joint meetings (联席会议)', () => {
  describe('convening', () => {
    it('the branch covering the compound convenes it with the other parties', () =>
      given([]).when(convene()).then([convened]));

    it('a branch that does not cover the compound is out of scope', () =>
      given([])
        .when(convene({ compoundId: 'compound-2' }))
        .thenThrows(OutOfScope, /not covered by branch branch-1/));

    it('an organization that is not a branch cannot lead one', () =>
      given([])
        .when(convene({ branch: { ...branch, kind: 'community-committee' } }))
        .thenThrows(WrongKind, /not a branch/));

    it('a branch nobody founded is not found', () =>
      given([])
        .when(convene({ branch: { exists: false, organizationId: 'branch-9' } }))
        .thenThrows(NotFound, /organization branch-9/));

    it('without the branch at the table it is no joint meeting', () =>
      given([])
        .when(convene({ attendees: attendees.filter((a) => a.party !== 'branch') }))
        .thenThrows(RuleViolation, /led by the compound branch/));

    it('a day that does not exist is refused', () =>
      given([])
        .when(convene({ date: '2025-02-30' }))
        .thenThrows(InvalidInput, /not a day of the calendar/));
  });

  describe('the agenda', () => {
    it('an order of the compound goes on the agenda', () =>
      given([convened])
        .when(agendaItem())
        .thenMatches([{ type: 'AgendaItemAdded', data: { kind: 'order', refId: 'order-1' } }]));

    it('an order not heard of yet is not yet known', () =>
      given([convened])
        .when(agendaItem({ ref: { kind: 'absent', id: 'order-1' } }))
        .thenThrows(NotYetKnown, /order order-1/));

    it('an opinion of another compound is out of scope', () =>
      given([convened])
        .when(
          agendaItem({
            kind: 'opinion',
            refId: 'opinion-1',
            ref: { kind: 'known', id: 'opinion-1', communityId: 'community-1', compoundId: 'compound-2' },
          }),
        )
        .thenThrows(OutOfScope, /opinion opinion-1 is not of compound compound-1/));

    it('an owners’ committee’s evaluation of the compound goes on the agenda', () =>
      given([convened])
        .when(
          agendaItem({
            kind: 'evaluation',
            refId: 'evaluation-1',
            ref: { kind: 'known', id: 'evaluation-1', communityId: 'community-1', compoundId: 'compound-1' },
          }),
        )
        .thenMatches([{ type: 'AgendaItemAdded', data: { kind: 'evaluation', refId: 'evaluation-1' } }]));

    it('an evaluation not heard of yet is not yet known', () =>
      given([convened])
        .when(
          agendaItem({
            kind: 'evaluation',
            refId: 'evaluation-1',
            ref: { kind: 'absent', id: 'evaluation-1' },
          }),
        )
        .thenThrows(NotYetKnown, /evaluation evaluation-1/));

    it('an item of a kind that names something needs its refId', () =>
      given([convened])
        .when(agendaItem({ kind: 'evaluation', refId: null, ref: { kind: 'unchecked' } }))
        .thenThrows(InvalidInput, /names the evaluation by refId/));

    it('nothing goes on the agenda of a closed meeting', () =>
      given([convened, closedBy('closed')])
        .when(agendaItem())
        .thenThrows(InvalidTransition, /is closed/));
  });

  describe('decisions and tasks', () => {
    it('a decision hands out tasks with a due day', () => given([convened]).when(decide()).then([decided()]));

    it('a task goes to a party that attended', () =>
      given([convened])
        .when(decide({ tasks: [{ ...task('task-1'), ownerParty: 'building-leaders' }] }))
        .thenThrows(RuleViolation, /building-leaders did not attend/));

    it('a due day that does not exist is refused', () =>
      given([convened])
        .when(decide({ tasks: [task('task-1', '2025-13-01')] }))
        .thenThrows(InvalidInput, /2025-13-01/));

    it('progress on a task is recorded', () =>
      given([convened, decided([task('task-1'), task('task-2')])])
        .when(progress('task-1', false))
        .then([progressed('task-1', false)]));

    it('the last task done closes the meeting', () =>
      given([convened, decided([task('task-1'), task('task-2')]), progressed('task-2', true)])
        .when(progress('task-1', true))
        .then([progressed('task-1', true), closedBy('all-tasks-done')]));

    it('a task done takes no more progress', () =>
      given([convened, decided([task('task-1'), task('task-2')]), progressed('task-1', true)])
        .when(progress('task-1', false))
        .thenThrows(InvalidTransition, /task task-1 is done/));

    it('a task the meeting does not have is not found', () =>
      given([convened, decided()])
        .when(progress('task-9', true))
        .thenThrows(NotFound, /task task-9 not found in joint meeting/));

    it('an explicitly closed meeting keeps its open tasks open: the work outlives the meeting', () =>
      given([convened, decided(), closedBy('closed')])
        .when(progress('task-1', true))
        .then([progressed('task-1', true)]));

    it('a meeting is closed once', () =>
      given([convened, closedBy('closed')])
        .when({ type: 'CloseMeeting', data: { meetingId: 'meeting-1', note: 'Again', now: LATER } })
        .thenThrows(InvalidTransition, /is closed/));
  });

  it('a task is overdue when due before today and not done', () => {
    expect(isOverdue({ status: 'open', dueOn: '2025-03-03' }, '2025-03-04')).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2025-03-04' }, '2025-03-04')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2025-03-01' }, '2025-03-04')).toBe(false);
  });
});

import { InvalidInput, InvalidTransition, NotFound, OutOfScope, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type ConfirmVolunteerActivity,
  type RecordVolunteerActivity,
  type VolunteerActivityConfirmed,
  type VolunteerActivityRecorded,
  chinaDay,
  isCalendarDay,
  volunteerActivityDecider,
} from './volunteer-activity';

const given = deciderSpecification(volunteerActivityDecider);
/** 2026-03-01 16:30 in China. */
const NOW = '2026-03-01T08:30:00.000Z';
const LATER = '2026-03-02T08:00:00.000Z';

const record = (overrides: Partial<RecordVolunteerActivity['data']> = {}): RecordVolunteerActivity => ({
  type: 'RecordVolunteerActivity',
  data: {
    activityId: 'activity-1',
    community: { communityId: 'community-1', exists: true, streetId: 'street-1' },
    team: { teamId: 'team-1', exists: true, communityId: 'community-1' },
    kind: 'elderly-care',
    title: 'Visiting elderly people living alone',
    date: '2026-03-01',
    hours: 2.5,
    participants: [
      { personId: 'person-1', known: true },
      { personId: 'person-2', known: true },
    ],
    recordedBy: 'worker-1',
    now: NOW,
    ...overrides,
  },
});
const facts = {
  activityId: 'activity-1',
  communityId: 'community-1',
  streetId: 'street-1',
  teamId: 'team-1',
  kind: 'elderly-care',
  title: 'Visiting elderly people living alone',
  date: '2026-03-01',
  hours: 2.5,
  participantIds: ['person-1', 'person-2'],
} as const;
const recorded = (overrides: Partial<VolunteerActivityRecorded['data']> = {}): VolunteerActivityRecorded => ({
  type: 'VolunteerActivityRecorded',
  data: {
    ...facts,
    participantIds: [...facts.participantIds],
    recordedBy: 'worker-1',
    recordedAt: NOW,
    ...overrides,
  },
});
const confirm = (overrides: Partial<ConfirmVolunteerActivity['data']> = {}): ConfirmVolunteerActivity => ({
  type: 'ConfirmVolunteerActivity',
  data: {
    activityId: 'activity-1',
    confirmedBy: 'worker-2',
    confirmerIsWorkerOfCommunity: true,
    now: LATER,
    ...overrides,
  },
});
const confirmed = (): VolunteerActivityConfirmed => ({
  type: 'VolunteerActivityConfirmed',
  data: { ...facts, participantIds: [...facts.participantIds], confirmedBy: 'worker-2', confirmedAt: LATER },
});

describe('volunteer activity (志愿活动, residents-committee)', () => {
  it('an activity of a team of the community is recorded, with the community’s street', () =>
    given([]).when(record()).then([recorded()]));

  it('an activity is recorded only once', () =>
    given([recorded()])
      .when(record())
      .thenThrows(InvalidTransition, /already recorded/));

  it('the team must exist and be the community’s', () => {
    given([])
      .when(record({ team: { teamId: 'team-9', exists: false } }))
      .thenThrows(NotFound, /volunteer team team-9 not found/);
    given([])
      .when(record({ team: { teamId: 'team-2', exists: true, communityId: 'community-2' } }))
      .thenThrows(OutOfScope, /belongs to community community-2, not to community community-1/, {
        entity: 'volunteer team',
        id: 'team-2',
        communityId: 'community-2',
        expectedCommunityId: 'community-1',
      });
  });

  it('the community must exist', () =>
    given([])
      .when(record({ community: { communityId: 'community-9', exists: false } }))
      .thenThrows(NotFound, /community community-9 not found/));

  it('the hours are more than none and at most a day’s', () => {
    for (const hours of [0, -1, 24.5, Number.NaN]) {
      given([])
        .when(record({ hours }))
        .thenThrows(InvalidInput, /more than 0 and at most 24/);
    }
    given([])
      .when(record({ hours: 24 }))
      .then([recorded({ hours: 24 })]);
  });

  it('the date is a day of the calendar, and not after today in China', () => {
    given([])
      .when(record({ date: '2026-02-30' }))
      .thenThrows(InvalidInput, /no day of the calendar/);
    given([])
      .when(record({ date: '2026-03-02' }))
      .thenThrows(InvalidInput, /after today/);
    // 23:30 on 1 March in UTC is already 2 March in China.
    given([])
      .when(record({ date: '2026-03-02', now: '2026-03-01T23:30:00.000Z' }))
      .thenMatches([{ type: 'VolunteerActivityRecorded', data: { date: '2026-03-02' } }]);
  });

  it('a title is needed, and trimmed', () => {
    given([])
      .when(record({ title: '  ' }))
      .thenThrows(InvalidInput, /needs a title/);
    given([])
      .when(record({ title: ' Visiting elderly people living alone ' }))
      .then([recorded()]);
  });

  it('at least one participant, each once, each someone the committee knows', () => {
    given([])
      .when(record({ participants: [] }))
      .thenThrows(InvalidInput, /at least one participant/);
    given([])
      .when(
        record({
          participants: [
            { personId: 'person-1', known: true },
            { personId: 'person-1', known: true },
          ],
        }),
      )
      .thenThrows(InvalidInput, /named twice/);
    given([])
      .when(
        record({
          participants: [
            { personId: 'person-1', known: true },
            { personId: 'person-9', known: false },
          ],
        }),
      )
      .thenThrows(NotFound, /person person-9 not found/);
  });

  it('an unknown kind is refused', () =>
    given([])
      .when(record({ kind: 'knitting' as never }))
      .thenThrows(InvalidInput, /unknown kind of volunteer activity/));

  it('a worker of the community confirms it, carrying the activity whole', () =>
    given([recorded()]).when(confirm()).then([confirmed()]));

  it('it is confirmed once: a second confirmation is refused', () =>
    given([recorded(), confirmed()])
      .when(confirm({ confirmedBy: 'worker-3' }))
      .thenThrows(InvalidTransition, /already confirmed by worker-2/));

  it('only a worker of the activity’s community confirms it', () =>
    given([recorded()])
      .when(confirm({ confirmerIsWorkerOfCommunity: false }))
      .thenThrows(RuleViolation, /worker-2 is not a worker of community community-1/));

  it('an activity nobody recorded is not found', () =>
    given([])
      .when(confirm())
      .thenThrows(NotFound, /volunteer activity activity-1 not found/));

  it('days of the calendar and China’s day', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-3-1')).toBe(false);
    expect(chinaDay('2026-03-01T15:59:59.000Z')).toBe('2026-03-01');
    expect(chinaDay('2026-03-01T16:00:00.000Z')).toBe('2026-03-02');
  });
});

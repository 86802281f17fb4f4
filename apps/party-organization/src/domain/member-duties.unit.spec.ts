import { InvalidInput, NotFound, NotYetKnown, OutOfScope, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type CreditVolunteerActivity,
  type DutyRecorded,
  type RecordDuty,
  type VolunteerActivityCredited,
  isCalendarDay,
  memberDutiesDecider,
  summarizeDuties,
  yearInChina,
} from './member-duties';

const given = deciderSpecification(memberDutiesDecider);
const NOW = '2026-06-01T08:00:00.000Z';
const MEMBER = {
  exists: true,
  memberId: 'member-1',
  organizationId: 'branch-1',
  branchId: 'branch-1',
  communityId: 'community-1',
  reportedInCommunityId: null,
} as const;
const PAIRING_FLAGS = ['living-alone-elderly', 'left-behind-child'];

function record(overrides: Partial<RecordDuty['data']> = {}): RecordDuty {
  return {
    type: 'RecordDuty',
    data: {
      dutyId: 'duty-1',
      member: MEMBER,
      year: 2026,
      item: 'party-meeting',
      date: '2026-05-20',
      note: 'Community Party day',
      residentId: null,
      resident: null,
      recordedBy: 'staff-1',
      now: NOW,
      ...overrides,
    },
  };
}

function recorded(overrides: Partial<DutyRecorded['data']> = {}): DutyRecorded {
  return {
    type: 'DutyRecorded',
    data: {
      dutyId: 'duty-1',
      memberId: 'member-1',
      organizationId: 'branch-1',
      branchId: 'branch-1',
      communityId: 'community-1',
      year: 2026,
      date: '2026-05-20',
      item: 'party-meeting',
      note: 'Community Party day',
      residentId: null,
      recordedBy: 'staff-1',
      recordedAt: NOW,
      ...overrides,
    },
  };
}

const pairing = (
  flags: string[],
  known = true,
  communityId = 'community-1',
): Partial<RecordDuty['data']> => ({
  item: 'pairing',
  residentId: 'resident-1',
  resident: known
    ? { known: true, residentId: 'resident-1', communityId, flags, pairingFlags: PAIRING_FLAGS }
    : { known: false, residentId: 'resident-1' },
});

function credit(overrides: Partial<CreditVolunteerActivity['data']> = {}): CreditVolunteerActivity {
  return {
    type: 'CreditVolunteerActivity',
    data: {
      dutyId: 'duty-9',
      member: MEMBER,
      activityId: 'activity-1',
      activityCommunityId: 'community-1',
      title: 'Clean-up day',
      date: '2026-12-31',
      hours: 3,
      now: NOW,
      ...overrides,
    },
  };
}

function credited(overrides: Partial<VolunteerActivityCredited['data']> = {}): VolunteerActivityCredited {
  return {
    type: 'VolunteerActivityCredited',
    data: {
      dutyId: 'duty-9',
      memberId: 'member-1',
      organizationId: 'branch-1',
      branchId: 'branch-1',
      communityId: 'community-1',
      year: 2026,
      date: '2026-12-31',
      activityId: 'activity-1',
      activityCommunityId: 'community-1',
      title: 'Clean-up day',
      hours: 3,
      creditedAt: NOW,
      ...overrides,
    },
  };
}

describe('"4+1": a member’s duties of the year', () => {
  it('party staff record an item the member did', () => given([]).when(record()).then([recorded()]));

  it('the member must be registered', () =>
    given([])
      .when(record({ member: { exists: false, memberId: 'member-9' } }))
      .thenThrows(NotFound, /member member-9 not found/));

  it('the date must fall in the year: 2026-12-31 is 2026, 2027-01-01 is not', () => {
    given([])
      .when(record({ date: '2026-12-31' }))
      .then([recorded({ date: '2026-12-31' })]);
    given([])
      .when(record({ date: '2027-01-01' }))
      .thenThrows(InvalidInput, /does not fall in 2026/, { field: 'date', year: 2026 });
    given([])
      .when(record({ year: 2025 }))
      .thenThrows(InvalidInput, /2026-05-20 does not fall in 2025/);
  });

  it('the date must be a calendar day', () =>
    given([])
      .when(record({ date: '2026-02-30' }))
      .thenThrows(InvalidInput, /not a calendar day/));

  it('a pairing is with a resident flagged living alone or a left-behind child', () => {
    given([])
      .when(record(pairing(['disabled', 'left-behind-child'])))
      .then([recorded({ item: 'pairing', residentId: 'resident-1' })]);
    given([])
      .when(record(pairing(['living-alone-elderly'])))
      .then([recorded({ item: 'pairing', residentId: 'resident-1' })]);
  });

  it('a pairing with a resident without such a flag is refused', () =>
    given([])
      .when(record(pairing(['disabled'])))
      .thenThrows(RuleViolation, /not flagged living-alone-elderly or left-behind-child/, {
        rule: 'pairing-with-flagged-resident',
        residentId: 'resident-1',
        flags: ['disabled'],
      }));

  it('a pairing with a resident the residents’ committee has not published is not yet known', () =>
    given([])
      .when(record(pairing([], false)))
      .thenThrows(NotYetKnown, /resident resident-1 is not known here yet/));

  it('a pairing is with a resident of the member’s community, or of the one they reported in to', () => {
    given([])
      .when(record(pairing(['left-behind-child'], true, 'community-2')))
      .thenThrows(OutOfScope, /lives in community community-2/, {
        entity: 'resident',
        id: 'resident-1',
        communityId: 'community-2',
        memberCommunityIds: ['community-1'],
      });
    given([])
      .when(
        record({
          ...pairing(['left-behind-child'], true, 'community-2'),
          member: { ...MEMBER, reportedInCommunityId: 'community-2' },
        }),
      )
      .then([recorded({ item: 'pairing', residentId: 'resident-1' })]);
  });

  it('a pairing names its resident', () =>
    given([])
      .when(record({ item: 'pairing' }))
      .thenThrows(InvalidInput, /names the resident/, { field: 'residentId' }));

  it('another item names no resident', () =>
    given([])
      .when(record({ item: 'talk', residentId: 'resident-1' }))
      .thenThrows(InvalidInput, /a talk has none/, { field: 'residentId' }));

  it('a confirmed volunteer activity is the member’s volunteer day, in its date’s year', () =>
    given([]).when(credit()).then([credited()]));

  it('an activity counts once, however often its confirmation arrives', () =>
    given([credited()])
      .when(credit({ dutyId: 'duty-10' }))
      .thenNothingHappens());

  it('another activity is another volunteer day', () =>
    given([credited()])
      .when(credit({ dutyId: 'duty-10', activityId: 'activity-2', date: '2026-07-01' }))
      .then([credited({ dutyId: 'duty-10', activityId: 'activity-2', date: '2026-07-01' })]));

  it('an activity of someone not a member here is not credited', () =>
    given([])
      .when(credit({ member: { exists: false, memberId: 'resident-7' } }))
      .thenThrows(NotFound, /member resident-7 not found/));
});

describe('the five items, done or missing', () => {
  it('shows each item with the duties that show it', () =>
    expect(
      summarizeDuties([
        { dutyId: 'd1', item: 'talk' },
        { dutyId: 'd2', item: 'volunteer-day' },
        { dutyId: 'd3', item: 'talk' },
      ]),
    ).toEqual([
      { item: 'party-meeting', done: false, dutyIds: [] },
      { item: 'talk', done: true, dutyIds: ['d1', 'd3'] },
      { item: 'survey', done: false, dutyIds: [] },
      { item: 'volunteer-day', done: true, dutyIds: ['d2'] },
      { item: 'pairing', done: false, dutyIds: [] },
    ]));
});

describe('the year is China’s (Asia/Shanghai, UTC+8)', () => {
  it('late on 31 December in UTC is already the next year in China', () => {
    expect(yearInChina(new Date('2026-12-31T15:59:59.999Z'))).toBe(2026);
    expect(yearInChina(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027);
    expect(yearInChina(new Date('2026-01-01T00:00:00.000Z'))).toBe(2026);
  });

  it('a day is a calendar day or not', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('26-01-01')).toBe(false);
  });
});

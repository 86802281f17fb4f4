import {
  type Decider,
  InvalidInput,
  NotFound,
  NotYetKnown,
  OutOfScope,
  RuleViolation,
  assertNever,
} from '@cogov/decider';

/**
 * "4+1" each year: at least one community Party meeting, one talk with community cadres, one
 * community survey, one volunteer day, plus a pairing (结对) with an elderly person living alone
 * or a left-behind child.
 */
export const DUTY_ITEMS = ['party-meeting', 'talk', 'survey', 'volunteer-day', 'pairing'] as const;
export type DutyItem = (typeof DUTY_ITEMS)[number];

/** The care flags a pairing may be with (the residents' committee's `PAIRING_FLAGS`, as loaded). */
export type PairingResident =
  | { known: false; residentId: string }
  | {
      known: true;
      residentId: string;
      /** The community the resident lives in. */
      communityId: string;
      flags: readonly string[];
      pairingFlags: readonly string[];
    };

/** The member the duty is of, as the application layer loaded it. */
export type DutyMember =
  | { exists: false; memberId: string }
  | {
      exists: true;
      memberId: string;
      organizationId: string;
      branchId: string | null;
      communityId: string;
      /** The community of the member's confirmed report-in (双报到), null without one. */
      reportedInCommunityId: string | null;
    };

export type RecordDuty = {
  type: 'RecordDuty';
  data: {
    dutyId: string;
    member: DutyMember;
    year: number;
    item: DutyItem;
    date: string;
    note: string | null;
    /** Required for a pairing, refused otherwise. */
    residentId: string | null;
    /** The flags directory's entry for `residentId`, null when none was named. */
    resident: PairingResident | null;
    recordedBy: string;
    now: string;
  };
};

/** A volunteer activity the residents' committee confirmed, the member among its participants. */
export type CreditVolunteerActivity = {
  type: 'CreditVolunteerActivity';
  data: {
    dutyId: string;
    member: DutyMember;
    activityId: string;
    activityCommunityId: string;
    title: string;
    date: string;
    hours: number;
    now: string;
  };
};

export type MemberDutiesCommand = RecordDuty | CreditVolunteerActivity;

type DutyBase = {
  dutyId: string;
  memberId: string;
  organizationId: string;
  branchId: string | null;
  communityId: string;
  year: number;
  date: string;
};

/** Party staff recorded one item a member did. */
export type DutyRecorded = {
  type: 'DutyRecorded';
  data: DutyBase & {
    item: DutyItem;
    note: string | null;
    residentId: string | null;
    recordedBy: string;
    recordedAt: string;
  };
};

/** A confirmed volunteer activity counted as the member's volunteer day, the activity as evidence. */
export type VolunteerActivityCredited = {
  type: 'VolunteerActivityCredited';
  data: DutyBase & {
    activityId: string;
    activityCommunityId: string;
    title: string;
    hours: number;
    creditedAt: string;
  };
};

export type MemberDutiesEvent = DutyRecorded | VolunteerActivityCredited;

/** What a member did in one year: one stream per member and year. */
export type MemberDuties = {
  duties: Array<{ dutyId: string; item: DutyItem; date: string; activityId: string | null }>;
};

export const initialState = (): MemberDuties => ({ duties: [] });

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day `YYYY-MM-DD` (no 2026-02-30), read as China's calendar date it names. */
export function isCalendarDay(day: string): boolean {
  const match = DAY.exec(day);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** China's time zone (Asia/Shanghai) is UTC+8 all year: it keeps no summer time. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar year in China at an instant: 2026-12-31T16:30Z is already 2027 there. */
export function yearInChina(at: Date): number {
  return new Date(at.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/** The year a day (`YYYY-MM-DD`, China's calendar) falls in. */
export const yearOfDay = (day: string): number => Number(day.slice(0, 4));

export function decide(command: MemberDutiesCommand, state: MemberDuties): MemberDutiesEvent[] {
  switch (command.type) {
    case 'RecordDuty':
      return record(command.data);
    case 'CreditVolunteerActivity':
      return credit(command.data, state);
    default:
      return assertNever(command);
  }
}

export function evolve(state: MemberDuties, event: MemberDutiesEvent): MemberDuties {
  switch (event.type) {
    case 'DutyRecorded': {
      const { dutyId, item, date } = event.data;
      return { duties: [...state.duties, { dutyId, item, date, activityId: null }] };
    }
    case 'VolunteerActivityCredited': {
      const { dutyId, date, activityId } = event.data;
      return { duties: [...state.duties, { dutyId, item: 'volunteer-day', date, activityId }] };
    }
    default:
      return assertNever(event);
  }
}

export const memberDutiesDecider: Decider<MemberDutiesCommand, MemberDuties, MemberDutiesEvent> = {
  initialState,
  decide,
  evolve,
};

function base(member: Extract<DutyMember, { exists: true }>, dutyId: string, date: string) {
  return {
    dutyId,
    memberId: member.memberId,
    organizationId: member.organizationId,
    branchId: member.branchId,
    communityId: member.communityId,
    year: yearOfDay(date),
    date,
  };
}

function record(command: RecordDuty['data']): MemberDutiesEvent[] {
  const { member } = command;
  if (!member.exists) throw new NotFound('member', member.memberId);
  if (!isCalendarDay(command.date)) {
    throw new InvalidInput(`date ${command.date} is not a calendar day`, { field: 'date' });
  }
  if (yearOfDay(command.date) !== command.year) {
    throw new InvalidInput(`date ${command.date} does not fall in ${command.year}`, {
      field: 'date',
      year: command.year,
    });
  }
  if (command.item === 'pairing') checkPairing(command, member);
  else if (command.residentId !== null) {
    throw new InvalidInput(`residentId names the resident of a pairing; a ${command.item} has none`, {
      field: 'residentId',
    });
  }
  return [
    {
      type: 'DutyRecorded',
      data: {
        ...base(member, command.dutyId, command.date),
        item: command.item,
        note: command.note,
        residentId: command.item === 'pairing' ? command.residentId : null,
        recordedBy: command.recordedBy,
        recordedAt: command.now,
      },
    },
  ];
}

/** A pairing is with a resident flagged an elderly person living alone or a left-behind child. */
function checkPairing(command: RecordDuty['data'], member: Extract<DutyMember, { exists: true }>): void {
  const { residentId, resident } = command;
  if (residentId === null) {
    throw new InvalidInput('a pairing names the resident it is with (residentId)', { field: 'residentId' });
  }
  if (!resident || !resident.known) throw new NotYetKnown('resident', residentId);
  // In the community the member is registered in, or the one they reported in to.
  const communities = [
    member.communityId,
    ...(member.reportedInCommunityId ? [member.reportedInCommunityId] : []),
  ];
  if (!communities.includes(resident.communityId)) {
    throw new OutOfScope(
      'resident',
      residentId,
      `resident ${residentId} lives in community ${resident.communityId}, neither the member's nor the one they reported in to`,
      { communityId: resident.communityId, memberCommunityIds: communities },
    );
  }
  if (!resident.flags.some((flag) => resident.pairingFlags.includes(flag))) {
    throw new RuleViolation(
      `resident ${residentId} is not flagged ${resident.pairingFlags.join(' or ')}: a pairing is with one of them`,
      { rule: 'pairing-with-flagged-resident', residentId, flags: [...resident.flags] },
    );
  }
}

function credit(command: CreditVolunteerActivity['data'], state: MemberDuties): MemberDutiesEvent[] {
  const { member } = command;
  if (!member.exists) throw new NotFound('member', member.memberId);
  // One activity is one volunteer day, however often its confirmation is told.
  if (state.duties.some((d) => d.activityId === command.activityId)) return [];
  if (!isCalendarDay(command.date)) {
    throw new InvalidInput(`date ${command.date} is not a calendar day`, { field: 'date' });
  }
  return [
    {
      type: 'VolunteerActivityCredited',
      data: {
        ...base(member, command.dutyId, command.date),
        activityId: command.activityId,
        activityCommunityId: command.activityCommunityId,
        title: command.title,
        hours: command.hours,
        creditedAt: command.now,
      },
    },
  ];
}

/** Each of the five items, done or missing, with what shows it (the duties' ids). */
export type DutySummary = Array<{ item: DutyItem; done: boolean; dutyIds: string[] }>;

export function summarizeDuties(duties: ReadonlyArray<{ dutyId: string; item: string }>): DutySummary {
  return DUTY_ITEMS.map((item) => {
    const dutyIds = duties.filter((d) => d.item === item).map((d) => d.dutyId);
    return { item, done: dutyIds.length > 0, dutyIds };
  });
}

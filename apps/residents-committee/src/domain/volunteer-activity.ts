import { VOLUNTEER_ACTIVITY_KINDS, type VolunteerActivityKind } from '@cogov/contracts';
import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  OutOfScope,
  RuleViolation,
  assertNever,
} from '@cogov/decider';
import type { CommunitySummary, PersonSummary } from './volunteer-team';

export { VOLUNTEER_ACTIVITY_KINDS, type VolunteerActivityKind };

/** The most hours one activity counts for a participant: one day's. */
export const MAX_ACTIVITY_HOURS = 24;

/** What the handler found of the team an activity names. */
export type TeamSummary =
  { teamId: string; exists: false } | { teamId: string; exists: true; communityId: string };

/** 志愿活动: community staff record what a team did, on which day, for how long and with whom. */
export type RecordVolunteerActivity = {
  type: 'RecordVolunteerActivity';
  data: {
    activityId: string;
    community: CommunitySummary;
    team: TeamSummary;
    kind: VolunteerActivityKind;
    title: string;
    /** `YYYY-MM-DD`, China's calendar. */
    date: string;
    hours: number;
    participants: readonly PersonSummary[];
    recordedBy: string;
    now: string;
  };
};

/**
 * Community staff confirm the activity took place as recorded: only then does it count for the
 * participants' volunteer days and points. Once.
 */
export type ConfirmVolunteerActivity = {
  type: 'ConfirmVolunteerActivity';
  data: {
    activityId: string;
    confirmedBy: string;
    /** Whether the confirmer is a worker of the activity's community, as the handler found it. */
    confirmerIsWorkerOfCommunity: boolean;
    now: string;
  };
};

export type VolunteerActivityCommand = RecordVolunteerActivity | ConfirmVolunteerActivity;

type ActivityFacts = {
  activityId: string;
  communityId: string;
  streetId: string | null;
  teamId: string;
  kind: VolunteerActivityKind;
  title: string;
  date: string;
  hours: number;
  participantIds: string[];
};

export type VolunteerActivityRecorded = {
  type: 'VolunteerActivityRecorded';
  data: ActivityFacts & { recordedBy: string; recordedAt: string };
};
/** Carries the activity as confirmed, whole: what the participants' days and points come from. */
export type VolunteerActivityConfirmed = {
  type: 'VolunteerActivityConfirmed';
  data: ActivityFacts & { confirmedBy: string; confirmedAt: string };
};

export type VolunteerActivityEvent = VolunteerActivityRecorded | VolunteerActivityConfirmed;

export type VolunteerActivityState =
  | { status: 'absent' }
  | (ActivityFacts & {
      status: 'recorded' | 'confirmed';
      recordedBy: string;
      recordedAt: string;
      confirmedBy: string | null;
      confirmedAt: string | null;
    });

export const initialState = (): VolunteerActivityState => ({ status: 'absent' });

export function decide(
  command: VolunteerActivityCommand,
  state: VolunteerActivityState,
): VolunteerActivityEvent[] {
  switch (command.type) {
    case 'RecordVolunteerActivity':
      return record(command.data, state);
    case 'ConfirmVolunteerActivity':
      return confirm(command.data, state);
    default:
      return assertNever(command);
  }
}

export function evolve(state: VolunteerActivityState, event: VolunteerActivityEvent): VolunteerActivityState {
  switch (event.type) {
    case 'VolunteerActivityRecorded': {
      const d = event.data;
      return {
        status: 'recorded',
        ...d,
        participantIds: [...d.participantIds],
        confirmedBy: null,
        confirmedAt: null,
      };
    }
    case 'VolunteerActivityConfirmed':
      return state.status === 'absent'
        ? state
        : {
            ...state,
            status: 'confirmed',
            confirmedBy: event.data.confirmedBy,
            confirmedAt: event.data.confirmedAt,
          };
    default:
      return assertNever(event);
  }
}

export const volunteerActivityDecider: Decider<
  VolunteerActivityCommand,
  VolunteerActivityState,
  VolunteerActivityEvent
> = { initialState, decide, evolve };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `YYYY-MM-DD` names a day of the calendar (no 2月30日). */
export function isCalendarDay(date: string): boolean {
  const match = DAY.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
}

/** Today in China (UTC+8, no daylight saving) at the instant `now`. */
export function chinaDay(now: string): string {
  return new Date(Date.parse(now) + 8 * 3_600_000).toISOString().slice(0, 10);
}

function record(d: RecordVolunteerActivity['data'], state: VolunteerActivityState): VolunteerActivityEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(
      state.status,
      'record',
      `volunteer activity ${d.activityId} is already recorded`,
    );
  }
  if (!d.community.exists) throw new NotFound('community', d.community.communityId);
  if (!d.team.exists) throw new NotFound('volunteer team', d.team.teamId);
  if (d.team.communityId !== d.community.communityId) {
    throw new OutOfScope(
      'volunteer team',
      d.team.teamId,
      `volunteer team ${d.team.teamId} belongs to community ${d.team.communityId}, not to community ${d.community.communityId}`,
      { communityId: d.team.communityId, expectedCommunityId: d.community.communityId },
    );
  }
  if (!(VOLUNTEER_ACTIVITY_KINDS as readonly string[]).includes(d.kind)) {
    throw new InvalidInput(`unknown kind of volunteer activity: ${d.kind}`, { kind: d.kind });
  }
  const title = d.title.trim();
  if (title === '') throw new InvalidInput('a volunteer activity needs a title');
  if (!isCalendarDay(d.date)) {
    throw new InvalidInput(`${d.date} is no day of the calendar (YYYY-MM-DD)`, { date: d.date });
  }
  if (d.date > chinaDay(d.now)) {
    throw new InvalidInput(`an activity is recorded once it took place: ${d.date} is after today`, {
      date: d.date,
    });
  }
  if (!Number.isFinite(d.hours) || d.hours <= 0 || d.hours > MAX_ACTIVITY_HOURS) {
    throw new InvalidInput(`the hours must be more than 0 and at most ${MAX_ACTIVITY_HOURS}`, {
      hours: d.hours,
    });
  }
  const participantIds = d.participants.map((p) => p.personId);
  if (participantIds.length === 0)
    throw new InvalidInput('a volunteer activity needs at least one participant');
  if (new Set(participantIds).size !== participantIds.length) {
    throw new InvalidInput('a participant is named twice', { participantIds });
  }
  const unknown = d.participants.find((p) => !p.known);
  if (unknown) throw new NotFound('person', unknown.personId);
  return [
    {
      type: 'VolunteerActivityRecorded',
      data: {
        activityId: d.activityId,
        communityId: d.community.communityId,
        streetId: d.community.streetId,
        teamId: d.team.teamId,
        kind: d.kind,
        title,
        date: d.date,
        hours: d.hours,
        participantIds,
        recordedBy: d.recordedBy,
        recordedAt: d.now,
      },
    },
  ];
}

function confirm(
  d: ConfirmVolunteerActivity['data'],
  state: VolunteerActivityState,
): VolunteerActivityEvent[] {
  if (state.status === 'absent') throw new NotFound('volunteer activity', d.activityId);
  if (state.status === 'confirmed') {
    throw new InvalidTransition(
      state.status,
      'confirm',
      `volunteer activity ${state.activityId} was already confirmed by ${state.confirmedBy} at ${state.confirmedAt}`,
    );
  }
  if (!d.confirmerIsWorkerOfCommunity) {
    throw new RuleViolation(`${d.confirmedBy} is not a worker of community ${state.communityId}`, {
      confirmedBy: d.confirmedBy,
      communityId: state.communityId,
    });
  }
  return [
    {
      type: 'VolunteerActivityConfirmed',
      data: {
        activityId: state.activityId,
        communityId: state.communityId,
        streetId: state.streetId,
        teamId: state.teamId,
        kind: state.kind,
        title: state.title,
        date: state.date,
        hours: state.hours,
        participantIds: [...state.participantIds],
        confirmedBy: d.confirmedBy,
        confirmedAt: d.now,
      },
    },
  ];
}

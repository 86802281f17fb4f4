import type { ServiceLevelStage, ServiceLevelTrack } from '@cogov/contracts';
import { type Decider, InvalidTransition, NotYetKnown, assertNever } from '@cogov/decider';

export type { ServiceLevelStage, ServiceLevelTrack };

/** How long each stage may take from the moment a track's clock started, in milliseconds. */
export type StageTargets = Record<ServiceLevelStage, number>;

/**
 * The "three ones" (3个1) process of one order: it knows the deadlines and, told that time has
 * passed, breaches each missed stage once. Fed by the order's published facts, each as one command.
 *
 * Two tracks run in it: the community's, from the placement (the resident waits on it whoever
 * works the order), and, once the order is whistled, the department's own, from the whistle.
 */
export type StartServiceLevel = {
  type: 'StartServiceLevel';
  data: {
    orderId: string;
    communityId: string;
    compoundId: string;
    /** The grid the order fell in when placed (order-placed v2); null before grids or outside them. */
    gridId: string | null;
    category: string;
    placedAt: string;
    targets: StageTargets;
  };
};

/** The order was whistled to a department: its report-in, on-site and completion deadlines start. */
export type StartDepartmentTrack = {
  type: 'StartDepartmentTrack';
  data: { orderId: string; round: number; departmentId: string; whistledAt: string; targets: StageTargets };
};

/**
 * 支部审单: the branch's review is the first answer to the resident (the accept stage), and sets
 * the priority the deadlines still waiting follow. A rejected or merged order needs no more.
 */
export type RecordReview = {
  type: 'RecordReview';
  data: { orderId: string; decision: string; priority: string; reviewedAt: string; targets: StageTargets };
};

/** The work of whoever the order was dispatched to, as the executor's context published it. */
export type RecordWorkStep = {
  type: 'RecordWorkStep';
  data: {
    orderId: string;
    round: number;
    executor: { kind: string; id: string };
    step: 'accepted' | 'arrived' | 'completed' | 'handed-back';
    at: string;
  };
};

/** A stage of the community's track was reached (the first answer, by an acknowledgement). */
export type MarkStageReached = {
  type: 'MarkStageReached';
  data: { orderId: string; stage: ServiceLevelStage; at: string };
};

/** The order needs no more service: rejected, merged into another, or rated and closed. */
export type EndServiceLevel = {
  type: 'EndServiceLevel';
  data: { orderId: string; reason: string; at: string };
};

/** 督办: the order went back (reopened by a low rating). */
export type NoteOrderReturned = {
  type: 'NoteOrderReturned';
  data: { orderId: string; reason: 'handed-back' | 'low-rating'; round: number; at: string };
};

/** Time passed to `now` (a tick of the scheduler, from the clock port). */
export type PassTime = { type: 'PassTime'; data: { orderId: string; now: string } };

export type ServiceLevelCommand =
  | StartServiceLevel
  | StartDepartmentTrack
  | RecordReview
  | RecordWorkStep
  | MarkStageReached
  | EndServiceLevel
  | NoteOrderReturned
  | PassTime;

export type Deadline = { stage: ServiceLevelStage; dueAt: string };

/**
 * Which clock an event is about: schema v2 of every process event names it. v1 events were all
 * the community's, round 1 (the upcaster says so).
 */
export type TrackId = { track: ServiceLevelTrack; departmentId: string | null; round: number };

export type ServiceLevelStarted = {
  type: 'ServiceLevelStarted';
  data: TrackId & {
    orderId: string;
    communityId: string;
    compoundId: string;
    gridId?: string | null;
    category: string;
    /** The priority the deadlines follow: `normal` until the review names one. */
    priority: string;
    placedAt: string;
    /** When this track's clock started: the placement, or the whistle. */
    startedAt: string;
    deadlines: Deadline[];
  };
};
export type ServiceLevelRescheduled = {
  type: 'ServiceLevelRescheduled';
  data: TrackId & { orderId: string; priority: string; deadlines: Deadline[] };
};
export type StageReached = {
  type: 'StageReached';
  data: TrackId & { orderId: string; stage: ServiceLevelStage; at: string; dueAt: string; inTime: boolean };
};
export type ServiceLevelBreached = {
  type: 'ServiceLevelBreached';
  data: TrackId & {
    orderId: string;
    communityId: string;
    compoundId: string;
    gridId?: string | null;
    stage: ServiceLevelStage;
    dueAt: string;
    lateByMs: number;
    breachedAt: string;
  };
};
export type ServiceLevelEnded = {
  type: 'ServiceLevelEnded';
  data: TrackId & { orderId: string; reason: string; at: string };
};
/** `round` is the order's round that went back (a v1 event had it already). */
export type OrderReturned = {
  type: 'OrderReturned';
  data: TrackId & {
    orderId: string;
    communityId: string;
    compoundId: string;
    gridId?: string | null;
    reason: 'handed-back' | 'low-rating';
    at: string;
  };
};

export type ServiceLevelEvent =
  | ServiceLevelStarted
  | ServiceLevelRescheduled
  | StageReached
  | ServiceLevelBreached
  | ServiceLevelEnded
  | OrderReturned;

type StageStatus = { dueAt: string; reached: boolean; breached: boolean };

/** One clock of the order: its deadlines, and whether it still waits for anything. */
export type TrackState = TrackId & {
  status: 'running' | 'ended';
  startedAt: string;
  stages: Record<ServiceLevelStage, StageStatus>;
};

export type ServiceLevelState =
  | { status: 'absent' }
  | {
      status: 'present';
      orderId: string;
      communityId: string;
      compoundId: string;
      gridId: string | null;
      category: string;
      priority: string;
      placedAt: string;
      community: TrackState;
      /** The department the order was last whistled to, if any. */
      department: TrackState | null;
    };

type Present = Exclude<ServiceLevelState, { status: 'absent' }>;

export const STAGES: readonly ServiceLevelStage[] = ['accept', 'on-site', 'complete'];

const COMMUNITY: TrackId = { track: 'community', departmentId: null, round: 1 };

export const initialState = (): ServiceLevelState => ({ status: 'absent' });

export function decide(command: ServiceLevelCommand, state: ServiceLevelState): ServiceLevelEvent[] {
  if (command.type === 'StartServiceLevel') return start(command.data, state);
  if (state.status === 'absent') {
    // The order's placement travels on another topic than its review or work: wait for it.
    throw new NotYetKnown(
      'order',
      command.data.orderId,
      `the placement of order ${command.data.orderId} has not arrived yet`,
    );
  }
  switch (command.type) {
    case 'StartDepartmentTrack':
      return startDepartment(command.data, state);
    case 'RecordReview':
      return review(command.data, state);
    case 'RecordWorkStep':
      return workStep(command.data, state);
    case 'MarkStageReached':
      return reach(state, state.community, command.data.stage, command.data.at);
    case 'EndServiceLevel':
      return tracksOf(state)
        .filter((track) => track.status === 'running')
        .map((track) => ended(state, track, command.data.reason, command.data.at));
    case 'NoteOrderReturned':
      return [returned(state, COMMUNITY, command.data.reason, command.data.round, command.data.at)];
    case 'PassTime':
      return tracksOf(state).flatMap((track) => passTime(command.data.now, state, track));
    default:
      return assertNever(command);
  }
}

export function evolve(state: ServiceLevelState, event: ServiceLevelEvent): ServiceLevelState {
  if (event.type === 'ServiceLevelStarted') {
    const d = event.data;
    const stages = {} as Record<ServiceLevelStage, StageStatus>;
    for (const { stage, dueAt } of d.deadlines) stages[stage] = { dueAt, reached: false, breached: false };
    const track: TrackState = {
      track: d.track,
      departmentId: d.departmentId,
      round: d.round,
      status: 'running',
      startedAt: d.startedAt,
      stages,
    };
    if (d.track === 'department') {
      return state.status === 'absent' ? state : { ...state, department: track };
    }
    return {
      status: 'present',
      orderId: d.orderId,
      communityId: d.communityId,
      compoundId: d.compoundId,
      // Started before processes knew grids: none.
      gridId: d.gridId ?? null,
      category: d.category,
      priority: d.priority,
      placedAt: d.placedAt,
      community: track,
      department: null,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'ServiceLevelRescheduled': {
      const next = withTrack(state, event.data, (track) => {
        let stages = track.stages;
        for (const { stage, dueAt } of event.data.deadlines) {
          stages = { ...stages, [stage]: { ...stages[stage], dueAt } };
        }
        return { ...track, stages };
      });
      return event.data.track === 'community' ? { ...next, priority: event.data.priority } : next;
    }
    case 'StageReached':
      return withStage(state, event.data, event.data.stage, { reached: true });
    case 'ServiceLevelBreached':
      return withStage(state, event.data, event.data.stage, { breached: true });
    case 'ServiceLevelEnded':
      return withTrack(state, event.data, (track) => ({ ...track, status: 'ended' }));
    case 'OrderReturned':
      return state;
    default:
      return assertNever(event);
  }
}

export const serviceLevelDecider: Decider<ServiceLevelCommand, ServiceLevelState, ServiceLevelEvent> = {
  initialState,
  decide,
  evolve,
};

/** The stages of a track still waiting: neither reached nor breached, while it runs. */
export function pendingDeadlines(track: TrackState | null): Deadline[] {
  if (track === null || track.status !== 'running') return [];
  return STAGES.filter((stage) => !track.stages[stage].reached && !track.stages[stage].breached).map(
    (stage) => ({ stage, dueAt: track.stages[stage].dueAt }),
  );
}

const tracksOf = (state: Present): TrackState[] =>
  state.department === null ? [state.community] : [state.community, state.department];

const idOf = (track: TrackId): TrackId => ({
  track: track.track,
  departmentId: track.departmentId,
  round: track.round,
});

/** The track an event names; a department's event for a department no longer followed changes nothing. */
function withTrack(state: Present, id: TrackId, change: (track: TrackState) => TrackState): Present {
  if (id.track === 'community') return { ...state, community: change(state.community) };
  const department = state.department;
  if (department === null || department.departmentId !== id.departmentId || department.round !== id.round) {
    return state;
  }
  return { ...state, department: change(department) };
}

const withStage = (state: Present, id: TrackId, stage: ServiceLevelStage, change: Partial<StageStatus>) =>
  withTrack(state, id, (track) => ({
    ...track,
    stages: { ...track.stages, [stage]: { ...track.stages[stage], ...change } },
  }));

const deadlinesFrom = (startedAt: string, targets: StageTargets, stages: readonly ServiceLevelStage[]) =>
  stages.map((stage) => ({ stage, dueAt: new Date(Date.parse(startedAt) + targets[stage]).toISOString() }));

function start(d: StartServiceLevel['data'], state: ServiceLevelState): ServiceLevelEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(state.status, 'start', `the service level of order ${d.orderId} has started`);
  }
  return [
    {
      type: 'ServiceLevelStarted',
      data: {
        orderId: d.orderId,
        ...COMMUNITY,
        communityId: d.communityId,
        compoundId: d.compoundId,
        gridId: d.gridId,
        category: d.category,
        priority: 'normal',
        placedAt: d.placedAt,
        startedAt: d.placedAt,
        deadlines: deadlinesFrom(d.placedAt, d.targets, STAGES),
      },
    },
  ];
}

function startDepartment(d: StartDepartmentTrack['data'], state: Present): ServiceLevelEvent[] {
  // A whistle follows a hand-back of whoever held the order, so a department's earlier track has
  // ended by now: the new department's clock replaces it.
  return [
    {
      type: 'ServiceLevelStarted',
      data: {
        orderId: state.orderId,
        track: 'department',
        departmentId: d.departmentId,
        round: d.round,
        communityId: state.communityId,
        compoundId: state.compoundId,
        gridId: state.gridId,
        category: state.category,
        priority: state.priority,
        placedAt: state.placedAt,
        startedAt: d.whistledAt,
        deadlines: deadlinesFrom(d.whistledAt, d.targets, STAGES),
      },
    },
  ];
}

const ENDS_ORDER = ['reject', 'merge'];

function review(d: RecordReview['data'], state: Present): ServiceLevelEvent[] {
  const answered = reach(state, state.community, 'accept', d.reviewedAt);
  const after = answered.reduce(evolve, state as ServiceLevelState) as Present;
  if (ENDS_ORDER.includes(d.decision)) {
    return [...answered, ended(after, after.community, `review: ${d.decision}`, d.reviewedAt)];
  }
  return [...answered, ...reschedule(d.priority, d.targets, after)];
}

function workStep(d: RecordWorkStep['data'], state: Present): ServiceLevelEvent[] {
  const department = state.department;
  const byDepartment = d.executor.kind === 'department';
  const ownTrack =
    byDepartment &&
    department !== null &&
    department.departmentId === d.executor.id &&
    department.round === d.round
      ? department
      : null;
  switch (d.step) {
    case 'accepted':
      // The executor's acceptance is not the answer to the resident; the review already was. A
      // department's is its report-in (报到), on its own track.
      return ownTrack ? reach(state, ownTrack, 'accept', d.at) : [];
    case 'arrived':
      return [
        ...(ownTrack ? reach(state, ownTrack, 'on-site', d.at) : []),
        ...reach(state, state.community, 'on-site', d.at),
      ];
    case 'completed': {
      // Completing without a recorded arrival means the executor was there.
      const done = (track: TrackState) => [
        ...reach(state, track, 'on-site', d.at),
        ...reach(state, track, 'complete', d.at),
      ];
      return [...(ownTrack ? done(ownTrack) : []), ...done(state.community)];
    }
    case 'handed-back':
      if (!byDepartment) return [returned(state, COMMUNITY, 'handed-back', d.round, d.at)];
      // A department giving the order back is one return, of its own track, which then waits for
      // nothing; the resident still waits on the community's three ones.
      if (ownTrack === null) return [];
      return [
        returned(state, ownTrack, 'handed-back', d.round, d.at),
        ...(ownTrack.status === 'running' ? [ended(state, ownTrack, 'handed back', d.at)] : []),
      ];
    default:
      return assertNever(d.step);
  }
}

function returned(
  state: Present,
  track: TrackId,
  reason: OrderReturned['data']['reason'],
  round: number,
  at: string,
): OrderReturned {
  return {
    type: 'OrderReturned',
    data: {
      orderId: state.orderId,
      ...idOf(track),
      round,
      communityId: state.communityId,
      compoundId: state.compoundId,
      gridId: state.gridId,
      reason,
      at,
    },
  };
}

function ended(state: Present, track: TrackState, reason: string, at: string): ServiceLevelEnded {
  return { type: 'ServiceLevelEnded', data: { orderId: state.orderId, ...idOf(track), reason, at } };
}

/** The review's priority moves the community's deadlines still waiting (a department keeps its own). */
function reschedule(priority: string, targets: StageTargets, state: Present): ServiceLevelEvent[] {
  const community = state.community;
  const waiting = pendingDeadlines(community)
    .map((deadline) => deadline.stage)
    .filter((stage) => stage !== 'accept');
  const deadlines = deadlinesFrom(community.startedAt, targets, waiting).filter(
    ({ stage, dueAt }) => community.stages[stage].dueAt !== dueAt,
  );
  if (deadlines.length === 0) return [];
  return [
    {
      type: 'ServiceLevelRescheduled',
      data: { orderId: state.orderId, ...idOf(community), priority, deadlines },
    },
  ];
}

function reach(state: Present, track: TrackState, stage: ServiceLevelStage, at: string): ServiceLevelEvent[] {
  const status = track.stages[stage];
  // A later answer, a second round's arrival: the first one counts. An ended track waits for nothing.
  if (status.reached || track.status === 'ended') return [];
  const events: ServiceLevelEvent[] = [];
  // Reached late, before a tick noticed: the breach is still owed, and it is as late as the fact.
  if (!status.breached && Date.parse(at) > Date.parse(status.dueAt)) {
    events.push(breach(state, track, stage, at));
  }
  const inTime = Date.parse(at) <= Date.parse(status.dueAt);
  events.push({
    type: 'StageReached',
    data: { orderId: state.orderId, ...idOf(track), stage, at, dueAt: status.dueAt, inTime },
  });
  return events;
}

function passTime(now: string, state: Present, track: TrackState): ServiceLevelEvent[] {
  return pendingDeadlines(track)
    .filter(({ dueAt }) => Date.parse(dueAt) < Date.parse(now))
    .map(({ stage }) => breach(state, track, stage, now));
}

function breach(
  state: Present,
  track: TrackState,
  stage: ServiceLevelStage,
  at: string,
): ServiceLevelBreached {
  const dueAt = track.stages[stage].dueAt;
  return {
    type: 'ServiceLevelBreached',
    data: {
      orderId: state.orderId,
      ...idOf(track),
      communityId: state.communityId,
      compoundId: state.compoundId,
      gridId: state.gridId,
      stage,
      dueAt,
      lateByMs: Date.parse(at) - Date.parse(dueAt),
      breachedAt: at,
    },
  };
}

import type { ServiceLevelStage } from '@cogov/contracts';
import { type Decider, InvalidTransition, NotYetKnown, assertNever } from '@cogov/decider';

export type { ServiceLevelStage };

/** How long each stage may take from the moment the order was placed, in milliseconds. */
export type StageTargets = Record<ServiceLevelStage, number>;

/**
 * The "three ones" (3个1) process of one order: it knows the deadlines and, told that time has
 * passed, breaches each missed stage once. Fed by the order's published facts, each as one command.
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
    step: 'accepted' | 'arrived' | 'completed' | 'handed-back';
    at: string;
  };
};

/** A stage was reached (the first answer, the arrival on site, the completion). */
export type MarkStageReached = {
  type: 'MarkStageReached';
  data: { orderId: string; stage: ServiceLevelStage; at: string };
};

/** The order needs no more service: rejected, merged into another, or rated and closed. */
export type EndServiceLevel = {
  type: 'EndServiceLevel';
  data: { orderId: string; reason: string; at: string };
};

/** 督办: the order went back (handed back by its executor, or reopened by a low rating). */
export type NoteOrderReturned = {
  type: 'NoteOrderReturned';
  data: { orderId: string; reason: 'handed-back' | 'low-rating'; round: number; at: string };
};

/** Time passed to `now` (a tick of the scheduler, from the clock port). */
export type PassTime = { type: 'PassTime'; data: { orderId: string; now: string } };

export type ServiceLevelCommand =
  | StartServiceLevel
  | RecordReview
  | RecordWorkStep
  | MarkStageReached
  | EndServiceLevel
  | NoteOrderReturned
  | PassTime;

export type Deadline = { stage: ServiceLevelStage; dueAt: string };

export type ServiceLevelStarted = {
  type: 'ServiceLevelStarted';
  data: {
    orderId: string;
    communityId: string;
    compoundId: string;
    gridId?: string | null;
    category: string;
    placedAt: string;
    deadlines: Deadline[];
  };
};
export type ServiceLevelRescheduled = {
  type: 'ServiceLevelRescheduled';
  data: { orderId: string; priority: string; deadlines: Deadline[] };
};
export type StageReached = {
  type: 'StageReached';
  data: { orderId: string; stage: ServiceLevelStage; at: string; dueAt: string; inTime: boolean };
};
export type ServiceLevelBreached = {
  type: 'ServiceLevelBreached';
  data: {
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
  data: { orderId: string; reason: string; at: string };
};
export type OrderReturned = {
  type: 'OrderReturned';
  data: {
    orderId: string;
    communityId: string;
    compoundId: string;
    gridId?: string | null;
    reason: 'handed-back' | 'low-rating';
    round: number;
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

export type ServiceLevelState =
  | { status: 'absent' }
  | {
      status: 'running' | 'ended';
      orderId: string;
      communityId: string;
      compoundId: string;
      gridId: string | null;
      category: string;
      placedAt: string;
      stages: Record<ServiceLevelStage, StageStatus>;
    };

type Present = Exclude<ServiceLevelState, { status: 'absent' }>;

export const STAGES: readonly ServiceLevelStage[] = ['accept', 'on-site', 'complete'];

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
    case 'RecordReview':
      return review(command.data, state);
    case 'RecordWorkStep':
      return workStep(command.data, state);
    case 'MarkStageReached':
      return reach(command.data, state);
    case 'EndServiceLevel':
      return state.status === 'ended'
        ? []
        : [
            {
              type: 'ServiceLevelEnded',
              data: { orderId: state.orderId, reason: command.data.reason, at: command.data.at },
            },
          ];
    case 'NoteOrderReturned':
      return [returned(state, command.data.reason, command.data.round, command.data.at)];
    case 'PassTime':
      return passTime(command.data.now, state);
    default:
      return assertNever(command);
  }
}

export function evolve(state: ServiceLevelState, event: ServiceLevelEvent): ServiceLevelState {
  if (event.type === 'ServiceLevelStarted') {
    const d = event.data;
    const stages = {} as Record<ServiceLevelStage, StageStatus>;
    for (const { stage, dueAt } of d.deadlines) stages[stage] = { dueAt, reached: false, breached: false };
    return {
      status: 'running',
      orderId: d.orderId,
      communityId: d.communityId,
      compoundId: d.compoundId,
      // Started before processes knew grids: none.
      gridId: d.gridId ?? null,
      category: d.category,
      placedAt: d.placedAt,
      stages,
    };
  }
  if (state.status === 'absent') return state;
  const withStage = (stage: ServiceLevelStage, change: Partial<StageStatus>): Present => ({
    ...state,
    stages: { ...state.stages, [stage]: { ...state.stages[stage], ...change } },
  });
  switch (event.type) {
    case 'ServiceLevelRescheduled': {
      let next: Present = state;
      for (const { stage, dueAt } of event.data.deadlines) {
        next = { ...next, stages: { ...next.stages, [stage]: { ...next.stages[stage], dueAt } } };
      }
      return next;
    }
    case 'StageReached':
      return withStage(event.data.stage, { reached: true });
    case 'ServiceLevelBreached':
      return withStage(event.data.stage, { breached: true });
    case 'ServiceLevelEnded':
      return { ...state, status: 'ended' };
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

/** The stages still waiting: neither reached nor breached, in a running process. */
export function pendingDeadlines(state: ServiceLevelState): Deadline[] {
  if (state.status !== 'running') return [];
  return STAGES.filter((stage) => !state.stages[stage].reached && !state.stages[stage].breached).map(
    (stage) => ({ stage, dueAt: state.stages[stage].dueAt }),
  );
}

const deadlinesFrom = (placedAt: string, targets: StageTargets, stages: readonly ServiceLevelStage[]) =>
  stages.map((stage) => ({ stage, dueAt: new Date(Date.parse(placedAt) + targets[stage]).toISOString() }));

function start(d: StartServiceLevel['data'], state: ServiceLevelState): ServiceLevelEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(state.status, 'start', `the service level of order ${d.orderId} has started`);
  }
  return [
    {
      type: 'ServiceLevelStarted',
      data: {
        orderId: d.orderId,
        communityId: d.communityId,
        compoundId: d.compoundId,
        gridId: d.gridId,
        category: d.category,
        placedAt: d.placedAt,
        deadlines: deadlinesFrom(d.placedAt, d.targets, STAGES),
      },
    },
  ];
}

const ENDS_ORDER = ['reject', 'merge'];

function review(d: RecordReview['data'], state: Present): ServiceLevelEvent[] {
  const answered = reach({ orderId: d.orderId, stage: 'accept', at: d.reviewedAt }, state);
  const after = answered.reduce(evolve, state as ServiceLevelState) as Present;
  if (ENDS_ORDER.includes(d.decision)) {
    return [
      ...answered,
      {
        type: 'ServiceLevelEnded',
        data: { orderId: state.orderId, reason: `review: ${d.decision}`, at: d.reviewedAt },
      },
    ];
  }
  return [...answered, ...reschedule(d.priority, d.targets, after)];
}

function workStep(d: RecordWorkStep['data'], state: Present): ServiceLevelEvent[] {
  switch (d.step) {
    case 'accepted':
      // The executor's acceptance is not the answer to the resident; the review already was.
      return [];
    case 'arrived':
      return reach({ orderId: d.orderId, stage: 'on-site', at: d.at }, state);
    case 'completed':
      // Completing without a recorded arrival means the executor was there.
      return [
        ...reach({ orderId: d.orderId, stage: 'on-site', at: d.at }, state),
        ...reach({ orderId: d.orderId, stage: 'complete', at: d.at }, state),
      ];
    case 'handed-back':
      return [returned(state, 'handed-back', d.round, d.at)];
    default:
      return assertNever(d.step);
  }
}

function returned(
  state: Present,
  reason: OrderReturned['data']['reason'],
  round: number,
  at: string,
): OrderReturned {
  return {
    type: 'OrderReturned',
    data: {
      orderId: state.orderId,
      communityId: state.communityId,
      compoundId: state.compoundId,
      gridId: state.gridId,
      reason,
      round,
      at,
    },
  };
}

function reschedule(priority: string, targets: StageTargets, state: Present): ServiceLevelEvent[] {
  const waiting = pendingDeadlines(state)
    .map((deadline) => deadline.stage)
    .filter((stage) => stage !== 'accept');
  const deadlines = deadlinesFrom(state.placedAt, targets, waiting).filter(
    ({ stage, dueAt }) => state.stages[stage].dueAt !== dueAt,
  );
  if (deadlines.length === 0) return [];
  return [{ type: 'ServiceLevelRescheduled', data: { orderId: state.orderId, priority, deadlines } }];
}

function reach(d: MarkStageReached['data'], state: Present): ServiceLevelEvent[] {
  const stage = state.stages[d.stage];
  // A later answer, a second round's arrival: the first one counts. An ended order waits for nothing.
  if (stage.reached || state.status === 'ended') return [];
  const events: ServiceLevelEvent[] = [];
  // Reached late, before a tick noticed: the breach is still owed, and it is as late as the fact.
  if (!stage.breached && Date.parse(d.at) > Date.parse(stage.dueAt)) {
    events.push(breach(state, d.stage, d.at));
  }
  const inTime = Date.parse(d.at) <= Date.parse(stage.dueAt);
  events.push({
    type: 'StageReached',
    data: { orderId: state.orderId, stage: d.stage, at: d.at, dueAt: stage.dueAt, inTime },
  });
  return events;
}

function passTime(now: string, state: Present): ServiceLevelEvent[] {
  return pendingDeadlines(state)
    .filter(({ dueAt }) => Date.parse(dueAt) < Date.parse(now))
    .map(({ stage }) => breach(state, stage, now));
}

function breach(state: Present, stage: ServiceLevelStage, at: string): ServiceLevelBreached {
  const dueAt = state.stages[stage].dueAt;
  return {
    type: 'ServiceLevelBreached',
    data: {
      orderId: state.orderId,
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

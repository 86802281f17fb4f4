import { InvalidTransition, NotYetKnown } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type ServiceLevelBreached,
  type ServiceLevelCommand,
  type ServiceLevelEvent,
  type ServiceLevelStage,
  type ServiceLevelStarted,
  pendingDeadlines,
  serviceLevelDecider,
} from './service-level';
import {
  DEPARTMENT_DEFAULTS,
  THREE_ONES,
  departmentTargetsFor,
  parseTargetOverrides,
  targetsFor,
} from './targets';

const given = deciderSpecification(serviceLevelDecider);
const PLACED = Date.parse('2026-03-01T08:00:00.000Z');
const at = (ms: number) => new Date(PLACED + ms).toISOString();
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const ORDER = { orderId: 'order-1', communityId: 'community-1', compoundId: 'compound-1', gridId: 'grid-1' };
const COMMUNITY = { track: 'community', departmentId: null, round: 1 } as const;
const MEMBER = { kind: 'member', id: 'member-1' };

const start: ServiceLevelCommand = {
  type: 'StartServiceLevel',
  data: { ...ORDER, category: 'repair', placedAt: at(0), targets: THREE_ONES },
};
const started: ServiceLevelStarted = {
  type: 'ServiceLevelStarted',
  data: {
    ...ORDER,
    ...COMMUNITY,
    category: 'repair',
    priority: 'normal',
    placedAt: at(0),
    startedAt: at(0),
    deadlines: [
      { stage: 'accept', dueAt: at(MIN) },
      { stage: 'on-site', dueAt: at(HOUR) },
      { stage: 'complete', dueAt: at(DAY) },
    ],
  },
};
const passTime = (ms: number): ServiceLevelCommand => ({
  type: 'PassTime',
  data: { orderId: 'order-1', now: at(ms) },
});
const reachStage = (stage: ServiceLevelStage, ms: number): ServiceLevelCommand => ({
  type: 'MarkStageReached',
  data: { orderId: 'order-1', stage, at: at(ms) },
});
const reached = (stage: ServiceLevelStage, ms: number, dueMs: number): ServiceLevelEvent => ({
  type: 'StageReached',
  data: { orderId: 'order-1', ...COMMUNITY, stage, at: at(ms), dueAt: at(dueMs), inTime: ms <= dueMs },
});
const breached = (stage: ServiceLevelStage, nowMs: number, dueMs: number): ServiceLevelBreached => ({
  type: 'ServiceLevelBreached',
  data: { ...ORDER, ...COMMUNITY, stage, dueAt: at(dueMs), lateByMs: nowMs - dueMs, breachedAt: at(nowMs) },
});
const review = (
  decision: string,
  priority: string,
  ms: number,
  targets = THREE_ONES,
): ServiceLevelCommand => ({
  type: 'RecordReview',
  data: { orderId: 'order-1', decision, priority, reviewedAt: at(ms), targets },
});
const work = (
  step: 'accepted' | 'arrived' | 'completed' | 'handed-back',
  ms: number,
  executor = MEMBER,
): ServiceLevelCommand => ({
  type: 'RecordWorkStep',
  data: { orderId: 'order-1', round: 1, executor, step, at: at(ms) },
});

describe('service level (three ones, 3个1): deadlines', () => {
  it('a placed order is due to be accepted in 1 minute, on site in 1 hour, completed in 1 day', () =>
    given([]).when(start).then([started]));

  it('a process starts once per order', () => given([started]).when(start).thenThrows(InvalidTransition));

  it('a fact about an order whose placement has not arrived waits for it', () =>
    given([])
      .when(passTime(2 * MIN))
      .thenThrows(NotYetKnown));

  it('time passing before a deadline breaches nothing', () =>
    given([started]).when(passTime(MIN)).thenNothingHappens());

  it('time passing beyond a deadline breaches that stage, late by the time passed', () =>
    given([started])
      .when(passTime(MIN + 5_000))
      .then([breached('accept', MIN + 5_000, MIN)]));

  it('a stage is breached once, however often time passes', () =>
    given([started, breached('accept', MIN + 5_000, MIN)])
      .when(passTime(2 * MIN))
      .thenNothingHappens());

  it('time passing beyond several deadlines breaches each of them', () =>
    given([started])
      .when(passTime(HOUR + 1_000))
      .then([breached('accept', HOUR + 1_000, MIN), breached('on-site', HOUR + 1_000, HOUR)]));

  it('a stage reached in time is never breached', () =>
    given([started, reached('accept', 30_000, MIN)])
      .when(passTime(2 * MIN))
      .thenNothingHappens());

  it('a stage reached late before a tick noticed is breached, as late as it was reached', () =>
    given([started])
      .when(reachStage('accept', MIN + 2_000))
      .then([breached('accept', MIN + 2_000, MIN), reached('accept', MIN + 2_000, MIN)]));

  it('only the first answer counts', () =>
    given([started, reached('accept', 30_000, MIN)])
      .when(reachStage('accept', 40_000))
      .thenNothingHappens());
});

describe('service level (three ones, 3个1): the order’s facts', () => {
  it('the branch’s review accepts the order and its priority moves the deadlines still waiting', () => {
    const urgent = { ...THREE_ONES, 'on-site': 30 * MIN, complete: 4 * HOUR };
    given([started])
      .when(review('approve', 'urgent', 30_000, urgent))
      .then([
        reached('accept', 30_000, MIN),
        {
          type: 'ServiceLevelRescheduled',
          data: {
            orderId: 'order-1',
            ...COMMUNITY,
            priority: 'urgent',
            deadlines: [
              { stage: 'on-site', dueAt: at(30 * MIN) },
              { stage: 'complete', dueAt: at(4 * HOUR) },
            ],
          },
        },
      ]);
  });

  it('a review that keeps the deadlines only accepts', () =>
    given([started])
      .when(review('approve', 'normal', 30_000))
      .then([reached('accept', 30_000, MIN)]));

  it('a rejected order is accepted and needs nothing more: no later breach', () => {
    const rejected = serviceLevelDecider.decide(
      review('reject', 'normal', 30_000),
      serviceLevelDecider.evolve(serviceLevelDecider.initialState(), started),
    );
    expect(rejected).toMatchObject([{ type: 'StageReached' }, { type: 'ServiceLevelEnded' }]);
    given([started, ...rejected])
      .when(passTime(2 * DAY))
      .thenNothingHappens();
  });

  it('the executor’s acceptance is not the answer to the resident', () =>
    given([started]).when(work('accepted', 10_000)).thenNothingHappens());

  it('an arrival reaches the on-site stage', () =>
    given([started, reached('accept', 10_000, MIN)])
      .when(work('arrived', 30 * MIN))
      .then([reached('on-site', 30 * MIN, HOUR)]));

  it('a completion without an arrival reaches on site and complete', () =>
    given([started, reached('accept', 10_000, MIN)])
      .when(work('completed', 30 * MIN))
      .then([reached('on-site', 30 * MIN, HOUR), reached('complete', 30 * MIN, DAY)]));

  it('an order handed back goes on the supervision list', () =>
    given([started])
      .when(work('handed-back', 20 * MIN))
      .then([
        {
          type: 'OrderReturned',
          data: { ...ORDER, ...COMMUNITY, reason: 'handed-back', at: at(20 * MIN) },
        },
      ]));

  it('an order reopened by a low rating goes on the supervision list', () =>
    given([started])
      .when({
        type: 'NoteOrderReturned',
        data: { orderId: 'order-1', reason: 'low-rating', round: 1, at: at(DAY) },
      })
      .then([
        { type: 'OrderReturned', data: { ...ORDER, ...COMMUNITY, reason: 'low-rating', at: at(DAY) } },
      ]));

  it('an ended process ends once', () =>
    given([
      started,
      {
        type: 'ServiceLevelEnded',
        data: { orderId: 'order-1', ...COMMUNITY, reason: 'closed', at: at(DAY) },
      },
    ])
      .when({ type: 'EndServiceLevel', data: { orderId: 'order-1', reason: 'closed', at: at(DAY) } })
      .thenNothingHappens());

  it('the deadlines waiting are those neither reached nor breached', () => {
    const state = [started, reached('accept', 10_000, MIN)].reduce(
      serviceLevelDecider.evolve,
      serviceLevelDecider.initialState(),
    );
    expect(state.status === 'present' && pendingDeadlines(state.community).map((d) => d.stage)).toEqual([
      'on-site',
      'complete',
    ]);
  });
});

describe('service level targets', () => {
  it('default to the three ones, overridden by category, then by category and priority', () => {
    const overrides = parseTargetOverrides(
      '{"repair":{"complete":7200000},"repair/urgent":{"on-site":600000}}',
    );
    expect(targetsFor(overrides, 'safety')).toEqual(THREE_ONES);
    expect(targetsFor(overrides, 'repair')).toEqual({ ...THREE_ONES, complete: 7_200_000 });
    expect(targetsFor(overrides, 'repair', 'urgent')).toEqual({
      accept: MIN,
      'on-site': 600_000,
      complete: 7_200_000,
    });
  });

  it('a setting that names no stage, or no positive time, stops the start', () => {
    expect(() => parseTargetOverrides('{"repair":{"arrive":1}}')).toThrow(/stage/);
    expect(() => parseTargetOverrides('{"repair":{"accept":-1}}')).toThrow(/positive/);
  });
});

describe('service level: a whistled department’s own track (吹哨报到)', () => {
  const DEPARTMENT = { kind: 'department', id: 'dept-1' };
  const TRACK = { track: 'department', departmentId: 'dept-1', round: 1 } as const;
  const WHISTLED = 10 * MIN;
  const due = (ms: number) => at(WHISTLED + ms);
  const whistle: ServiceLevelCommand = {
    type: 'StartDepartmentTrack',
    data: {
      orderId: 'order-1',
      round: 1,
      departmentId: 'dept-1',
      whistledAt: at(WHISTLED),
      targets: DEPARTMENT_DEFAULTS,
    },
  };
  const departmentStarted: ServiceLevelStarted = {
    type: 'ServiceLevelStarted',
    data: {
      ...ORDER,
      ...TRACK,
      category: 'repair',
      priority: 'normal',
      placedAt: at(0),
      startedAt: at(WHISTLED),
      deadlines: [
        { stage: 'accept', dueAt: due(30 * MIN) },
        { stage: 'on-site', dueAt: due(2 * HOUR) },
        { stage: 'complete', dueAt: due(3 * DAY) },
      ],
    },
  };
  const answered = reached('accept', 30_000, MIN);
  const departmentReached = (stage: ServiceLevelStage, ms: number, dueMs: number): ServiceLevelEvent => ({
    type: 'StageReached',
    data: { orderId: 'order-1', ...TRACK, stage, at: due(ms), dueAt: due(dueMs), inTime: ms <= dueMs },
  });
  const departmentBreached = (
    stage: ServiceLevelStage,
    nowMs: number,
    dueMs: number,
  ): ServiceLevelBreached => ({
    type: 'ServiceLevelBreached',
    data: { ...ORDER, ...TRACK, stage, dueAt: due(dueMs), lateByMs: nowMs - dueMs, breachedAt: due(nowMs) },
  });
  const departmentWork = (step: 'accepted' | 'arrived' | 'completed' | 'handed-back', ms: number) =>
    work(step, WHISTLED + ms, DEPARTMENT);

  it('a whistle starts the department’s deadlines from the whistle: report in, on site, complete', () =>
    given([started, answered]).when(whistle).then([departmentStarted]));

  it('a whistle for an order whose placement has not arrived waits for it', () =>
    given([]).when(whistle).thenThrows(NotYetKnown));

  it('the department reporting in reaches its accept stage only', () =>
    given([started, answered, departmentStarted])
      .when(departmentWork('accepted', 10 * MIN))
      .then([departmentReached('accept', 10 * MIN, 30 * MIN)]));

  it('the department on site reaches its own and the community’s on-site stage', () =>
    given([started, answered, departmentStarted, departmentReached('accept', 10 * MIN, 30 * MIN)])
      .when(departmentWork('arrived', 40 * MIN))
      .then([
        departmentReached('on-site', 40 * MIN, 2 * HOUR),
        reached('on-site', WHISTLED + 40 * MIN, HOUR),
      ]));

  it('the department’s completion completes both tracks', () =>
    given([
      started,
      answered,
      departmentStarted,
      departmentReached('accept', 10 * MIN, 30 * MIN),
      departmentReached('on-site', 40 * MIN, 2 * HOUR),
      reached('on-site', WHISTLED + 40 * MIN, HOUR),
    ])
      .when(departmentWork('completed', 5 * HOUR))
      .then([
        departmentReached('complete', 5 * HOUR, 3 * DAY),
        reached('complete', WHISTLED + 5 * HOUR, DAY),
      ]));

  it('a department missing report-in is breached once on its own track', () => {
    given([started, answered, reached('on-site', WHISTLED - MIN, HOUR), departmentStarted])
      .when(passTime(WHISTLED + 31 * MIN))
      .then([departmentBreached('accept', 31 * MIN, 30 * MIN)]);
    given([
      started,
      answered,
      reached('on-site', WHISTLED - MIN, HOUR),
      departmentStarted,
      departmentBreached('accept', 31 * MIN, 30 * MIN),
    ])
      .when(passTime(WHISTLED + 32 * MIN))
      .thenNothingHappens();
  });

  it('a department reporting in late is breached as late as it reported', () =>
    given([started, answered, departmentStarted])
      .when(departmentWork('accepted', 45 * MIN))
      .then([
        departmentBreached('accept', 45 * MIN, 30 * MIN),
        departmentReached('accept', 45 * MIN, 30 * MIN),
      ]));

  it('another executor’s work reaches no department stage', () =>
    given([started, answered, departmentStarted])
      .when(work('accepted', WHISTLED + MIN, { kind: 'department', id: 'dept-2' }))
      .thenNothingHappens());

  it('a department handing back is one return, of its track, which then waits for nothing', () => {
    const back = serviceLevelDecider.decide(
      departmentWork('handed-back', 10 * MIN),
      [started, answered, departmentStarted].reduce(
        serviceLevelDecider.evolve,
        serviceLevelDecider.initialState(),
      ),
    );
    expect(back).toEqual([
      { type: 'OrderReturned', data: { ...ORDER, ...TRACK, reason: 'handed-back', at: due(10 * MIN) } },
      {
        type: 'ServiceLevelEnded',
        data: { orderId: 'order-1', ...TRACK, reason: 'handed back', at: due(10 * MIN) },
      },
    ]);
    given([
      started,
      answered,
      reached('on-site', MIN, HOUR),
      reached('complete', MIN, DAY),
      departmentStarted,
      ...back,
    ])
      .when(passTime(WHISTLED + 4 * DAY))
      .thenNothingHappens();
  });

  it('an order rated and closed ends both tracks', () =>
    given([started, answered, departmentStarted])
      .when({
        type: 'EndServiceLevel',
        data: { orderId: 'order-1', reason: 'rated and closed', at: at(DAY) },
      })
      .then([
        {
          type: 'ServiceLevelEnded',
          data: { orderId: 'order-1', ...COMMUNITY, reason: 'rated and closed', at: at(DAY) },
        },
        {
          type: 'ServiceLevelEnded',
          data: { orderId: 'order-1', ...TRACK, reason: 'rated and closed', at: at(DAY) },
        },
      ]));

  it('a department’s targets: 30 minutes, 2 hours, 3 days, overridden by level, kind, then kind at a level', () => {
    const overrides = parseTargetOverrides(
      '{"district":{"accept":3600000},"water":{"on-site":1800000},"water/district":{"complete":86400000}}',
      'DEPARTMENT_SERVICE_LEVEL_TARGETS',
    );
    expect(departmentTargetsFor(overrides, 'police', 'street')).toEqual(DEPARTMENT_DEFAULTS);
    expect(departmentTargetsFor(overrides, 'police', 'district')).toEqual({
      ...DEPARTMENT_DEFAULTS,
      accept: HOUR,
    });
    expect(departmentTargetsFor(overrides, 'water', 'district')).toEqual({
      accept: HOUR,
      'on-site': 30 * MIN,
      complete: DAY,
    });
    expect(() => parseTargetOverrides('{"water":{"report":1}}', 'DEPARTMENT_SERVICE_LEVEL_TARGETS')).toThrow(
      /DEPARTMENT_SERVICE_LEVEL_TARGETS.water.report/,
    );
  });
});

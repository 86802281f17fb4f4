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
import { THREE_ONES, parseTargetOverrides, targetsFor } from './targets';

const given = deciderSpecification(serviceLevelDecider);
const PLACED = Date.parse('2026-03-01T08:00:00.000Z');
const at = (ms: number) => new Date(PLACED + ms).toISOString();
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const ORDER = { orderId: 'order-1', communityId: 'community-1', compoundId: 'compound-1', gridId: 'grid-1' };

const start: ServiceLevelCommand = {
  type: 'StartServiceLevel',
  data: { ...ORDER, category: 'repair', placedAt: at(0), targets: THREE_ONES },
};
const started: ServiceLevelStarted = {
  type: 'ServiceLevelStarted',
  data: {
    ...ORDER,
    category: 'repair',
    placedAt: at(0),
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
  data: { orderId: 'order-1', stage, at: at(ms), dueAt: at(dueMs), inTime: ms <= dueMs },
});
const breached = (stage: ServiceLevelStage, nowMs: number, dueMs: number): ServiceLevelBreached => ({
  type: 'ServiceLevelBreached',
  data: { ...ORDER, stage, dueAt: at(dueMs), lateByMs: nowMs - dueMs, breachedAt: at(nowMs) },
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
): ServiceLevelCommand => ({
  type: 'RecordWorkStep',
  data: { orderId: 'order-1', round: 1, step, at: at(ms) },
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
        { type: 'OrderReturned', data: { ...ORDER, reason: 'handed-back', round: 1, at: at(20 * MIN) } },
      ]));

  it('an order reopened by a low rating goes on the supervision list', () =>
    given([started])
      .when({
        type: 'NoteOrderReturned',
        data: { orderId: 'order-1', reason: 'low-rating', round: 1, at: at(DAY) },
      })
      .then([{ type: 'OrderReturned', data: { ...ORDER, reason: 'low-rating', round: 1, at: at(DAY) } }]));

  it('an ended process ends once', () =>
    given([
      started,
      { type: 'ServiceLevelEnded', data: { orderId: 'order-1', reason: 'closed', at: at(DAY) } },
    ])
      .when({ type: 'EndServiceLevel', data: { orderId: 'order-1', reason: 'closed', at: at(DAY) } })
      .thenNothingHappens());

  it('the deadlines waiting are those neither reached nor breached', () => {
    const state = [started, reached('accept', 10_000, MIN)].reduce(
      serviceLevelDecider.evolve,
      serviceLevelDecider.initialState(),
    );
    expect(pendingDeadlines(state).map((d) => d.stage)).toEqual(['on-site', 'complete']);
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

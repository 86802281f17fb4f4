import { publishedBy } from '@cogov/context-kit/testing/published-by';
import type { CommunityEvent } from '../domain/community';
import type { DepartmentEvent } from '../domain/department';
import type { OrderEvent } from '../domain/order';
import type { ResidentEvent } from '../domain/resident';
import type { VolunteerActivityEvent } from '../domain/volunteer-activity';
import type { VolunteerTeamEvent } from '../domain/volunteer-team';
import type { ServiceLevelEvent } from '../service-levels/domain/service-level';
import { residentsCommitteeOutbound } from './outbound';

/** The contracts and payloads the mapping published, each checked against its schema. */
const published = publishedBy<OrderEvent | DepartmentEvent | ServiceLevelEvent | CommunityEvent>(
  residentsCommitteeOutbound,
);

const ORDER = '11111111-1111-4111-8111-111111111111';
const DEPARTMENT = '22222222-2222-4222-8222-222222222222';
const STREET = '33333333-3333-4333-8333-333333333333';
const COMMUNITY = '44444444-4444-4444-8444-444444444444';
const COMPOUND = '55555555-5555-4555-8555-555555555555';
const PERSON = '66666666-6666-4666-8666-666666666666';
const NOW = '2026-12-02T08:00:00.000Z';
const LATER = '2026-12-02T08:30:00.000Z';
const departmentExecutor = { kind: 'department', id: DEPARTMENT } as const;
const TRACK = { track: 'department', departmentId: DEPARTMENT, round: 1 } as const;
const WHERE = { communityId: COMMUNITY, compoundId: COMPOUND, gridId: null };

describe('what the residents’ committee publishes', () => {
  it('a department entered in a street’s directory', () =>
    expect(
      published({
        type: 'DepartmentRegistered',
        data: {
          departmentId: DEPARTMENT,
          streetId: STREET,
          name: 'Water office',
          kind: 'water',
          registeredAt: NOW,
        },
      }),
    ).toEqual([
      {
        type: 'residents-committee.department-registered',
        version: 1,
        key: DEPARTMENT,
        data: {
          departmentId: DEPARTMENT,
          streetId: STREET,
          name: 'Water office',
          kind: 'water',
          registeredAt: NOW,
        },
        violations: [],
      },
    ]));

  it('nothing of a department’s staff', () =>
    expect(
      published({
        type: 'DepartmentStaffAdded',
        data: { departmentId: DEPARTMENT, staffId: PERSON, name: 'Li Wei', addedAt: NOW },
      }),
    ).toEqual([]));

  it('a whistle, keyed by the order', () => {
    const data = {
      orderId: ORDER,
      round: 1,
      communityId: COMMUNITY,
      compoundId: COMPOUND,
      streetId: STREET,
      departmentId: DEPARTMENT,
      level: 'district',
      reason: 'the main has burst',
      whistlerId: PERSON,
      whistledAt: NOW,
    } as const;
    expect(published({ type: 'OrderWhistled', data })).toEqual([
      { type: 'residents-committee.order-whistled', version: 1, key: ORDER, data, violations: [] },
    ]);
  });

  it('a department’s work, in the one order-work language', () => {
    const work = { orderId: ORDER, round: 1, executor: departmentExecutor, performedBy: PERSON };
    const sent = [
      ...published({ type: 'OrderTakenRecorded', data: { ...work, takenAt: NOW } }),
      ...published({ type: 'ArrivalRecorded', data: { ...work, note: 'on site', arrivedAt: NOW } }),
      ...published({
        type: 'OrderCompletionRecorded',
        data: {
          ...work,
          resultNote: 'fixed',
          evidence: ['https://evidence.example/1.jpg'],
          completedAt: LATER,
        },
      }),
      ...published({ type: 'OrderHandedBack', data: { ...work, reason: 'not ours', handedBackAt: LATER } }),
    ];
    expect(sent.map(({ type, key, violations }) => ({ type, key, violations }))).toEqual(
      Array(4).fill({ type: 'residents-committee.order-work', key: ORDER, violations: [] }),
    );
    expect(sent.map((s) => s.data)).toMatchObject([
      { step: 'accepted', at: NOW, executor: departmentExecutor, performedBy: PERSON, note: null },
      { step: 'arrived', note: 'on site' },
      { step: 'completed', resultNote: 'fixed', evidence: ['https://evidence.example/1.jpg'] },
      { step: 'handed-back', reason: 'not ours' },
    ]);
  });

  it('not another executor’s work: its own context publishes it', () =>
    expect(
      published({
        type: 'OrderTakenRecorded',
        data: {
          orderId: ORDER,
          round: 1,
          executor: { kind: 'member', id: PERSON },
          performedBy: PERSON,
          takenAt: NOW,
        },
      }),
    ).toEqual([]));

  it('a track’s clock starting, rescheduled and reaching a stage', () => {
    const deadlines = [
      { stage: 'accept', dueAt: LATER },
      { stage: 'on-site', dueAt: LATER },
    ] as const;
    const sent = [
      ...published({
        type: 'ServiceLevelStarted',
        data: {
          orderId: ORDER,
          ...TRACK,
          ...WHERE,
          category: 'repair',
          priority: 'normal',
          placedAt: NOW,
          startedAt: NOW,
          deadlines: [...deadlines],
        },
      }),
      ...published({
        type: 'ServiceLevelRescheduled',
        data: {
          orderId: ORDER,
          track: 'community',
          departmentId: null,
          round: 1,
          priority: 'urgent',
          deadlines: [...deadlines],
        },
      }),
      ...published({
        type: 'StageReached',
        data: { orderId: ORDER, ...TRACK, stage: 'accept', at: NOW, dueAt: LATER, inTime: true },
      }),
    ];
    expect(sent.map(({ type, version, violations }) => ({ type, version, violations }))).toEqual([
      { type: 'residents-committee.service-level-started', version: 1, violations: [] },
      { type: 'residents-committee.service-level-rescheduled', version: 1, violations: [] },
      { type: 'residents-committee.service-level-stage-reached', version: 1, violations: [] },
    ]);
    expect(sent[0]!.data).toEqual({
      orderId: ORDER,
      ...TRACK,
      ...WHERE,
      category: 'repair',
      priority: 'normal',
      startedAt: NOW,
      deadlines,
    });
  });

  it('a breach as v2 only, naming the track, the round and the grid', () =>
    expect(
      published({
        type: 'ServiceLevelBreached',
        data: {
          orderId: ORDER,
          ...TRACK,
          ...WHERE,
          stage: 'accept',
          dueAt: NOW,
          lateByMs: 1_000,
          breachedAt: LATER,
        },
      }),
    ).toEqual([
      {
        type: 'residents-committee.service-level-breached',
        version: 2,
        key: ORDER,
        data: {
          orderId: ORDER,
          ...TRACK,
          ...WHERE,
          stage: 'accept',
          dueAt: NOW,
          lateByMs: 1_000,
          breachedAt: LATER,
        },
        violations: [],
      },
    ]));

  it('a breach stored before grids names no grid', () =>
    expect(
      published({
        type: 'ServiceLevelBreached',
        data: {
          orderId: ORDER,
          track: 'community',
          departmentId: null,
          round: 1,
          communityId: COMMUNITY,
          compoundId: COMPOUND,
          stage: 'complete',
          dueAt: NOW,
          lateByMs: 0,
          breachedAt: NOW,
        },
      })[0],
    ).toMatchObject({ data: { gridId: null }, violations: [] }));
});

describe('what the residents committee publishes of its workers', () => {
  it('an appointed worker by id and post; name and phone stay', () => {
    const sent = published({
      type: 'WorkerAppointed',
      data: {
        communityId: 'm1',
        workerId: 'w1',
        name: 'Wang Fang',
        phone: '13700000000',
        role: 'service-station',
        appointedAt: '2026-12-02T08:00:00.000Z',
      },
    });
    expect(sent).toEqual([
      {
        type: 'residents-committee.worker-appointed',
        version: 1,
        key: 'm1',
        data: {
          communityId: 'm1',
          workerId: 'w1',
          role: 'service-station',
          appointedAt: '2026-12-02T08:00:00.000Z',
        },
        violations: [],
      },
    ]);
    expect(JSON.stringify(sent)).not.toMatch(/Wang Fang|13700000000/);
  });
});

describe('what the residents’ committee publishes of volunteers and care flags', () => {
  const publishedOf = publishedBy<OrderEvent | VolunteerTeamEvent | VolunteerActivityEvent | ResidentEvent>(
    residentsCommitteeOutbound,
  );
  const TEAM = '77777777-7777-4777-8777-777777777777';
  const ACTIVITY = '88888888-8888-4888-8888-888888888888';
  const RESIDENT = '99999999-9999-4999-8999-999999999999';

  it('a team registered, with its community’s street', () =>
    expect(
      publishedOf({
        type: 'VolunteerTeamRegistered',
        data: {
          teamId: TEAM,
          communityId: COMMUNITY,
          streetId: STREET,
          name: 'Peach Garden vanguard',
          kind: 'vanguard',
          registeredAt: NOW,
        },
      }),
    ).toEqual([
      {
        type: 'residents-committee.volunteer-team-registered',
        version: 1,
        key: TEAM,
        data: {
          teamId: TEAM,
          communityId: COMMUNITY,
          streetId: STREET,
          name: 'Peach Garden vanguard',
          kind: 'vanguard',
          registeredAt: NOW,
        },
        violations: [],
      },
    ]));

  it('nothing of a team’s members, nor of an activity not yet confirmed', () => {
    expect(
      publishedOf({
        type: 'VolunteerTeamMemberAdded',
        data: { teamId: TEAM, communityId: COMMUNITY, personId: PERSON, addedAt: NOW },
      }),
    ).toEqual([]);
    expect(
      publishedOf({
        type: 'VolunteerActivityRecorded',
        data: {
          activityId: ACTIVITY,
          communityId: COMMUNITY,
          streetId: STREET,
          teamId: TEAM,
          kind: 'elderly-care',
          title: 'Visits',
          date: '2026-12-01',
          hours: 2,
          participantIds: [PERSON],
          recordedBy: PERSON,
          recordedAt: NOW,
        },
      }),
    ).toEqual([]);
  });

  it('an activity confirmed, whole, keyed by the activity', () => {
    const sent = publishedOf({
      type: 'VolunteerActivityConfirmed',
      data: {
        activityId: ACTIVITY,
        communityId: COMMUNITY,
        streetId: null,
        teamId: TEAM,
        kind: 'safety-patrol',
        title: 'Night patrol',
        date: '2026-12-01',
        hours: 1.5,
        participantIds: [PERSON, RESIDENT],
        confirmedBy: PERSON,
        confirmedAt: LATER,
      },
    });
    expect(sent).toEqual([
      {
        type: 'residents-committee.volunteer-activity-confirmed',
        version: 1,
        key: ACTIVITY,
        data: {
          activityId: ACTIVITY,
          communityId: COMMUNITY,
          streetId: null,
          teamId: TEAM,
          kind: 'safety-patrol',
          title: 'Night patrol',
          date: '2026-12-01',
          hours: 1.5,
          participantIds: [PERSON, RESIDENT],
          confirmedBy: PERSON,
          confirmedAt: LATER,
        },
        violations: [],
      },
    ]);
  });

  it('a resident’s care flags, by ids only', () =>
    expect(
      publishedOf({
        type: 'ResidentFlagsSet',
        data: {
          residentId: RESIDENT,
          communityId: COMMUNITY,
          compoundId: COMPOUND,
          flags: ['living-alone-elderly', 'disabled'],
          setAt: NOW,
        },
      }),
    ).toEqual([
      {
        type: 'residents-committee.resident-flags-set',
        version: 1,
        key: RESIDENT,
        data: {
          residentId: RESIDENT,
          communityId: COMMUNITY,
          flags: ['living-alone-elderly', 'disabled'],
          setAt: NOW,
        },
        violations: [],
      },
    ]));

  it('a volunteer team’s work, in the one order-work language', () => {
    const executor = { kind: 'volunteer-team', id: TEAM } as const;
    const sent = [
      ...publishedOf({
        type: 'OrderTakenRecorded',
        data: { orderId: ORDER, round: 1, executor, performedBy: PERSON, takenAt: NOW },
      }),
      ...publishedOf({
        type: 'OrderCompletionRecorded',
        data: {
          orderId: ORDER,
          round: 1,
          executor,
          performedBy: PERSON,
          resultNote: 'done',
          evidence: [],
          completedAt: LATER,
        },
      }),
    ];
    expect(sent.map((p) => [p.type, p.version, p.key, p.violations])).toEqual([
      ['residents-committee.order-work', 1, ORDER, []],
      ['residents-committee.order-work', 1, ORDER, []],
    ]);
    expect(sent.map((p) => p.data)).toMatchObject([
      { step: 'accepted', executor, performedBy: PERSON, at: NOW },
      { step: 'completed', executor, resultNote: 'done', at: LATER },
    ]);
  });
});

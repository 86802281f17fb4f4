import { randomUUID } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ServiceLevelScheduler } from '../../residents-committee/src/service-levels/infrastructure/service-level-scheduler';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { DAY, HOUR, MIN, serviceLevelClock, withoutSweepTimer } from './testing/service-level-clock';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';
import { communityRates, departmentRates, type RateRow, SETTLEMENT } from './testing/three-orders';

type StreamEvent = { type: string; data: Record<string, unknown> };

/**
 * Issue 12, done when: on the test's clock, one order answered within every deadline, one that
 * breaches "accept" and "on site", one whistled to a department that reports in and completes it.
 * The supervision list, the rates and the community's linkage board show exactly those facts, and
 * the response rate equals the one counted from the service-level streams themselves.
 */
describe.each(testDatabases)(
  'the three ones, the whistle and the boards (embedded platform on %s)',
  (_name, makeDatabase) => {
    const { config: database, cleanup } = makeDatabase();
    let platform: TestPlatform;
    let contract: OpenApiContract | undefined;
    let seed: Awaited<ReturnType<typeof seedCommunity>>;
    let admin: ApiClient;
    let staff: ApiClient;
    let member: ApiClient;
    let resident: ApiClient;
    let department: ApiClient;
    let streetId: string;
    let departmentId: string;
    const departmentStaffId = randomUUID();
    const T0 = Date.parse('2030-05-06T08:00:00.000Z');
    const orders: Record<'inTime' | 'late' | 'whistled', string> = { inTime: '', late: '', whistled: '' };
    let restoreSweepTimer: () => void;

    const call: ApiCall = async (claims, method, route, body) => {
      const client = await platform.as(claims);
      const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
      return { status: response.status, body: response.body as Record<string, unknown> };
    };
    const { at, sweep } = serviceLevelClock(
      () => platform,
      T0,
      (running, now) => running.app.get(ServiceLevelScheduler).sweep(now),
    );
    /** Each step at its moment, then the deadlines due by then swept, as the timer would. */
    const step = async (ms: number, action: () => Promise<unknown>) => {
      at(ms);
      await action();
      await sweep(ms);
    };
    const place = (title: string) =>
      staff.create('/api/orders', {
        residentId: seed.residentId,
        compoundId: seed.compoundId,
        category: 'repair',
        title,
        description: 'Seen on the way home',
        channel: 'service-station',
      });
    const review = (orderId: string) =>
      member.expectPost(`/api/orders/${orderId}/review`, {
        reviewerId: seed.memberId,
        decision: 'approve',
        note: 'go today',
        priority: 'normal',
      });
    const memberWork = (orderId: string) => ({
      dispatch: () =>
        staff.expectPost(`/api/orders/${orderId}/dispatch`, {
          dispatcherId: seed.workerId,
          assigneeKind: 'member',
          assigneeId: seed.memberId,
        }),
      take: () => member.expectPost(`/api/orders/${orderId}/take`, { memberId: seed.memberId }),
      arrive: () =>
        member.expectPost(`/api/orders/${orderId}/arrival`, { memberId: seed.memberId, note: 'here' }),
      complete: () =>
        member.expectPost(`/api/orders/${orderId}/complete`, {
          memberId: seed.memberId,
          resultNote: 'fixed',
          evidence: ['https://evidence.example/done.jpg'],
        }),
    });
    const rate = (orderId: string, score: number) =>
      resident.expectPost(`/api/orders/${orderId}/rating`, {
        raterId: seed.residentId,
        score,
        comment: 'thanks',
      });
    const streamOf = async (orderId: string) =>
      (
        (await admin.read(`/api/streams/residents-committee.service-level-${orderId}`))
          .events as StreamEvent[]
      ).map(({ type, data }): Record<string, unknown> => ({ type, ...data }));
    const period = `from=${new Date(T0).toISOString()}&to=${new Date(T0 + 2 * DAY).toISOString()}`;

    beforeAll(async () => {
      restoreSweepTimer = withoutSweepTimer();
      platform = await TestPlatform.start(database, {}, (exchange: Exchange) => contract?.check(exchange));
      contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
      admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
      streetId = await admin.create('/api/streets', { name: 'Jianxi Street' });
      seed = await seedCommunity(call, { streetId });
      departmentId = await admin.create('/api/departments', {
        streetId,
        name: 'Jianxi Housing Office',
        kind: 'housing',
      });
      await admin.expectPost(
        `/api/departments/${departmentId}/staff`,
        { staffId: departmentStaffId, name: 'Li Wei' },
        201,
      );
      staff = await platform.as(seed.worker);
      member = await platform.as(seed.member);
      resident = await platform.as({
        personId: seed.residentId,
        roles: ['resident'],
        communities: [seed.communityId],
      });
      department = await platform.as({
        personId: departmentStaffId,
        roles: ['department-staff'],
        streets: [streetId],
      });
      await platform.settle();
    });
    afterEach(() => jest.restoreAllMocks());
    afterAll(async () => {
      await platform?.stop();
      await cleanup();
      restoreSweepTimer();
    });

    it('plays the three orders on the clock', async () => {
      // In time: answered at 30 s, on site at 30 min, done at 5 h, rated 5.
      await step(0, async () => (orders.inTime = await place('Stairwell light')));
      await step(30_000, () =>
        staff.expectPost(`/api/orders/${orders.inTime}/acknowledge`, { staffId: seed.workerId }),
      );
      await step(40_000, () => review(orders.inTime));
      const a = memberWork(orders.inTime);
      await step(2 * MIN, a.dispatch);
      await step(3 * MIN, a.take);
      await step(30 * MIN, a.arrive);
      await step(5 * HOUR, a.complete);
      await step(6 * HOUR, () => rate(orders.inTime, 5));

      // Late: first answered by the review at 13 min (due at 11), on site at 2 h 10 (due at 1 h 10).
      await step(10 * MIN, async () => (orders.late = await place('Broken railing')));
      await step(13 * MIN, () => review(orders.late));
      const b = memberWork(orders.late);
      await step(15 * MIN, b.dispatch);
      await step(16 * MIN, b.take);
      await step(10 * MIN + 2 * HOUR, b.arrive);
      await step(10 * MIN + 8 * HOUR, b.complete);
      await step(10 * MIN + 9 * HOUR, () => rate(orders.late, 4));

      // Whistled at 25 min to the housing office, which reports in at 35 min, arrives at 1 h, completes at 10 h.
      await step(20 * MIN, async () => (orders.whistled = await place('Cracked load-bearing wall')));
      await step(20 * MIN + 20_000, () =>
        staff.expectPost(`/api/orders/${orders.whistled}/acknowledge`, { staffId: seed.workerId }),
      );
      await step(20 * MIN + 40_000, () => review(orders.whistled));
      await step(25 * MIN, () =>
        staff.expectPost(`/api/orders/${orders.whistled}/whistle`, {
          whistlerId: seed.workerId,
          departmentId,
          level: 'street',
          reason: 'A structural matter for the housing office',
        }),
      );
      const steps = `/api/departments/${departmentId}/orders/${orders.whistled}`;
      await step(35 * MIN, () => department.expectPost(`${steps}/accept`, { note: 'reporting in' }));
      await step(HOUR, () => department.expectPost(`${steps}/arrival`, { note: 'on site' }));
      await step(10 * HOUR, () =>
        department.expectPost(`${steps}/complete`, {
          resultNote: 'wall shored up',
          evidence: ['https://evidence.example/wall.jpg'],
        }),
      );
      await step(11 * HOUR, () => rate(orders.whistled, 5));
      await step(2 * DAY, () => Promise.resolve());
    });

    it('the supervision list holds exactly the late order’s accept and on-site breaches', async () => {
      const items = (await admin.read(`/api/supervision?communityId=${seed.communityId}`)).items as Array<
        Record<string, unknown>
      >;
      expect(items.map(({ orderId, stage, track }) => ({ orderId, stage, track }))).toEqual(
        expect.arrayContaining([
          { orderId: orders.late, stage: 'accept', track: 'community' },
          { orderId: orders.late, stage: 'on-site', track: 'community' },
        ]),
      );
      expect(items).toHaveLength(2);
    });

    it('the rates count them: the community’s three orders, and the department’s own deadlines', async () => {
      const community = (await admin.read(`/api/rates?level=community&streetId=${streetId}&${period}`))
        .rows as RateRow[];
      expect(community).toEqual([expect.objectContaining(communityRates(seed.communityId))]);
      const departments = (await admin.read(`/api/rates?level=department&streetId=${streetId}&${period}`))
        .rows as RateRow[];
      expect(departments).toEqual([expect.objectContaining(departmentRates(departmentId))]);
    });

    it('the response rate is the one the service-level streams themselves tell', async () => {
      let due = 0;
      let inTime = 0;
      for (const orderId of Object.values(orders)) {
        const events = await streamOf(orderId);
        const reached = events.find(
          (e) => e.type === 'StageReached' && e.stage === 'accept' && e.track !== 'department',
        );
        due += 1;
        if (reached?.inTime === true) inTime += 1;
      }
      const [row] = (await admin.read(`/api/rates?level=community&streetId=${streetId}&${period}`))
        .rows as RateRow[];
      expect(row!.response).toEqual({ due, inTime, rate: inTime / due });
    });

    it('the community’s board: one order escalated, two settled in the community, none open or overdue', async () => {
      const board = (await admin.read(`/api/linkage/communities/${seed.communityId}`)) as {
        orders: { open: number; overdue: number; settlement: Record<string, unknown> };
      };
      expect(board.orders).toMatchObject({
        open: 0,
        overdue: 0,
        settlement: SETTLEMENT,
      });
    });
  },
);

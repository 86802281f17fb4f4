import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TokenClaims } from '@cogov/security';
import { Cluster } from './testing/cluster';
import { communityRates, departmentRates, type RateRow, SETTLEMENT } from './testing/three-orders';
import {
  type ApiCall,
  eventually as retryUntil,
  PLATFORM_ADMIN,
  seedCommunity,
} from './testing/seed-community';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

type StreamEvent = Record<string, unknown> & { type: string };

/**
 * Issue 12, done when, across processes: the residents' committee, the Party organization, the
 * boards and the projections each their own app on their own schema, facts crossing the real Kafka
 * broker, every process reading the one time the test writes in a file (TEST_CLOCK_FILE, the
 * deadlines' timer sweeping at it every second). The same three orders as the embedded test, in
 * time order; before the clock moves past a deadline the test waits until the three-ones process
 * has heard of what met it (nothing sleeps and hopes). The supervision list, the rates and the
 * community's board show exactly what the embedded platform shows.
 */
describe('the three ones, the whistle and the boards across processes over Kafka', () => {
  let cluster: Cluster;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let streetId: string;
  let departmentId: string;
  let department: TokenClaims;
  const admin = PLATFORM_ADMIN;
  const T0 = Date.parse('2030-05-06T08:00:00.000Z');
  const clockFile = path.join(os.tmpdir(), `cogov-clock-${randomUUID()}`);
  const previousClockFile = process.env.TEST_CLOCK_FILE;
  const orders: Record<'inTime' | 'late' | 'whistled', string> = { inTime: '', late: '', whistled: '' };

  const setClock = (ms: number) => fs.writeFileSync(clockFile, new Date(T0 + ms).toISOString());
  const call: ApiCall = (claims, method, route, body) => cluster.call(claims, method, route, body);
  const post = (claims: TokenClaims, route: string, body: object, status = 200) =>
    retryUntil(call, claims, 'POST', route, body, status);
  const streamOf = async (orderId: string): Promise<StreamEvent[]> => {
    const response = await cluster.call(
      admin,
      'GET',
      `/api/streams/residents-committee.service-level-${orderId}`,
    );
    if (response.status === 404) return [];
    return (response.body.events as Array<{ type: string; data: Record<string, unknown> }>).map(
      ({ type, data }) => ({ type, ...data }),
    );
  };
  /** Waits until the order's three-ones process holds an event like this one. */
  async function heard(orderId: string, like: Partial<StreamEvent>) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const events = await streamOf(orderId);
      if (events.some((e) => Object.entries(like).every(([k, v]) => e[k] === v))) return;
      if (Date.now() > deadline) {
        throw new Error(
          `the process of ${orderId} never held ${JSON.stringify(like)}: ${JSON.stringify(events)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** Reads a view until it satisfies the check: another process learns of facts by events. */
  async function until<T>(
    route: string,
    check: (body: Record<string, unknown>) => T | undefined,
  ): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const view = await cluster.call(admin, 'GET', route);
      const seen = view.status === 200 ? check(view.body) : undefined;
      if (seen !== undefined) return seen;
      if (Date.now() > deadline)
        throw new Error(`${route} never became as expected: ${JSON.stringify(view.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const place = async (title: string) =>
    (
      await post(
        seed.worker,
        '/api/orders',
        {
          residentId: seed.residentId,
          compoundId: seed.compoundId,
          category: 'repair',
          title,
          description: 'Seen on the way home',
          channel: 'service-station',
        },
        201,
      )
    ).id as string;
  const review = (orderId: string) =>
    post(seed.member, `/api/orders/${orderId}/review`, {
      reviewerId: seed.memberId,
      decision: 'approve',
      note: 'go today',
      priority: 'normal',
    });
  const dispatch = (orderId: string) =>
    post(seed.worker, `/api/orders/${orderId}/dispatch`, {
      dispatcherId: seed.workerId,
      assigneeKind: 'member',
      assigneeId: seed.memberId,
    });
  const take = (orderId: string) =>
    post(seed.member, `/api/orders/${orderId}/take`, { memberId: seed.memberId });
  const arrive = (orderId: string) =>
    post(seed.member, `/api/orders/${orderId}/arrival`, { memberId: seed.memberId, note: 'here' });
  const complete = (orderId: string) =>
    post(seed.member, `/api/orders/${orderId}/complete`, {
      memberId: seed.memberId,
      resultNote: 'fixed',
      evidence: ['https://evidence.example/done.jpg'],
    });
  const rate = (orderId: string, score: number) =>
    post(seed.resident, `/api/orders/${orderId}/rating`, {
      raterId: seed.residentId,
      score,
      comment: 'thanks',
    });
  const departmentStep = (step: string, body: object) =>
    post(department, `/api/departments/${departmentId}/orders/${orders.whistled}/${step}`, body);
  const reached = (stage: string, track = 'community') => ({ type: 'StageReached', stage, track });
  const period = () => `from=${new Date(T0).toISOString()}&to=${new Date(T0 + 2 * DAY).toISOString()}`;

  beforeAll(async () => {
    setClock(-HOUR);
    process.env.TEST_CLOCK_FILE = clockFile;
    cluster = await Cluster.create();
    for (const app of ['residents-committee', 'party-organization', 'boards', 'projections'])
      await cluster.start(app);
    streetId = (await post(admin, '/api/streets', { name: 'Jianxi Street' }, 201)).id as string;
    seed = await seedCommunity(call, { streetId });
    departmentId = (
      await post(admin, '/api/departments', { streetId, name: 'Jianxi Housing Office', kind: 'housing' }, 201)
    ).id as string;
    const staffId = randomUUID();
    await post(admin, `/api/departments/${departmentId}/staff`, { staffId, name: 'Li Wei' }, 201);
    department = { personId: staffId, roles: ['department-staff'], streets: [streetId] };
  }, 180_000);
  afterAll(async () => {
    await cluster?.destroy();
    if (previousClockFile === undefined) delete process.env.TEST_CLOCK_FILE;
    else process.env.TEST_CLOCK_FILE = previousClockFile;
    fs.rmSync(clockFile, { force: true });
  }, 60_000);

  it('plays the three orders on the test’s clock, in time order', async () => {
    setClock(0);
    orders.inTime = await place('Stairwell light');
    await heard(orders.inTime, { type: 'ServiceLevelStarted' });
    setClock(30_000);
    await post(seed.worker, `/api/orders/${orders.inTime}/acknowledge`, { staffId: seed.workerId });
    await heard(orders.inTime, reached('accept'));
    setClock(40_000);
    await review(orders.inTime);
    setClock(2 * MIN);
    await dispatch(orders.inTime);
    setClock(3 * MIN);
    await take(orders.inTime);

    setClock(10 * MIN);
    orders.late = await place('Broken railing');
    await heard(orders.late, { type: 'ServiceLevelStarted' });
    setClock(13 * MIN); // its accept was due at 11 min
    await review(orders.late);
    await heard(orders.late, { type: 'ServiceLevelBreached', stage: 'accept' });
    setClock(15 * MIN);
    await dispatch(orders.late);
    setClock(16 * MIN);
    await take(orders.late);

    setClock(20 * MIN);
    orders.whistled = await place('Cracked load-bearing wall');
    await heard(orders.whistled, { type: 'ServiceLevelStarted' });
    setClock(20 * MIN + 20_000);
    await post(seed.worker, `/api/orders/${orders.whistled}/acknowledge`, { staffId: seed.workerId });
    await heard(orders.whistled, reached('accept'));
    setClock(20 * MIN + 40_000);
    await review(orders.whistled);
    setClock(25 * MIN);
    await post(seed.worker, `/api/orders/${orders.whistled}/whistle`, {
      whistlerId: seed.workerId,
      departmentId,
      level: 'street',
      reason: 'A structural matter for the housing office',
    });
    await heard(orders.whistled, { type: 'ServiceLevelStarted', track: 'department' });

    setClock(30 * MIN);
    await arrive(orders.inTime);
    await heard(orders.inTime, reached('on-site'));
    setClock(35 * MIN);
    await departmentStep('accept', { note: 'reporting in' });
    await heard(orders.whistled, reached('accept', 'department'));
    setClock(HOUR);
    await departmentStep('arrival', { note: 'on site' });
    await heard(orders.whistled, reached('on-site', 'department'));
    await heard(orders.whistled, reached('on-site'));

    setClock(10 * MIN + 2 * HOUR); // its on-site was due at 1 h 10
    await arrive(orders.late);
    await heard(orders.late, { type: 'ServiceLevelBreached', stage: 'on-site' });
    setClock(5 * HOUR);
    await complete(orders.inTime);
    await heard(orders.inTime, reached('complete'));
    setClock(6 * HOUR);
    await rate(orders.inTime, 5);
    setClock(10 * MIN + 8 * HOUR);
    await complete(orders.late);
    await heard(orders.late, reached('complete'));
    setClock(10 * MIN + 9 * HOUR);
    await rate(orders.late, 4);
    setClock(10 * HOUR);
    await departmentStep('complete', {
      resultNote: 'wall shored up',
      evidence: ['https://evidence.example/wall.jpg'],
    });
    await heard(orders.whistled, reached('complete', 'department'));
    await heard(orders.whistled, reached('complete'));
    setClock(11 * HOUR);
    await rate(orders.whistled, 5);
    for (const orderId of Object.values(orders)) await heard(orderId, { type: 'ServiceLevelEnded' });
    setClock(2 * DAY);
  }, 240_000);

  it('the supervision list holds exactly the late order’s accept and on-site breaches', async () => {
    const items = await until(`/api/supervision?communityId=${seed.communityId}`, (body) => {
      const list = body.items as Array<Record<string, unknown>>;
      return list.length >= 2 ? list : undefined;
    });
    expect(
      items
        .map(({ orderId, stage, track }) => ({ orderId, stage, track }))
        .sort((a, b) => String(a.stage).localeCompare(String(b.stage))),
    ).toEqual([
      { orderId: orders.late, stage: 'accept', track: 'community' },
      { orderId: orders.late, stage: 'on-site', track: 'community' },
    ]);
    // Due by the test's clock, which every process read: 1 minute and 1 hour after 10 min.
    expect(items.map((item) => item.dueAt).sort()).toEqual([
      new Date(T0 + 11 * MIN).toISOString(),
      new Date(T0 + 10 * MIN + HOUR).toISOString(),
    ]);
  });

  it('the boards’ app counts them as the embedded platform does', async () => {
    const [community] = await until(`/api/rates?level=community&streetId=${streetId}&${period()}`, (body) => {
      const rows = body.rows as RateRow[];
      return rows[0]?.satisfaction.ratings === 3 ? rows : undefined;
    });
    expect(community).toMatchObject(communityRates(seed.communityId));
    const [byDepartment] = await until(
      `/api/rates?level=department&streetId=${streetId}&${period()}`,
      (body) => {
        const rows = body.rows as RateRow[];
        return rows.length > 0 ? rows : undefined;
      },
    );
    expect(byDepartment).toMatchObject(departmentRates(departmentId));
    const settlement = await until(`/api/linkage/communities/${seed.communityId}`, (body) => {
      const figures = (body.orders as { settlement: { closed: number } }).settlement;
      return figures.closed === 3 ? figures : undefined;
    });
    expect(settlement).toMatchObject(SETTLEMENT);
  });
});

import { randomUUID } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ServiceLevelScheduler } from '../../residents-committee/src/service-levels/infrastructure/service-level-scheduler';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { DAY, HOUR, MIN, serviceLevelClock, withoutSweepTimer } from './testing/service-level-clock';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * The three ones (3个1): accepted in 1 minute, on site in 1 hour, completed in 1 day. The test
 * moves the platform's clock and sweeps the deadlines itself (the timer is off): one order meets
 * every deadline, another misses "accept" and "on site", and only those two breaches, each once,
 * reach the supervision list, even after more sweeps and after the platform restarts.
 */
describe.each(testDatabases)('the three ones (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let contract: OpenApiContract | undefined;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let staff: ApiClient;
  let member: ApiClient;
  let admin: ApiClient;
  const T0 = Date.parse('2030-03-01T08:00:00.000Z');
  let restoreSweepTimer: () => void;

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  const start = async () => {
    platform = await TestPlatform.start(database, {}, (exchange: Exchange) => contract?.check(exchange));
    staff = await platform.as(seedClaims().worker);
    member = await platform.as(seedClaims().member);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
  };
  const seedClaims = () =>
    seed ?? { worker: { personId: 'w', roles: [] }, member: { personId: 'm', roles: [] } };
  const { at, sweep } = serviceLevelClock(
    () => platform,
    T0,
    (running, now) => running.app.get(ServiceLevelScheduler).sweep(now),
  );
  const place = async (title: string) => {
    at(0);
    const id = await staff.create('/api/orders', {
      residentId: seed.residentId,
      compoundId: seed.compoundId,
      category: 'repair',
      title,
      description: 'Water on the stairs',
      channel: 'app',
    });
    await platform.settle();
    return id;
  };
  const review = async (orderId: string, ms: number) => {
    at(ms);
    await member.expectPost(`/api/orders/${orderId}/review`, {
      reviewerId: seed.memberId,
      decision: 'approve',
      note: 'ok',
      priority: 'normal',
    });
    await platform.settle();
    at(ms);
    await staff.expectPost(`/api/orders/${orderId}/dispatch`, {
      dispatcherId: seed.workerId,
      assigneeKind: 'member',
      assigneeId: seed.memberId,
    });
    await platform.settle();
    await member.expectPost(`/api/orders/${orderId}/take`, { memberId: seed.memberId });
    await platform.settle();
  };
  const arriveAndComplete = async (orderId: string, arriveMs: number, completeMs: number) => {
    at(arriveMs);
    await member.expectPost(`/api/orders/${orderId}/arrival`, { memberId: seed.memberId, note: 'here' });
    await platform.settle();
    at(completeMs);
    await member.expectPost(`/api/orders/${orderId}/complete`, {
      memberId: seed.memberId,
      resultNote: 'Fixed the pipe',
      evidence: ['https://evidence.example/1.jpg'],
    });
    await platform.settle();
  };
  const supervision = async (query = '') =>
    (
      (await admin.read(`/api/supervision?communityId=${seed.communityId}${query}`)).items as Array<
        Record<string, unknown>
      >
    ).map(({ orderId, stage, reason, dueAt, lateByMs }) => ({ orderId, stage, reason, dueAt, lateByMs }));
  const breachesOf = async (orderId: string) =>
    (
      (await admin.read(`/api/streams/residents-committee.service-level-${orderId}`)).events as Array<{
        type: string;
      }>
    ).filter((e) => e.type === 'ServiceLevelBreached');

  let inTime: string;
  let late: string;
  let gridId: string;

  beforeAll(async () => {
    restoreSweepTimer = withoutSweepTimer();
    await start();
    contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
    seed = await seedCommunity(call);
    staff = await platform.as(seed.worker);
    member = await platform.as(seed.member);
    // The seeded compound lies in a grid: its orders, and what is supervised of them, carry it.
    const zone = await staff.create(`/api/communities/${seed.communityId}/grids`, {
      name: 'Zone 1',
      level: 'zone',
    });
    gridId = await staff.create(`/api/communities/${seed.communityId}/grids`, {
      name: 'Grid 1',
      level: 'grid',
      parentId: zone,
      compoundIds: [seed.compoundId],
    });
    await platform.settle();
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
    restoreSweepTimer();
  });

  it('an order answered within every deadline breaches nothing', async () => {
    inTime = await place('In time');
    at(30_000);
    await staff.expectPost(`/api/orders/${inTime}/acknowledge`, { staffId: seed.workerId });
    await platform.settle();
    expect(await sweep(50_000)).toBe(0);
    await review(inTime, 40 * MIN);
    await arriveAndComplete(inTime, 50 * MIN, 20 * HOUR);
    expect(await sweep(2 * DAY)).toBe(0);
    expect(await breachesOf(inTime)).toHaveLength(0);
    const chain = await admin.read(`/api/orders/${inTime}`);
    expect((chain.history as Array<{ stage: string; actorId: string }>).slice(0, 2)).toMatchObject([
      { stage: 'placed' },
      { stage: 'acknowledged', actorId: seed.workerId },
    ]);
  });

  it('an order is acknowledged once, and not after the branch has answered', async () => {
    at(31_000);
    const again = await staff.post(`/api/orders/${inTime}/acknowledge`, { staffId: seed.workerId });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'invalid-transition' });
  });

  it('an order missing "accept" and "on site" breaches exactly those, once each', async () => {
    late = await place('Late');
    expect(await sweep(MIN - 1_000)).toBe(0);
    // Two sweeps racing (two instances, a slow tick): the stream's revision lets one breach.
    await platform.settle();
    const scheduler = platform.app.get(ServiceLevelScheduler);
    const raced = await Promise.all([
      scheduler.sweep(new Date(T0 + MIN + 2_000)),
      scheduler.sweep(new Date(T0 + MIN + 2_000)),
    ]);
    expect(raced).toEqual([1, 1]);
    await platform.settle();
    expect(await breachesOf(late)).toHaveLength(1);
    expect(await sweep(MIN + 3_000)).toBe(0); // breached once: no deadline due until on site
    await review(late, 3 * MIN);
    expect(await sweep(HOUR + 1_000)).toBe(1);
    await arriveAndComplete(late, 70 * MIN, 5 * HOUR);
    expect(await sweep(2 * DAY)).toBe(0);
    expect(await breachesOf(late)).toHaveLength(2);
    expect(await supervision()).toEqual([
      {
        orderId: late,
        stage: 'accept',
        reason: 'breached',
        dueAt: new Date(T0 + MIN).toISOString(),
        lateByMs: 2_000,
      },
      {
        orderId: late,
        stage: 'on-site',
        reason: 'breached',
        dueAt: new Date(T0 + HOUR).toISOString(),
        lateByMs: 1_000,
      },
    ]);
    expect((await supervision('&stage=on-site')).map((i) => i.stage)).toEqual(['on-site']);
  });

  it('after a restart the deadlines are still known and nothing breaches twice', async () => {
    const pending = await place('Pending over the restart');
    await platform.stop();
    await start();
    expect(await sweep(MIN + 5_000)).toBe(1);
    expect(await sweep(3 * DAY)).toBe(1); // on site and complete, together
    expect(await breachesOf(pending)).toHaveLength(3);
    expect(await breachesOf(late)).toHaveLength(2);
    expect(await breachesOf(inTime)).toHaveLength(0);
    expect((await supervision()).filter((i) => i.orderId === late)).toHaveLength(2);
    // A grid's list holds the matters of its orders, another grid's none of them.
    expect((await supervision(`&gridId=${gridId}`)).filter((i) => i.orderId === late)).toHaveLength(2);
    expect(await supervision(`&gridId=${randomUUID()}`)).toEqual([]);
  });

  it('staff work through an item: assign a supervisor, note, resolve; then it takes no more', async () => {
    const list = (await admin.read(`/api/supervision?communityId=${seed.communityId}&stage=accept`))
      .items as Array<{ itemId: string; orderId: string }>;
    const item = list.find((i) => i.orderId === late)!;
    at(2 * DAY);
    await staff.expectPost(`/api/supervision/${item.itemId}/assign`, { supervisorId: seed.workerId });
    const outsider = await staff.post(`/api/supervision/${item.itemId}/assign`, {
      supervisorId: seed.residentId,
    });
    expect(outsider.status).toBe(409);
    await staff.expectPost(`/api/supervision/${item.itemId}/notes`, {
      note: 'Asked why the review was late',
    });
    await staff.expectPost(`/api/supervision/${item.itemId}/resolve`, {
      note: 'Branch reminded of the 1 minute',
    });
    const again = await staff.post(`/api/supervision/${item.itemId}/resolve`, { note: 'again' });
    expect(again.status).toBe(409);
    const unknown = await staff.post('/api/supervision/00000000-0000-4000-8000-000000000001/notes', {
      note: 'N',
    });
    expect(unknown.status).toBe(404);
    await platform.settle();
    const after = (await admin.read(`/api/supervision?communityId=${seed.communityId}&stage=accept`))
      .items as Array<Record<string, unknown>>;
    expect(after.find((i) => i.itemId === item.itemId)).toMatchObject({
      status: 'resolved',
      supervisorId: seed.workerId,
      noteCount: 2,
      lastNote: 'Branch reminded of the 1 minute',
      resolvedAt: new Date(T0 + 2 * DAY).toISOString(),
    });
  });

  it('an order reopened by a low rating lands on the list as reopened', async () => {
    at(3 * DAY);
    const resident = await platform.as(seed.resident);
    await resident.expectPost(`/api/orders/${late}/rating`, {
      raterId: seed.residentId,
      score: 1,
      comment: 'Still leaking',
    });
    await platform.settle();
    expect(await supervision('&stage=reopened')).toEqual([
      { orderId: late, stage: 'reopened', reason: 'low-rating', dueAt: null, lateByMs: null },
    ]);
  });

  it('a caller of another community sees nothing of this one’s supervision list', async () => {
    const outsider = await platform.as({
      personId: 'other-staff',
      roles: ['residents-committee-staff'],
      communities: ['00000000-0000-4000-8000-000000000000'],
    });
    const response = await outsider.get('/api/supervision');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [] });
  });
});

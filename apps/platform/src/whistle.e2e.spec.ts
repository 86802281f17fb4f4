import { randomUUID } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { TokenClaims } from '@cogov/security';
import { ServiceLevelScheduler } from '../../residents-committee/src/service-levels/infrastructure/service-level-scheduler';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { DAY, HOUR, MIN, serviceLevelClock, withoutSweepTimer } from './testing/service-level-clock';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * 吹哨报到 over HTTP: a street-bound community whistles an approved order to a department of its
 * street; the department's staff report in, arrive and complete within the department's own
 * deadlines (30 minutes, 2 hours, 3 days from the whistle) and the resident rates it. A second
 * order's department misses report-in: one breach of the department's track on the supervision
 * list, then its hand-back lists a return. The clock is the test's, and so are the sweeps.
 */
describe.each(testDatabases)('whistle and report-in (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let contract: OpenApiContract | undefined;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let admin: ApiClient;
  let staff: ApiClient;
  let member: ApiClient;
  let reporter: ApiClient;
  let outsider: ApiClient;
  let streetId: string;
  let otherStreetId: string;
  let departmentId: string;
  let otherStreetDepartmentId: string;
  const staffId = randomUUID();
  const T0 = Date.parse('2030-04-01T08:00:00.000Z');
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
  const departmentStaff = (personId: string): TokenClaims => ({
    personId,
    roles: ['department-staff'],
    streets: [streetId],
  });
  const work = (step: 'accept' | 'arrival' | 'complete' | 'hand-back', orderId: string) =>
    `/api/departments/${departmentId}/orders/${orderId}/${step}`;
  /** Placed at `ms`, answered by staff 30 s later and approved by the branch at 40 s. */
  const placeAndApprove = async (title: string, ms: number) => {
    at(ms);
    const orderId = await staff.create('/api/orders', {
      residentId: seed.residentId,
      compoundId: seed.compoundId,
      category: 'repair',
      title,
      description: 'Water comes up through the road',
      channel: 'app',
    });
    await platform.settle();
    at(ms + 30_000);
    await staff.expectPost(`/api/orders/${orderId}/acknowledge`, { staffId: seed.workerId });
    at(ms + 40_000);
    await member.expectPost(`/api/orders/${orderId}/review`, {
      reviewerId: seed.memberId,
      decision: 'approve',
      note: 'a matter for the water office',
      priority: 'normal',
    });
    await platform.settle();
    return orderId;
  };
  const whistle = (orderId: string, department = departmentId) =>
    staff.post(`/api/orders/${orderId}/whistle`, {
      whistlerId: seed.workerId,
      departmentId: department,
      level: 'street',
      reason: 'The water main under the road has burst',
    });
  const processEvents = async (orderId: string) =>
    (
      (await admin.read(`/api/streams/residents-committee.service-level-${orderId}`)).events as Array<{
        type: string;
        data: Record<string, unknown>;
      }>
    ).map(({ type, data }): Record<string, unknown> => ({ type, ...data }));
  const supervisionOf = async (orderId: string) =>
    (
      (await admin.read(`/api/supervision?communityId=${seed.communityId}`)).items as Array<
        Record<string, unknown>
      >
    )
      .filter((item) => item.orderId === orderId)
      .map(({ stage, reason, track, departmentId: department, dueAt, lateByMs }) => ({
        stage,
        reason,
        track,
        departmentId: department,
        dueAt,
        lateByMs,
      }));

  const start = async () => {
    platform = await TestPlatform.start(database, {}, (exchange: Exchange) => contract?.check(exchange));
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
  };
  /** The clients of the seeded people, for the platform running now. */
  const signIn = async () => {
    staff = await platform.as(seed.worker);
    member = await platform.as(seed.member);
    reporter = await platform.as(departmentStaff(staffId));
    outsider = await platform.as(departmentStaff(randomUUID()));
  };
  const restart = async () => {
    await platform.stop();
    await start();
    await signIn();
  };

  beforeAll(async () => {
    restoreSweepTimer = withoutSweepTimer();
    await start();
    contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
    streetId = await admin.create('/api/streets', { name: 'Jianxi Street' });
    otherStreetId = await admin.create('/api/streets', { name: 'Other Street' });
    seed = await seedCommunity(call, { streetId });
    await signIn();
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
    restoreSweepTimer();
  });

  it('street staff enter departments in their street’s directory, and see only their streets’', async () => {
    const streetStaff = await platform.as({
      personId: randomUUID(),
      roles: ['residents-committee-staff'],
      streets: [streetId],
    });
    departmentId = await streetStaff.create('/api/departments', {
      streetId,
      name: 'Jianxi Water Office',
      kind: 'water',
    });
    otherStreetDepartmentId = await admin.create('/api/departments', {
      streetId: otherStreetId,
      name: 'Other Water Office',
      kind: 'water',
    });
    const elsewhere = await streetStaff.post('/api/departments', {
      streetId: otherStreetId,
      name: 'Not ours',
      kind: 'police',
    });
    expect(elsewhere.status).toBe(404);
    const unknownKind = await admin.post('/api/departments', { streetId, name: 'X', kind: 'weather' });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body).toMatchObject({ error: 'validation-failed' });
    expect(
      await streetStaff.expectPost(
        `/api/departments/${departmentId}/staff`,
        { staffId, name: 'Li Wei' },
        201,
      ),
    ).toEqual({ id: staffId });
    await platform.settle();
    expect(await reporter.read(`/api/departments/${departmentId}`)).toMatchObject({
      id: departmentId,
      streetId,
      kind: 'water',
      staff: [{ staffId, name: 'Li Wei' }],
    });
    expect((await streetStaff.read('/api/departments')).items).toEqual([
      expect.objectContaining({ id: departmentId, streetId, staffCount: 1 }),
    ]);
    const everything = (await admin.read('/api/departments')).items as Array<{ id: string }>;
    expect(everything.map((d) => d.id).sort()).toEqual([departmentId, otherStreetDepartmentId].sort());
    expect((await streetStaff.get(`/api/departments/${otherStreetDepartmentId}`)).status).toBe(404);
  });

  let inTime: string;

  it('a department is called in by a whistle, not a dispatch, and only one of the community’s street', async () => {
    inTime = await placeAndApprove('Burst main', 0);
    at(2 * MIN);
    const dispatched = await staff.post(`/api/orders/${inTime}/dispatch`, {
      dispatcherId: seed.workerId,
      assigneeKind: 'department',
      assigneeId: departmentId,
    });
    expect(dispatched.status).toBe(409);
    expect(dispatched.body).toMatchObject({
      error: 'rule-violation',
      message: expect.stringContaining(`POST /api/orders/${inTime}/whistle`),
    });
    const wrongStreet = await whistle(inTime, otherStreetDepartmentId);
    expect(wrongStreet.status).toBe(409);
    expect(wrongStreet.body).toMatchObject({
      error: 'out-of-scope',
      details: { id: otherStreetDepartmentId, streetId: otherStreetId, expectedStreetId: streetId },
    });
    const missing = await whistle(inTime, randomUUID());
    expect(missing.status).toBe(404);
    expect((await whistle(inTime)).status).toBe(200);
    await platform.settle();
    const again = await whistle(inTime);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'invalid-transition' });
  });

  it('only the department’s registered staff report in for it', async () => {
    at(5 * MIN);
    const notStaff = await outsider.post(work('accept', inTime), {});
    expect(notStaff.status).toBe(409);
    expect(notStaff.body).toMatchObject({ error: 'rule-violation' });
    const otherStreet = await platform.as({ ...departmentStaff(staffId), streets: [otherStreetId] });
    expect((await otherStreet.post(work('accept', inTime), {})).status).toBe(404);
  });

  it('the department reports in, arrives and completes in time; the resident rates it', async () => {
    at(12 * MIN);
    await reporter.expectPost(work('accept', inTime), { note: 'A team is on its way' });
    await platform.settle();
    at(45 * MIN);
    await reporter.expectPost(work('arrival', inTime), { note: 'The main is open' });
    await platform.settle();
    at(5 * HOUR);
    const incomplete = await reporter.post(work('complete', inTime), { evidence: [] });
    expect(incomplete.status).toBe(400);
    await reporter.expectPost(work('complete', inTime), {
      resultNote: 'Main repaired, road reopened',
      evidence: ['https://evidence.example/main.jpg'],
    });
    await platform.settle();
    at(6 * HOUR);
    const resident = await platform.as(seed.resident);
    await resident.expectPost(`/api/orders/${inTime}/rating`, {
      raterId: seed.residentId,
      score: 5,
      comment: 'Water back the same day',
    });
    await platform.settle();
    expect(await sweep(10 * DAY)).toBe(0);
    const reached = (await processEvents(inTime)).filter((e) => e.type === 'StageReached');
    expect(reached.map(({ track, stage, inTime: made }) => ({ track, stage, made }))).toEqual([
      { track: 'community', stage: 'accept', made: true },
      { track: 'department', stage: 'accept', made: true },
      { track: 'department', stage: 'on-site', made: true },
      { track: 'community', stage: 'on-site', made: true },
      { track: 'department', stage: 'complete', made: true },
      { track: 'community', stage: 'complete', made: true },
    ]);
    expect((await processEvents(inTime)).filter((e) => e.type === 'ServiceLevelBreached')).toEqual([]);
    expect(await supervisionOf(inTime)).toEqual([]);
  });

  it('the chain view shows the whistle and the department’s work', async () => {
    const chain = await admin.read(`/api/orders/${inTime}`);
    expect(chain).toMatchObject({ stage: 'closed', assigneeKind: 'department', assigneeId: departmentId });
    const history = chain.history as Array<{ stage: string; actorId: string }>;
    expect(history.map((s) => s.stage)).toEqual([
      'placed',
      'acknowledged',
      'approved',
      'whistled',
      'taken',
      'arrived',
      'completed',
      'closed',
    ]);
    expect(history[4]).toMatchObject({ actorId: staffId });
    expect((chain.rounds as Array<Record<string, unknown>>)[0]).toMatchObject({
      round: 1,
      dispatchedAt: new Date(T0 + 2 * MIN).toISOString(),
      assignee: { kind: 'department', id: departmentId },
      acceptedBy: { kind: 'department', id: departmentId },
      whistles: [
        {
          departmentId,
          level: 'street',
          reason: 'The water main under the road has burst',
          whistlerId: seed.workerId,
          whistledAt: new Date(T0 + 2 * MIN).toISOString(),
        },
      ],
    });
  });

  it('the department’s staff read the orders whistled to it, and nothing else; the street’s office reads them too', async () => {
    const tray = await reporter.read(`/api/departments/${departmentId}/orders`);
    expect((tray.items as Array<{ orderId: string }>).map((o) => o.orderId)).toEqual([inTime]);
    expect(tray.total).toBe(1);
    expect(await reporter.read(`/api/departments/${departmentId}/orders/${inTime}`)).toMatchObject({
      orderId: inTime,
      stage: 'closed',
    });
    // Not on the register: nothing; an order never whistled here: nothing.
    expect((await outsider.get(`/api/departments/${departmentId}/orders`)).status).toBe(404);
    expect((await outsider.get(`/api/departments/${departmentId}/orders/${inTime}`)).status).toBe(404);
    // Another street's department staff do not reach this department at all.
    const otherStreet = await platform.as({ ...departmentStaff(staffId), streets: [otherStreetId] });
    expect((await otherStreet.get(`/api/departments/${departmentId}/orders`)).status).toBe(404);
    const streetOffice = await platform.as({
      personId: 'street-office',
      roles: ['residents-committee-staff'],
      streets: [streetId],
    });
    expect((await streetOffice.read(`/api/departments/${departmentId}/orders/${inTime}`)).orderId).toBe(
      inTime,
    );
    const badPage = await reporter.get(`/api/departments/${departmentId}/orders?pageSize=0`);
    expect(badPage.status).toBe(400);
  });

  it('a department missing report-in is breached once, on its own track, also over a restart; its hand-back is a return', async () => {
    const base = 20 * DAY;
    const late = await placeAndApprove('Gas smell', base);
    at(base + MIN);
    expect((await whistle(late)).status).toBe(200);
    await platform.settle();
    expect(await sweep(base + 30 * MIN)).toBe(0);
    // The department's deadlines are in the database, not in memory.
    await restart();
    expect(await sweep(base + 31 * MIN + 5_000)).toBe(1);
    await restart();
    expect(await sweep(base + 32 * MIN)).toBe(0); // breached once
    at(base + 40 * MIN);
    await reporter.expectPost(work('hand-back', late), { reason: 'A matter for the district gas company' });
    await platform.settle();
    expect(await supervisionOf(late)).toEqual([
      {
        stage: 'accept',
        reason: 'breached',
        track: 'department',
        departmentId,
        dueAt: new Date(T0 + base + 31 * MIN).toISOString(),
        lateByMs: 5_000,
      },
      {
        stage: 'reopened',
        reason: 'handed-back',
        track: 'department',
        departmentId,
        dueAt: null,
        lateByMs: null,
      },
    ]);
    const departmentList = (
      await admin.read(
        `/api/supervision?communityId=${seed.communityId}&track=department&departmentId=${departmentId}`,
      )
    ).items as Array<{ orderId: string }>;
    expect(departmentList.map((item) => item.orderId)).toEqual([late, late]);
    expect(
      (await admin.read(`/api/supervision?communityId=${seed.communityId}&track=community`)).items,
    ).toEqual([]);
    const badTrack = await admin.get('/api/supervision?track=street');
    expect(badTrack.status).toBe(400);
    // A street office follows its communities' list, and works it; another street's sees nothing.
    const streetOffice = await platform.as({
      personId: 'street-office',
      roles: ['residents-committee-staff'],
      streets: [streetId],
    });
    const streetList = (await streetOffice.read('/api/supervision?track=department')).items as Array<{
      itemId: string;
      orderId: string;
    }>;
    expect(streetList.map((item) => item.orderId)).toEqual([late, late]);
    await streetOffice.expectPost(`/api/supervision/${streetList[0]!.itemId}/notes`, {
      note: 'The street office called the department',
    });
    const otherStreet = await platform.as({
      personId: 'other-street-office',
      roles: ['residents-committee-staff'],
      streets: [otherStreetId],
    });
    expect((await otherStreet.read('/api/supervision')).items).toEqual([]);
    expect(
      (await otherStreet.post(`/api/supervision/${streetList[0]!.itemId}/notes`, { note: 'x' })).status,
    ).toBe(404);
    expect(await admin.read(`/api/orders/${late}`)).toMatchObject({ stage: 'handed-back', assigneeId: null });
    // Back to dispatch: the community can whistle again (or dispatch), as after any hand-back.
    at(base + 41 * MIN);
    expect((await whistle(late)).status).toBe(200);
    await platform.settle();
  });

  it('someone removed from the department no longer reports in for it', async () => {
    const removed = await platform
      .http()
      .delete(`/api/departments/${departmentId}/staff/${staffId}`)
      .set('Authorization', admin.authorization);
    expect(removed.status).toBe(204);
    const late = (
      (await admin.read(`/api/orders?stage=dispatched`)).items as Array<{ orderId: string; title: string }>
    ).find((order) => order.title === 'Gas smell')!.orderId;
    const refused = await reporter.post(work('accept', late), {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'rule-violation' });
    expect(await admin.read(`/api/departments/${departmentId}`)).toMatchObject({ staff: [] });
    const again = await platform
      .http()
      .delete(`/api/departments/${departmentId}/staff/${staffId}`)
      .set('Authorization', admin.authorization);
    expect(again.status).toBe(404);
  });

  // Last: the order it places stays open, and later sweeps would breach it.
  it('a department’s orders are those whistled to it: another order is not found there', async () => {
    const notWhistled = await placeAndApprove('A loose paving stone', 60 * DAY);
    expect((await admin.get(`/api/departments/${departmentId}/orders/${notWhistled}`)).status).toBe(404);
  });
});

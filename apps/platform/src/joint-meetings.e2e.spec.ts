import { randomUUID } from 'node:crypto';
import { periodOf } from '@cogov/contracts';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import type { TokenClaims } from '@cogov/security';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { testDatabases } from './testing/databases';
import { unifiedCreditCode } from './unified-credit-code';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * 联席会议: the compound branch convenes a joint meeting with the owners' committee and the
 * property company, puts an order and a building leader's opinion on the agenda, decides and
 * hands out tasks; a task past its due day (by the platform's clock, moved by the test) shows
 * overdue on the meeting and on the compound's board; the last task done closes the meeting.
 */
describe.each(testDatabases)('joint meetings (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let admin: ApiClient;
  let contract: OpenApiContract | undefined;
  let clock: Clock;

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  /** The platform's clock at noon of a day: time moves because the test says so. */
  const today = (day: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(`${day}T12:00:00.000Z`));
  const attendees = () => [
    { party: 'branch', personName: 'Li Hua', id: seed.memberId },
    { party: 'owners-committee', personName: 'Wang Fang' },
    { party: 'property-company', personName: 'Zhou Qiang' },
  ];
  const convene = () =>
    admin.create('/api/joint-meetings', {
      branchId: seed.branchId,
      compoundId: seed.compoundId,
      date: '2030-06-01',
      attendees: attendees(),
    });

  beforeAll(async () => {
    platform = await TestPlatform.start(database, {}, (exchange: Exchange) => contract?.check(exchange));
    contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
    clock = platform.app.get<Clock>(CLOCK);
    seed = await seedCommunity(call);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    await platform.settle();
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });

  it('a decision creates tasks; one past its due day shows overdue, and the last done closes the meeting', async () => {
    const staff = await platform.as(seed.worker);
    const orderId = await staff.create('/api/orders', {
      residentId: seed.residentId,
      compoundId: seed.compoundId,
      category: 'repair',
      title: 'Gate broken',
      description: 'The gate of building 1 does not close',
      channel: 'app',
    });
    const leaderId = await staff.create('/api/building-leaders', {
      compoundId: seed.compoundId,
      residentId: seed.residentId,
      buildingIds: [seed.buildingId],
      nominatedBy: 'residents',
    });
    await staff.expectPost(`/api/building-leaders/${leaderId}/vetting`, {
      vetterId: seed.workerId,
      decision: 'approve',
    });
    const leader: TokenClaims = {
      personId: leaderId,
      roles: ['building-leader'],
      communities: [seed.communityId],
    };
    const opinionId = await (
      await platform.as(leader)
    ).create(`/api/building-leaders/${leaderId}/opinions`, {
      leaderId,
      topic: 'Parking in the fire lane',
      text: 'Cars block the fire lane every evening.',
    });
    // The owners' committee's evaluation of the company serving the compound.
    const companyId = await admin.create('/api/property-companies', {
      name: 'Green Shade Property',
      unifiedCreditCode: unifiedCreditCode(),
      staffCount: 20,
      fullPartyMemberCount: 2,
    });
    await platform.settle();
    await admin.create(`/api/property-companies/${companyId}/contracts`, {
      compoundId: seed.compoundId,
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    });
    const committeeId = await staff.create('/api/owners-committees', {
      compoundId: seed.compoundId,
      termStart: '2020-01-01',
      termEnd: '2099-12-31',
    });
    await platform.settle();
    const evaluationId = await admin.create(`/api/owners-committees/${committeeId}/property-evaluations`, {
      companyId,
      period: periodOf(new Date().toISOString(), 'quarter'),
      cleaning: 80,
      security: 80,
      greenery: 80,
      repairs: 50,
      feesTransparency: 80,
      comment: 'Repairs are slow',
    });
    await platform.settle();

    today('2030-06-01');
    const meetingId = await convene();
    const agenda = `/api/joint-meetings/${meetingId}/agenda-items`;
    await admin.create(agenda, { kind: 'order', refId: orderId, title: 'The broken gate' });
    await admin.create(agenda, { kind: 'opinion', refId: opinionId, title: 'The fire lane' });
    // An evaluation the Party organization has not heard of cannot go on the agenda yet.
    const unknownEvaluation = await admin.post(agenda, {
      kind: 'evaluation',
      refId: randomUUID(),
      title: 'Some evaluation',
    });
    expect([unknownEvaluation.status, unknownEvaluation.body.error]).toEqual([409, 'not-yet-known']);
    await admin.create(agenda, {
      kind: 'evaluation',
      refId: evaluationId,
      title: 'The quarter’s evaluation',
    });
    const decision = await admin.expectPost(
      `/api/joint-meetings/${meetingId}/decisions`,
      {
        text: 'The property company repairs the gate; the committee asks owners not to park in the lane',
        tasks: [
          { ownerParty: 'property-company', ownerId: randomUUID(), dueOn: '2030-06-05' },
          { ownerParty: 'owners-committee', ownerId: randomUUID(), dueOn: '2030-06-20' },
        ],
      },
      201,
    );
    const [gate, lane] = decision.taskIds as [string, string];
    await platform.settle();
    expect(await admin.read(`/api/joint-meetings/${meetingId}`)).toMatchObject({
      status: 'open',
      agenda: [
        { kind: 'order', refId: orderId },
        { kind: 'opinion', refId: opinionId },
        { kind: 'evaluation', refId: evaluationId },
      ],
      overdueTaskIds: [],
    });

    today('2030-06-08');
    const meeting = await admin.read(`/api/joint-meetings/${meetingId}`);
    expect(meeting).toMatchObject({ today: '2030-06-08', overdueTaskIds: [gate] });
    expect(meeting.tasks).toMatchObject([
      { taskId: gate, overdue: true, status: 'open' },
      { taskId: lane, overdue: false, status: 'open' },
    ]);
    const board = await admin.read(`/api/party/compounds/${seed.compoundId}/board`);
    expect((board.overdueTasks as Array<{ taskId: string }>).map((t) => t.taskId)).toEqual([gate]);
    expect((board.openTasks as Array<{ taskId: string }>).map((t) => t.taskId)).toEqual([gate, lane]);

    const progress = (taskId: string, body: object) =>
      admin.expectPost(`/api/joint-meetings/${meetingId}/tasks/${taskId}/progress`, body);
    await progress(gate, { note: 'Parts ordered', done: false });
    await progress(gate, { note: 'Repaired', done: true });
    await progress(lane, { note: 'Notice posted', done: true });
    await platform.settle();
    expect(await admin.read(`/api/joint-meetings/${meetingId}`)).toMatchObject({
      status: 'closed',
      closed: { reason: 'all-tasks-done' },
      overdueTaskIds: [],
    });
    expect(await admin.read(`/api/party/compounds/${seed.compoundId}/board`)).toMatchObject({
      openTasks: [],
      overdueTasks: [],
    });
  });

  it('an order not heard of answers 409 not-yet-known; a task to a party not present 409; a closed meeting takes no decision', async () => {
    today('2030-06-01');
    const meetingId = await convene();
    const unknown = await admin.post(`/api/joint-meetings/${meetingId}/agenda-items`, {
      kind: 'order',
      refId: randomUUID(),
      title: 'Unknown',
    });
    expect({ status: unknown.status, error: unknown.body.error }).toEqual({
      status: 409,
      error: 'not-yet-known',
    });
    const absentParty = await admin.post(`/api/joint-meetings/${meetingId}/decisions`, {
      text: 'Building leaders check the stairs',
      tasks: [{ ownerParty: 'building-leaders', ownerId: randomUUID(), dueOn: '2030-06-10' }],
    });
    expect({ status: absentParty.status, error: absentParty.body.error }).toEqual({
      status: 409,
      error: 'rule-violation',
    });
    await admin.expectPost(`/api/joint-meetings/${meetingId}/close`, { note: 'Adjourned' });
    const late = await admin.post(`/api/joint-meetings/${meetingId}/decisions`, {
      text: 'Too late',
      tasks: [],
    });
    expect({ status: late.status, error: late.body.error }).toEqual({
      status: 409,
      error: 'invalid-transition',
    });
  });

  it('a caller of another community sees neither the meeting nor the board', async () => {
    today('2030-06-01');
    const meetingId = await convene();
    const stranger = await platform.as({
      personId: randomUUID(),
      roles: ['party-staff'],
      communities: [randomUUID()],
    });
    expect((await stranger.get(`/api/joint-meetings/${meetingId}`)).status).toBe(404);
    expect((await stranger.get(`/api/party/compounds/${seed.compoundId}/board`)).status).toBe(404);
  });
});

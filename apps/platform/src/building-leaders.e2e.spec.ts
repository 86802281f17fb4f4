import { randomUUID } from 'node:crypto';
import type { TokenClaims } from '@cogov/security';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * 楼门长: a building leader is nominated by residents' committee staff, vetted, visits a resident
 * of their building and refers a need found there; the residents' committee places the order on
 * the resident's behalf (channel `building-leader`). Only an approved leader visits, and only as
 * themselves.
 */
describe.each(testDatabases)('building leaders (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let staff: ApiClient;
  let leaderId: string;
  let neighbourId: string;
  let visitId: string;

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  const leader = (): TokenClaims => ({
    personId: leaderId,
    roles: ['building-leader'],
    compounds: [seed.compoundId],
  });
  const nomination = () => ({
    compoundId: seed.compoundId,
    residentId: seed.residentId,
    buildingIds: [seed.buildingId],
    nominatedBy: 'self',
  });
  const visit = () => ({
    leaderId,
    residentId: neighbourId,
    notes: 'Lives alone on floor 6.',
    needsFound: ['Grab rail'],
  });

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    seed = await seedCommunity(call);
    const admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    neighbourId = await admin.create('/api/residents', {
      communityId: seed.communityId,
      compoundId: seed.compoundId,
      buildingId: seed.buildingId,
      name: 'N',
      phone: '13900000000',
    });
    staff = await platform.as(seed.worker);
    await platform.settle();
  });
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });

  it('residents’ committee staff nominate a resident of the compound', async () => {
    leaderId = await staff.create('/api/building-leaders', nomination());
    expect(leaderId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a nominated leader not yet vetted does not visit', async () => {
    const response = await (
      await platform.as(leader())
    ).post(`/api/building-leaders/${leaderId}/visits`, visit());
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'invalid-transition' });
  });

  it('staff vet the leader as themselves; the leader is approved once', async () => {
    const vetting = { vetterId: seed.workerId, decision: 'approve', note: 'Known to the neighbours.' };
    expect(await staff.expectPost(`/api/building-leaders/${leaderId}/vetting`, vetting)).toEqual({
      id: leaderId,
    });
    const again = await staff.post(`/api/building-leaders/${leaderId}/vetting`, vetting);
    expect(again.status).toBe(409);
    const asSomeoneElse = await staff.post(`/api/building-leaders/${leaderId}/vetting`, {
      ...vetting,
      vetterId: randomUUID(),
    });
    expect(asSomeoneElse.status).toBe(403);
  });

  it('the vetted leader visits a resident of their building', async () => {
    visitId = await (await platform.as(leader())).create(`/api/building-leaders/${leaderId}/visits`, visit());
    expect(visitId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a leader acts only as themselves, and only as the leader of the path', async () => {
    const other = await platform.as({
      personId: randomUUID(),
      roles: ['building-leader'],
      compounds: [seed.compoundId],
    });
    expect((await other.post(`/api/building-leaders/${leaderId}/visits`, visit())).status).toBe(403);
    const mismatched = await (
      await platform.as(leader())
    ).post(`/api/building-leaders/${leaderId}/visits`, {
      ...visit(),
      leaderId: seed.residentId,
    });
    expect(mismatched.status).toBe(403);
    const onBehalf = await staff.post(`/api/building-leaders/${leaderId}/visits`, {
      ...visit(),
      leaderId: seed.residentId,
    });
    expect(onBehalf.status).toBe(400);
    expect(onBehalf.body).toMatchObject({ error: 'invalid-input' });
  });

  it('the leader turns a need into an order placed on the resident’s behalf, channel building-leader', async () => {
    const referralId = await (
      await platform.as(leader())
    ).create(`/api/building-leaders/${leaderId}/referrals`, {
      leaderId,
      visitId,
      category: 'elderly-care',
      title: 'Grab rail in the bathroom',
      description: 'Needs a grab rail fitted next to the bath.',
    });
    expect(referralId).toMatch(/^[0-9a-f-]{36}$/);
    await platform.settle();
    const orders = (await staff.read('/api/orders')).items as Array<Record<string, unknown>>;
    expect(orders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          residentId: neighbourId,
          compoundId: seed.compoundId,
          buildingId: seed.buildingId,
          category: 'elderly-care',
          title: 'Grab rail in the bathroom',
          channel: 'building-leader',
        }),
      ]),
    );
  });

  it('a referral retried with its Idempotency-Key places one order', async () => {
    const client = await platform.as(leader());
    const referral = {
      leaderId,
      visitId,
      category: 'repair',
      title: 'Door closer broken',
      description: 'The stairwell door slams.',
    };
    const send = () =>
      client
        .post(`/api/building-leaders/${leaderId}/referrals`, referral)
        .set('Idempotency-Key', 'visit-call-7');
    const first = await send();
    await platform.settle();
    const retry = await send();
    await platform.settle();
    expect([first.status, retry.status, retry.body]).toEqual([201, 201, first.body]);
    const orders = (await staff.read('/api/orders')).items as Array<Record<string, unknown>>;
    expect(orders.filter((o) => o.title === 'Door closer broken')).toHaveLength(1);
  });

  it('two visits recorded at the same moment are both kept: each can have a need referred', async () => {
    const client = await platform.as(leader());
    const visits = await Promise.all(
      [1, 2].map(() => client.create(`/api/building-leaders/${leaderId}/visits`, visit())),
    );
    const referrals = await Promise.all(
      visits.map((id) =>
        client.post(`/api/building-leaders/${leaderId}/referrals`, {
          leaderId,
          visitId: id,
          category: 'other',
          title: 'Concurrent visit',
          description: 'Found on one of two simultaneous visits.',
        }),
      ),
    );
    expect(referrals.map((r) => r.status)).toEqual([201, 201]);
  });

  it('a visit the leader did not make is not found', async () => {
    const response = await (
      await platform.as(leader())
    ).post(`/api/building-leaders/${leaderId}/referrals`, {
      leaderId,
      visitId: randomUUID(),
      category: 'repair',
      title: 'x',
      description: 'y',
    });
    expect(response.status).toBe(404);
  });

  it('the leader reports an opinion up, naming residents of the compound', async () => {
    const opinionId = await (
      await platform.as(leader())
    ).create(`/api/building-leaders/${leaderId}/opinions`, {
      leaderId,
      topic: 'Parking in the fire lane',
      text: 'Cars block the fire lane every evening.',
      residentIds: [neighbourId, seed.residentId],
    });
    expect(opinionId).toMatch(/^[0-9a-f-]{36}$/);
    await platform.settle();
    const board = await staff.read(`/api/building-leaders/opinions?compoundId=${seed.compoundId}`);
    expect(board).toMatchObject({
      total: 1,
      items: [
        {
          opinionId,
          leaderId,
          compoundId: seed.compoundId,
          topic: 'Parking in the fire lane',
          residentIds: [neighbourId, seed.residentId],
        },
      ],
    });
    const elsewhere = await platform.as({
      personId: randomUUID(),
      roles: ['residents-committee-staff'],
      communities: [randomUUID()],
    });
    expect(await elsewhere.read('/api/building-leaders/opinions')).toMatchObject({ total: 0, items: [] });
  });

  it('a resident not known here yet answers 409 with Retry-After', async () => {
    const response = await staff.post('/api/building-leaders', { ...nomination(), residentId: randomUUID() });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'not-yet-known' });
    expect(response.headers['retry-after']).toBeDefined();
  });

  it('a leader may be linked to a Party member of the community; an unknown member is not yet known', async () => {
    const asMember = {
      ...nomination(),
      residentId: neighbourId,
      nominatedBy: 'branch',
      memberId: seed.memberId,
    };
    expect((await staff.post('/api/building-leaders', asMember)).status).toBe(201);
    const unknown = await staff.post('/api/building-leaders', { ...asMember, memberId: randomUUID() });
    expect(unknown.status).toBe(409);
    expect(unknown.body).toMatchObject({ error: 'not-yet-known', details: { entity: 'party member' } });
  });

  it('staff of another community see neither the compound nor the leader', async () => {
    const strangerId = randomUUID();
    const stranger = await platform.as({
      personId: strangerId,
      roles: ['residents-committee-staff'],
      communities: [randomUUID()],
    });
    expect((await stranger.post('/api/building-leaders', nomination())).status).toBe(404);
    const vetting = await stranger.post(`/api/building-leaders/${leaderId}/vetting`, {
      vetterId: strangerId,
      decision: 'reject',
    });
    expect(vetting.status).toBe(404);
  });

  it('a household is visited by its building and unit; a visit names exactly one of resident and household', async () => {
    const client = await platform.as(leader());
    const { residentId: _r, ...base } = visit();
    const household = { buildingId: seed.buildingId, label: 'Unit 2, room 601' };
    const householdVisit = await client.create(`/api/building-leaders/${leaderId}/visits`, {
      ...base,
      household,
    });
    const both = await client.post(`/api/building-leaders/${leaderId}/visits`, { ...visit(), household });
    const neither = await client.post(`/api/building-leaders/${leaderId}/visits`, base);
    expect([both.status, neither.status]).toEqual([400, 400]);
    const referral = {
      leaderId,
      visitId: householdVisit,
      category: 'safety',
      title: 'Smoke alarm',
      description: 'No smoke alarm in 601.',
    };
    const forNobody = await client.post(`/api/building-leaders/${leaderId}/referrals`, referral);
    expect([forNobody.status, forNobody.body.error]).toEqual([400, 'invalid-input']);
    await client.create(`/api/building-leaders/${leaderId}/referrals`, {
      ...referral,
      residentId: neighbourId,
    });
    await platform.settle();
    const orders = (await staff.read('/api/orders')).items as Array<Record<string, unknown>>;
    expect(orders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          residentId: neighbourId,
          title: 'Smoke alarm',
          channel: 'building-leader',
        }),
      ]),
    );
  });

  it('the vetted leader completes an order dispatched to them; the resident rates it', async () => {
    const orders = (await staff.read('/api/orders')).items as Array<Record<string, unknown>>;
    const orderId = orders.find((o) => o.title === 'Grab rail in the bathroom')!.orderId as string;
    await (
      await platform.as(seed.member)
    ).expectPost(`/api/orders/${orderId}/review`, {
      reviewerId: seed.memberId,
      decision: 'approve',
      note: 'The building leader can help',
      priority: 'normal',
    });
    await platform.settle();
    const dispatch = (assigneeId: string) =>
      staff.post(`/api/orders/${orderId}/dispatch`, {
        dispatcherId: seed.workerId,
        assigneeKind: 'building-leader',
        assigneeId,
      });
    const unknown = await dispatch(randomUUID());
    expect([unknown.status, unknown.body.error]).toEqual([409, 'not-yet-known']);
    expect(unknown.headers['retry-after']).toBeDefined();
    expect((await dispatch(leaderId)).status).toBe(200);
    await platform.settle();

    const client = await platform.as(leader());
    const steps = `/api/building-leaders/${leaderId}/orders/${orderId}`;
    const notOurs = await client.post(`/api/building-leaders/${leaderId}/orders/${randomUUID()}/accept`, {
      leaderId,
    });
    expect(notOurs.status).toBe(404);
    expect((await client.post(`${steps}/complete`, { leaderId, resultNote: 'R', evidence: [] })).status).toBe(
      409,
    );
    await client.expectPost(`${steps}/accept`, { leaderId, note: 'Coming this evening' });
    await client.expectPost(`${steps}/arrival`, { leaderId, note: 'On site' });
    await client.expectPost(`${steps}/complete`, {
      leaderId,
      resultNote: 'Grab rail fitted with a neighbour’s help',
      evidence: ['https://evidence.example/rail.jpg'],
    });
    await platform.settle();
    const chain = await staff.read(`/api/orders/${orderId}`);
    expect(chain).toMatchObject({
      stage: 'completed',
      rounds: [
        {
          round: 1,
          assignee: { kind: 'building-leader', id: leaderId },
          acceptedBy: { kind: 'building-leader', id: leaderId },
        },
      ],
    });
    await (
      await platform.as({ personId: neighbourId, roles: ['resident'], communities: [seed.communityId] })
    ).expectPost(`/api/orders/${orderId}/rating`, { raterId: neighbourId, score: 5, comment: 'Thank you' });
    await platform.settle();
    expect(await staff.read(`/api/orders/${orderId}`)).toMatchObject({ stage: 'closed' });
  });

  it('a mediation between neighbours escalates into an order of category neighbour-dispute, whose id it shows', async () => {
    const client = await platform.as(leader());
    const mediationId = await client.create('/api/mediations', {
      mediatorId: leaderId,
      buildingId: seed.buildingId,
      residentIds: [neighbourId],
      persons: ['Mr Wang, tenant of 602'],
      summary: 'Water leaking from 602 into 502',
    });
    const outcome = `/api/mediations/${mediationId}/outcome`;
    const tooEarly = await client.post(outcome, { mediatorId: leaderId, outcome: 'escalated' });
    expect([tooEarly.status, tooEarly.body.error]).toEqual([409, 'rule-violation']);
    await client.create(`/api/mediations/${mediationId}/sessions`, {
      mediatorId: leaderId,
      heldOn: new Date().toISOString().slice(0, 10),
      notes: 'Both sides met in the service station.',
    });
    await client.expectPost(outcome, { mediatorId: leaderId, outcome: 'escalated', note: 'No agreement' });
    await platform.settle();
    const mediation = await staff.read(`/api/mediations/${mediationId}`);
    expect(mediation).toMatchObject({
      status: 'escalated',
      leaderId,
      residentIds: [neighbourId],
      sessions: [{ notes: 'Both sides met in the service station.' }],
      orderId: mediationId,
    });
    const order = await staff.read(`/api/orders/${mediation.orderId as string}`);
    expect(order).toMatchObject({
      residentId: neighbourId,
      category: 'neighbour-dispute',
      channel: 'building-leader',
      title: 'Water leaking from 602 into 502',
    });
    const again = await client.post(outcome, { mediatorId: leaderId, outcome: 'settled' });
    expect(again.status).toBe(409);
    const stranger = await platform.as({
      personId: randomUUID(),
      roles: ['residents-committee-staff'],
      communities: [randomUUID()],
    });
    expect((await stranger.get(`/api/mediations/${mediationId}`)).status).toBe(404);
    const auditor = await platform.as({
      personId: 'auditor',
      roles: ['auditor'],
      communities: [seed.communityId],
    });
    expect(await auditor.read(`/api/mediations/${mediationId}`)).toMatchObject({
      persons: ['M*********************'],
    });
    expect((await client.read(`/api/mediations/${mediationId}`)).persons).toEqual(['Mr Wang, tenant of 602']);
  });

  it('a compound not delivered here yet is not yet known to whoever may see it', async () => {
    const compoundId = randomUUID();
    const admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    const unknown = await admin.post('/api/building-leaders', { ...nomination(), compoundId });
    expect([unknown.status, unknown.body.error]).toEqual([409, 'not-yet-known']);
    expect(unknown.headers['retry-after']).toBeDefined();
    expect((await staff.post('/api/building-leaders', { ...nomination(), compoundId })).status).toBe(404);
  });

  it('staff name the vetted leader a part-time grid worker; the leader’s view shows it', async () => {
    const post = `/api/building-leaders/${leaderId}/grid-worker`;
    const both = await staff.post(post, { namedBy: seed.workerId, gridId: randomUUID(), gridLabel: 'G' });
    expect([both.status, both.body.error]).toEqual([400, 'invalid-input']);
    const byLeader = await (await platform.as(leader())).post(post, { namedBy: leaderId, gridLabel: 'G' });
    expect(byLeader.status).toBe(403);
    await staff.expectPost(post, { namedBy: seed.workerId, gridLabel: 'Grid 3, east' });
    expect(await (await platform.as(leader())).read(`/api/building-leaders/${leaderId}`)).toMatchObject({
      leaderId,
      status: 'approved',
      buildingIds: [seed.buildingId],
      gridWorker: { gridId: null, gridLabel: 'Grid 3, east' },
    });
  });
});

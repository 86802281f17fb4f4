import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * 网格化管理: a street (街道) above communities. A community registers in a street that exists;
 * a caller scoped to the street reaches it and its communities, one scoped to another does not.
 * Within a community: zones, grids and basic grids over its compounds and buildings, and the
 * posts fixed to each grid (定格、定人、定岗、定责).
 */
describe.each(testDatabases)('streets and grids (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let admin: ApiClient;
  let streetId: string;
  let communityId: string;

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
  });
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });

  it('a platform admin registers a street and reads it back', async () => {
    streetId = await admin.create('/api/streets', { name: 'Jianxi Street' });
    expect(await admin.read(`/api/streets/${streetId}`)).toMatchObject({
      id: streetId,
      name: 'Jianxi Street',
    });
  });

  it('a community registers in the street, taking its name', async () => {
    communityId = await admin.create('/api/communities', { name: 'Jianxin', streetId });
    expect(communityId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a street nobody registered is 404, and nothing is registered', async () => {
    const missing = randomUUID();
    const response = await admin.post('/api/communities', { name: 'Nowhere', streetId: missing });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: 'not-found' });
  });

  it('a caller scoped to the street reaches the street and its communities; another street’s does not', async () => {
    const ours = await platform.as({
      personId: 'leader',
      roles: ['residents-committee-staff'],
      streets: [streetId],
    });
    const theirs = await platform.as({
      personId: 'other',
      roles: ['residents-committee-staff'],
      streets: [randomUUID()],
    });
    expect((await ours.get(`/api/streets/${streetId}`)).status).toBe(200);
    expect((await theirs.get(`/api/streets/${streetId}`)).status).toBe(404);
    const compound = { name: 'Peach Garden', address: '1 Peach Road' };
    expect((await ours.post(`/api/communities/${communityId}/compounds`, compound)).status).toBe(201);
    expect((await theirs.post(`/api/communities/${communityId}/compounds`, compound)).status).toBe(404);
    expect((await ours.get(`/api/communities/${communityId}/grids`)).body).toEqual({
      communityId,
      zones: [],
    });
    expect((await theirs.get(`/api/communities/${communityId}/grids`)).status).toBe(404);
  });

  it('what lies in the street’s communities lies in the street: its compounds, residents and orders', async () => {
    const ours = await platform.as({
      personId: 'leader',
      roles: ['residents-committee-staff'],
      streets: [streetId],
    });
    const theirs = await platform.as({
      personId: 'other',
      roles: ['residents-committee-staff'],
      streets: [randomUUID()],
    });
    const compoundId = await admin.create(`/api/communities/${communityId}/compounds`, {
      name: 'Plum Garden',
      address: '2 Plum Road',
    });
    const buildingId = await admin.create(`/api/compounds/${compoundId}/buildings`, {
      name: 'B1',
      number: '1',
    });
    const residentId = await admin.create('/api/residents', {
      communityId,
      compoundId,
      buildingId,
      name: 'Wang Fang',
      phone: '13812341234',
      tenure: 'owner',
    });
    const order = {
      residentId,
      compoundId,
      buildingId,
      category: 'repair',
      title: 'Stairwell light',
      description: 'Out since Monday',
      channel: 'service-station',
    };
    expect((await theirs.post('/api/orders', order)).status).toBe(404);
    const orderId = await ours.create('/api/orders', order);
    for (const route of [`/api/residents/${residentId}`, `/api/orders/${orderId}`]) {
      expect([route, (await ours.get(route)).status]).toEqual([route, 200]);
      expect([route, (await theirs.get(route)).status]).toEqual([route, 404]);
    }
    await platform.settle();
    const listed = async (client: ApiClient, route: string) =>
      ((await client.read(route)).items as Array<{ orderId?: string; residentId?: string }>).map(
        (item) => item.orderId ?? item.residentId,
      );
    expect(await listed(ours, '/api/orders')).toContain(orderId);
    expect(await listed(theirs, '/api/orders')).toEqual([]);
    expect(await listed(ours, '/api/residents')).toContain(residentId);
    expect(await listed(theirs, '/api/residents')).toEqual([]);
    const building = { name: 'B2', number: '2' };
    expect((await ours.post(`/api/compounds/${compoundId}/buildings`, building)).status).toBe(201);
    expect((await theirs.post(`/api/compounds/${compoundId}/buildings`, building)).status).toBe(404);
  });

  describe('grids of a community', () => {
    let seed: Awaited<ReturnType<typeof seedCommunity>>;
    let staff: ApiClient;
    let zoneId: string;
    let gridId: string;
    let basicId: string;
    const call: ApiCall = async (claims, method, route, body) => {
      const client = await platform.as(claims);
      const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
      return { status: response.status, body: response.body as Record<string, unknown> };
    };

    beforeAll(async () => {
      seed = await seedCommunity(call);
      staff = await platform.as(seed.worker);
      await platform.settle();
    });

    it('staff define a zone, a grid in it and a basic grid over a building', async () => {
      const base = `/api/communities/${seed.communityId}/grids`;
      zoneId = await staff.create(base, { name: 'Zone A', level: 'zone', compoundIds: [seed.compoundId] });
      gridId = await staff.create(base, {
        name: 'Grid 1',
        level: 'grid',
        parentId: zoneId,
        compoundIds: [seed.compoundId],
      });
      basicId = await staff.create(base, {
        name: 'Basic 1',
        level: 'basic-grid',
        parentId: gridId,
        buildingIds: [seed.buildingId],
      });
      const tree = await staff.read(base);
      expect(tree).toMatchObject({
        communityId: seed.communityId,
        zones: [{ id: zoneId, children: [{ id: gridId, children: [{ id: basicId, level: 'basic-grid' }] }] }],
      });
    });

    it('a basic grid whose parent is a zone is 409, and a compound lies in one grid of a level; nothing is written', async () => {
      const base = `/api/communities/${seed.communityId}/grids`;
      const head = await platform.app.get<EventStore>(EVENT_STORE).headPosition();
      const wrongParent = await staff.post(base, { name: 'X', level: 'basic-grid', parentId: zoneId });
      expect([wrongParent.status, wrongParent.body.error]).toEqual([409, 'rule-violation']);
      const twice = await staff.post(base, { name: 'Y', level: 'zone', compoundIds: [seed.compoundId] });
      expect([twice.status, twice.body.error]).toEqual([409, 'rule-violation']);
      const foreign = await staff.post(base, { name: 'Z', level: 'zone', compoundIds: [randomUUID()] });
      expect(foreign.status).toBe(404);
      expect(await platform.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(head);
    });

    it('two definitions of one compound at once: exactly one wins', async () => {
      const compoundId = await staff.create(`/api/communities/${seed.communityId}/compounds`, {
        name: 'Plum Garden',
        address: '2 Plum Road',
      });
      const base = `/api/communities/${seed.communityId}/grids`;
      const answers = await Promise.all(
        ['P', 'Q'].map((name) => staff.post(base, { name, level: 'zone', compoundIds: [compoundId] })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    });

    it('a definition retried with its Idempotency-Key defines one grid, answering the same id', async () => {
      const base = `/api/communities/${seed.communityId}/grids`;
      const send = () =>
        staff
          .post(base, { name: 'Retried', level: 'grid', parentId: zoneId })
          .set('Idempotency-Key', 'grid-call-1');
      const first = await send();
      const retry = await send();
      expect([first.status, retry.status, retry.body]).toEqual([201, 201, first.body]);
      const tree = await staff.read(base);
      expect(JSON.stringify(tree).split('"Retried"')).toHaveLength(2);
    });

    it('posts: the Party member leads the grid, a worker works it full-time, one leader only', async () => {
      const posts = `/api/grids/${gridId}/posts`;
      const leaderPost = await staff.create(posts, {
        post: 'grid-leader',
        holderKind: 'member',
        holderId: seed.memberId,
      });
      await staff.create(posts, { post: 'full-time-worker', holderKind: 'worker', holderId: seed.workerId });
      const second = await staff.post(posts, {
        post: 'grid-leader',
        holderKind: 'worker',
        holderId: seed.workerId,
      });
      expect([second.status, second.body.error]).toEqual([409, 'rule-violation']);
      const nobody = await staff.post(posts, {
        post: 'full-time-worker',
        holderKind: 'worker',
        holderId: randomUUID(),
      });
      expect(nobody.status).toBe(404);
      const unheard = await staff.post(posts, {
        post: 'part-time-worker',
        holderKind: 'building-leader',
        holderId: randomUUID(),
      });
      expect([unheard.status, unheard.body.error]).toEqual([409, 'not-yet-known']);
      expect(await staff.read(`/api/grids/${gridId}`)).toMatchObject({
        id: gridId,
        level: 'grid',
        parentId: zoneId,
        posts: expect.arrayContaining([
          expect.objectContaining({ id: leaderPost, post: 'grid-leader', holderId: seed.memberId }),
        ]),
      });
      const vacated = await platform
        .http()
        .delete(`${posts}/${leaderPost}`)
        .set('Authorization', staff.authorization);
      expect(vacated.status).toBe(204);
      await staff.create(posts, { post: 'grid-leader', holderKind: 'worker', holderId: seed.workerId });
    });

    it('an order placed in the building carries its basic grid in the chain view', async () => {
      const orderId = await staff.create('/api/orders', {
        residentId: seed.residentId,
        compoundId: seed.compoundId,
        buildingId: seed.buildingId,
        category: 'repair',
        title: 'Leak',
        description: 'Water on the stairs',
        channel: 'hotline',
      });
      await platform.settle();
      expect(await staff.read(`/api/orders/${orderId}`)).toMatchObject({ orderId, gridId: basicId });
    });

    it('a grid worker’s patrol finding becomes an order of channel grid-patrol, in its grid', async () => {
      const finding = {
        reporterId: seed.workerId,
        compoundId: seed.compoundId,
        buildingId: seed.buildingId,
        category: 'safety',
        title: 'Blocked fire exit',
        description: 'Bicycles in the stairwell',
      };
      const orderId = await staff.create(`/api/grids/${gridId}/findings`, finding);
      await platform.settle();
      expect(await staff.read(`/api/orders/${orderId}`)).toMatchObject({
        orderId,
        channel: 'grid-patrol',
        gridId: basicId,
        residentId: null,
        stage: 'placed',
      });
      const strangerId = randomUUID();
      const stranger = await platform.as({ ...seed.worker, personId: strangerId });
      const refused = await stranger.post(`/api/grids/${zoneId}/findings`, {
        ...finding,
        reporterId: strangerId,
      });
      expect([refused.status, refused.body.error]).toEqual([409, 'rule-violation']);
    });

    it('the grid worker who reported a finding checks its result: their rating closes it, nobody else’s', async () => {
      const orderId = await staff.create(`/api/grids/${gridId}/findings`, {
        reporterId: seed.workerId,
        compoundId: seed.compoundId,
        buildingId: seed.buildingId,
        category: 'safety',
        title: 'Broken stair light',
        description: 'Dark on the third floor',
      });
      await platform.settle();
      const member = await platform.as(seed.member);
      await member.expectPost(`/api/orders/${orderId}/review`, {
        reviewerId: seed.memberId,
        decision: 'approve',
        note: 'ok',
        priority: 'normal',
      });
      await platform.settle();
      await staff.expectPost(`/api/orders/${orderId}/dispatch`, {
        dispatcherId: seed.workerId,
        assigneeKind: 'member',
        assigneeId: seed.memberId,
      });
      await platform.settle();
      await member.expectPost(`/api/orders/${orderId}/take`, { memberId: seed.memberId });
      await platform.settle();
      await member.expectPost(`/api/orders/${orderId}/complete`, {
        memberId: seed.memberId,
        resultNote: 'New bulb',
        evidence: ['https://evidence.example/light.jpg'],
      });
      await platform.settle();
      const resident = await platform.as(seed.resident);
      const notTheirs = await resident.post(`/api/orders/${orderId}/rating`, {
        raterId: seed.residentId,
        score: 5,
        comment: 'fine',
      });
      // Not the resident's order: a resident does not even see it.
      expect(notTheirs.status).toBe(404);
      const colleagueId = randomUUID();
      const colleague = await platform.as({ ...seed.worker, personId: colleagueId });
      const notTheReporter = await colleague.post(`/api/orders/${orderId}/rating`, {
        raterId: colleagueId,
        score: 5,
        comment: 'fine',
      });
      expect([notTheReporter.status, notTheReporter.body.error]).toEqual([409, 'rule-violation']);
      await staff.expectPost(`/api/orders/${orderId}/rating`, {
        raterId: seed.workerId,
        score: 4,
        comment: 'Checked: the stairs are lit',
      });
      await platform.settle();
      expect(await staff.read(`/api/orders/${orderId}`)).toMatchObject({ stage: 'closed', lastScore: 4 });
    });

    it('another community’s staff do not see the grid', async () => {
      const outsider = await platform.as({
        personId: 'x',
        roles: ['residents-committee-staff'],
        communities: [randomUUID()],
      });
      expect((await outsider.get(`/api/grids/${gridId}`)).status).toBe(404);
      expect((await outsider.get(`/api/communities/${seed.communityId}/grids`)).status).toBe(404);
    });
  });
});

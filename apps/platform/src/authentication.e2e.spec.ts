import { SignJWT } from 'jose';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { DEFAULT_AUDIENCE, LOCAL_ISSUER } from '@cogov/hosting';
import { type ApiClient, TEST_SECRET, TestPlatform } from './testing/test-platform';

/** Authentication failures (their limits: rate-limits.e2e.spec.ts), partner keys, scopes across communities, acting on someone's behalf. */
describe('authentication and scope (embedded platform)', () => {
  const database = freshSqlite();
  let platform: TestPlatform;
  let admin: ApiClient;
  let a: { communityId: string; compoundId: string; residentId: string; orderId: string };
  let b: { communityId: string; compoundId: string; residentId: string; orderId: string };

  async function seedCommunity(name: string) {
    const communityId = await admin.create('/api/communities', { name });
    const compoundId = await admin.create(`/api/communities/${communityId}/compounds`, {
      name: `${name} K`,
      address: 'x',
    });
    const buildingId = await admin.create(`/api/compounds/${compoundId}/buildings`, {
      name: 'B',
      number: '1',
    });
    const residentId = await admin.create('/api/residents', {
      communityId,
      compoundId,
      buildingId,
      name: 'Wang Fang',
      phone: '13812341234',
    });
    const resident = await platform.as({
      personId: residentId,
      roles: ['resident'],
      communities: [communityId],
    });
    const orderId = await resident.create('/api/orders', {
      residentId,
      compoundId,
      category: 'safety',
      title: `${name}: broken lamp`,
      description: 'dark stairwell',
      channel: 'app',
    });
    return { communityId, compoundId, residentId, orderId };
  }

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    a = await seedCommunity('A');
    b = await seedCommunity('B');
    await platform.settle();
  });
  afterAll(async () => {
    await platform.stop();
    database.cleanup();
  });

  const get = (path: string, authorization?: string) => {
    const call = platform.http().get(path);
    return authorization ? call.set('Authorization', authorization) : call;
  };
  const expectUnauthorized = async (authorization: string | undefined) => {
    const response = await get(`/api/orders/${a.orderId}`, authorization);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: 'unauthorized',
      message: 'authentication required: send a valid bearer token or API key',
      details: null,
    });
  };
  const sign = (claims: { iss?: string; aud?: string; exp?: number }, secret = TEST_SECRET) =>
    new SignJWT({ roles: ['platform-admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin')
      .setIssuer(claims.iss ?? LOCAL_ISSUER)
      .setAudience(claims.aud ?? DEFAULT_AUDIENCE)
      .setExpirationTime(claims.exp ?? '1h')
      .sign(new TextEncoder().encode(secret));

  describe('401, with nothing else revealed', () => {
    it('a valid token works (the control case)', async () => {
      expect((await get(`/api/orders/${a.orderId}`, `Bearer ${await sign({})}`)).status).toBe(200);
    });
    it('no token', () => expectUnauthorized(undefined));
    it('an expired token', async () =>
      expectUnauthorized(`Bearer ${await sign({ exp: Math.floor(Date.now() / 1000) - 60 })}`));
    it('a tampered token', async () => {
      const [header, payload, signature] = (await sign({})).split('.') as [string, string, string];
      const forged = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
          roles: ['auditor', 'platform-admin'],
        }),
      ).toString('base64url');
      await expectUnauthorized(`Bearer ${header}.${forged}.${signature}`);
    });
    it('a token of another issuer', async () =>
      expectUnauthorized(`Bearer ${await sign({ iss: 'someone-else' })}`));
    it('a token for another audience', async () =>
      expectUnauthorized(`Bearer ${await sign({ aud: 'another-api' })}`));
    it('a token signed with another secret', async () =>
      expectUnauthorized(`Bearer ${await sign({}, 'another-secret-that-is-also-long-enough-0123456')}`));
    it('a token with alg none', async () => {
      const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'admin', roles: ['platform-admin'], iss: LOCAL_ISSUER, aud: DEFAULT_AUDIENCE })).toString('base64url')}.`;
      await expectUnauthorized(`Bearer ${unsigned}`);
    });
    it('garbage', () => expectUnauthorized('Bearer not-a-token'));
  });

  describe('scope', () => {
    it('staff of community A read and act on A, and get 404 for B’s order', async () => {
      const staffA = await platform.as({
        personId: 'staff-a',
        roles: ['residents-committee-staff'],
        communities: [a.communityId],
      });
      expect((await staffA.get(`/api/orders/${a.orderId}`)).status).toBe(200);
      const read = await staffA.get(`/api/orders/${b.orderId}`);
      expect(read.status).toBe(404);
      expect(read.body.error).toBe('not-found');
      const dispatch = await staffA.post(`/api/orders/${b.orderId}/dispatch`, {
        dispatcherId: 'staff-a',
        assigneeKind: 'property-company',
        assigneeId: 'c',
      });
      expect(dispatch.status).toBe(404);
      const compound = await staffA.post(`/api/communities/${b.communityId}/compounds`, {
        name: 'Sneaky',
        address: 'x',
      });
      expect(compound.status).toBe(404);
    });

    it('lists only the orders in the caller’s communities', async () => {
      const staffA = await platform.as({
        personId: 'staff-a',
        roles: ['residents-committee-staff'],
        communities: [a.communityId],
      });
      const list = await staffA.read('/api/orders');
      expect((list.items as Array<{ orderId: string }>).map((o) => o.orderId)).toEqual([a.orderId]);
      const all = await admin.read('/api/orders');
      expect(all.total).toBe(2);
    });

    it('a resident sees their own order and not a neighbour’s', async () => {
      const resident = await platform.as({
        personId: a.residentId,
        roles: ['resident'],
        communities: [a.communityId],
      });
      expect((await resident.get(`/api/orders/${a.orderId}`)).status).toBe(200);
      const neighbour = await platform.as({
        personId: 'neighbour',
        roles: ['resident'],
        communities: [a.communityId],
      });
      expect((await neighbour.get(`/api/orders/${a.orderId}`)).status).toBe(404);
    });

    it('an auditor reads raw histories in their remit only, and cannot command', async () => {
      const auditor = await platform.as({
        personId: 'auditor',
        roles: ['auditor'],
        communities: [a.communityId],
      });
      expect((await auditor.get(`/api/streams/residents-committee.order-${a.orderId}`)).status).toBe(200);
      expect((await auditor.get(`/api/streams/residents-committee.order-${b.orderId}`)).status).toBe(404);
      expect((await auditor.post('/api/communities', { name: 'X' })).status).toBe(403);
    });
  });

  describe('acting as oneself, or on someone’s behalf', () => {
    it('a resident cannot place an order in another resident’s name', async () => {
      const resident = await platform.as({
        personId: a.residentId,
        roles: ['resident'],
        communities: [a.communityId],
      });
      const response = await resident.post('/api/orders', {
        residentId: b.residentId,
        compoundId: a.compoundId,
        category: 'other',
        title: 't',
        description: 'd',
        channel: 'app',
      });
      expect(response.status).toBe(403);
      expect(response.body.message).toMatch(/residentId must be your own person id/);
    });

    it('the service station takes an order by phone: the event records both the clerk and the resident', async () => {
      const clerk = await platform.as({
        personId: 'clerk-1',
        roles: ['service-station-staff'],
        communities: [a.communityId],
      });
      const orderId = await clerk.create('/api/orders', {
        residentId: a.residentId,
        compoundId: a.compoundId,
        category: 'elderly-care',
        title: 'Check on Mrs Li',
        description: 'called the station',
        channel: 'service-station',
      });
      const auditor = await platform.as({
        personId: 'auditor',
        roles: ['auditor'],
        communities: [a.communityId],
      });
      const stream = await auditor.read(`/api/streams/residents-committee.order-${orderId}`);
      expect((stream.events as Array<Record<string, unknown>>)[0]).toMatchObject({
        type: 'OrderPlaced',
        actorId: 'clerk-1',
        onBehalfOf: a.residentId,
      });
    });
  });

  describe('personal data', () => {
    it('is shown in full to the roles that need it and to the resident, masked to others and in lists', async () => {
      const clerk = await platform.as({
        personId: 'clerk',
        roles: ['service-station-staff'],
        communities: [a.communityId],
      });
      const leader = await platform.as({
        personId: 'leader',
        roles: ['building-leader'],
        communities: [a.communityId],
      });
      const resident = await platform.as({
        personId: a.residentId,
        roles: ['resident'],
        communities: [a.communityId],
      });
      expect(await clerk.read(`/api/residents/${a.residentId}`)).toMatchObject({
        name: 'Wang Fang',
        phone: '13812341234',
        masked: false,
      });
      expect(await resident.read(`/api/residents/${a.residentId}`)).toMatchObject({ phone: '13812341234' });
      expect(await leader.read(`/api/residents/${a.residentId}`)).toMatchObject({
        name: 'W********',
        phone: '138****1234',
        masked: true,
      });
      const list = await clerk.read('/api/residents');
      expect(list.items).toEqual([
        expect.objectContaining({ residentId: a.residentId, phone: '138****1234', masked: true }),
      ]);
    });
  });

  describe('partner API keys', () => {
    const registerCompany = () =>
      admin.create('/api/property-companies', {
        name: 'Evergreen Property',
        unifiedCreditCode: '91350100M000100Y43',
        staffCount: 10,
        fullPartyMemberCount: 0,
      });

    it('are issued only for a company that exists: another id answers 404', async () => {
      const unknown = '0b9e3a4c-0000-4000-8000-00000000c0de';
      const response = await admin.post('/api/partner-keys', {
        companyId: unknown,
        name: 'Evergreen tickets',
        compoundIds: [a.compoundId],
      });
      expect({ status: response.status, body: response.body }).toMatchObject({
        status: 404,
        body: { error: 'not-found', details: { entity: 'property company', id: unknown } },
      });
    });

    it('are shown once, work within the company’s compounds, and stop working when revoked', async () => {
      const created = await admin.expectPost(
        '/api/partner-keys',
        {
          companyId: await registerCompany(),
          name: 'Evergreen tickets',
          compoundIds: [a.compoundId],
        },
        201,
      );
      const key = created.key as string;
      expect(key).toMatch(/^cgk_/);
      const listed = JSON.stringify(await admin.read('/api/partner-keys'));
      // The secret part may itself contain '_' (base64url): cut it after the id.
      const secret = key.slice(`cgk_${created.id as string}_`.length);
      expect(secret).toHaveLength(43);
      expect(listed).not.toContain(secret);

      const asPartner = (path: string) => platform.http().get(path).set('X-Api-Key', key);
      const orders = await asPartner('/api/orders');
      expect(orders.status).toBe(200);
      expect((orders.body.items as Array<{ orderId: string }>).map((o) => o.orderId)).toContain(a.orderId);
      expect((orders.body.items as Array<{ orderId: string }>).map((o) => o.orderId)).not.toContain(
        b.orderId,
      );
      expect((await asPartner(`/api/orders/${b.orderId}`)).status).toBe(404);
      expect(
        (await platform.http().post('/api/communities').set('X-Api-Key', key).send({ name: 'X' })).status,
      ).toBe(403);

      const revoke = await platform
        .http()
        .delete(`/api/partner-keys/${created.id as string}`)
        .set('Authorization', admin.authorization);
      expect(revoke.status).toBe(204);
      expect((await asPartner('/api/orders')).status).toBe(401);
      expect(
        (
          await platform
            .http()
            .get('/api/orders')
            .set('X-Api-Key', `${key.slice(0, -2)}xx`)
        ).status,
      ).toBe(401);
    });
  });
});

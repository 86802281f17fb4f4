import { randomUUID } from 'node:crypto';
import { testDatabases } from './testing/databases';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * 网格化管理: a street (街道) above communities. A community registers in a street that exists;
 * a caller scoped to the street reaches it and its communities, one scoped to another does not.
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
  });
});

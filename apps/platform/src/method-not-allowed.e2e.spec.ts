import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/** A wrong method on a path the API serves is 405 with `Allow`; a path it does not serve stays 404. */
describe('wrong methods (embedded platform)', () => {
  const database = freshSqlite();
  let platform: TestPlatform;
  let admin: ApiClient;

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
  });
  afterAll(async () => {
    await platform.stop();
    database.cleanup();
  });

  it.each([
    ['put', '/api/orders', 'GET, HEAD, POST'],
    ['delete', '/api/communities', 'POST'],
    ['get', '/api/orders/5d2a9f4e-0000-4000-8000-000000000001/review', 'POST'],
    ['patch', '/api/partner-keys/5d2a9f4e-0000-4000-8000-000000000001', 'DELETE'],
  ] as const)('%s %s answers 405 with Allow: %s', async (method, path, allowed) => {
    const response = await platform.http()[method](path).set('Authorization', admin.authorization);
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe(allowed);
    expect(response.body).toEqual({
      error: 'method-not-allowed',
      message: `${method.toUpperCase()} is not served on this path; it serves ${allowed}`,
      details: { allowed: allowed.split(', ') },
    });
  });

  it('answers 405 before authentication: the method is wrong whoever asks', async () => {
    expect((await platform.http().put('/api/orders')).status).toBe(405);
  });

  it('an unknown path stays 404, in the one error shape', async () => {
    const response = await platform
      .http()
      .delete('/api/nothing-here')
      .set('Authorization', admin.authorization);
    expect(response.status).toBe(404);
    expect(response.headers.allow).toBeUndefined();
    expect(response.body).toMatchObject({ error: 'not-found', details: null });
  });

  it('a route that exists still answers its own 404 for a missing resource', async () => {
    const response = await admin.get('/api/orders/5d2a9f4e-0000-4000-8000-000000000001');
    expect(response.status).toBe(404);
    expect(response.headers.allow).toBeUndefined();
  });
});

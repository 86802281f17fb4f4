import { Agent } from 'node:http';
import type { Response } from 'supertest';
import { testDatabases } from './testing/databases';
import { type ApiClient, TestPlatform } from './testing/test-platform';
import { unifiedCreditCode } from './unified-credit-code';

const AUTH_FAILURE_LIMIT = 3;
const ORDER_LIMIT = 2;
const REQUEST_LIMIT = 30;

/**
 * Limits that slow abuse down and cannot be turned against the people they protect, on both
 * stores: in memory on SQLite, in the database on PostgreSQL (ADR 20). Each client address is a
 * loopback address of its own, so one test's failures are not another's.
 */
describe.each(testDatabases)('rate limits (embedded platform on %s)', (_name, makeDatabase) => {
  const database = makeDatabase();
  let platform: TestPlatform;
  let admin: ApiClient;
  let partnerKey: string;
  let nextAddress = 10;
  const agents: Agent[] = [];

  /** A client at an address no other test uses. */
  function client() {
    const agent = new Agent({ localAddress: `127.0.0.${nextAddress++}` });
    agents.push(agent);
    return {
      get: (path: string, headers: Record<string, string> = {}) =>
        platform.http().get(path).agent(agent).set(headers),
      post: (path: string, authorization: string, body: object) =>
        platform.http().post(path).agent(agent).set('Authorization', authorization).send(body),
    };
  }

  beforeAll(async () => {
    platform = await TestPlatform.start(database.config, {
      authFailuresPerMinute: AUTH_FAILURE_LIMIT,
      ordersPerMinute: ORDER_LIMIT,
      requestsPerMinute: REQUEST_LIMIT,
    });
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    // A key is issued only for a company that exists.
    const companyId = await admin.create('/api/property-companies', {
      name: 'Evergreen Property',
      unifiedCreditCode: unifiedCreditCode(),
      staffCount: 10,
      fullPartyMemberCount: 0,
    });
    const created = await admin.expectPost(
      '/api/partner-keys',
      { companyId, name: 'Evergreen tickets', compoundIds: [] },
      201,
    );
    partnerKey = created.key as string;
  });
  afterAll(async () => {
    agents.forEach((agent) => agent.destroy());
    await platform.stop();
    await database.cleanup();
  });

  const expectRateLimited = (response: Response, what: string) => {
    expect(response.status).toBe(429);
    const seconds = Number(response.headers['retry-after']);
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(response.body).toEqual({
      error: 'rate-limited',
      message: `${what}; try again in ${seconds} s`,
      details: { retryAfterSeconds: seconds },
    });
  };

  it('twenty bad tokens from one address do not stop a valid token or partner key from it', async () => {
    const caller = client();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      statuses.push((await caller.get('/api/orders', { Authorization: `Bearer bad-${i}` })).status);
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(20 - AUTH_FAILURE_LIMIT);
    expect((await caller.get('/api/orders', { Authorization: admin.authorization })).status).toBe(200);
    expect((await caller.get('/api/orders', { 'X-Api-Key': partnerKey })).status).toBe(200);
  });

  it('the failing attempts of an address over the limit get 429 with Retry-After and a plain message', async () => {
    const caller = client();
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_FAILURE_LIMIT; i++) {
      statuses.push((await caller.get('/api/orders', { Authorization: `Bearer bad-${i}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401]);
    expectRateLimited(await caller.get('/api/orders'), 'too many failed authentications');
    expectRateLimited(
      await caller.get('/api/orders', { 'X-Api-Key': `${partnerKey.slice(0, -2)}xx` }),
      'too many failed authentications',
    );
  });

  it('one bad credential presented from many addresses is limited as a credential', async () => {
    const replayed = { Authorization: 'Bearer the-same-expired-token' };
    const statuses: number[] = [];
    for (let i = 0; i <= AUTH_FAILURE_LIMIT; i++)
      statuses.push((await client().get('/api/orders', replayed)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // A fresh address with another bad credential is only at its first failure.
    expect((await client().get('/api/orders', { Authorization: 'Bearer another' })).status).toBe(401);
  });

  it('the request throttlers answer 429 with Retry-After and a plain message', async () => {
    const resident = await platform.tokens.issue({ personId: 'r', roles: ['resident'] });
    const caller = client();
    const statuses: number[] = [];
    for (let i = 0; i < ORDER_LIMIT; i++) {
      statuses.push((await caller.post('/api/orders', `Bearer ${resident}`, {})).status);
    }
    expect(statuses).toEqual([400, 400]);
    const limited = await caller.post('/api/orders', `Bearer ${resident}`, {});
    expectRateLimited(limited, 'too many requests');
    expect(JSON.stringify(limited.body)).not.toMatch(/Throttler/);
    // Another address is not limited by this one's orders.
    expect((await client().post('/api/orders', `Bearer ${resident}`, {})).status).toBe(400);
  });

  it('the probes and /metrics are never throttled', async () => {
    const caller = client();
    const statuses = new Set<number>();
    for (let i = 0; i <= REQUEST_LIMIT; i++) {
      statuses.add((await caller.get('/api/health/live')).status);
      statuses.add((await caller.get('/metrics')).status);
    }
    expect([...statuses]).toEqual([200]);
  });

  it('every other route is, per address and route', async () => {
    const caller = client();
    for (let i = 0; i < REQUEST_LIMIT; i++) {
      expect((await caller.get('/api/health')).status).toBe(200);
    }
    expectRateLimited(await caller.get('/api/health'), 'too many requests');
  });
});

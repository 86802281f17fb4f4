import type { TokenClaims } from '@cogov/security';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { TestPlatform } from './testing/test-platform';

/**
 * An Idempotency-Key is its sender's own, for one command on one target: the same key from
 * someone else, or for another command or target, is another request. The same request again
 * answers what it answered the first time and writes nothing; the same key with another body is
 * refused, naming the key. No reuse of a key ever answers 500.
 */
describe.each(testDatabases)('Idempotency-Key (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let otherResident: TokenClaims;
  let otherResidentId: string;

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  const post = async (claims: TokenClaims, route: string, body: object, key: string) =>
    (await platform.as(claims)).post(route, body).set('Idempotency-Key', key);
  const head = async () =>
    (await (await platform.as({ personId: 'admin', roles: ['platform-admin'] })).read('/api/projections'))
      .head as number;
  const order = (residentId: string, title = 'Broken lamp') => ({
    residentId,
    compoundId: seed.compoundId,
    category: 'repair',
    title,
    description: 'd',
    channel: 'app',
  });

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    seed = await seedCommunity(call);
    const admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    otherResidentId = await admin.create('/api/residents', {
      communityId: seed.communityId,
      compoundId: seed.compoundId,
      buildingId: seed.buildingId,
      name: 'Other',
      phone: '13800000009',
    });
    otherResident = { personId: otherResidentId, roles: ['resident'], communities: [seed.communityId] };
    await platform.settle();
  });
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });

  it('two residents sending the same key each get an order of their own', async () => {
    const mine = await post(seed.resident, '/api/orders', order(seed.residentId), '1');
    const theirs = await post(otherResident, '/api/orders', order(otherResidentId), '1');
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toEqual(mine.body.id);
    await platform.settle();
    const view = await (await platform.as(seed.worker)).read(`/api/orders/${String(theirs.body.id)}`);
    expect(view.residentId).toBe(otherResidentId);
  });

  it('the same request again answers the same id and writes nothing', async () => {
    const first = await post(seed.resident, '/api/orders', order(seed.residentId, 'Gate'), 'gate-1');
    await platform.settle();
    const before = await head();
    const again = await post(seed.resident, '/api/orders', order(seed.residentId, 'Gate'), 'gate-1');
    expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: first.body });
    await platform.settle();
    expect(await head()).toBe(before);
  });

  it('the same key with another body answers 409 naming the key, and writes nothing', async () => {
    await post(seed.resident, '/api/orders', order(seed.residentId, 'Stairs'), 'stairs-1');
    await platform.settle();
    const before = await head();
    const other = await post(seed.resident, '/api/orders', order(seed.residentId, 'Roof'), 'stairs-1');
    expect({ status: other.status, error: other.body.error }).toEqual({
      status: 409,
      error: 'idempotency-key-reused',
    });
    expect(other.body.message).toContain('stairs-1');
    expect(other.body.details).toEqual({ idempotencyKey: 'stairs-1' });
    expect(await head()).toBe(before);
  });

  it('one key for the same command on two targets is two requests, never a 500', async () => {
    const placed = await Promise.all(
      ['A', 'B'].map(
        async (title) =>
          (await post(seed.resident, '/api/orders', order(seed.residentId, title), `o-${title}`)).body
            .id as string,
      ),
    );
    await platform.settle();
    const review = { reviewerId: seed.memberId, decision: 'approve', note: 'ok', priority: 'normal' };
    const answers = [];
    for (const orderId of placed) {
      answers.push((await post(seed.member, `/api/orders/${orderId}/review`, review, 'review-1')).status);
    }
    expect(answers).toEqual([200, 200]);
    await platform.settle();
    for (const orderId of placed) {
      expect((await (await platform.as(seed.worker)).read(`/api/orders/${orderId}`)).stage).toBe('approved');
    }
  });

  it('the same key for founding another branch answers 409 naming the key, and claims nothing', async () => {
    const admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    const compound = async () =>
      admin.create(`/api/communities/${seed.communityId}/compounds`, { name: 'K', address: 'x' });
    const [first, second] = [await compound(), await compound()];
    await platform.settle();
    const branch = (compoundId: string) => ({
      kind: 'branch',
      name: 'Keyed branch',
      communityId: seed.communityId,
      parentId: seed.committeeId,
      compoundIds: [compoundId],
    });
    const admins = { personId: 'admin', roles: ['platform-admin' as const] };
    expect((await post(admins, '/api/party/organizations', branch(first), 'branch-1')).status).toBe(201);
    const other = await post(admins, '/api/party/organizations', branch(second), 'branch-1');
    expect({ status: other.status, error: other.body.error }).toEqual({
      status: 409,
      error: 'idempotency-key-reused',
    });
    // The compound the refused request named is still free for a branch.
    expect((await post(admins, '/api/party/organizations', branch(second), 'branch-2')).status).toBe(201);
  });

  it('a malformed key answers 400 naming the header, and writes nothing', async () => {
    const before = await head();
    const response = await post(seed.resident, '/api/orders', order(seed.residentId), 'not a key!');
    expect({ status: response.status, error: response.body.error }).toEqual({
      status: 400,
      error: 'validation-failed',
    });
    expect(JSON.stringify(response.body.details)).toContain('Idempotency-Key');
    await platform.settle();
    expect(await head()).toBe(before);
  });
});

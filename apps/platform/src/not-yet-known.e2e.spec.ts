import { INTEGRATION_EVENT_BUS, type InProcessBus } from '@cogov/messaging';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * A command that names something another context has published but this one has not received
 * yet is not the caller's mistake: it answers 409 `not-yet-known`, naming what is missing, with
 * `Retry-After`, and succeeds once the fact has arrived. The bus is held still here, so "not yet"
 * lasts exactly as long as the test wants.
 */
describe('a fact not received yet answers 409 with Retry-After (embedded platform)', () => {
  const database = freshSqlite();
  let platform: TestPlatform;
  let admin: ApiClient;
  let communityId: string;
  let committeeId: string;
  let branchId: string;
  let orderId: string;
  let workerId: string;
  const bus = () => platform.app.get<InProcessBus>(INTEGRATION_EVENT_BUS);

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    communityId = await admin.create('/api/communities', { name: 'C' });
    const compoundId = await admin.create(`/api/communities/${communityId}/compounds`, {
      name: 'K',
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
      name: 'R',
      phone: '13800000000',
    });
    workerId = await admin.create(`/api/communities/${communityId}/workers`, {
      name: 'W',
      phone: '13700000000',
      role: 'grid-worker',
    });
    await platform.settle();
    committeeId = await admin.create('/api/party/organizations', {
      kind: 'community-committee',
      name: 'Committee',
      communityId,
    });
    branchId = await admin.create('/api/party/organizations', {
      kind: 'branch',
      name: 'Branch',
      communityId,
      parentId: committeeId,
      compoundIds: [compoundId],
    });
    const resident = await platform.as({
      personId: residentId,
      roles: ['resident'],
      communities: [communityId],
    });
    orderId = await resident.create('/api/orders', {
      residentId,
      compoundId,
      category: 'repair',
      title: 't',
      description: 'd',
      channel: 'app',
    });
    const reviewerId = await admin.create('/api/party/members', {
      organizationId: branchId,
      name: 'Reviewer',
      phone: '13600000001',
      membership: 'registered',
    });
    await platform.settle();
    const reviewer = await platform.as({
      personId: reviewerId,
      roles: ['party-member'],
      communities: [communityId],
    });
    await reviewer.expectPost(`/api/orders/${orderId}/review`, {
      reviewerId,
      decision: 'approve',
      note: 'ok',
      priority: 'normal',
    });
    await platform.settle();
  });
  afterAll(async () => {
    await platform.stop();
    database.cleanup();
  });

  /** Runs `during` while the bus delivers nothing, then lets it catch up. */
  async function whileTheBusIsStill(during: () => Promise<void>): Promise<void> {
    await bus().stop();
    try {
      await during();
    } finally {
      await bus().start();
    }
    await platform.settle();
  }

  const expectNotYetKnown = (
    response: { status: number; body: Record<string, unknown>; headers: Record<string, string> },
    entity: string,
    id: string,
  ) => {
    expect({ status: response.status, error: response.body.error, details: response.body.details }).toEqual({
      status: 409,
      error: 'not-yet-known',
      details: { entity, id },
    });
    expect(response.body.message).toContain(id);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  };

  it('founding a branch over a compound registered a moment ago: 409 naming the compound, then 201', async () => {
    let compoundId = '';
    const branch = () => ({
      kind: 'branch',
      name: 'New branch',
      communityId,
      parentId: committeeId,
      compoundIds: [compoundId],
    });
    await whileTheBusIsStill(async () => {
      compoundId = await admin.create(`/api/communities/${communityId}/compounds`, {
        name: 'New',
        address: 'y',
      });
      expectNotYetKnown(await admin.post('/api/party/organizations', branch()), 'compound', compoundId);
    });
    await admin.create('/api/party/organizations', branch());
  });

  it('founding a committee of a community registered a moment ago: 409 naming the community, then 201', async () => {
    let newCommunity = '';
    const committee = () => ({
      kind: 'community-committee',
      name: 'New committee',
      communityId: newCommunity,
    });
    await whileTheBusIsStill(async () => {
      newCommunity = await admin.create('/api/communities', { name: 'New community' });
      expectNotYetKnown(await admin.post('/api/party/organizations', committee()), 'community', newCommunity);
    });
    await admin.create('/api/party/organizations', committee());
  });

  it('dispatching to a Party member registered a moment ago: 409 naming the member, then 200', async () => {
    let memberId = '';
    const worker = await platform.as({
      personId: workerId,
      roles: ['residents-committee-staff'],
      communities: [communityId],
    });
    const dispatch = () => ({ dispatcherId: workerId, assigneeKind: 'member', assigneeId: memberId });
    await whileTheBusIsStill(async () => {
      memberId = await admin.create('/api/party/members', {
        organizationId: branchId,
        name: 'M',
        phone: '13600000000',
        membership: 'registered',
      });
      expectNotYetKnown(
        await worker.post(`/api/orders/${orderId}/dispatch`, dispatch()),
        'Party member',
        memberId,
      );
    });
    await worker.expectPost(`/api/orders/${orderId}/dispatch`, dispatch(), 200);
  });

  it('a bad request naming an unknown parent in the same context is still not found', async () => {
    const response = await admin.post('/api/party/organizations', {
      kind: 'branch',
      name: 'Orphan',
      communityId,
      parentId: '9b2f0c1e-0000-4000-8000-000000000000',
      compoundIds: [],
    });
    expect(response.status).toBe(404);
    expect(response.headers['retry-after']).toBeUndefined();
  });
});

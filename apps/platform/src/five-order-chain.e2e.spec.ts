import { type DatabaseConfig, quoteIdent, SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema, freshSqlite } from '@cogov/persistence/testing/test-databases';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@cogov/projections';
import { TestPlatform } from './testing/test-platform';

/**
 * The five-order chain through the HTTP API of the embedded platform: place → review →
 * dispatch → take → complete → rate, with a reopen after a low rating, a race for a pooled
 * order, every wrong transition refused, and nothing lost across a restart or a rebuild.
 */
const databases: Array<[string, () => { config: DatabaseConfig; cleanup(): Promise<void> }]> = [
  [
    'SQLite',
    () => {
      const config = freshSqlite();
      return { config, cleanup: async () => config.cleanup() };
    },
  ],
  [
    'PostgreSQL',
    () => {
      const config = freshPostgresSchema();
      return {
        config,
        cleanup: async () => {
          const db = await SqlDatabase.open(config);
          await db.dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(config.schema)} CASCADE`);
          await db.close();
        },
      };
    },
  ],
];

describe.each(databases)('five-order chain over HTTP (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  afterAll(() => cleanup());

  let communityId: string;
  let compoundId: string;
  let otherCompoundId: string;
  let buildingId: string;
  let residentId: string;
  let otherResidentId: string;
  let workerId: string;
  let branchId: string;
  let otherBranchId: string;
  let memberA: string;
  let memberB: string;
  let outsider: string;
  let orderId: string;

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    communityId = await platform.create('/api/communities', {
      name: 'Jianxian Community',
      streetName: 'Jianxi Street',
    });
    compoundId = await platform.create(`/api/communities/${communityId}/compounds`, {
      name: 'Peach Garden',
      address: '1 Peach Road',
    });
    otherCompoundId = await platform.create(`/api/communities/${communityId}/compounds`, {
      name: 'Plum Court',
      address: '9 Plum Road',
    });
    buildingId = await platform.create(`/api/compounds/${compoundId}/buildings`, {
      name: 'Building 3',
      number: '3',
    });
    residentId = await platform.create('/api/residents', {
      communityId,
      compoundId,
      buildingId,
      name: 'Wang Fang',
      phone: '13812341234',
    });
    otherResidentId = await platform.create('/api/residents', {
      communityId,
      compoundId,
      buildingId,
      name: 'Li Lei',
      phone: '13900001111',
    });
    workerId = await platform.create(`/api/communities/${communityId}/workers`, {
      name: 'Zhao Min',
      phone: '13700007777',
      role: 'grid-worker',
    });
    await platform.settle(); // the Party organization learns of the community and its compounds

    const committeeId = await platform.create('/api/party/organizations', {
      kind: 'community-committee',
      name: 'Jianxian Community Party Committee',
      communityId,
    });
    branchId = await platform.create('/api/party/organizations', {
      kind: 'branch',
      name: 'Peach Garden Branch',
      communityId,
      parentId: committeeId,
      compoundIds: [compoundId],
    });
    otherBranchId = await platform.create('/api/party/organizations', {
      kind: 'branch',
      name: 'Plum Court Branch',
      communityId,
      parentId: committeeId,
      compoundIds: [otherCompoundId],
    });
    memberA = await platform.create('/api/party/members', {
      organizationId: branchId,
      name: 'Chen Jie',
      phone: '13600001111',
      membership: 'registered',
    });
    memberB = await platform.create('/api/party/members', {
      organizationId: branchId,
      name: 'Sun Hao',
      phone: '13600002222',
      membership: 'reporting-in',
    });
    outsider = await platform.create('/api/party/members', {
      organizationId: otherBranchId,
      name: 'Zhou Yu',
      phone: '13600003333',
      membership: 'registered',
    });
    await platform.settle(); // the residents' committee learns of the branches and members
  });

  afterAll(() => platform?.stop());

  const stageOf = async (id: string) => (await platform.get(`/api/orders/${id}`)).stage;

  it('places an order: stage placed, round 1', async () => {
    orderId = await platform.create('/api/orders', {
      residentId,
      compoundId,
      buildingId,
      category: 'repair',
      title: 'Leaking pipe on floor 3',
      description: 'Water comes through the ceiling of the stairwell.',
      channel: 'app',
    });
    await platform.settle();
    const view = await platform.get(`/api/orders/${orderId}`);
    expect(view).toMatchObject({
      orderId,
      stage: 'placed',
      round: 1,
      streamId: `residents-committee.order-${orderId}`,
    });
  });

  it('refuses to take an order that was not approved or dispatched', async () => {
    const response = await platform.http().post(`/api/orders/${orderId}/take`).send({ memberId: memberA });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'invalid-transition' });
    expect(response.body.message).toMatch(/dispatch/);
  });

  it('refuses a review by a member of another branch', async () => {
    const response = await platform
      .http()
      .post(`/api/orders/${orderId}/review`)
      .send({ reviewerId: outsider, decision: 'approve', note: 'ok', priority: 'high' });
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/branch/);
  });

  it('refuses a rejection without a reason, naming the problem', async () => {
    const response = await platform
      .http()
      .post(`/api/orders/${orderId}/review`)
      .send({ reviewerId: memberA, decision: 'reject', note: 'no', priority: 'low' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/reason/);
  });

  it('the covering branch approves it', async () => {
    await platform.post(
      `/api/orders/${orderId}/review`,
      {
        reviewerId: memberA,
        decision: 'approve',
        note: 'Urgent: water damage',
        priority: 'urgent',
      },
      200,
    );
    await platform.settle();
    expect(await platform.get(`/api/orders/${orderId}`)).toMatchObject({
      stage: 'approved',
      priority: 'urgent',
    });
  });

  it('refuses a rating before completion', async () => {
    const response = await platform
      .http()
      .post(`/api/orders/${orderId}/rating`)
      .send({ raterId: residentId, score: 5, comment: 'early' });
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/complet/);
  });

  it('refuses a dispatch by someone who is not a worker of the community', async () => {
    const response = await platform
      .http()
      .post(`/api/orders/${orderId}/dispatch`)
      .send({ dispatcherId: residentId, assigneeKind: 'branch-pool', assigneeId: branchId });
    expect(response.status).toBe(409);
  });

  it('the community dispatches it to the branch pool; two members race and exactly one wins', async () => {
    await platform.post(
      `/api/orders/${orderId}/dispatch`,
      {
        dispatcherId: workerId,
        assigneeKind: 'branch-pool',
        assigneeId: branchId,
      },
      200,
    );
    await platform.settle();
    expect(await stageOf(orderId)).toBe('dispatched');

    const outsiderTry = await platform
      .http()
      .post(`/api/orders/${orderId}/take`)
      .send({ memberId: outsider });
    expect(outsiderTry.status).toBe(409);

    const [a, b] = await Promise.all([
      platform.http().post(`/api/orders/${orderId}/take`).send({ memberId: memberA }),
      platform.http().post(`/api/orders/${orderId}/take`).send({ memberId: memberB }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.message).toMatch(/already taken/);
    await platform.settle();
    const view = await platform.get(`/api/orders/${orderId}`);
    expect(view).toMatchObject({ stage: 'taken', takenBy: a.status === 200 ? memberA : memberB });
  });

  it('only the member who took it completes it', async () => {
    const view = await platform.get(`/api/orders/${orderId}`);
    const taker = view.takenBy as string;
    const other = taker === memberA ? memberB : memberA;
    const wrong = await platform
      .http()
      .post(`/api/orders/${orderId}/complete`)
      .send({ memberId: other, resultNote: 'done', evidence: [] });
    expect(wrong.status).toBe(409);
    await platform.post(
      `/api/orders/${orderId}/complete`,
      {
        memberId: taker,
        resultNote: 'Replaced the joint; ceiling dried.',
        evidence: ['https://evidence.example/photo-1.jpg'],
      },
      200,
    );
    await platform.settle();
    expect(await stageOf(orderId)).toBe('completed');
  });

  it('only the resident who placed it may rate it', async () => {
    const response = await platform
      .http()
      .post(`/api/orders/${orderId}/rating`)
      .send({ raterId: otherResidentId, score: 5, comment: 'not mine' });
    expect(response.status).toBe(409);
  });

  it('a low rating reopens it for a second round, which is dispatched, taken, completed and closed', async () => {
    await platform.post(
      `/api/orders/${orderId}/rating`,
      { raterId: residentId, score: 2, comment: 'Still dripping' },
      200,
    );
    await platform.settle();
    expect(await platform.get(`/api/orders/${orderId}`)).toMatchObject({ stage: 'reopened', round: 2 });

    await platform.post(
      `/api/orders/${orderId}/dispatch`,
      {
        dispatcherId: workerId,
        assigneeKind: 'member',
        assigneeId: memberB,
      },
      200,
    );
    await platform.settle();
    const notAssigned = await platform.http().post(`/api/orders/${orderId}/take`).send({ memberId: memberA });
    expect(notAssigned.status).toBe(409);
    await platform.post(`/api/orders/${orderId}/take`, { memberId: memberB }, 200);
    await platform.settle();
    await platform.post(
      `/api/orders/${orderId}/complete`,
      {
        memberId: memberB,
        resultNote: 'Replaced the whole pipe section.',
        evidence: ['https://evidence.example/photo-2.jpg'],
      },
      200,
    );
    await platform.settle();
    await platform.post(
      `/api/orders/${orderId}/rating`,
      { raterId: residentId, score: 5, comment: 'Fixed for good' },
      200,
    );
    await platform.settle();

    const view = await platform.get(`/api/orders/${orderId}`);
    expect(view).toMatchObject({ stage: 'closed', round: 2 });
    const history = view.history as Array<{
      stage: string;
      round: number;
      actorId: string;
      at: string;
      tookMs: number | null;
    }>;
    expect(history.map((s) => s.stage)).toEqual([
      'placed',
      'approved',
      'dispatched',
      'taken',
      'completed',
      'reopened',
      'dispatched',
      'taken',
      'completed',
      'closed',
    ]);
    expect(history.map((s) => s.round)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(history[1]!.actorId).toBe(memberA);
    expect(history[2]!.actorId).toBe(workerId);
    for (const step of history.slice(1)) expect(step.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('lists orders by stage and compound, in pages', async () => {
    const closed = await platform.get(`/api/orders?stage=closed&compoundId=${compoundId}&page=1&pageSize=10`);
    expect(closed).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect((closed.items as Array<{ orderId: string }>).map((o) => o.orderId)).toEqual([orderId]);
    const none = await platform.get(`/api/orders?stage=placed&compoundId=${compoundId}`);
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it('shows the raw history of the order with every event’s metadata, oldest first', async () => {
    const stream = await platform.get(`/api/streams/residents-committee.order-${orderId}`);
    const events = stream.events as Array<Record<string, unknown>>;
    expect(events[0]).toMatchObject({ type: 'OrderPlaced', streamRevision: 0, schemaVersion: 1 });
    for (const event of events) {
      expect(event).toEqual(
        expect.objectContaining({
          eventId: expect.any(String),
          globalPosition: expect.any(Number),
          recordedAt: expect.any(String),
          actorId: expect.any(String),
          correlationId: expect.any(String),
        }),
      );
    }
    const positions = events.map((e) => e.globalPosition as number);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  it('applies a retried request with the same Idempotency-Key once, answering the same id', async () => {
    const body = {
      residentId,
      compoundId,
      category: 'environment',
      title: 'Rubbish by gate 2',
      description: 'Not collected for three days',
      channel: 'hotline',
    };
    const first = await platform
      .http()
      .post('/api/orders')
      .set('Idempotency-Key', 'hotline-call-42')
      .send(body);
    expect(first.status).toBe(201);
    await platform.settle(); // the Party organization opens its branch order too
    const head = (await platform.get('/api/projections')).head;
    const retry = await platform
      .http()
      .post('/api/orders')
      .set('Idempotency-Key', 'hotline-call-42')
      .send(body);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    await platform.settle();
    expect((await platform.get('/api/projections')).head).toBe(head);
  });

  it('answers 400 naming each bad field, 404 for unknown ids, and writes nothing', async () => {
    const before = await platform.get('/api/projections');
    const bad = await platform
      .http()
      .post('/api/orders')
      .send({ residentId: 'x', category: 'party', channel: 'fax' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('validation-failed');
    const fields = (bad.body.details as Array<{ field: string }>).map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['residentId', 'compoundId', 'category', 'title', 'channel']),
    );

    const unknownOrder = await platform.http().get('/api/orders/9b2f0c1e-0000-4000-8000-000000000000');
    expect(unknownOrder.status).toBe(404);
    expect(unknownOrder.body).toMatchObject({ error: 'not-found' });
    const unknownResident = await platform.http().post('/api/orders').send({
      residentId: '9b2f0c1e-0000-4000-8000-000000000000',
      compoundId,
      category: 'repair',
      title: 't',
      description: 'd',
      channel: 'app',
    });
    expect(unknownResident.status).toBe(404);
    const after = await platform.get('/api/projections');
    expect(after.head).toBe(before.head);
  });

  it('loses nothing across a restart, and a rebuild from zero gives the same view', async () => {
    const before = await platform.get(`/api/orders/${orderId}`);
    await platform.stop();
    platform = await TestPlatform.start(database);
    expect(await platform.get(`/api/orders/${orderId}`)).toEqual(before);

    const runner = platform.app.get<ProjectionRunner>(PROJECTION_RUNNER);
    for (const projection of runner.registered) await runner.rebuild(projection.name);
    expect(await platform.get(`/api/orders/${orderId}`)).toEqual(before);
  });
});

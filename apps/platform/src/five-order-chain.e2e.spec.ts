import type { OpenAPIObject } from '@nestjs/swagger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@cogov/projections';
import { testDatabases } from './testing/databases';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { TestPlatform } from './testing/test-platform';

/**
 * The five-order chain through the HTTP API of the embedded platform: place → review →
 * dispatch → take → complete → rate, with a reopen after a low rating, a race for a pooled
 * order, every wrong transition refused, and nothing lost across a restart or a rebuild. Every
 * request of the walk and every answer is checked against the published OpenAPI document.
 */
describe.each(testDatabases)(
  'five-order chain over HTTP (embedded platform on %s)',
  (_name, makeDatabase) => {
    const { config: database, cleanup } = makeDatabase();
    let platform: TestPlatform;
    afterAll(() => cleanup());
    let contract: OpenApiContract | undefined;
    // Everything after the document itself was fetched.
    const checkContract = (exchange: Exchange) => contract?.check(exchange);

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

    const admin = () => platform.as({ personId: 'admin-1', roles: ['platform-admin'] });
    const staff = () =>
      platform.as({
        personId: 'rc-staff-1',
        roles: ['residents-committee-staff'],
        communities: [communityId],
      });
    const partyStaff = () =>
      platform.as({ personId: 'party-staff-1', roles: ['party-staff'], communities: [communityId] });
    const auditor = () =>
      platform.as({ personId: 'auditor-1', roles: ['auditor'], communities: [communityId] });
    /** Every command is sent by the person it names, with a token of that person's role. */
    const claimsFor = (body: Record<string, unknown>) => {
      const person = (field: string) => body[field] as string;
      if (body.reviewerId || body.memberId)
        return {
          personId: person(body.reviewerId ? 'reviewerId' : 'memberId'),
          roles: ['party-member' as const],
          communities: [communityId],
        };
      if (body.dispatcherId)
        return {
          personId: person('dispatcherId'),
          roles: ['residents-committee-staff' as const],
          communities: [communityId],
        };
      return {
        personId: person(body.raterId ? 'raterId' : 'residentId'),
        roles: ['resident' as const],
        communities: [communityId],
      };
    };
    const post = async (path: string, body: Record<string, unknown>) =>
      (await platform.as(claimsFor(body))).post(path, body);
    const expectPost = async (path: string, body: Record<string, unknown>, status = 200) =>
      (await platform.as(claimsFor(body))).expectPost(path, body, status);
    const createAs = async (path: string, body: Record<string, unknown>) =>
      (await platform.as(claimsFor(body))).create(path, body);
    const read = async (path: string, status = 200) => (await staff()).read(path, status);

    beforeAll(async () => {
      platform = await TestPlatform.start(database, {}, checkContract);
      contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
      communityId = await (
        await admin()
      ).create('/api/communities', {
        name: 'Jianxian Community',
        streetName: 'Jianxi Street',
      });
      compoundId = await (
        await staff()
      ).create(`/api/communities/${communityId}/compounds`, {
        name: 'Peach Garden',
        address: '1 Peach Road',
      });
      otherCompoundId = await (
        await staff()
      ).create(`/api/communities/${communityId}/compounds`, {
        name: 'Plum Court',
        address: '9 Plum Road',
      });
      buildingId = await (
        await staff()
      ).create(`/api/compounds/${compoundId}/buildings`, {
        name: 'Building 3',
        number: '3',
      });
      residentId = await (
        await staff()
      ).create('/api/residents', {
        communityId,
        compoundId,
        buildingId,
        name: 'Wang Fang',
        phone: '13812341234',
      });
      otherResidentId = await (
        await staff()
      ).create('/api/residents', {
        communityId,
        compoundId,
        buildingId,
        name: 'Li Lei',
        phone: '13900001111',
      });
      workerId = await (
        await staff()
      ).create(`/api/communities/${communityId}/workers`, {
        name: 'Zhao Min',
        phone: '13700007777',
        role: 'grid-worker',
      });
      await platform.settle(); // the Party organization learns of the community and its compounds

      const committeeId = await (
        await partyStaff()
      ).create('/api/party/organizations', {
        kind: 'community-committee',
        name: 'Jianxian Community Party Committee',
        communityId,
      });
      branchId = await (
        await partyStaff()
      ).create('/api/party/organizations', {
        kind: 'branch',
        name: 'Peach Garden Branch',
        communityId,
        parentId: committeeId,
        compoundIds: [compoundId],
      });
      otherBranchId = await (
        await partyStaff()
      ).create('/api/party/organizations', {
        kind: 'branch',
        name: 'Plum Court Branch',
        communityId,
        parentId: committeeId,
        compoundIds: [otherCompoundId],
      });
      memberA = await (
        await partyStaff()
      ).create('/api/party/members', {
        organizationId: branchId,
        name: 'Chen Jie',
        phone: '13600001111',
        membership: 'registered',
      });
      memberB = await (
        await partyStaff()
      ).create('/api/party/members', {
        organizationId: branchId,
        name: 'Sun Hao',
        phone: '13600002222',
        membership: 'reporting-in',
      });
      outsider = await (
        await partyStaff()
      ).create('/api/party/members', {
        organizationId: otherBranchId,
        name: 'Zhou Yu',
        phone: '13600003333',
        membership: 'registered',
      });
      await platform.settle(); // the residents' committee learns of the branches and members
    });

    afterAll(() => platform?.stop());

    const stageOf = async (id: string) => (await read(`/api/orders/${id}`)).stage;

    it('places an order: stage placed, round 1', async () => {
      orderId = await createAs('/api/orders', {
        residentId,
        compoundId,
        buildingId,
        category: 'repair',
        title: 'Leaking pipe on floor 3',
        description: 'Water comes through the ceiling of the stairwell.',
        channel: 'app',
      });
      await platform.settle();
      const view = await read(`/api/orders/${orderId}`);
      expect(view).toMatchObject({
        orderId,
        stage: 'placed',
        round: 1,
        streamId: `residents-committee.order-${orderId}`,
      });
    });

    it('refuses to take an order that was not approved or dispatched', async () => {
      const response = await post(`/api/orders/${orderId}/take`, { memberId: memberA });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ error: 'invalid-transition' });
      expect(response.body.message).toMatch(/dispatch/);
    });

    it('refuses a review by a member of another branch', async () => {
      const response = await post(`/api/orders/${orderId}/review`, {
        reviewerId: outsider,
        decision: 'approve',
        note: 'ok',
        priority: 'high',
      });
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(/branch/);
    });

    it('refuses a rejection without a reason, naming the problem', async () => {
      const response = await post(`/api/orders/${orderId}/review`, {
        reviewerId: memberA,
        decision: 'reject',
        note: 'no',
        priority: 'low',
      });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toMatch(/reason/);
    });

    it('the covering branch approves it', async () => {
      await expectPost(
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
      expect(await read(`/api/orders/${orderId}`)).toMatchObject({
        stage: 'approved',
        priority: 'urgent',
      });
    });

    it('refuses a rating before completion', async () => {
      const response = await post(`/api/orders/${orderId}/rating`, {
        raterId: residentId,
        score: 5,
        comment: 'early',
      });
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(/complet/);
    });

    it('refuses a dispatch by someone who is not a worker of the community', async () => {
      const response = await post(`/api/orders/${orderId}/dispatch`, {
        dispatcherId: residentId,
        assigneeKind: 'branch-pool',
        assigneeId: branchId,
      });
      expect(response.status).toBe(409);
    });

    it('the community dispatches it to the branch pool; two members race and exactly one wins', async () => {
      await expectPost(
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

      const outsiderTry = await post(`/api/orders/${orderId}/take`, { memberId: outsider });
      expect(outsiderTry.status).toBe(409);

      const [a, b] = await Promise.all([
        post(`/api/orders/${orderId}/take`, { memberId: memberA }),
        post(`/api/orders/${orderId}/take`, { memberId: memberB }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.message).toMatch(/already taken/);
      await platform.settle();
      const view = await read(`/api/orders/${orderId}`);
      expect(view).toMatchObject({ stage: 'taken', takenBy: a.status === 200 ? memberA : memberB });
    });

    it('only the member who took it completes it', async () => {
      const view = await read(`/api/orders/${orderId}`);
      const taker = view.takenBy as string;
      const other = taker === memberA ? memberB : memberA;
      const wrong = await post(`/api/orders/${orderId}/complete`, {
        memberId: other,
        resultNote: 'done',
        evidence: [],
      });
      expect(wrong.status).toBe(409);
      const wrongArrival = await post(`/api/orders/${orderId}/arrival`, { memberId: other });
      expect(wrongArrival.status).toBe(409);
      await expectPost(`/api/orders/${orderId}/arrival`, { memberId: taker, note: 'Water shut off' }, 200);
      await platform.settle();
      expect(await stageOf(orderId)).toBe('arrived');
      // Every stage the view shows is one the list filters by (arrived and handed-back were not).
      const arrived = await read(`/api/orders?stage=arrived&compoundId=${compoundId}`);
      expect((arrived.items as Array<{ orderId: string }>).map((o) => o.orderId)).toContain(orderId);
      await expectPost(
        `/api/orders/${orderId}/complete`,
        {
          memberId: taker,
          resultNote: 'Replaced the joint; ceiling dried.',
          evidence: ['https://evidence.example/photo-1.jpg'],
        },
        200,
      );
      await platform.settle();
      const done = await read(`/api/orders/${orderId}`);
      expect(done.stage).toBe('completed');
      // Who did what and when, per round: the times the service-level clocks will measure.
      const [round1] = done.rounds as Array<Record<string, unknown>>;
      expect(round1).toMatchObject({
        round: 1,
        assignee: { kind: 'branch-pool', id: branchId },
        acceptedBy: { kind: 'member', id: taker },
        handBacks: [],
      });
      for (const at of ['dispatchedAt', 'acceptedAt', 'arrivedAt', 'completedAt'] as const) {
        expect(Date.parse(String(round1![at]))).not.toBeNaN();
      }
      expect(Date.parse(String(round1!.arrivedAt))).toBeGreaterThanOrEqual(
        Date.parse(String(round1!.acceptedAt)),
      );
    });

    it('another resident cannot rate it: the order is not theirs to see (404)', async () => {
      const response = await post(`/api/orders/${orderId}/rating`, {
        raterId: otherResidentId,
        score: 5,
        comment: 'not mine',
      });
      expect(response.status).toBe(404);
    });

    it('a low rating reopens it for a second round, which is dispatched, taken, completed and closed', async () => {
      await expectPost(
        `/api/orders/${orderId}/rating`,
        { raterId: residentId, score: 2, comment: 'Still dripping' },
        200,
      );
      await platform.settle();
      expect(await read(`/api/orders/${orderId}`)).toMatchObject({ stage: 'reopened', round: 2 });

      await expectPost(
        `/api/orders/${orderId}/dispatch`,
        {
          dispatcherId: workerId,
          assigneeKind: 'member',
          assigneeId: memberB,
        },
        200,
      );
      await platform.settle();
      const notAssigned = await post(`/api/orders/${orderId}/take`, { memberId: memberA });
      expect(notAssigned.status).toBe(409);
      await expectPost(`/api/orders/${orderId}/take`, { memberId: memberB }, 200);
      await platform.settle();
      await expectPost(
        `/api/orders/${orderId}/complete`,
        {
          memberId: memberB,
          resultNote: 'Replaced the whole pipe section.',
          evidence: ['https://evidence.example/photo-2.jpg'],
        },
        200,
      );
      await platform.settle();
      await expectPost(
        `/api/orders/${orderId}/rating`,
        { raterId: residentId, score: 5, comment: 'Fixed for good' },
        200,
      );
      await platform.settle();

      const view = await read(`/api/orders/${orderId}`);
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
        'arrived',
        'completed',
        'reopened',
        'dispatched',
        'taken',
        'completed',
        'closed',
      ]);
      expect(history.map((s) => s.round)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
      expect(history[1]!.actorId).toBe(memberA);
      expect(history[2]!.actorId).toBe(workerId);
      for (const step of history.slice(1)) expect(step.tookMs).toBeGreaterThanOrEqual(0);
    });

    it('an order handed back goes back to dispatch, and the next member completes it', async () => {
      const second = await createAs('/api/orders', {
        residentId,
        compoundId,
        buildingId,
        category: 'elderly-care',
        title: 'Help with shopping',
        description: 'Needs groceries twice a week.',
        channel: 'hotline',
      });
      await platform.settle();
      await expectPost(
        `/api/orders/${second}/review`,
        { reviewerId: memberA, decision: 'approve', note: 'ok', priority: 'normal' },
        200,
      );
      await platform.settle();
      await expectPost(
        `/api/orders/${second}/dispatch`,
        { dispatcherId: workerId, assigneeKind: 'member', assigneeId: memberA },
        200,
      );
      await platform.settle();
      await expectPost(`/api/orders/${second}/take`, { memberId: memberA }, 200);
      await platform.settle();
      const noReason = await post(`/api/orders/${second}/hand-back`, { memberId: memberA, reason: '' });
      expect(noReason.status).toBe(400);
      const notTheirs = await post(`/api/orders/${second}/hand-back`, { memberId: memberB, reason: 'no' });
      expect(notTheirs.status).toBe(409);
      await expectPost(
        `/api/orders/${second}/hand-back`,
        { memberId: memberA, reason: 'Away this week' },
        200,
      );
      await platform.settle();
      expect(await read(`/api/orders/${second}`)).toMatchObject({
        stage: 'handed-back',
        round: 1,
        assigneeId: null,
        takenBy: null,
      });
      const tooLate = await post(`/api/orders/${second}/complete`, {
        memberId: memberA,
        resultNote: 'done',
        evidence: [],
      });
      expect(tooLate.status).toBe(409);

      await expectPost(
        `/api/orders/${second}/dispatch`,
        { dispatcherId: workerId, assigneeKind: 'member', assigneeId: memberB },
        200,
      );
      await platform.settle();
      await expectPost(`/api/orders/${second}/take`, { memberId: memberB }, 200);
      await platform.settle();
      await expectPost(
        `/api/orders/${second}/complete`,
        { memberId: memberB, resultNote: 'Shopping done', evidence: [] },
        200,
      );
      await platform.settle();
      const view = await read(`/api/orders/${second}`);
      expect(view).toMatchObject({ stage: 'completed', round: 1, takenBy: memberB });
      expect((view.history as Array<{ stage: string }>).map((step) => step.stage)).toEqual([
        'placed',
        'approved',
        'dispatched',
        'taken',
        'handed-back',
        'dispatched',
        'taken',
        'completed',
      ]);
      expect(view.rounds).toEqual([
        expect.objectContaining({
          round: 1,
          assignee: { kind: 'member', id: memberB },
          acceptedBy: { kind: 'member', id: memberB },
          handBacks: [
            expect.objectContaining({ executor: { kind: 'member', id: memberA }, reason: 'Away this week' }),
          ],
        }),
      ]);
    });

    it('lists orders by stage and compound, in pages', async () => {
      const closed = await read(`/api/orders?stage=closed&compoundId=${compoundId}&page=1&pageSize=10`);
      expect(closed).toMatchObject({ total: 1, page: 1, pageSize: 10 });
      expect((closed.items as Array<{ orderId: string }>).map((o) => o.orderId)).toEqual([orderId]);
      const none = await read(`/api/orders?stage=placed&compoundId=${compoundId}`);
      expect(none).toMatchObject({ total: 0, items: [] });
    });

    it('shows the raw history of the order with every event’s metadata, oldest first', async () => {
      const stream = await (await auditor()).read(`/api/streams/residents-committee.order-${orderId}`);
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

      // Each step names the authenticated person who did it, in whichever context they acted.
      const view = await read(`/api/orders/${orderId}`);
      const takers = (view.history as Array<{ stage: string; actorId: string }>)
        .filter((s) => s.stage === 'taken')
        .map((s) => s.actorId);
      expect(events.map((e) => [e.type, e.actorId])).toEqual([
        ['OrderPlaced', residentId],
        ['BranchReviewRecorded', memberA],
        ['OrderDispatched', workerId],
        ['OrderTakenRecorded', takers[0]],
        ['ArrivalRecorded', takers[0]],
        ['OrderCompletionRecorded', takers[0]],
        ['OrderRated', residentId],
        ['OrderReopened', residentId],
        ['OrderDispatched', workerId],
        ['OrderTakenRecorded', memberB],
        ['OrderCompletionRecorded', memberB],
        ['OrderRated', residentId],
        ['OrderClosed', residentId],
      ]);
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
      const first = await (
        await platform.as(claimsFor(body))
      )
        .post('/api/orders', body)
        .set('Idempotency-Key', 'hotline-call-42');
      expect(first.status).toBe(201);
      await platform.settle(); // the Party organization opens its branch order too
      const head = (await (await admin()).read('/api/projections')).head;
      const retry = await (
        await platform.as(claimsFor(body))
      )
        .post('/api/orders', body)
        .set('Idempotency-Key', 'hotline-call-42');
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      await platform.settle();
      expect((await (await admin()).read('/api/projections')).head).toBe(head);
    });

    it('answers 400 naming each bad field, 404 for unknown ids, and writes nothing', async () => {
      const before = await (await admin()).read('/api/projections');
      const bad = await post('/api/orders', { residentId: 'x', category: 'party', channel: 'fax' });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toBe('validation-failed');
      const fields = (bad.body.details as Array<{ field: string }>).map((d) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining(['residentId', 'compoundId', 'category', 'title', 'channel']),
      );

      const unknownOrder = await (await staff()).get('/api/orders/9b2f0c1e-0000-4000-8000-000000000000');
      expect(unknownOrder.status).toBe(404);
      expect(unknownOrder.body).toMatchObject({ error: 'not-found' });
      const unknownResident = await post('/api/orders', {
        residentId: '9b2f0c1e-0000-4000-8000-000000000000',
        compoundId,
        category: 'repair',
        title: 't',
        description: 'd',
        channel: 'app',
      });
      expect(unknownResident.status).toBe(404);

      // The work routes: each bad field named, an unknown order not found.
      const badArrival = await post(`/api/orders/${orderId}/arrival`, {
        memberId: 'not-a-member-id',
        note: 'x'.repeat(1001),
      });
      expect(badArrival.status).toBe(400);
      expect((badArrival.body.details as Array<{ field: string }>).map((d) => d.field)).toEqual(
        expect.arrayContaining(['memberId', 'note']),
      );
      const noReason = await post(`/api/orders/${orderId}/hand-back`, { memberId: memberA });
      expect(noReason.status).toBe(400);
      expect((noReason.body.details as Array<{ field: string }>).map((d) => d.field)).toEqual(['reason']);
      const unknownArrival = await post('/api/orders/9b2f0c1e-0000-4000-8000-000000000000/arrival', {
        memberId: memberA,
      });
      expect(unknownArrival.status).toBe(404);
      const after = await (await admin()).read('/api/projections');
      expect(after.head).toBe(before.head);
    });

    it('loses nothing across a restart, and a rebuild from zero gives the same view', async () => {
      const before = await read(`/api/orders/${orderId}`);
      await platform.stop();
      platform = await TestPlatform.start(database, {}, checkContract);
      expect(await read(`/api/orders/${orderId}`)).toEqual(before);

      const runner = platform.app.get<ProjectionRunner>(PROJECTION_RUNNER);
      for (const projection of runner.registered) await runner.rebuild(projection.name);
      expect(await read(`/api/orders/${orderId}`)).toEqual(before);
    });

    it('sent only requests the OpenAPI document allows, and got only answers it declares', () => {
      const statuses = new Set(contract!.checked.map((exchange) => exchange.status));
      for (const status of [200, 201, 400, 404, 409]) expect(statuses).toContain(status);
      expect(contract!.violations).toEqual([]);
    });
  },
);

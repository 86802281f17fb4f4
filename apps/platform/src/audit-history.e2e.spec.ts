import { randomUUID } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { TokenClaims } from '@cogov/security';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { testDatabases } from './testing/databases';
import { type ApiCall, PLATFORM_ADMIN, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

interface StoredEvent {
  eventId: string;
  streamId?: string;
  type: string;
  globalPosition: number;
  streamRevision: number;
  recordedAt: string;
  actorId: string;
  correlationId: string;
  causationId: string | null;
}

/** What was seen after one step of the chain: the chain view, the time, the order stream's last event. */
interface Seen {
  step: string;
  at: string;
  view: Record<string, unknown>;
  last: StoredEvent;
}

/**
 * Issue 14, point 2: the state at a past moment. An order walks its chain (place → review →
 * dispatch → take → complete → rate); after each step the test keeps the chain view and the
 * time, then asks the audit routes for each past moment: the chain view replayed in memory equals
 * what `GET /api/orders/:id` showed then, and the order's decider state at each step's position
 * has that step's stage and round. One correlation id carries the whole walk, and the event search
 * finds every event it caused in the residents' committee and the Party organization.
 *
 * The store stamps `recordedAt` with its own time (the wall clock; PostgreSQL's on that
 * dialect), not the platform's clock, so the steps get distinct times by the test waiting for the
 * millisecond to turn after each capture (at most one millisecond), not by a test clock.
 */
describe.each(testDatabases)('audit history (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let contract: OpenApiContract | undefined;
  let admin: ApiClient;
  let auditor: ApiClient;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let orderId: string;
  let streamId: string;
  const correlationId = randomUUID();
  const seen: Seen[] = [];

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  /** A step of the walk, under the walk's correlation id. */
  const act = async (claims: TokenClaims, route: string, body: object, status = 200) => {
    const response = await platform
      .http()
      .post(route)
      .set('Authorization', `Bearer ${await platform.tokens.issue(claims)}`)
      .set('X-Correlation-Id', correlationId)
      .send(body);
    if (response.status !== status) {
      throw new Error(`POST ${route} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as Record<string, unknown>;
  };
  const orderEvents = async () => (await admin.read(`/api/streams/${streamId}`)).events as StoredEvent[];
  const capture = async (step: string) => {
    await platform.settle();
    const view = await admin.read(`/api/orders/${orderId}`);
    const events = await orderEvents();
    const atMs = Date.now();
    seen.push({ step, at: new Date(atMs).toISOString(), view, last: events[events.length - 1]! });
    // Everything of this step was recorded by `at`; everything of the next is recorded after it.
    while (Date.now() <= atMs) {
      /* the millisecond turns */
    }
  };
  const searchAll = async (client: ApiClient, query: string, limit = 1000) => {
    const found: StoredEvent[] = [];
    let after = 0;
    for (;;) {
      const page = await client.read(`/api/audit/events?${query}&after=${after}&limit=${limit}`);
      found.push(...(page.events as StoredEvent[]));
      if (page.nextAfter === null) return found;
      after = page.nextAfter as number;
    }
  };

  beforeAll(async () => {
    platform = await TestPlatform.start(database, {}, (exchange: Exchange) => contract?.check(exchange));
    contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
    admin = await platform.as(PLATFORM_ADMIN);
    seed = await seedCommunity(call);
    auditor = await platform.as({
      personId: 'auditor-1',
      roles: ['auditor'],
      communities: [seed.communityId],
    });
    await platform.settle();
    const before = Date.now();
    while (Date.now() <= before) {
      /* the placement is recorded after `before` */
    }
    seen.push({ step: 'before', at: new Date(before).toISOString(), view: {}, last: null as never });

    orderId = (
      await act(
        seed.resident,
        '/api/orders',
        {
          residentId: seed.residentId,
          compoundId: seed.compoundId,
          category: 'repair',
          title: 'The stairwell light is out',
          description: 'Floor 2, since Monday',
          channel: 'app',
        },
        201,
      )
    ).id as string;
    streamId = `residents-committee.order-${orderId}`;
    await capture('placed');
    await act(seed.member, `/api/orders/${orderId}/review`, {
      reviewerId: seed.memberId,
      decision: 'approve',
      note: 'a quick fix',
      priority: 'normal',
    });
    await capture('approved');
    await act(seed.worker, `/api/orders/${orderId}/dispatch`, {
      dispatcherId: seed.workerId,
      assigneeKind: 'branch-pool',
      assigneeId: seed.branchId,
    });
    await capture('dispatched');
    await act(seed.member, `/api/orders/${orderId}/take`, { memberId: seed.memberId });
    await capture('taken');
    await act(seed.member, `/api/orders/${orderId}/complete`, {
      memberId: seed.memberId,
      resultNote: 'New bulb fitted',
      evidence: ['https://evidence.example/bulb.jpg'],
    });
    await capture('completed');
    await act(seed.resident, `/api/orders/${orderId}/rating`, {
      raterId: seed.residentId,
      score: 5,
      comment: 'Bright again',
    });
    await capture('closed');
  });

  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });

  const steps = () => seen.slice(1);
  // Every exchange, the walk's and the audit routes', is one the OpenAPI document declares.
  afterEach(() => expect(contract?.violations).toEqual([]));

  it('walked the chain through six distinct moments', () => {
    expect(steps().map((s) => s.view.stage)).toEqual([
      'placed',
      'approved',
      'dispatched',
      'taken',
      'completed',
      'closed',
    ]);
    expect(new Set(seen.map((s) => s.at)).size).toBe(seen.length);
  });

  it('answers the chain view as it was at each captured moment', async () => {
    for (const { at, view, step } of steps()) {
      const past = await auditor.read(`/api/audit/orders/${orderId}?at=${encodeURIComponent(at)}`);
      expect({ step, past }).toEqual({ step, past: view });
    }
  });

  it('answers 404 for an order at a moment before it was placed, and for an unknown order', async () => {
    const before = seen[0]!.at;
    await auditor.read(`/api/audit/orders/${orderId}?at=${encodeURIComponent(before)}`, 404);
    await admin.read(`/api/audit/orders/${randomUUID()}?at=${encodeURIComponent(before)}`, 404);
  });

  it('answers the decider state at each step’s position, and the same at its moment', async () => {
    for (const { at, view, last } of steps()) {
      const byPosition = await auditor.read(
        `/api/audit/streams/${streamId}/state?position=${last.globalPosition}`,
      );
      expect(byPosition).toMatchObject({
        streamId,
        position: last.globalPosition,
        at: null,
        revision: last.streamRevision,
        lastEvent: { position: last.globalPosition, recordedAt: last.recordedAt },
        state: { status: 'present', stage: view.stage, round: view.round },
      });
      const byMoment = await auditor.read(
        `/api/audit/streams/${streamId}/state?at=${encodeURIComponent(at)}`,
      );
      expect(byMoment).toEqual({ ...byPosition, at, position: null });
    }
  });

  it('answers the initial state before the stream’s first event', async () => {
    const first = (await orderEvents())[0]!;
    const before = await auditor.read(
      `/api/audit/streams/${streamId}/state?position=${first.globalPosition - 1}`,
    );
    expect(before).toEqual({
      streamId,
      at: null,
      position: first.globalPosition - 1,
      revision: null,
      lastEvent: null,
      state: { status: 'absent' },
    });
    const atBefore = await auditor.read(
      `/api/audit/streams/${streamId}/state?at=${encodeURIComponent(seen[0]!.at)}`,
    );
    expect(atBefore).toMatchObject({ revision: null, state: { status: 'absent' } });
  });

  it('answers 404 for an unknown stream', async () => {
    await admin.read(`/api/audit/streams/residents-committee.order-${randomUUID()}/state?position=1`, 404);
    await admin.read(`/api/audit/streams/no-such-context.thing-${randomUUID()}/state?position=1`, 404);
    // The guard's scope finds no stream; a stream of no declared category: the unit spec of
    // aggregateOfStream (every stream the platform writes is of a declared aggregate).
  });

  it('answers 400 for a missing, doubled or malformed moment', async () => {
    const state = `/api/audit/streams/${streamId}/state`;
    for (const query of [
      '',
      '?at=2030-01-01T00:00:00Z&position=3',
      '?at=yesterday',
      '?position=-1',
      '?position=x',
    ]) {
      const response = await auditor.get(`${state}${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
    for (const query of ['', '?at=soon']) {
      const response = await auditor.get(`/api/audit/orders/${orderId}${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
    for (const query of ['limit=0', 'limit=1001', 'after=-1', 'from=today', 'to=2030-13-01', 'color=red']) {
      const response = await auditor.get(`/api/audit/events?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
    const reversed = await auditor.get('/api/audit/events?from=2030-02-01T00:00:00Z&to=2030-01-01T00:00:00Z');
    expect(reversed.status).toBe(400);
  });

  it('finds every event of the walk by its correlation id, across the residents’ committee and the Party organization', async () => {
    const found = await searchAll(auditor, `correlationId=${correlationId}`, 3);
    const positions = found.map((e) => e.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    expect(found.every((e) => e.correlationId === correlationId)).toBe(true);
    const ids = new Set(found.map((e) => e.eventId));
    for (const event of await orderEvents()) expect(ids).toContain(event.eventId);
    const contexts = new Set(found.map((e) => e.streamId!.split('.')[0]));
    expect([...contexts]).toEqual(expect.arrayContaining(['residents-committee', 'party-organization']));
    // The whole store holds no other event of that correlation id: a platform admin sees the same.
    expect((await searchAll(admin, `correlationId=${correlationId}`)).map((e) => e.eventId)).toEqual(
      found.map((e) => e.eventId),
    );
  });

  it('finds events by actor, type, stream and recorded time', async () => {
    const byMember = await searchAll(admin, `actorId=${seed.memberId}`);
    expect(byMember.length).toBeGreaterThan(0);
    expect(byMember.every((e) => e.actorId === seed.memberId)).toBe(true);
    const memberSteps = (await orderEvents()).filter((e) => e.actorId === seed.memberId);
    expect(memberSteps.length).toBeGreaterThan(0);
    const memberIds = new Set(byMember.map((e) => e.eventId));
    for (const event of memberSteps) expect(memberIds).toContain(event.eventId);

    const ofStream = await searchAll(admin, `streamId=${streamId}`);
    expect(ofStream.map((e) => e.eventId)).toEqual((await orderEvents()).map((e) => e.eventId));
    const placed = await searchAll(admin, `streamId=${streamId}&type=OrderPlaced`);
    expect(placed.map((e) => e.type)).toEqual(['OrderPlaced']);

    // Between the approval's moment and the take's: the dispatch and the take, nothing else.
    const [approved, taken] = [seen[2]!, seen[4]!];
    const window = await searchAll(
      admin,
      `streamId=${streamId}&from=${encodeURIComponent(approved.at)}&to=${encodeURIComponent(taken.at)}`,
    );
    expect(window.length).toBeGreaterThan(0);
    expect(
      window.every(
        (e) =>
          e.globalPosition > approved.last.globalPosition && e.globalPosition <= taken.last.globalPosition,
      ),
    ).toBe(true);
    expect(window[window.length - 1]!.eventId).toBe(taken.last.eventId);
  });

  it('keeps auditors to their scope: another community’s auditor gets 404 and finds nothing', async () => {
    const elsewhere = await platform.as({
      personId: 'auditor-2',
      roles: ['auditor'],
      communities: [randomUUID()],
    });
    await elsewhere.read(`/api/audit/orders/${orderId}?at=${encodeURIComponent(seen[1]!.at)}`, 404);
    await elsewhere.read(
      `/api/audit/streams/${streamId}/state?position=${seen[1]!.last.globalPosition}`,
      404,
    );
    const page = await elsewhere.read(`/api/audit/events?correlationId=${correlationId}`);
    expect(page.events).toEqual([]);
  });

  it('refuses callers who are not auditors or platform admins (403)', async () => {
    const staff = await platform.as(seed.worker);
    for (const route of [
      `/api/audit/orders/${orderId}?at=${encodeURIComponent(seen[1]!.at)}`,
      `/api/audit/streams/${streamId}/state?position=1`,
      `/api/audit/events?correlationId=${correlationId}`,
    ]) {
      expect((await staff.get(route)).status).toBe(403);
    }
  });
});

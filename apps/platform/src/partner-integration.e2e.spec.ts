import { randomUUID } from 'node:crypto';
import { periodOf } from '@cogov/contracts';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { WebhookSender } from '../../property-company/src/property-company.context';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { unifiedCreditCode } from './unified-credit-code';
import { type ApiClient, TestPlatform } from './testing/test-platform';
import { startReceiver, validSignature } from './testing/webhook-receiver';

// The test drives the sender with times of its choosing; no background loop races it.
process.env.WEBHOOK_POLL_MS = '0';

/**
 * A partner property company's system integrates through events: it registers a webhook with its
 * key, receives the order dispatched to its company, works on it with CloudEvents to
 * POST /api/partner/events, and receives each resulting event once, signed.
 */
describe.each(testDatabases)('partner integration (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let admin: ApiClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  const sender = () => platform.app.get(WebhookSender, { strict: false });
  const head = () => platform.app.get<EventStore>(EVENT_STORE).headPosition();

  /** The community each company serves: a company works only on orders of compounds it serves. */
  const seedOf = new Map<string, Awaited<ReturnType<typeof seedCommunity>>>();
  const registerCompany = async () => {
    const served = await seedCommunity(call);
    const companyId = await admin.create('/api/property-companies', {
      name: 'Evergreen Property',
      unifiedCreditCode: unifiedCreditCode(),
      staffCount: 20,
      fullPartyMemberCount: 1,
    });
    await platform.settle();
    await admin.create(`/api/property-companies/${companyId}/contracts`, {
      compoundId: served.compoundId,
      startsOn: '2025-01-01',
      endsOn: '2030-12-31',
    });
    await platform.settle();
    seedOf.set(companyId, served);
    return companyId;
  };
  const keyFor = async (companyId: string) =>
    (
      await admin.expectPost(
        '/api/partner-keys',
        { companyId, name: 'Tickets', compoundIds: [seedOf.get(companyId)!.compoundId] },
        201,
      )
    ).key as string;
  const asPartner = (key: string) => ({
    post: (path: string, body: object, contentType = 'application/json') =>
      platform
        .http()
        .post(path)
        .set('X-Api-Key', key)
        .set('Content-Type', contentType)
        .send(JSON.stringify(body)),
    get: (path: string) => platform.http().get(path).set('X-Api-Key', key),
    delete: (path: string) => platform.http().delete(path).set('X-Api-Key', key),
  });
  const cloudEvent = (type: string, data: Record<string, unknown>, id = randomUUID()) => ({
    specversion: '1.0',
    id,
    source: 'urn:evergreen:tickets',
    type,
    time: '2026-12-02T08:00:00Z',
    datacontenttype: 'application/json',
    data,
  });

  const orderDispatchedTo = async (companyId: string) => {
    const seed = seedOf.get(companyId)!;
    const orderId = await (
      await platform.as(seed.resident)
    ).create('/api/orders', {
      residentId: seed.residentId,
      compoundId: seed.compoundId,
      category: 'repair',
      title: 'Lift stuck',
      description: 'Between floors 3 and 4',
      channel: 'app',
    });
    await platform.settle();
    await (
      await platform.as(seed.member)
    ).expectPost(`/api/orders/${orderId}/review`, {
      reviewerId: seed.memberId,
      decision: 'approve',
      note: 'Property matter',
      priority: 'normal',
    });
    await platform.settle();
    await (
      await platform.as(seed.worker)
    ).expectPost(`/api/orders/${orderId}/dispatch`, {
      dispatcherId: seed.workerId,
      assigneeKind: 'property-company',
      assigneeId: companyId,
    });
    await platform.settle();
    return orderId;
  };

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    receiver = await startReceiver();
    await platform.settle();
  });
  afterAll(async () => {
    await receiver?.close();
    await platform?.stop();
    await cleanup();
  });

  it('an order dispatched to the company is accepted, arrived and completed by CloudEvents; the webhook got each event once, signed', async () => {
    const companyId = await registerCompany();
    await platform.settle();
    const key = await keyFor(companyId);
    const partner = asPartner(key);
    const registered = await partner.post('/api/partner/webhooks', { url: receiver.url });
    expect(registered.status).toBe(201);
    const secret = registered.body.secret as string;
    expect(secret).toMatch(/^whsec_/);

    const orderId = await orderDispatchedTo(companyId);
    const accepted = cloudEvent('order-work.accepted', { orderId, note: 'Coming at 10' });
    const first = await partner.post('/api/partner/events', accepted, 'application/cloudevents+json');
    expect({ status: first.status, body: first.body }).toEqual({
      status: 200,
      body: { eventId: accepted.id, orderId },
    });
    // The same CloudEvent again: the same answer, nothing written.
    await platform.settle();
    const before = await head();
    const again = await partner.post('/api/partner/events', accepted, 'application/cloudevents+json');
    expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: first.body });
    await platform.settle();
    expect(await head()).toBe(before);
    // The same id for another fact is refused, not taken for a retry.
    const reused = await partner.post('/api/partner/events', { ...accepted, type: 'order-work.arrived' });
    expect({ status: reused.status, error: reused.body.error }).toEqual({
      status: 409,
      error: 'idempotency-key-reused',
    });

    await platform.settle();
    const arrived = await partner.post(
      '/api/partner/events',
      cloudEvent('order-work.arrived', { orderId, note: 'On site' }),
    );
    expect(arrived.status).toBe(200);
    await platform.settle();
    const completed = await partner.post(
      '/api/partner/events',
      cloudEvent('order-work.completed', {
        orderId,
        resultNote: 'Lift released and serviced',
        evidence: ['https://evidence.example/lift.jpg'],
      }),
    );
    expect(completed.status).toBe(200);
    await platform.settle();
    expect(await admin.read(`/api/orders/${orderId}`)).toMatchObject({ stage: 'completed' });

    // The resident rates it, and the company's evaluation for the period counts the rating.
    const { resident, residentId } = seedOf.get(companyId)!;
    await (
      await platform.as(resident)
    ).expectPost(`/api/orders/${orderId}/rating`, { raterId: residentId, score: 4, comment: 'Quick' });
    await platform.settle();
    const period = periodOf(new Date().toISOString(), 'quarter');
    expect((await admin.read(`/api/property-companies/${companyId}`)).evaluations).toEqual([
      expect.objectContaining({ period, orderRatingCount: 1, orderRatingsScaled: 75, grade: 'B', score: 75 }),
    ]);

    await sender().deliverDue();
    await sender().deliverDue(); // nothing is sent twice
    const got = receiver.received.map((r) => ({
      ...(JSON.parse(r.body) as { type: string; eventId: string; data: Record<string, unknown> }),
      signed: validSignature(secret, r),
      headerId: r.headers['x-cogov-event-id'],
    }));
    expect(got.map((e) => [e.type, e.data.step ?? null, e.signed, e.headerId === e.eventId])).toEqual([
      ['residents-committee.order-dispatched', null, true, true],
      ['property-company.order-work', 'accepted', true, true],
      ['property-company.order-work', 'arrived', true, true],
      ['property-company.order-work', 'completed', true, true],
      ['property-company.evaluation-graded', null, true, true],
    ]);
    expect(new Set(got.map((e) => e.eventId)).size).toBe(5);
    expect(
      got
        .filter((e) => e.type !== 'property-company.evaluation-graded')
        .every((e) => e.data.orderId === orderId),
    ).toBe(true);
    expect(got.at(-1)!.data).toMatchObject({ companyId, period, grade: 'B' });

    const log = await partner.get('/api/partner/webhooks/deliveries');
    expect(log.status).toBe(200);
    expect((log.body as Array<Record<string, unknown>>).map((d) => [d.status, d.attempts])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
      ['delivered', 1],
      ['delivered', 1],
      ['delivered', 1],
    ]);
    expect(JSON.stringify(log.body)).not.toContain(secret);
  });

  it('a failed delivery is retried with backoff by the clock, and redelivered on request', async () => {
    const companyId = await registerCompany();
    await platform.settle();
    const partner = asPartner(await keyFor(companyId));
    const { secret } = (await partner.post('/api/partner/webhooks', { url: receiver.url })).body as {
      secret: string;
    };
    await sender().deliverDue(); // what earlier tests left
    receiver.failNext(1);
    const count = receiver.received.length;
    await orderDispatchedTo(companyId);
    const now = Date.now();
    expect(await sender().deliverDue(new Date(now))).toBe(1);
    const [failed] = (await partner.get('/api/partner/webhooks/deliveries')).body as Array<
      Record<string, unknown>
    >;
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'answered 500' });
    const nextAt = Date.parse(failed!.nextAttemptAt as string);
    expect(nextAt - now).toBe(10_000);
    // Not due yet: nothing is sent.
    expect(await sender().deliverDue(new Date(now + 5_000))).toBe(0);
    expect(await sender().deliverDue(new Date(nextAt))).toBe(1);
    const [delivered] = (await partner.get('/api/partner/webhooks/deliveries')).body as Array<
      Record<string, unknown>
    >;
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(receiver.received.length).toBe(count + 2);

    const redelivered = await partner.post(
      `/api/partner/webhooks/deliveries/${delivered!.deliveryId as string}/redeliver`,
      {},
    );
    expect(redelivered.body).toMatchObject({ status: 'pending' });
    await sender().deliverDue(new Date(nextAt + 1_000));
    const last = receiver.received.at(-1)!;
    expect(validSignature(secret, last)).toBe(true);
    expect(last.headers['x-cogov-event-id']).toBe(delivered!.eventId);
  });

  it('a partner sees only its own deliveries, and may not work on another company’s order', async () => {
    const ownId = await registerCompany();
    const otherId = await registerCompany();
    await platform.settle();
    const own = asPartner(await keyFor(ownId));
    const other = asPartner(await keyFor(otherId));
    await own.post('/api/partner/webhooks', { url: receiver.url });
    const orderId = await orderDispatchedTo(ownId);
    const [delivery] = (await own.get('/api/partner/webhooks/deliveries')).body as Array<
      Record<string, unknown>
    >;
    expect(delivery).toBeDefined();
    expect((await other.get('/api/partner/webhooks/deliveries')).body).toEqual([]);
    const redeliver = await other.post(
      `/api/partner/webhooks/deliveries/${delivery!.deliveryId as string}/redeliver`,
      {},
    );
    expect(redeliver.status).toBe(404);
    await platform.settle();
    const before = await head();
    const foreign = await other.post('/api/partner/events', cloudEvent('order-work.accepted', { orderId }));
    expect({ status: foreign.status, error: foreign.body.error }).toEqual({
      status: 409,
      error: 'out-of-scope',
    });
    expect(await head()).toBe(before);

    // Its webhooks are listed without their secrets, and only it may remove one.
    const webhooks = (await own.get('/api/partner/webhooks')).body as Array<Record<string, unknown>>;
    expect(webhooks).toEqual([
      { webhookId: delivery!.webhookId, url: receiver.url, createdAt: expect.any(String) },
    ]);
    expect((await other.get('/api/partner/webhooks')).body).toEqual([]);
    const path = `/api/partner/webhooks/${delivery!.webhookId as string}`;
    expect((await other.delete(path)).status).toBe(404);
    await own.post(`/api/partner/webhooks/deliveries/${delivery!.deliveryId as string}/redeliver`, {});
    expect((await own.delete(path)).status).toBe(204);
    expect((await own.get('/api/partner/webhooks')).body).toEqual([]);
    const [removed] = (await own.get('/api/partner/webhooks/deliveries')).body as Array<
      Record<string, unknown>
    >;
    expect(removed).toMatchObject({ status: 'failed', lastError: 'the webhook was removed' });
  });

  it('revoking the partner key removes the webhooks it registered: their pending deliveries fail, nothing more is sent', async () => {
    const companyId = await registerCompany();
    const key = await keyFor(companyId);
    const partner = asPartner(key);
    expect((await partner.post('/api/partner/webhooks', { url: receiver.url })).status).toBe(201);
    await orderDispatchedTo(companyId);
    const keyId = /^cgk_([0-9a-f-]{36})_/.exec(key)![1]!;
    const revoked = await platform
      .http()
      .delete(`/api/partner-keys/${keyId}`)
      .set('Authorization', admin.authorization);
    expect(revoked.status).toBe(204);
    expect((await partner.get('/api/partner/webhooks')).status).toBe(401);

    const before = receiver.received.length;
    await sender().deliverDue();
    expect(receiver.received.length).toBe(before);
    // The company's next key sees no webhook, and the delivery that was pending failed, saying why.
    const next = asPartner(await keyFor(companyId));
    expect((await next.get('/api/partner/webhooks')).body).toEqual([]);
    const deliveries = (await next.get('/api/partner/webhooks/deliveries')).body as Array<
      Record<string, unknown>
    >;
    expect(deliveries.map((d) => [d.eventType, d.status, d.lastError])).toEqual([
      [
        'residents-committee.order-dispatched',
        'failed',
        'the partner key that registered the webhook was revoked',
      ],
    ]);
  });

  it('serves the AsyncAPI document, without a key, as YAML', async () => {
    const response = await platform.http().get('/docs/asyncapi');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/yaml/);
    expect(response.text).toMatch(/^asyncapi: "3\.0\.0"\n/);
    expect(response.text).toContain('partnerWebhook:');
  });

  it('refuses an unknown type naming it, a missing field naming it, another specversion and a URL that is not http(s)', async () => {
    const companyId = await registerCompany();
    await platform.settle();
    const partner = asPartner(await keyFor(companyId));
    const orderId = randomUUID();
    const unknown = await partner.post('/api/partner/events', cloudEvent('order-work.rated', { orderId }));
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('order-work.rated');
    const missing = await partner.post(
      '/api/partner/events',
      cloudEvent('order-work.completed', { orderId }),
    );
    expect({ status: missing.status, details: missing.body.details }).toEqual({
      status: 400,
      details: [{ field: 'data.resultNote', problems: ['is required for order-work.completed'] }],
    });
    const version = await partner.post('/api/partner/events', {
      ...cloudEvent('order-work.accepted', { orderId }),
      specversion: '0.3',
    });
    expect(version.status).toBe(400);
    const { data: _data, ...noData } = cloudEvent('order-work.accepted', { orderId });
    const withoutData = await partner.post('/api/partner/events', noData);
    expect({ status: withoutData.status, details: withoutData.body.details }).toEqual({
      status: 400,
      details: [{ field: 'data', problems: ['must be an object'] }],
    });
    const listData = await partner.post('/api/partner/events', { ...noData, data: [] });
    expect({ status: listData.status, details: listData.body.details }).toEqual({
      status: 400,
      details: [{ field: 'data', problems: ['must be an object'] }],
    });
    const notUrl = await partner.post('/api/partner/webhooks', { url: 'ftp://example.com/x' });
    expect(notUrl.status).toBe(400);
  });
});

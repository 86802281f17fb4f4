import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';
import { unifiedCreditCode } from './unified-credit-code';

/**
 * The property company (物业服务企业): registered with a checked unified credit code, its
 * red-property rules assessed as its headcount changes, and its contracts, one company per
 * compound at a time.
 */
describe.each(testDatabases)('property company (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let admin: ApiClient;

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  const registerCompany = (fullPartyMemberCount = 2) =>
    admin.create('/api/property-companies', {
      name: 'Green Shade Property',
      unifiedCreditCode: unifiedCreditCode(),
      staffCount: 20,
      fullPartyMemberCount,
    });
  const rulesOf = async (companyId: string): Promise<Record<string, Record<string, string>>> => {
    const { rules } = await admin.read(`/api/property-companies/${companyId}`);
    return Object.fromEntries((rules as Array<Record<string, string>>).map((r) => [r.rule!, r]));
  };

  /** An order placed by the seeded resident and approved by the branch: ready for dispatch. */
  const approvedOrder = async (title: string, s = seed) => {
    const orderId = await (
      await platform.as(s.resident)
    ).create('/api/orders', {
      residentId: s.residentId,
      compoundId: s.compoundId,
      category: 'repair',
      title,
      description: title,
      channel: 'app',
    });
    await platform.settle();
    await (
      await platform.as(s.member)
    ).expectPost(`/api/orders/${orderId}/review`, {
      reviewerId: s.memberId,
      decision: 'approve',
      note: 'Property matter',
      priority: 'normal',
    });
    await platform.settle();
    return orderId;
  };
  const dispatchToCompany = async (orderId: string, companyId: string, s = seed) =>
    (await platform.as(s.worker)).post(`/api/orders/${orderId}/dispatch`, {
      dispatcherId: s.workerId,
      assigneeKind: 'property-company',
      assigneeId: companyId,
    });

  /** An order placed by the seeded resident, approved by the branch and dispatched to the company. */
  const orderDispatchedTo = async (companyId: string, title: string, s = seed) => {
    const orderId = await approvedOrder(title, s);
    expect((await dispatchToCompany(orderId, companyId, s)).status).toBe(200);
    await platform.settle();
    return orderId;
  };

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    seed = await seedCommunity(call);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    await platform.settle();
  });
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });

  it('a company is registered with every red-property rule not applicable while it is small', async () => {
    const companyId = await registerCompany();
    const company = await admin.read(`/api/property-companies/${companyId}`);
    expect(company).toMatchObject({
      companyId,
      staffCount: 20,
      fullPartyMemberCount: 2,
      partyOrganizationId: null,
      contracts: [],
      rules: [
        { rule: 'party-organization', status: 'not-applicable', since: company.registeredAt },
        { rule: 'party-members', status: 'not-applicable', since: company.registeredAt },
      ],
    });
  });

  it('a second company with the same unified credit code answers 409 naming the first, also when both register at once', async () => {
    const code = unifiedCreditCode();
    const body = { name: 'Twin', unifiedCreditCode: code, staffCount: 1, fullPartyMemberCount: 0 };
    const first = await admin.create('/api/property-companies', body);
    const second = await admin.post('/api/property-companies', body);
    expect({ status: second.status, error: second.body.error, details: second.body.details }).toEqual({
      status: 409,
      error: 'unified-credit-code-taken',
      details: { unifiedCreditCode: code, companyId: first },
    });
    const other = { ...body, unifiedCreditCode: unifiedCreditCode() };
    const statuses = (
      await Promise.all([
        admin.post('/api/property-companies', other),
        admin.post('/api/property-companies', other),
      ])
    ).map((r) => r.status);
    expect(statuses.sort()).toEqual([201, 409]);
  });

  /** A reservation appended as if its command had died right after it. */
  const reservedBy = (streamId: string, type: string, data: Record<string, unknown>) =>
    platform.app.get<EventStore>(EVENT_STORE).appendToStream(
      streamId,
      [
        {
          eventId: randomUUID(),
          type,
          schemaVersion: 1,
          data,
          metadata: { actorId: 'admin', correlationId: randomUUID(), causationId: null },
        },
      ],
      { expectedRevision: 'any' },
    );
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

  it('a registration that died after reserving its code blocks the code only until the reservation lapses', async () => {
    const [fresh, stale] = [unifiedCreditCode(), unifiedCreditCode()];
    const body = (code: string) => ({
      name: 'N',
      unifiedCreditCode: code,
      staffCount: 1,
      fullPartyMemberCount: 0,
    });
    const dying = randomUUID();
    await reservedBy(`property-company.credit-code-${fresh}`, 'CodeReserved', {
      unifiedCreditCode: fresh,
      companyId: dying,
      reservedAt: new Date().toISOString(),
    });
    const meanwhile = await admin.post('/api/property-companies', body(fresh));
    expect(meanwhile.body).toMatchObject({
      error: 'unified-credit-code-taken',
      details: { companyId: dying },
    });

    const dead = randomUUID();
    await reservedBy(`property-company.credit-code-${stale}`, 'CodeReserved', {
      unifiedCreditCode: stale,
      companyId: dead,
      reservedAt: minutesAgo(10),
    });
    await admin.create('/api/property-companies', body(stale));
    const abandoned = await platform.app
      .get<EventStore>(EVENT_STORE)
      .readStream(`property-company.company-${dead}`);
    expect(abandoned.map((e) => e.type)).toEqual(['RegistrationAbandoned']);
  });

  it('a contract whose signing died after reserving its term blocks it only until the reservation lapses', async () => {
    const compoundId = await admin.create(`/api/communities/${seed.communityId}/compounds`, {
      name: 'K-lapse',
      address: 'l',
    });
    await platform.settle();
    const [holder, next] = [await registerCompany(), await registerCompany()];
    const term = (contractId: string, startsOn: string, endsOn: string, reservedAt: string) =>
      reservedBy(`property-company.compound-service-${compoundId}`, 'TermReserved', {
        compoundId,
        communityId: seed.communityId,
        contractId,
        companyId: holder,
        startsOn,
        endsOn,
        reservedAt,
      });
    const dying = randomUUID();
    await term(dying, '2030-01-01', '2030-12-31', new Date().toISOString());
    const meanwhile = await admin.post(`/api/property-companies/${next}/contracts`, {
      compoundId,
      startsOn: '2030-06-01',
      endsOn: '2030-12-31',
    });
    expect(meanwhile.body).toMatchObject({ error: 'contracts-overlap', details: { contractId: dying } });

    const dead = randomUUID();
    await term(dead, '2040-01-01', '2040-12-31', minutesAgo(10));
    const contractId = await admin.create(`/api/property-companies/${next}/contracts`, {
      compoundId,
      startsOn: '2040-06-01',
      endsOn: '2040-12-31',
    });
    const terms = await platform.app
      .get<EventStore>(EVENT_STORE)
      .readStream(`property-company.compound-service-${compoundId}`);
    expect(terms.slice(-2)).toMatchObject([
      { type: 'TermReleased', data: { contractId: dead } },
      { type: 'TermReserved', data: { contractId } },
    ]);
    const company = await platform.app
      .get<EventStore>(EVENT_STORE)
      .readStream(`property-company.company-${holder}`);
    expect(company.at(-1)).toMatchObject({ type: 'ContractAbandoned', data: { contractId: dead } });
  });

  it('a wrong check character of the unified credit code answers 400', async () => {
    const response = await admin.post('/api/property-companies', {
      name: 'N',
      unifiedCreditCode: '91350100M000100Y44',
      staffCount: 1,
      fullPartyMemberCount: 0,
    });
    expect({ status: response.status, error: response.body.error }).toEqual({
      status: 400,
      error: 'invalid-input',
    });
  });

  it('going from 2 to 3 full Party members without a Party organization: the rule is not met since then', async () => {
    const companyId = await registerCompany(2);
    const before = await rulesOf(companyId);
    await admin.expectPost(`/api/property-companies/${companyId}/headcount`, {
      staffCount: 20,
      fullPartyMemberCount: 3,
    });
    const after = await rulesOf(companyId);
    expect(after['party-organization']!.status).toBe('not-met');
    expect(after['party-organization']!.since! >= before['party-organization']!.since!).toBe(true);
    expect(after['party-members']).toEqual(before['party-members']);
  });

  it('a compound has one company at a time: an overlapping contract answers 409, a later one is signed', async () => {
    // A compound of its own: the seeded one is served by the companies of the order tests.
    const compoundId = await admin.create(`/api/communities/${seed.communityId}/compounds`, {
      name: 'K-contracts',
      address: 'z',
    });
    await platform.settle();
    const first = await registerCompany();
    const second = await registerCompany();
    const contractId = await admin.create(`/api/property-companies/${first}/contracts`, {
      compoundId,
      startsOn: '2025-01-01',
      endsOn: '2027-12-31',
    });
    const overlapping = await admin.post(`/api/property-companies/${second}/contracts`, {
      compoundId,
      startsOn: '2027-12-31',
      endsOn: '2030-12-31',
    });
    expect({
      status: overlapping.status,
      error: overlapping.body.error,
      details: overlapping.body.details,
    }).toEqual({
      status: 409,
      error: 'contracts-overlap',
      details: { compoundId, contractId, companyId: first },
    });
    await admin.create(`/api/property-companies/${second}/contracts`, {
      compoundId,
      startsOn: '2028-01-01',
      endsOn: '2030-12-31',
    });
    expect((await admin.read(`/api/property-companies/${first}`)).contracts).toEqual([
      {
        contractId,
        compoundId,
        communityId: seed.communityId,
        startsOn: '2025-01-01',
        endsOn: '2027-12-31',
      },
    ]);
  });

  it('two overlapping contracts signed at once: exactly one gets the compound', async () => {
    const compoundId = await admin.create(`/api/communities/${seed.communityId}/compounds`, {
      name: 'K2',
      address: 'y',
    });
    await platform.settle();
    const [a, b] = [await registerCompany(), await registerCompany()];
    const body = { compoundId, startsOn: '2025-01-01', endsOn: '2025-12-31' };
    const statuses = (
      await Promise.all([
        admin.post(`/api/property-companies/${a}/contracts`, body),
        admin.post(`/api/property-companies/${b}/contracts`, body),
      ])
    ).map((r) => r.status);
    expect(statuses.sort()).toEqual([201, 409]);
  });

  it('a compound not delivered here yet answers 409 with Retry-After, an end before the start 400', async () => {
    const companyId = await registerCompany();
    const unknown = await admin.post(`/api/property-companies/${companyId}/contracts`, {
      compoundId: randomUUID(),
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
    });
    expect({ status: unknown.status, error: unknown.body.error }).toEqual({
      status: 409,
      error: 'not-yet-known',
    });
    expect(Number(unknown.headers['retry-after'])).toBeGreaterThan(0);
    const backwards = await admin.post(`/api/property-companies/${companyId}/contracts`, {
      compoundId: seed.compoundId,
      startsOn: '2031-01-01',
      endsOn: '2030-12-31',
    });
    expect(backwards.status).toBe(400);
  });

  it('property staff see their own company only', async () => {
    const own = await registerCompany();
    const other = await registerCompany();
    const staff = await platform.as({ personId: 'staff-1', roles: ['property-staff'], companies: [own] });
    expect((await staff.get(`/api/property-companies/${own}`)).status).toBe(200);
    expect((await staff.get(`/api/property-companies/${other}`)).status).toBe(404);
    expect(
      (
        await staff.post(`/api/property-companies/${other}/headcount`, {
          staffCount: 1,
          fullPartyMemberCount: 0,
        })
      ).status,
    ).toBe(404);
  });

  it('an order dispatched to a company: its staff accept, arrive and complete, the resident rates it', async () => {
    const companyId = await registerCompany();
    const otherCompanyId = await registerCompany();
    const resident = await platform.as(seed.resident);
    const orderId = await orderDispatchedTo(companyId, 'Lift stuck');
    const ownStaff = await platform.as({
      personId: 'staff-6',
      roles: ['property-staff'],
      companies: [companyId],
    });
    // Before its contract for the order's compound, the company does not serve it.
    const unserved = await ownStaff.post(`/api/property-companies/${companyId}/orders/${orderId}/accept`, {});
    expect({ status: unserved.status, error: unserved.body.error }).toEqual({
      status: 409,
      error: 'out-of-scope',
    });
    await admin.create(`/api/property-companies/${companyId}/contracts`, {
      compoundId: seed.compoundId,
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    });
    expect((await admin.read(`/api/property-companies/${companyId}`)).openOrders).toMatchObject([
      { orderId, round: 1, stage: 'dispatched' },
    ]);

    const staff = await platform.as({
      personId: 'staff-7',
      roles: ['property-staff'],
      companies: [companyId],
    });
    const otherStaff = await platform.as({
      personId: 'staff-8',
      roles: ['property-staff'],
      companies: [otherCompanyId],
    });
    const steps = `/api/property-companies/${companyId}/orders/${orderId}`;
    // Another company's staff see neither the company nor, through their own, the order.
    expect((await otherStaff.post(`${steps}/accept`, {})).status).toBe(404);
    const viaOwn = await otherStaff.post(
      `/api/property-companies/${otherCompanyId}/orders/${orderId}/accept`,
      {},
    );
    expect({ status: viaOwn.status, error: viaOwn.body.error }).toEqual({
      status: 409,
      error: 'out-of-scope',
    });
    // Completing before arriving is refused.
    expect((await staff.post(`${steps}/complete`, { resultNote: 'R', evidence: [] })).status).toBe(409);

    await staff.expectPost(`${steps}/accept`, {});
    await staff.expectPost(`${steps}/arrival`, { note: 'On site' });
    await staff.expectPost(`${steps}/complete`, {
      resultNote: 'Lift released and serviced',
      evidence: ['https://evidence.example/lift.jpg'],
    });
    await platform.settle();
    const chain = await admin.read(`/api/orders/${orderId}`);
    expect(chain).toMatchObject({
      stage: 'completed',
      rounds: [
        {
          round: 1,
          assignee: { kind: 'property-company', id: companyId },
          acceptedBy: { kind: 'property-company', id: companyId },
        },
      ],
    });
    expect((await admin.read(`/api/property-companies/${companyId}`)).openOrders).toEqual([]);
    await resident.expectPost(`/api/orders/${orderId}/rating`, {
      raterId: seed.residentId,
      score: 5,
      comment: 'Quick',
    });
  });

  it('a dispatch to a company the residents’ committee has not heard of answers 409 with Retry-After and writes nothing', async () => {
    const orderId = await approvedOrder('Lift stuck');
    const head = (await admin.read('/api/projections')).head as number;
    const unknown = randomUUID();
    const dispatch = await dispatchToCompany(orderId, unknown);
    expect(dispatch.status).toBe(409);
    expect(dispatch.headers['retry-after']).toBe('1');
    expect(dispatch.body).toMatchObject({ error: 'not-yet-known', details: { id: unknown } });
    await platform.settle();
    expect((await admin.read('/api/projections')).head).toBe(head);
    // A company that is registered is dispatched to.
    const companyId = await registerCompany();
    await platform.settle();
    expect((await dispatchToCompany(orderId, companyId)).status).toBe(200);
  });

  it('from 2 to 3 full Party members the red-property rule is not met; founding its company branch makes it met', async () => {
    const companyId = await registerCompany(2);
    await platform.settle();
    await admin.expectPost(`/api/property-companies/${companyId}/headcount`, {
      staffCount: 20,
      fullPartyMemberCount: 3,
    });
    expect((await rulesOf(companyId))['party-organization']!.status).toBe('not-met');
    const organizationId = await admin.create('/api/party/organizations', {
      kind: 'company-branch',
      name: 'Green Shade Property Party Branch',
      communityId: seed.communityId,
      parentId: seed.committeeId,
      companyId,
    });
    await platform.settle();
    const company = await admin.read(`/api/property-companies/${companyId}`);
    expect(company.partyOrganizationId).toBe(organizationId);
    expect((company.rules as Array<Record<string, string>>)[0]).toMatchObject({
      rule: 'party-organization',
      status: 'met',
    });
  });

  it('a company branch for a company the Party organization has not heard of answers 409 with Retry-After', async () => {
    const response = await admin.post('/api/party/organizations', {
      kind: 'company-branch',
      name: 'Unknown Company Branch',
      communityId: seed.communityId,
      parentId: seed.committeeId,
      companyId: randomUUID(),
    });
    expect({ status: response.status, error: response.body.error }).toEqual({
      status: 409,
      error: 'not-yet-known',
    });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('the company’s partner system works on its orders with its key, recorded as partner:<companyId>', async () => {
    // A community of its own: the seeded compound has its company already.
    const other = await seedCommunity(call);
    await platform.settle();
    const companyId = await registerCompany();
    await admin.create(`/api/property-companies/${companyId}/contracts`, {
      compoundId: other.compoundId,
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    });
    const orderId = await orderDispatchedTo(companyId, 'Gate broken', other);
    const { key } = await admin.expectPost(
      '/api/partner-keys',
      { companyId, name: 'Work order system', compoundIds: [other.compoundId] },
      201,
    );
    const accepted = await platform
      .http()
      .post(`/api/property-companies/${companyId}/orders/${orderId}/accept`)
      .set('X-Api-Key', key as string)
      .send({});
    expect(accepted.status).toBe(200);
    await platform.settle();
    const chain = await admin.read(`/api/orders/${orderId}`);
    expect(chain).toMatchObject({ rounds: [{ acceptedBy: { kind: 'property-company', id: companyId } }] });
    expect(JSON.stringify(chain.history)).toContain(`partner:${companyId}`);
  });

  it('property staff list the orders dispatched to their company, and no other company’s', async () => {
    const [ours, theirs] = [await seedCommunity(call), await seedCommunity(call)];
    await platform.settle();
    const [own, other] = [await registerCompany(), await registerCompany()];
    for (const [companyId, s] of [
      [own, ours],
      [other, theirs],
    ] as const) {
      await admin.create(`/api/property-companies/${companyId}/contracts`, {
        compoundId: s.compoundId,
        startsOn: '2020-01-01',
        endsOn: '2099-12-31',
      });
    }
    const mine = await orderDispatchedTo(own, 'Lift', ours);
    await orderDispatchedTo(other, 'Gate', theirs);
    await approvedOrder('Not dispatched yet', ours);
    const staff = await platform.as({ personId: 'staff-9', roles: ['property-staff'], companies: [own] });
    const { items } = await staff.read('/api/orders');
    expect((items as Array<Record<string, unknown>>).map((o) => o.orderId)).toEqual([mine]);
  });
});

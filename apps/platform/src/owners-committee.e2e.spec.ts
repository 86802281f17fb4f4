import { randomUUID } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * 业主委员会: a compound's owners' committee, formed for a term by the residents' committee staff,
 * its members owners of the compound; a Party share below the minimum (50 % by default) shows
 * the committee non-compliant, with the share and since when, and is not refused.
 */
describe.each(testDatabases)('owners committee (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let admin: ApiClient;
  let staff: ApiClient;
  let contract: OpenApiContract | undefined;

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  const newResident = async () =>
    admin.create('/api/residents', {
      communityId: seed.communityId,
      compoundId: seed.compoundId,
      buildingId: seed.buildingId,
      name: 'Owner',
      phone: '13800000009',
      tenure: 'owner',
    });
  const remove = (path: string) => platform.http().delete(path).set('Authorization', staff.authorization);
  let term = 2000;
  const nextTerm = () => {
    term += 5;
    return { termStart: `${term}-01-01`, termEnd: `${term + 4}-12-31` };
  };

  beforeAll(async () => {
    // Every request after the document itself is checked against it, and every answer.
    platform = await TestPlatform.start(database, {}, (exchange: Exchange) => contract?.check(exchange));
    contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
    seed = await seedCommunity(call);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    staff = await platform.as(seed.worker);
    await platform.settle();
  });
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });

  it('a committee whose Party share falls below the minimum shows non-compliant with its share', async () => {
    const committeeId = await staff.create('/api/owners-committees', {
      compoundId: seed.compoundId,
      ...nextTerm(),
    });
    const [chair, owner, another] = [await newResident(), await newResident(), await newResident()];
    await platform.settle();
    const members = `/api/owners-committees/${committeeId}/members`;
    await staff.create(members, {
      residentId: chair,
      role: 'chair',
      partyMemberId: seed.memberId,
      background: 'party-member',
    });
    await staff.create(members, { residentId: owner, role: 'deputy', background: 'public-sector' });
    expect(await staff.read(`/api/owners-committees/${committeeId}`)).toMatchObject({
      compoundId: seed.compoundId,
      communityId: seed.communityId,
      partySharePercent: 50,
      minimumPartySharePercent: 50,
      compliance: 'compliant',
    });

    const third = await staff.create(members, { residentId: another, role: 'member', background: 'other' });
    const committee = await staff.read(`/api/owners-committees/${committeeId}`);
    expect(committee).toMatchObject({ partySharePercent: 33.3, compliance: 'non-compliant' });
    expect(committee.members).toHaveLength(3);
    expect(committee.complianceSince).toEqual(
      (committee.members as Array<{ memberId: string; joinedAt: string }>).find((m) => m.memberId === third)
        ?.joinedAt,
    );

    const left = await remove(`${members}/${third}`);
    expect(left.status).toBe(204);
    expect(await staff.read(`/api/owners-committees/${committeeId}`)).toMatchObject({
      partySharePercent: 50,
      compliance: 'compliant',
    });
  });

  it('one committee per compound per term: an overlapping term answers 409 naming the other', async () => {
    const terms = nextTerm();
    const first = await staff.create('/api/owners-committees', { compoundId: seed.compoundId, ...terms });
    const response = await staff.post('/api/owners-committees', {
      compoundId: seed.compoundId,
      termStart: terms.termEnd,
      termEnd: `${term + 9}-12-31`,
    });
    expect({ status: response.status, error: response.body.error, details: response.body.details }).toEqual({
      status: 409,
      error: 'committee-term-overlaps',
      details: { compoundId: seed.compoundId, committeeId: first },
    });
  });

  it('two committees formed at once over one term: exactly one is formed', async () => {
    const terms = nextTerm();
    const answers = await Promise.all(
      [0, 1].map(() => staff.post('/api/owners-committees', { compoundId: seed.compoundId, ...terms })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
  });

  it('two chairs added at once: one takes the chair, the other is refused; a retried formation forms once', async () => {
    const key = randomUUID();
    const body = { compoundId: seed.compoundId, ...nextTerm() };
    const formed = await Promise.all(
      [0, 1].map(() => staff.post('/api/owners-committees', body).set('Idempotency-Key', key)),
    );
    expect(formed.map((f) => f.status)).toEqual([201, 201]);
    expect(formed[0]!.body.id).toEqual(formed[1]!.body.id);
    const committeeId = formed[0]!.body.id as string;
    const [first, second] = [await newResident(), await newResident()];
    await platform.settle();
    const chairs = await Promise.all(
      [first, second].map((residentId) =>
        staff.post(`/api/owners-committees/${committeeId}/members`, {
          residentId,
          role: 'chair',
          background: 'other',
        }),
      ),
    );
    expect(chairs.map((c) => c.status).sort()).toEqual([201, 409]);
    const committee = await staff.read(`/api/owners-committees/${committeeId}`);
    expect(committee.members).toHaveLength(1);
  });

  it('a formation that died after reserving its term blocks it only until the reservation lapses', async () => {
    const store = platform.app.get<EventStore>(EVENT_STORE);
    const reserve = (committeeId: string, reservedAt: Date, terms: { termStart: string; termEnd: string }) =>
      store.appendToStream(
        `owners-committee.compound-terms-${seed.compoundId}`,
        [
          {
            eventId: randomUUID(),
            type: 'TermReserved',
            schemaVersion: 1,
            data: {
              compoundId: seed.compoundId,
              committeeId,
              ...terms,
              reservedAt: reservedAt.toISOString(),
            },
            metadata: { actorId: 'admin', correlationId: randomUUID(), causationId: null },
          },
        ],
        { expectedRevision: 'any' },
      );

    // Reserved a moment ago by a committee never formed: its formation may still be on its way.
    const dying = randomUUID();
    const terms = nextTerm();
    await reserve(dying, new Date(), terms);
    const meanwhile = await staff.post('/api/owners-committees', { compoundId: seed.compoundId, ...terms });
    expect(meanwhile.body).toMatchObject({
      error: 'committee-term-overlaps',
      details: { committeeId: dying },
    });

    // Reserved long ago by a committee never formed: its formation is called off, the term taken.
    const dead = randomUUID();
    const deadTerms = nextTerm();
    await reserve(dead, new Date(Date.now() - 10 * 60_000), deadTerms);
    const committeeId = await staff.create('/api/owners-committees', {
      compoundId: seed.compoundId,
      ...deadTerms,
    });
    const reservations = await store.readStream(`owners-committee.compound-terms-${seed.compoundId}`);
    expect(reservations.slice(-2)).toMatchObject([
      { type: 'TermReleased', data: { committeeId: dead } },
      { type: 'TermReserved', data: { committeeId } },
    ]);
    const abandoned = await store.readStream(`owners-committee.committee-${dead}`);
    expect(abandoned.map((e) => e.type)).toEqual(['FormationAbandoned']);
  });

  it('ids the committee cannot take: a resident elsewhere, facts not delivered yet, a second chair', async () => {
    const committeeId = await staff.create('/api/owners-committees', {
      compoundId: seed.compoundId,
      ...nextTerm(),
    });
    const members = `/api/owners-committees/${committeeId}/members`;
    const otherCompound = await admin.create(`/api/communities/${seed.communityId}/compounds`, {
      name: 'Other',
      address: 'y',
    });
    const building = await admin.create(`/api/compounds/${otherCompound}/buildings`, {
      name: 'B',
      number: '9',
    });
    const elsewhere = await admin.create('/api/residents', {
      communityId: seed.communityId,
      compoundId: otherCompound,
      buildingId: building,
      name: 'Elsewhere',
      phone: '13800000008',
    });
    await platform.settle();
    const add = (body: object) => staff.post(members, { role: 'member', background: 'other', ...body });

    expect((await add({ residentId: elsewhere })).body.error).toBe('out-of-scope');
    const unknown = await add({ residentId: randomUUID() });
    expect([unknown.status, unknown.body.error]).toEqual([409, 'not-yet-known']);
    expect(unknown.headers['retry-after']).toBeDefined();
    expect((await add({ residentId: seed.residentId, partyMemberId: seed.residentId })).body.error).toBe(
      'wrong-kind',
    );
    expect((await add({ residentId: seed.residentId, role: 'chair' })).status).toBe(201);
    const owner = await newResident();
    await platform.settle();
    const second = await add({ residentId: owner, role: 'chair' });
    expect([second.status, second.body.error]).toEqual([409, 'rule-violation']);
    const gone = await remove(`${members}/${randomUUID()}`);
    expect(gone.status).toBe(404);
  });

  it('a compound not delivered yet is not yet known; another community’s staff cannot see it', async () => {
    const unknown = await admin.post('/api/owners-committees', { compoundId: randomUUID(), ...nextTerm() });
    expect([unknown.status, unknown.body.error]).toEqual([409, 'not-yet-known']);
    const stranger = await platform.as({
      personId: 'stranger',
      roles: ['residents-committee-staff'],
      communities: [randomUUID()],
    });
    const formed = await staff.create('/api/owners-committees', {
      compoundId: seed.compoundId,
      ...nextTerm(),
    });
    expect((await stranger.get(`/api/owners-committees/${formed}`)).status).toBe(404);
    expect(
      (await stranger.post('/api/owners-committees', { compoundId: seed.compoundId, ...nextTerm() })).status,
    ).toBe(404);
  });

  it('the owners’ committee staff of the compound keep its seats but do not form committees', async () => {
    const ownStaff = await platform.as({
      personId: 'oc-staff',
      roles: ['owners-committee-staff'],
      compounds: [seed.compoundId],
    });
    const committeeId = await staff.create('/api/owners-committees', {
      compoundId: seed.compoundId,
      ...nextTerm(),
    });
    const owner = await newResident();
    await platform.settle();
    await ownStaff.create(`/api/owners-committees/${committeeId}/members`, {
      residentId: owner,
      role: 'member',
      background: 'deputy-or-cppcc',
    });
    expect(
      (await ownStaff.post('/api/owners-committees', { compoundId: seed.compoundId, ...nextTerm() })).status,
    ).toBe(403);
  });

  it('sent only requests the OpenAPI document allows, and got only answers it declares', () => {
    const statuses = new Set(contract!.checked.map((exchange) => exchange.status));
    for (const status of [200, 201, 204, 403, 404, 409]) expect(statuses).toContain(status);
    expect(contract!.violations).toEqual([]);
  });
});

import type { OpenAPIObject } from '@nestjs/swagger';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * The linkage rules the owners' committee shows from the Party organization's facts: 一肩挑 (the
 * chair is the covering branch's secretary) and 交叉任职 (the chair, the property manager and the
 * community police officer sit on the branch committee), from the branch's seats; members are
 * owners; and a property company has one Party organization of its own.
 */
describe.each(testDatabases)('party linkage (embedded platform on %s)', (_name, makeDatabase) => {
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
  const newResident = async (tenure?: 'owner' | 'tenant') =>
    admin.create('/api/residents', {
      communityId: seed.communityId,
      compoundId: seed.compoundId,
      buildingId: seed.buildingId,
      name: 'Owner',
      phone: '13800000009',
      ...(tenure ? { tenure } : {}),
    });
  const seats = () => `/api/party/organizations/${seed.branchId}/seats`;
  const vacate = (seatId: string) =>
    platform.http().delete(`${seats()}/${seatId}`).set('Authorization', admin.authorization);
  let term = 2100;
  const newCommittee = () => {
    term += 5;
    return staff.create('/api/owners-committees', {
      compoundId: seed.compoundId,
      termStart: `${term}-01-01`,
      termEnd: `${term + 4}-12-31`,
    });
  };

  beforeAll(async () => {
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

  it('the one-shoulder and cross-appointment facts show from the branch’s seats', async () => {
    const committeeId = await newCommittee();
    const chair = await newResident('owner');
    await platform.settle();
    // Before the branch has seats, nothing can be told.
    const before = await staff.read(`/api/owners-committees/${committeeId}`);
    expect(before.oneShoulder).toMatchObject({ status: 'unknown' });

    await staff.create(`/api/owners-committees/${committeeId}/members`, {
      residentId: chair,
      role: 'chair',
      partyMemberId: seed.memberId,
      background: 'party-member',
    });
    const secretary = await admin.create(seats(), {
      personName: 'Li Hua',
      memberId: seed.memberId,
      residentId: chair,
      seat: 'secretary',
      holds: 'owners-committee-chair',
    });
    const manager = await admin.create(seats(), {
      personName: 'Zhou Qiang',
      seat: 'committee-member',
      holds: 'property-manager',
    });
    await platform.settle();

    const committee = await staff.read(`/api/owners-committees/${committeeId}`);
    expect(committee.oneShoulder).toMatchObject({
      status: 'holds',
      branchId: seed.branchId,
      seatId: secretary,
      person: { memberId: seed.memberId, residentId: chair },
    });
    expect(committee.crossAppointment).toMatchObject({
      chair: { status: 'holds', seatId: secretary },
      propertyManager: { status: 'holds', seatId: manager, person: { memberId: null, residentId: null } },
      communityPolice: { status: 'does-not-hold' },
    });

    // One secretary at a time.
    const second = await admin.post(seats(), { personName: 'Wu Lei', seat: 'secretary' });
    expect({ status: second.status, error: second.body.error }).toEqual({
      status: 409,
      error: 'rule-violation',
    });

    expect((await vacate(secretary)).status).toBe(204);
    await platform.settle();
    const after = await staff.read(`/api/owners-committees/${committeeId}`);
    expect(after.oneShoulder).toMatchObject({ status: 'does-not-hold' });
    expect(after.crossAppointment).toMatchObject({ chair: { status: 'does-not-hold' } });
    expect((await vacate(manager)).status).toBe(204);
  });

  it('a seat naming a member of no organization answers 404, a resident not heard of 409', async () => {
    const nobody = await admin.post(seats(), {
      personName: 'Nobody',
      memberId: '5d2a9f4e-0000-4000-8000-00000000beef',
      seat: 'committee-member',
    });
    expect(nobody.status).toBe(404);
    const unheard = await admin.post(seats(), {
      personName: 'Unheard',
      residentId: '5d2a9f4e-0000-4000-8000-00000000cafe',
      seat: 'committee-member',
    });
    expect({ status: unheard.status, error: unheard.body.error }).toEqual({
      status: 409,
      error: 'not-yet-known',
    });
  });

  it('a committee member who is not a known owner answers 409 rule-violation naming the rule, until the tenure is recorded', async () => {
    const committeeId = await newCommittee();
    const [tenant, unasked] = [await newResident('tenant'), await newResident()];
    await platform.settle();
    for (const residentId of [tenant, unasked]) {
      const response = await staff.post(`/api/owners-committees/${committeeId}/members`, {
        residentId,
        role: 'member',
        background: 'other',
      });
      expect({ status: response.status, error: response.body.error, details: response.body.details }).toEqual(
        {
          status: 409,
          error: 'rule-violation',
          details: expect.objectContaining({ rule: 'members-are-owners', residentId }) as unknown,
        },
      );
    }
    expect((await staff.read(`/api/owners-committees/${committeeId}`)).members).toEqual([]);

    // Asked afterwards, the one who owns their home takes the seat.
    await admin.expectPost(`/api/residents/${unasked}/tenure`, { tenure: 'owner' });
    await platform.settle();
    await staff.create(`/api/owners-committees/${committeeId}/members`, {
      residentId: unasked,
      role: 'member',
      background: 'other',
    });
    expect((await staff.read(`/api/owners-committees/${committeeId}`)).members).toEqual([
      expect.objectContaining({ residentId: unasked }),
    ]);
  });

  it('a second company-branch for the same company answers 409 naming the first', async () => {
    const companyId = await admin.create('/api/property-companies', {
      name: 'Green Shade Property',
      unifiedCreditCode: '91350100M000100Y43',
      staffCount: 20,
      fullPartyMemberCount: 3,
    });
    await platform.settle();
    const branch = {
      kind: 'company-branch',
      name: 'Green Shade Property Party Branch',
      communityId: seed.communityId,
      parentId: seed.committeeId,
      companyId,
    };
    const first = await admin.create('/api/party/organizations', branch);
    const second = await admin.post('/api/party/organizations', { ...branch, name: 'Another' });
    expect({ status: second.status, error: second.body.error, details: second.body.details }).toEqual({
      status: 409,
      error: 'company-already-has-branch',
      details: { companyId, branchId: first },
    });
  });
});

import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import type { TokenClaims } from '@cogov/security';
import { type ApiCall, PLATFORM_ADMIN, seedCommunity } from './testing/seed-community';
import { TestPlatform } from './testing/test-platform';

type Seed = Awaited<ReturnType<typeof seedCommunity>>;

/**
 * Every id a command names must lie where the command acts: a Party member, a branch, a compound,
 * a parent organization, a building or a duplicate order of another community answers 409
 * `out-of-scope` naming it, one of the wrong kind 409 `wrong-kind`, an id nobody has 404; each
 * refusal writes nothing, and the order it was aimed at goes on as if it had not been sent.
 */
describe('ids of another community are refused where a command acts (embedded platform)', () => {
  const database = freshSqlite();
  let platform: TestPlatform;
  let here: Seed;
  let there: Seed;
  let orderId: string;
  let orderThere: string;

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  const head = async () => {
    await platform.settle();
    return (await (await platform.as(PLATFORM_ADMIN)).read('/api/projections')).head as number;
  };
  /** Sends the request and expects it refused as `status`/`error` with `details`, writing nothing. */
  const expectRefused = async (
    claims: TokenClaims,
    route: string,
    body: object,
    status: number,
    error: string,
    details: Record<string, unknown>,
  ) => {
    const before = await head();
    const response = await (await platform.as(claims)).post(route, body);
    expect({ status: response.status, error: response.body.error, details: response.body.details }).toEqual({
      status,
      error,
      details,
    });
    expect(await head()).toBe(before);
  };
  /** The details of an id that lies in community `lies` but was named where `wanted` acts. */
  const outOfScope = (entity: string, id: string, lies: Seed, wanted: Seed) => ({
    entity,
    id,
    communityId: lies.communityId,
    expectedCommunityId: wanted.communityId,
  });
  const placeOrder = async (seed: Seed) => {
    const id = await (
      await platform.as(seed.resident)
    ).create('/api/orders', {
      residentId: seed.residentId,
      compoundId: seed.compoundId,
      category: 'repair',
      title: 'Broken lamp',
      description: 'd',
      channel: 'app',
    });
    await platform.settle();
    return id;
  };
  const approve = async (seed: Seed, id: string) => {
    await (
      await platform.as(seed.member)
    ).expectPost(`/api/orders/${id}/review`, {
      reviewerId: seed.memberId,
      decision: 'approve',
      note: 'ok',
      priority: 'normal',
    });
    await platform.settle();
  };

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    here = await seedCommunity(call);
    there = await seedCommunity(call);
    await platform.settle();
    orderId = await placeOrder(here);
    orderThere = await placeOrder(there);
    await approve(here, orderId);
  });
  afterAll(async () => {
    await platform?.stop();
    database.cleanup();
  });

  describe('社区派单: a dispatch', () => {
    const dispatch = (assigneeKind: string, assigneeId: string) => ({
      dispatcherId: here.workerId,
      assigneeKind,
      assigneeId,
    });

    it.each([
      ['member', 'Party member', () => there.memberId],
      ['branch-pool', 'Party branch', () => there.branchId],
    ])(
      'to a %s of another community answers 409 naming it, and writes nothing',
      (assigneeKind, entity, assigneeId) =>
        expectRefused(
          here.worker,
          `/api/orders/${orderId}/dispatch`,
          dispatch(assigneeKind, assigneeId()),
          409,
          'out-of-scope',
          outOfScope(entity, assigneeId(), there, here),
        ),
    );

    it('to the pool of the community committee answers 409 wrong-kind, and writes nothing', () =>
      expectRefused(
        here.worker,
        `/api/orders/${orderId}/dispatch`,
        dispatch('branch-pool', here.committeeId),
        409,
        'wrong-kind',
        { entity: 'Party branch', id: here.committeeId, kind: 'community-committee' },
      ));

    it('after the refusals the order is not stuck: dispatched here, it is taken here', async () => {
      await (
        await platform.as(here.worker)
      ).expectPost(`/api/orders/${orderId}/dispatch`, dispatch('member', here.memberId));
      await platform.settle();
      await (
        await platform.as(here.member)
      ).expectPost(`/api/orders/${orderId}/take`, { memberId: here.memberId });
      await platform.settle();
      const chain = await (await platform.as(here.worker)).read(`/api/orders/${orderId}`);
      expect(chain.stage).toBe('taken');
    });
  });

  describe('the community structure', () => {
    /** Staff of both communities: the access guard lets them through, so the command decides. */
    const staffOfBoth = (): TokenClaims => ({
      personId: 'staff-of-both',
      roles: ['residents-committee-staff'],
      communities: [here.communityId, there.communityId],
    });

    it('an order for a compound of another community than its resident’s answers 409 naming the compound', () =>
      expectRefused(
        staffOfBoth(),
        '/api/orders',
        {
          residentId: here.residentId,
          compoundId: there.compoundId,
          category: 'repair',
          title: 't',
          description: 'd',
          channel: 'service-station',
        },
        409,
        'out-of-scope',
        outOfScope('compound', there.compoundId, there, here),
      ));

    it('a resident registered in a compound of another community answers 409 naming the compound', () =>
      expectRefused(
        PLATFORM_ADMIN,
        '/api/residents',
        {
          communityId: here.communityId,
          compoundId: there.compoundId,
          buildingId: there.buildingId,
          name: 'R',
          phone: '13800000001',
        },
        409,
        'out-of-scope',
        outOfScope('compound', there.compoundId, there, here),
      ));

    it('a resident registered in a building of another compound answers 404 naming building and compound', () =>
      expectRefused(
        PLATFORM_ADMIN,
        '/api/residents',
        {
          communityId: here.communityId,
          compoundId: here.compoundId,
          buildingId: there.buildingId,
          name: 'R',
          phone: '13800000001',
        },
        404,
        'not-found',
        { entity: 'building', id: there.buildingId, within: { entity: 'compound', id: here.compoundId } },
      ));
  });

  describe('the Party organization', () => {
    const partyStaffOfBoth = (): TokenClaims => ({
      personId: 'party-staff-of-both',
      roles: ['party-staff'],
      communities: [here.communityId, there.communityId],
    });

    it('a branch under the committee of another community answers 409 naming the parent', () =>
      expectRefused(
        partyStaffOfBoth(),
        '/api/party/organizations',
        {
          kind: 'branch',
          name: 'Br',
          communityId: there.communityId,
          parentId: here.committeeId,
          compoundIds: [there.compoundId],
        },
        409,
        'out-of-scope',
        outOfScope('organization', here.committeeId, here, there),
      ));

    it('a branch under a branch answers 409 wrong-kind naming the parent', () =>
      expectRefused(
        partyStaffOfBoth(),
        '/api/party/organizations',
        {
          kind: 'branch',
          name: 'Br',
          communityId: here.communityId,
          parentId: here.branchId,
          compoundIds: [],
        },
        409,
        'wrong-kind',
        { entity: 'community-committee', id: here.branchId, kind: 'branch' },
      ));

    it('a branch over a compound of another community answers 409 naming the compound', () =>
      expectRefused(
        partyStaffOfBoth(),
        '/api/party/organizations',
        {
          kind: 'branch',
          name: 'Br',
          communityId: here.communityId,
          parentId: here.committeeId,
          compoundIds: [there.compoundId],
        },
        409,
        'out-of-scope',
        {
          entity: 'compound',
          id: there.compoundId,
          compoundIds: [there.compoundId],
          expectedCommunityId: here.communityId,
        },
      ));

    it('a group over a building of another community answers 409 naming the building', () =>
      expectRefused(
        partyStaffOfBoth(),
        '/api/party/organizations',
        {
          kind: 'group',
          name: 'G',
          communityId: here.communityId,
          parentId: here.branchId,
          buildingIds: [there.buildingId],
        },
        409,
        'out-of-scope',
        {
          entity: 'building',
          id: there.buildingId,
          buildingIds: [there.buildingId],
          branchId: here.branchId,
        },
      ));

    it('a merge into an order of another community answers 409 naming that order', async () => {
      const duplicate = await placeOrder(here);
      await expectRefused(
        here.member,
        `/api/orders/${duplicate}/review`,
        {
          reviewerId: here.memberId,
          decision: 'merge',
          note: 'same lamp',
          priority: 'normal',
          duplicateOfOrderId: orderThere,
        },
        409,
        'out-of-scope',
        outOfScope('order', orderThere, there, here),
      );
    });
  });

  describe('people who are nobody', () => {
    const nobody = '9b2f0c1e-0000-4000-8000-000000000000';

    it('work on an order by someone who is no Party member answers 404 naming them', () =>
      expectRefused(
        { personId: nobody, roles: ['party-member'], communities: [here.communityId] },
        `/api/orders/${orderId}/arrival`,
        { memberId: nobody },
        404,
        'not-found',
        { entity: 'member', id: nobody },
      ));

    it('a rating given by phone for someone who is no resident answers 404 naming them', () =>
      expectRefused(
        { personId: 'station-1', roles: ['service-station-staff'], communities: [here.communityId] },
        `/api/orders/${orderId}/rating`,
        { raterId: nobody, score: 5, comment: 'fine' },
        404,
        'not-found',
        { entity: 'resident', id: nobody },
      ));
  });
});

import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * Lists stay within the caller's scope whatever the filter asks for: naming a compound outside
 * it lists nothing of that compound, exactly as if it had no residents or orders.
 */
describe('lists are bounded by the caller’s scope, not by the filter (embedded platform)', () => {
  const database = freshSqlite();
  let platform: TestPlatform;
  let compoundA: string;
  let compoundB: string;
  let otherCommunityCompound: string;
  let residentA: string;
  let communityId: string;

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    const admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    communityId = await admin.create('/api/communities', { name: 'One' });
    const otherCommunity = await admin.create('/api/communities', { name: 'Two' });
    const compound = (community: string, name: string) =>
      admin.create(`/api/communities/${community}/compounds`, { name, address: 'x' });
    compoundA = await compound(communityId, 'A');
    compoundB = await compound(communityId, 'B');
    otherCommunityCompound = await compound(otherCommunity, 'C');
    const resident = async (community: string, compoundId: string, phone: string) => {
      const buildingId = await admin.create(`/api/compounds/${compoundId}/buildings`, {
        name: 'B',
        number: '1',
      });
      const residentId = await admin.create('/api/residents', {
        communityId: community,
        compoundId,
        buildingId,
        name: 'R',
        phone,
      });
      const self = await platform.as({ personId: residentId, roles: ['resident'], compounds: [compoundId] });
      await self.create('/api/orders', {
        residentId,
        compoundId,
        category: 'other',
        title: 't',
        description: 'd',
        channel: 'app',
      });
      return residentId;
    };
    residentA = await resident(communityId, compoundA, '13800000001');
    await resident(communityId, compoundB, '13800000002');
    await resident(otherCommunity, otherCommunityCompound, '13800000003');
    await platform.settle();
  });
  afterAll(async () => {
    await platform.stop();
    database.cleanup();
  });

  const scopedToCompoundA = (): Promise<ApiClient> =>
    platform.as({ personId: 'leader-a', roles: ['building-leader'], compounds: [compoundA] });
  const scopedToCommunity = (): Promise<ApiClient> =>
    platform.as({ personId: 'staff-1', roles: ['residents-committee-staff'], communities: [communityId] });
  const compoundsOf = (page: Record<string, unknown>) =>
    (page.items as Array<{ compoundId: string }>).map((item) => item.compoundId);

  it('a caller scoped to compound A lists none of compound B’s residents when asking for B', async () => {
    const page = await (await scopedToCompoundA()).read(`/api/residents?compoundId=${compoundB}`);
    expect({ total: page.total, compounds: compoundsOf(page) }).toEqual({ total: 0, compounds: [] });
  });

  it('a caller scoped to compound A lists A’s residents, with or without the filter', async () => {
    const client = await scopedToCompoundA();
    for (const path of ['/api/residents', `/api/residents?compoundId=${compoundA}`]) {
      const page = await client.read(path);
      expect((page.items as Array<{ residentId: string }>).map((r) => r.residentId)).toEqual([residentA]);
    }
  });

  it('a caller scoped to a community lists none of another community’s residents when asking for them', async () => {
    const page = await (
      await scopedToCommunity()
    ).read(`/api/residents?compoundId=${otherCommunityCompound}`);
    expect(page.total).toBe(0);
  });

  it('a caller scoped to compound A lists none of compound B’s orders when asking for B', async () => {
    const page = await (await scopedToCompoundA()).read(`/api/orders?compoundId=${compoundB}`);
    expect({ total: page.total, compounds: compoundsOf(page) }).toEqual({ total: 0, compounds: [] });
    expect(compoundsOf(await (await scopedToCompoundA()).read('/api/orders'))).toEqual([compoundA]);
  });

  it('a caller scoped to a community lists none of another community’s orders when asking for them', async () => {
    const page = await (await scopedToCommunity()).read(`/api/orders?compoundId=${otherCommunityCompound}`);
    expect(page.total).toBe(0);
  });

  it('a platform admin lists any compound', async () => {
    const admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    expect(compoundsOf(await admin.read(`/api/residents?compoundId=${compoundB}`))).toEqual([compoundB]);
    expect(compoundsOf(await admin.read(`/api/orders?compoundId=${compoundB}`))).toEqual([compoundB]);
  });
});

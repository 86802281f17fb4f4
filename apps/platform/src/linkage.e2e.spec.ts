import { randomUUID } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { TokenClaims } from '@cogov/security';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * 六方联动 on the boards: a seeded compound's six parties with who holds each post, its compliance,
 * orders and joint-meeting tasks, built from published facts only; the board moves when a post
 * does; a community and a street roll their compounds up; a caller of another street sees nothing.
 */
describe.each(testDatabases)('six-party linkage boards (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let contract: OpenApiContract | undefined;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let admin: ApiClient;
  let staff: ApiClient;
  let streetId: string;
  const ids: Record<string, string> = {};

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  const as = (claims: Omit<TokenClaims, 'roles'> & { roles: TokenClaims['roles'] }) => platform.as(claims);
  const day = (offsetDays: number) =>
    new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const year = new Date().getUTCFullYear();
  const compoundBoard = () => staff.read(`/api/linkage/compounds/${seed.compoundId}`);

  /** An order placed by the seeded resident; `close` takes it through review, dispatch, work and rating. */
  const placeOrder = async () =>
    (await as(seed.resident)).create('/api/orders', {
      residentId: seed.residentId,
      compoundId: seed.compoundId,
      buildingId: seed.buildingId,
      category: 'repair',
      title: 'Broken door lock',
      description: 'The entrance door of building 1 does not lock.',
      channel: 'app',
    });
  const close = async (orderId: string) => {
    const member = await as(seed.member);
    await member.expectPost(`/api/orders/${orderId}/review`, {
      reviewerId: seed.memberId,
      decision: 'approve',
      note: 'A repair',
      priority: 'normal',
    });
    await platform.settle();
    await staff.expectPost(`/api/orders/${orderId}/dispatch`, {
      dispatcherId: seed.workerId,
      assigneeKind: 'member',
      assigneeId: seed.memberId,
    });
    await platform.settle();
    await member.expectPost(`/api/orders/${orderId}/take`, { memberId: seed.memberId });
    await member.expectPost(`/api/orders/${orderId}/arrival`, { memberId: seed.memberId, note: 'On site' });
    await member.expectPost(`/api/orders/${orderId}/complete`, {
      memberId: seed.memberId,
      resultNote: 'Replaced the lock.',
      evidence: [],
    });
    await platform.settle();
    await (
      await as(seed.resident)
    ).expectPost(`/api/orders/${orderId}/rating`, {
      raterId: seed.residentId,
      score: 5,
      comment: 'Quick',
    });
  };

  beforeAll(async () => {
    platform = await TestPlatform.start(database, {}, (exchange: Exchange) => contract?.check(exchange));
    contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    streetId = await admin.create('/api/streets', { name: 'Jianxi Street' });
    seed = await seedCommunity(call, { streetId });
    staff = await platform.as({ ...seed.worker, streets: [streetId] });
    await platform.settle();

    // 社区党组织: the branch's secretary is the owners' committee chair (一肩挑); a property manager sits.
    const chairId = await admin.create('/api/residents', {
      communityId: seed.communityId,
      compoundId: seed.compoundId,
      buildingId: seed.buildingId,
      name: 'Chair',
      phone: '13800000001',
      tenure: 'owner',
    });
    await platform.settle();
    const seats = `/api/party/organizations/${seed.branchId}/seats`;
    ids.chairId = chairId;
    ids.secretarySeat = await admin.create(seats, {
      personName: 'Li Hua',
      memberId: seed.memberId,
      residentId: chairId,
      seat: 'secretary',
      holds: 'owners-committee-chair',
    });
    ids.managerSeat = await admin.create(seats, {
      personName: 'Zhou Qiang',
      seat: 'committee-member',
      holds: 'property-manager',
    });
    // 居委会 and 社区服务站: a director and a station worker beside the seeded grid worker.
    const workers = `/api/communities/${seed.communityId}/workers`;
    ids.directorId = await admin.create(workers, { name: 'D', phone: '13700000001', role: 'director' });
    ids.stationId = await admin.create(workers, { name: 'S', phone: '13700000002', role: 'service-station' });
    // Grids: a zone over the compound and a grid in it; the Party member leads the zone.
    const grids = `/api/communities/${seed.communityId}/grids`;
    ids.zoneId = await staff.create(grids, { name: 'Zone A', level: 'zone', compoundIds: [seed.compoundId] });
    ids.gridId = await staff.create(grids, {
      name: 'Grid 1',
      level: 'grid',
      parentId: ids.zoneId,
      compoundIds: [seed.compoundId],
    });
    ids.postId = await staff.create(`/api/grids/${ids.zoneId}/posts`, {
      post: 'grid-leader',
      holderKind: 'member',
      holderId: seed.memberId,
    });
    // 业委会 with today in its term; its chair is a Party member.
    ids.committeeId = await staff.create('/api/owners-committees', {
      compoundId: seed.compoundId,
      termStart: `${year - 1}-01-01`,
      termEnd: `${year + 3}-12-31`,
    });
    await platform.settle();
    ids.chairSeat = await staff.create(`/api/owners-committees/${ids.committeeId}/members`, {
      residentId: chairId,
      role: 'chair',
      partyMemberId: seed.memberId,
      background: 'party-member',
    });
    // 物业服务企业 serving the compound today: 3 full Party members and no Party organization yet.
    ids.companyId = await admin.create('/api/property-companies', {
      name: 'Evergreen Property',
      unifiedCreditCode: '91350100M000100Y43',
      staffCount: 20,
      fullPartyMemberCount: 3,
    });
    await platform.settle();
    ids.contractId = await admin.create(`/api/property-companies/${ids.companyId}/contracts`, {
      compoundId: seed.compoundId,
      startsOn: `${year - 1}-01-01`,
      endsOn: `${year + 1}-12-31`,
    });
    // 楼门长 of the one building, nominated and approved.
    ids.leaderId = await staff.create('/api/building-leaders', {
      compoundId: seed.compoundId,
      residentId: seed.residentId,
      buildingIds: [seed.buildingId],
      nominatedBy: 'self',
    });
    await staff.expectPost(`/api/building-leaders/${ids.leaderId}/vetting`, {
      vetterId: seed.workerId,
      decision: 'approve',
      note: 'Known to the neighbours.',
    });
    // 联席会议: two tasks, one already past its due day.
    const meetingId = await admin.create('/api/joint-meetings', {
      branchId: seed.branchId,
      compoundId: seed.compoundId,
      date: day(-10),
      attendees: [
        { party: 'branch', personName: 'Li Hua', id: seed.memberId },
        { party: 'property-company', personName: 'Zhou Qiang' },
      ],
    });
    ids.meetingId = meetingId;
    const decision = await admin.expectPost(
      `/api/joint-meetings/${meetingId}/decisions`,
      {
        text: 'Repair the gate; hold a residents’ meeting',
        tasks: [
          { ownerParty: 'property-company', ownerId: ids.companyId, dueOn: day(-1) },
          { ownerParty: 'branch', ownerId: seed.branchId, dueOn: day(30) },
        ],
      },
      201,
    );
    [ids.overdueTaskId, ids.laterTaskId] = decision.taskIds as [string, string];
    // A second compound of the community, with a building and nothing else.
    ids.otherCompoundId = await admin.create(`/api/communities/${seed.communityId}/compounds`, {
      name: 'L',
      address: 'y',
    });
    await admin.create(`/api/compounds/${ids.otherCompoundId}/buildings`, { name: 'B', number: '1' });
    // Another street, with a community and a compound of its own.
    ids.otherStreetId = await admin.create('/api/streets', { name: 'Other Street' });
    ids.otherCommunityId = await admin.create('/api/communities', {
      name: 'Elsewhere',
      streetId: ids.otherStreetId,
    });
    await admin.create(`/api/communities/${ids.otherCommunityId}/compounds`, { name: 'M', address: 'z' });
    await platform.settle();
    // Orders: one waiting for dispatch, one closed by the member who leads the compound's zone.
    ids.openOrderId = await placeOrder();
    ids.closedOrderId = await placeOrder();
    await platform.settle();
    await close(ids.closedOrderId);
    await platform.settle();
  });
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });
  afterEach(() => expect(contract?.violations).toEqual([]));

  it('a seeded compound’s board lists all six parties with their holders, the linkage rules and compliance', async () => {
    const board = await compoundBoard();
    expect(board.compound).toEqual({
      compoundId: seed.compoundId,
      name: 'K',
      communityId: seed.communityId,
      streetId,
    });
    expect(board.parties).toMatchObject({
      partyOrganization: {
        branch: { organizationId: seed.branchId, name: 'Br' },
        secretary: { seatId: ids.secretarySeat, memberId: seed.memberId, residentId: ids.chairId },
        seats: expect.arrayContaining([
          expect.objectContaining({ seatId: ids.managerSeat, holds: 'property-manager' }),
        ]) as unknown,
      },
      residentsCommittee: {
        workers: expect.arrayContaining([
          expect.objectContaining({ workerId: seed.workerId, role: 'grid-worker' }),
          expect.objectContaining({ workerId: ids.directorId, role: 'director' }),
        ]) as unknown,
        gridPosts: [
          {
            gridId: ids.zoneId,
            gridName: 'Zone A',
            level: 'zone',
            postId: ids.postId,
            post: 'grid-leader',
            holderKind: 'member',
            holderId: seed.memberId,
            filledAt: expect.any(String) as unknown,
          },
        ],
      },
      ownersCommittee: {
        committeeId: ids.committeeId,
        chair: { memberId: ids.chairSeat, residentId: ids.chairId, partyMemberId: seed.memberId },
        members: 1,
        partyMembers: 1,
        partyShare: { status: 'compliant' },
      },
      propertyCompany: {
        companyId: ids.companyId,
        name: 'Evergreen Property',
        contractId: ids.contractId,
        partyOrganizationId: null,
        redProperty: {
          status: 'not-met',
          rules: [
            expect.objectContaining({ rule: 'party-members', status: 'not-applicable' }),
            expect.objectContaining({ rule: 'party-organization', status: 'not-met' }),
          ],
        },
        manager: { status: 'holds', seatId: ids.managerSeat },
      },
      buildingLeaders: {
        buildings: [{ buildingId: seed.buildingId, name: 'B', number: '1', leaderIds: [ids.leaderId] }],
        withoutLeader: [],
      },
      serviceStation: { staff: [expect.objectContaining({ workerId: ids.stationId })] },
    });
    expect(
      (board.parties as { residentsCommittee: { workers: unknown[] } }).residentsCommittee.workers,
    ).toHaveLength(2);
    expect(board.linkage).toMatchObject({
      oneShoulder: { status: 'holds', branchId: seed.branchId, seatId: ids.secretarySeat },
      crossAppointment: {
        chair: { status: 'holds' },
        propertyManager: { status: 'holds', seatId: ids.managerSeat },
        communityPolice: { status: 'does-not-hold' },
      },
    });
    expect(board.compliance).toEqual({
      hasBranch: true,
      partyShareMet: true,
      redPropertyMet: false,
      buildings: 1,
      buildingsWithLeader: 1,
    });
    expect(board.orders).toEqual({
      open: 1,
      overdue: 0,
      openByParty: {
        'party-organization': 0,
        'property-company': 0,
        'building-leaders': 0,
        'service-station': 0,
        department: 0,
        'residents-committee': 1,
      },
      settlement: {
        closed: 1,
        withinGrid: 1,
        withinCommunity: 0,
        escalated: 0,
        shares: { withinGrid: 1, withinCommunity: 0, escalated: 0 },
      },
    });
    expect(board.jointMeetingTasks).toEqual({
      open: 2,
      overdue: 1,
      openByParty: {
        branch: 1,
        'owners-committee': 0,
        'property-company': 1,
        'residents-committee': 0,
        'building-leaders': 0,
      },
    });
  });

  it('the community and street boards roll the compounds up, and count each compliance right', async () => {
    const communitySecretary = await admin.create(`/api/party/organizations/${seed.committeeId}/seats`, {
      personName: 'Wu Lei',
      seat: 'secretary',
    });
    await platform.settle();
    const community = await staff.read(`/api/linkage/communities/${seed.communityId}`);
    const compliance = {
      compounds: 2,
      compoundsWithBranch: 1,
      committees: 1,
      committeesMeetingPartyShare: 1,
      companies: 1,
      companiesMeetingRedProperty: 0,
      buildings: 2,
      buildingsWithLeader: 1,
    };
    expect(community).toMatchObject({
      community: { communityId: seed.communityId, streetId },
      partyCommittee: {
        organizationId: seed.committeeId,
        name: 'C',
        secretary: { seatId: communitySecretary },
      },
      workers: { director: 1, deputy: 0, 'grid-worker': 1, 'service-station': 1 },
      compliance,
      orders: { open: 1, settlement: { closed: 1, withinGrid: 1 } },
      jointMeetingTasks: { open: 2, overdue: 1 },
    });
    expect((community.compounds as Array<{ compoundId: string }>).map((k) => k.compoundId).sort()).toEqual(
      [seed.compoundId, ids.otherCompoundId].sort(),
    );
    expect(community.compounds).toContainEqual(
      expect.objectContaining({
        compoundId: ids.otherCompoundId,
        branch: null,
        ownersCommittee: null,
        propertyCompany: null,
        buildings: 1,
        buildingsWithLeader: 0,
      }),
    );

    const street = await staff.read(`/api/linkage/streets/${streetId}`);
    expect(street).toMatchObject({
      street: { streetId, name: 'Jianxi Street' },
      compliance,
      communities: [{ communityId: seed.communityId, compliance }],
    });
  });

  it('the board changes when a post changes: a seat or a grid post vacated, a company branch founded', async () => {
    const vacated = await platform
      .http()
      .delete(`/api/party/organizations/${seed.branchId}/seats/${ids.secretarySeat}`)
      .set('Authorization', admin.authorization);
    expect(vacated.status).toBe(204);
    const left = await platform
      .http()
      .delete(`/api/grids/${ids.zoneId}/posts/${ids.postId}`)
      .set('Authorization', staff.authorization);
    expect(left.status).toBe(204);
    await admin.create('/api/party/organizations', {
      kind: 'company-branch',
      name: 'Evergreen Property Party Branch',
      communityId: seed.communityId,
      parentId: seed.committeeId,
      companyId: ids.companyId,
    });
    await platform.settle();

    const board = await compoundBoard();
    expect(board.linkage).toMatchObject({
      oneShoulder: { status: 'does-not-hold', branchId: seed.branchId },
      crossAppointment: { chair: { status: 'does-not-hold' }, propertyManager: { status: 'holds' } },
    });
    expect(board.parties).toMatchObject({
      partyOrganization: { secretary: null },
      residentsCommittee: { gridPosts: [] },
      propertyCompany: { redProperty: { status: 'met' }, partyOrganizationId: expect.any(String) as unknown },
    });
    expect(board.compliance).toMatchObject({ redPropertyMet: true });
    const street = await staff.read(`/api/linkage/streets/${streetId}`);
    expect(street.compliance).toMatchObject({ companiesMeetingRedProperty: 1 });
  });

  it('a caller scoped to another street sees nothing of this one: 404 on its street, community and compound', async () => {
    const theirs = await platform.as({
      personId: 'street-leader',
      roles: ['residents-committee-staff'],
      streets: [ids.otherStreetId!],
    });
    for (const route of [
      `/api/linkage/streets/${streetId}`,
      `/api/linkage/communities/${seed.communityId}`,
      `/api/linkage/compounds/${seed.compoundId}`,
    ]) {
      const response = await theirs.get(route);
      expect({ route, status: response.status, error: (response.body as { error?: string }).error }).toEqual({
        route,
        status: 404,
        error: 'not-found',
      });
    }
    // Their own street is theirs to see, and holds none of ours.
    const own = await theirs.read(`/api/linkage/streets/${ids.otherStreetId}`);
    expect(own).toMatchObject({
      compliance: { compounds: 1, compoundsWithBranch: 0 },
      communities: [{ name: 'Elsewhere' }],
    });
  });

  it('an id the boards never heard of answers 404 in the one error shape; a malformed one 400', async () => {
    const unknown = await admin.get(`/api/linkage/compounds/${randomUUID()}`);
    expect({ status: unknown.status, body: unknown.body as unknown }).toEqual({
      status: 404,
      body: {
        error: 'not-found',
        message: expect.any(String) as unknown,
        details: expect.anything() as unknown,
      },
    });
    expect((await admin.get('/api/linkage/streets/not-a-uuid')).status).toBe(400);
  });

  it('the board follows the owners’ committee and the joint meeting: a share fallen below, a chair gone, a task done', async () => {
    for (const phone of ['13800000002', '13800000003']) {
      const owner = await admin.create('/api/residents', {
        communityId: seed.communityId,
        compoundId: seed.compoundId,
        buildingId: seed.buildingId,
        name: 'Owner',
        phone,
        tenure: 'owner',
      });
      await platform.settle();
      await staff.create(`/api/owners-committees/${ids.committeeId}/members`, {
        residentId: owner,
        role: 'member',
        background: 'other',
      });
    }
    const removed = await platform
      .http()
      .delete(`/api/owners-committees/${ids.committeeId}/members/${ids.chairSeat}`)
      .set('Authorization', staff.authorization);
    expect(removed.status).toBe(204);
    await admin.expectPost(`/api/joint-meetings/${ids.meetingId}/tasks/${ids.overdueTaskId}/progress`, {
      note: 'Gate repaired',
      done: true,
    });
    await platform.settle();

    const board = await compoundBoard();
    expect(board.parties).toMatchObject({
      ownersCommittee: {
        chair: null,
        members: 2,
        partyMembers: 0,
        partyShare: { status: 'non-compliant', minimumPartySharePercent: 50 },
      },
    });
    expect(board.linkage).toMatchObject({
      oneShoulder: { status: 'unknown' },
      crossAppointment: { chair: { status: 'unknown' } },
    });
    expect(board.compliance).toMatchObject({ partyShareMet: false });
    expect(board.jointMeetingTasks).toMatchObject({
      open: 1,
      overdue: 0,
      openByParty: { branch: 1, 'property-company': 0 },
    });
    const community = await staff.read(`/api/linkage/communities/${seed.communityId}`);
    expect(community.compliance).toMatchObject({ committees: 1, committeesMeetingPartyShare: 0 });
  });
});

import { randomUUID } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import { publishedBy } from '@cogov/context-kit/testing/published-by';
import type { TokenClaims } from '@cogov/security';
import { residentsCommitteeOutbound } from '../../residents-committee/src/infrastructure/outbound';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/** What the residents' committee publishes of a stored event, each payload checked against its schema. */
const published = publishedBy(residentsCommitteeOutbound);
type StoredEvent = Parameters<typeof published>[0];

/** Yesterday in China: an activity is recorded once it took place. */
const YESTERDAY = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

/**
 * 志愿服务队 and 志愿活动 over HTTP: a resident's care flags (关爱对象), shown only to those who may
 * read the resident's personal data; a community's volunteer team, its members and its work on an
 * order dispatched to it, in the one order-work language; an activity recorded and confirmed once;
 * and none of it visible from another community. Every answer is checked against the OpenAPI
 * document, every published fact against its contract.
 */
describe.each(testDatabases)('volunteers and care flags (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let contract: OpenApiContract | undefined;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let other: Awaited<ReturnType<typeof seedCommunity>>;
  let admin: ApiClient;
  let staff: ApiClient;
  let member: ApiClient;
  let outsider: ApiClient;
  let streetId: string;
  let stationWorkerId: string;
  let teamId: string;
  let otherTeamId: string;
  let orderId: string;
  let activityId: string;

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  const as = (claims: TokenClaims) => platform.as(claims);
  const remove = (client: ApiClient, route: string) =>
    platform.http().delete(route).set('Authorization', client.authorization);
  const work = (step: 'accept' | 'arrival' | 'complete' | 'hand-back', team = teamId) =>
    `/api/volunteer-teams/${team}/orders/${orderId}/${step}`;
  const activity = (overrides: Record<string, unknown> = {}) => ({
    communityId: seed.communityId,
    teamId,
    kind: 'elderly-care',
    title: 'Visiting elderly people living alone',
    date: YESTERDAY,
    hours: 2.5,
    participantIds: [seed.memberId, seed.residentId],
    ...overrides,
  });
  const eventsOf = async (streamId: string) =>
    (await admin.read(`/api/streams/${streamId}`)).events as Array<{ type: string; data: unknown }>;

  beforeAll(async () => {
    platform = await TestPlatform.start(database, {}, (exchange: Exchange) => contract?.check(exchange));
    contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    streetId = await admin.create('/api/streets', { name: 'Jianxi Street' });
    seed = await seedCommunity(call, { streetId });
    other = await seedCommunity(call);
    stationWorkerId = await admin.create(`/api/communities/${seed.communityId}/workers`, {
      name: 'Zhao Min',
      phone: '13700007777',
      role: 'service-station',
    });
    await platform.settle();
    staff = await as(seed.worker);
    member = await as(seed.member);
    outsider = await as({ ...other.worker });
  });
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });

  describe('care flags (关爱对象)', () => {
    const flagsRoute = () => `/api/residents/${seed.residentId}/flags`;

    it('are set as a whole, and shown in full to those who may read the resident’s personal data', async () => {
      expect(
        await staff.expectPost(flagsRoute(), { flags: ['left-behind-child', 'living-alone-elderly'] }),
      ).toEqual({ id: seed.residentId });
      await platform.settle();
      expect(await staff.read(`/api/residents/${seed.residentId}`)).toMatchObject({
        name: 'R',
        flags: ['living-alone-elderly', 'left-behind-child'],
        masked: false,
      });
      expect(await (await as(seed.resident)).read(`/api/residents/${seed.residentId}`)).toMatchObject({
        flags: ['living-alone-elderly', 'left-behind-child'],
        masked: false,
      });
    });

    it('are masked for a caller without personal-data access, and in every list', async () => {
      const partyStaff = await as({
        personId: randomUUID(),
        roles: ['party-staff'],
        communities: [seed.communityId],
      });
      const masked = await partyStaff.read(`/api/residents/${seed.residentId}`);
      expect(masked).toMatchObject({ name: '*', phone: '138****0000', flags: null, masked: true });
      const listed = (await staff.read(`/api/residents?compoundId=${seed.compoundId}`)).items as Array<
        Record<string, unknown>
      >;
      expect(listed.find((r) => r.residentId === seed.residentId)).toMatchObject({
        flags: null,
        masked: true,
      });
    });

    it('refuse an unknown flag, a flag named twice, and a body without a list', async () => {
      for (const body of [
        { flags: ['rich'] },
        { flags: ['disabled', 'disabled'] },
        {},
        { flags: 'disabled' },
      ]) {
        const response = await staff.post(flagsRoute(), body);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ error: 'validation-failed' });
      }
      expect((await outsider.post(flagsRoute(), { flags: [] })).status).toBe(404);
      expect((await member.post(flagsRoute(), { flags: [] })).status).toBe(403);
    });

    it('an empty list clears them', async () => {
      await staff.expectPost(flagsRoute(), { flags: ['disabled'] });
      await staff.expectPost(flagsRoute(), { flags: [] });
      await platform.settle();
      expect(await staff.read(`/api/residents/${seed.residentId}`)).toMatchObject({ flags: [] });
    });
  });

  describe('volunteer teams (志愿服务队)', () => {
    it('community staff register a team of their community; bad input is refused', async () => {
      teamId = await staff.create('/api/volunteer-teams', {
        communityId: seed.communityId,
        name: 'Peach Garden vanguard',
        kind: 'vanguard',
      });
      otherTeamId = await outsider.create('/api/volunteer-teams', {
        communityId: other.communityId,
        name: 'Other residents’ team',
        kind: 'residents',
      });
      const unknownKind = await staff.post('/api/volunteer-teams', {
        communityId: seed.communityId,
        name: 'Choir',
        kind: 'choir',
      });
      expect(unknownKind.status).toBe(400);
      expect(unknownKind.body).toMatchObject({ error: 'validation-failed' });
      expect(
        (
          await staff.post('/api/volunteer-teams', {
            communityId: seed.communityId,
            name: '',
            kind: 'vanguard',
          })
        ).status,
      ).toBe(400);
      const elsewhere = await staff.post('/api/volunteer-teams', {
        communityId: other.communityId,
        name: 'Not ours',
        kind: 'residents',
      });
      expect(elsewhere.status).toBe(404);
      const nowhere = await admin.post('/api/volunteer-teams', {
        communityId: randomUUID(),
        name: 'Nowhere',
        kind: 'residents',
      });
      expect(nowhere.status).toBe(404);
    });

    it('members are added once, each someone the committee knows', async () => {
      expect(
        await staff.expectPost(`/api/volunteer-teams/${teamId}/members`, { personId: seed.memberId }, 201),
      ).toEqual({ id: seed.memberId });
      await staff.expectPost(`/api/volunteer-teams/${teamId}/members`, { personId: stationWorkerId }, 201);
      const again = await staff.post(`/api/volunteer-teams/${teamId}/members`, { personId: seed.memberId });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ error: 'rule-violation' });
      const stranger = randomUUID();
      const unknown = await staff.post(`/api/volunteer-teams/${teamId}/members`, { personId: stranger });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ error: 'not-found', details: { entity: 'person', id: stranger } });
      expect((await staff.post(`/api/volunteer-teams/${teamId}/members`, { personId: 'x' })).status).toBe(
        400,
      );
    });

    it('a member is removed; removing them again is not found', async () => {
      const route = `/api/volunteer-teams/${teamId}/members/${stationWorkerId}`;
      expect((await remove(staff, route)).status).toBe(204);
      expect((await remove(staff, route)).status).toBe(404);
      await platform.settle();
      expect(await staff.read(`/api/volunteer-teams/${teamId}`)).toEqual({
        id: teamId,
        communityId: seed.communityId,
        streetId,
        name: 'Peach Garden vanguard',
        kind: 'vanguard',
        registeredAt: expect.any(String),
        memberIds: [seed.memberId],
      });
    });

    it('the list shows the caller’s communities’ teams only; another community’s caller gets 404', async () => {
      expect((await staff.read(`/api/volunteer-teams?communityId=${seed.communityId}`)).items).toEqual([
        expect.objectContaining({ id: teamId, communityId: seed.communityId, streetId, memberCount: 1 }),
      ]);
      expect(
        ((await staff.read('/api/volunteer-teams')).items as Array<{ id: string }>).map((t) => t.id),
      ).toEqual([teamId]);
      expect((await outsider.read(`/api/volunteer-teams?communityId=${seed.communityId}`)).items).toEqual([]);
      const streetStaff = await as({
        personId: randomUUID(),
        roles: ['residents-committee-staff'],
        streets: [streetId],
      });
      expect((await streetStaff.read('/api/volunteer-teams')).items).toEqual([
        expect.objectContaining({ id: teamId }),
      ]);
      expect((await outsider.get(`/api/volunteer-teams/${teamId}`)).status).toBe(404);
      expect(
        (await outsider.post(`/api/volunteer-teams/${teamId}/members`, { personId: other.memberId })).status,
      ).toBe(404);
      expect((await staff.get(`/api/volunteer-teams/${randomUUID()}`)).status).toBe(404);
      expect((await staff.get('/api/volunteer-teams?communityId=nope')).status).toBe(400);
    });
  });

  describe('an order dispatched to a volunteer team', () => {
    it('is dispatched only to a team registered in the order’s community', async () => {
      orderId = await staff.create('/api/orders', {
        residentId: seed.residentId,
        compoundId: seed.compoundId,
        category: 'elderly-care',
        title: 'Help with shopping',
        description: 'An elderly neighbour needs groceries every week',
        channel: 'app',
      });
      await platform.settle();
      await member.expectPost(`/api/orders/${orderId}/review`, {
        reviewerId: seed.memberId,
        decision: 'approve',
        note: 'for the vanguard',
        priority: 'normal',
      });
      await platform.settle();
      const dispatch = (assigneeId: string) =>
        staff.post(`/api/orders/${orderId}/dispatch`, {
          dispatcherId: seed.workerId,
          assigneeKind: 'volunteer-team',
          assigneeId,
        });
      const elsewhere = await dispatch(otherTeamId);
      expect(elsewhere.status).toBe(409);
      expect(elsewhere.body).toMatchObject({
        error: 'out-of-scope',
        details: { entity: 'volunteer team', id: otherTeamId, expectedCommunityId: seed.communityId },
      });
      const missing = randomUUID();
      const unknown = await dispatch(missing);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({
        error: 'not-found',
        details: { entity: 'volunteer team', id: missing },
      });
      expect((await dispatch(teamId)).status).toBe(200);
      await platform.settle();
    });

    it('is refused to a non-member, to another team and to another community’s caller', async () => {
      const notMember = await (await as(seed.resident)).post(work('accept'), {});
      expect(notMember.status).toBe(409);
      expect(notMember.body).toMatchObject({ error: 'rule-violation', details: { teamId } });
      const stationOutsider = await as({
        personId: randomUUID(),
        roles: ['service-station-staff'],
        communities: [seed.communityId],
      });
      expect((await stationOutsider.post(work('accept'), {})).status).toBe(409);
      expect((await (await as(other.member)).post(work('accept'), {})).status).toBe(404);
      expect((await (await as(other.member)).post(work('accept', otherTeamId), {})).status).toBe(409);
      expect((await staff.post(work('accept'), {})).status).toBe(403);
    });

    it('is accepted, worked on site and completed by a member of the team', async () => {
      await member.expectPost(work('accept'), { note: 'I will go this afternoon' });
      await platform.settle();
      await member.expectPost(work('arrival'), { note: 'With the shopping list' });
      await platform.settle();
      const incomplete = await member.post(work('complete'), { evidence: [] });
      expect(incomplete.status).toBe(400);
      await member.expectPost(work('complete'), {
        resultNote: 'Groceries delivered',
        evidence: ['https://evidence.example/groceries.jpg'],
      });
      await platform.settle();
      const chain = await admin.read(`/api/orders/${orderId}`);
      expect(chain).toMatchObject({ stage: 'completed', assigneeKind: 'volunteer-team', assigneeId: teamId });
      expect((chain.rounds as Array<Record<string, unknown>>)[0]).toMatchObject({
        assignee: { kind: 'volunteer-team', id: teamId },
        acceptedBy: { kind: 'volunteer-team', id: teamId },
      });
      const again = await member.post(work('complete'), { resultNote: 'again', evidence: [] });
      expect(again.status).toBe(409);
      // The published work reaches the three ones as any executor's does: on site, completed.
      const reached = (await eventsOf(`residents-committee.service-level-${orderId}`))
        .filter((e) => e.type === 'StageReached')
        .map((e) => e.data as { track: string; stage: string });
      expect(reached.map(({ track, stage }) => `${track}:${stage}`)).toEqual(
        expect.arrayContaining(['community:on-site', 'community:complete']),
      );
    });
  });

  describe('volunteer activities (志愿活动)', () => {
    it('are recorded by community staff; bad input is refused', async () => {
      const station = await as({
        personId: stationWorkerId,
        roles: ['service-station-staff'],
        communities: [seed.communityId],
      });
      activityId = await station.create('/api/volunteer-activities', activity());
      for (const overrides of [
        { hours: 0 },
        { hours: 24.5 },
        { hours: '2' },
        { participantIds: [] },
        { participantIds: [seed.memberId, seed.memberId] },
        { date: '1 December' },
        { kind: 'knitting' },
        { title: '' },
      ]) {
        const response = await station.post('/api/volunteer-activities', activity(overrides));
        expect({ overrides, status: response.status }).toEqual({ overrides, status: 400 });
      }
      const notADay = await station.post('/api/volunteer-activities', activity({ date: '2026-02-30' }));
      expect(notADay.status).toBe(400);
      expect(notADay.body).toMatchObject({ error: 'invalid-input' });
      const stranger = randomUUID();
      const unknown = await station.post(
        '/api/volunteer-activities',
        activity({ participantIds: [stranger] }),
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ details: { entity: 'person', id: stranger } });
      const foreignTeam = await admin.post('/api/volunteer-activities', activity({ teamId: otherTeamId }));
      expect(foreignTeam.status).toBe(409);
      expect(foreignTeam.body).toMatchObject({ error: 'out-of-scope' });
      expect(
        (await station.post('/api/volunteer-activities', activity({ teamId: randomUUID() }))).status,
      ).toBe(404);
      expect(
        (await outsider.post('/api/volunteer-activities', activity({ communityId: seed.communityId })))
          .status,
      ).toBe(404);
      await platform.settle();
    });

    it('are confirmed once by a worker of the community; a second confirmation is 409', async () => {
      const notWorker = await as({
        personId: randomUUID(),
        roles: ['residents-committee-staff'],
        communities: [seed.communityId],
      });
      // Confirming as someone else (a worker who did not) is acting as them.
      const asSomeoneElse = await notWorker.post(`/api/volunteer-activities/${activityId}/confirmation`, {
        confirmedBy: seed.workerId,
      });
      expect(asSomeoneElse.status).toBe(403);
      expect((await member.post(`/api/volunteer-activities/${activityId}/confirmation`, {})).status).toBe(
        403,
      );
      expect(
        (
          await outsider.post(`/api/volunteer-activities/${activityId}/confirmation`, {
            confirmedBy: other.workerId,
          })
        ).status,
      ).toBe(404);
      expect(
        await staff.expectPost(`/api/volunteer-activities/${activityId}/confirmation`, {
          confirmedBy: seed.workerId,
        }),
      ).toEqual({ id: activityId });
      const again = await staff.post(`/api/volunteer-activities/${activityId}/confirmation`, {
        confirmedBy: seed.workerId,
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ error: 'invalid-transition' });
      await platform.settle();
      expect(await staff.read(`/api/volunteer-activities/${activityId}`)).toMatchObject({
        id: activityId,
        teamId,
        date: YESTERDAY,
        hours: 2.5,
        participantIds: [seed.memberId, seed.residentId],
        status: 'confirmed',
        confirmedBy: seed.workerId,
      });
    });

    it('a residents’ committee staff member who is no worker of the community does not confirm', async () => {
      const second = await staff.create(
        '/api/volunteer-activities',
        activity({ title: 'Night patrol', kind: 'safety-patrol' }),
      );
      const personId = randomUUID();
      const notWorker = await as({
        personId,
        roles: ['residents-committee-staff'],
        communities: [seed.communityId],
      });
      const refused = await notWorker.post(`/api/volunteer-activities/${second}/confirmation`, {
        confirmedBy: personId,
      });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ error: 'rule-violation' });
    });

    it('are listed by community, team and days within the caller’s scope; another community’s caller gets 404', async () => {
      const listed = (
        await staff.read(
          `/api/volunteer-activities?communityId=${seed.communityId}&teamId=${teamId}&from=${YESTERDAY}&to=${YESTERDAY}`,
        )
      ).items as Array<Record<string, unknown>>;
      expect(listed.map((a) => a.title).sort()).toEqual([
        'Night patrol',
        'Visiting elderly people living alone',
      ]);
      expect(listed.find((a) => a.id === activityId)).toMatchObject({ status: 'confirmed' });
      expect((await staff.read(`/api/volunteer-activities?to=2000-01-01`)).items).toEqual([]);
      expect((await staff.get(`/api/volunteer-activities?from=2026-02-02&to=2026-02-01`)).status).toBe(400);
      expect((await staff.get(`/api/volunteer-activities?from=yesterday`)).status).toBe(400);
      expect(
        (await outsider.read(`/api/volunteer-activities?communityId=${seed.communityId}`)).items,
      ).toEqual([]);
      expect((await outsider.get(`/api/volunteer-activities/${activityId}`)).status).toBe(404);
      expect((await staff.get(`/api/volunteer-activities/${randomUUID()}`)).status).toBe(404);
    });
  });

  it('publishes the team, the flags, the team’s work and the confirmed activity, each as its contract says', async () => {
    const facts = [
      ...(await eventsOf(`residents-committee.volunteer-team-${teamId}`)),
      ...(await eventsOf(`residents-committee.resident-${seed.residentId}`)),
      ...(await eventsOf(`residents-committee.order-${orderId}`)),
      ...(await eventsOf(`residents-committee.volunteer-activity-${activityId}`)),
    ].flatMap((event) => published(event as StoredEvent));
    expect(facts.flatMap((f) => f.violations)).toEqual([]);
    expect(facts.filter((f) => f.type === 'residents-committee.volunteer-team-registered')).toEqual([
      expect.objectContaining({
        version: 1,
        data: expect.objectContaining({ teamId, communityId: seed.communityId, streetId, kind: 'vanguard' }),
      }),
    ]);
    expect(
      facts
        .filter((f) => f.type === 'residents-committee.resident-flags-set')
        .map((f) => (f.data as { flags: string[] }).flags),
    ).toEqual([['living-alone-elderly', 'left-behind-child'], ['disabled'], []]);
    expect(
      facts
        .filter((f) => f.type === 'residents-committee.order-work')
        .map((f) => f.data as { step: string; executor: unknown; performedBy: string }),
    ).toEqual([
      expect.objectContaining({
        step: 'accepted',
        executor: { kind: 'volunteer-team', id: teamId },
        performedBy: seed.memberId,
      }),
      expect.objectContaining({ step: 'arrived', executor: { kind: 'volunteer-team', id: teamId } }),
      expect.objectContaining({ step: 'completed', executor: { kind: 'volunteer-team', id: teamId } }),
    ]);
    expect(facts.filter((f) => f.type === 'residents-committee.volunteer-activity-confirmed')).toEqual([
      expect.objectContaining({
        version: 1,
        key: activityId,
        data: expect.objectContaining({
          activityId,
          communityId: seed.communityId,
          streetId,
          teamId,
          kind: 'elderly-care',
          date: YESTERDAY,
          hours: 2.5,
          participantIds: [seed.memberId, seed.residentId],
          confirmedBy: seed.workerId,
        }),
      }),
    ]);
  });
});

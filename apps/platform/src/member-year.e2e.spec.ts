import type { OpenAPIObject } from '@nestjs/swagger';
import type { TokenClaims } from '@cogov/security';
import { testDatabases } from './testing/databases';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';
import { walkOrderToCompletion } from './testing/walk-order';

type Body = Record<string, unknown>;

/**
 * Issue 13's whole story through the routes of three contexts and nothing else: an in-service
 * Party member reports in (双报到) where they live and is confirmed; takes and completes an order
 * that its resident rates 5; joins a volunteer activity the residents' committee confirms; and
 * the branch records a Party meeting. The member's "4+1" then shows two of five items done; the
 * points bank's ledger shows the order and the activity under the street's standard; a service
 * station of another community of the street redeems, one of another street is refused with the
 * reason; the branch's board lists the member among those missing the other three.
 */
describe.each(testDatabases)(
  'an in-service member’s year (embedded platform on %s)',
  (_name, makeDatabase) => {
    const { config: database, cleanup } = makeDatabase();
    let platform: TestPlatform;
    let contract: OpenApiContract | undefined;
    let admin: ApiClient;
    let seed: Awaited<ReturnType<typeof seedCommunity>>;
    let streetA: string;
    let streetB: string;
    let homeId: string;
    let elsewhereInB: string;
    let memberId: string;
    // Today in China: the activity happened, and the duties fall in this year.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));

    const call: ApiCall = async (claims, method, route, body) => {
      const client = await platform.as(claims);
      const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
      return { status: response.status, body: response.body as Body };
    };
    const as = (claims: TokenClaims) => platform.as(claims);
    const partyStaff = (communityId: string): TokenClaims => ({
      personId: `party-staff-${communityId}`,
      roles: ['party-staff'],
      communities: [communityId],
    });
    const station = (communityId: string): TokenClaims => ({
      personId: `station-${communityId}`,
      roles: ['service-station-staff'],
      communities: [communityId],
    });
    const streetOffice = (streetId: string): TokenClaims => ({
      personId: `street-office-${streetId}`,
      roles: ['residents-committee-staff'],
      streets: [streetId],
    });
    const standard = (standardId: string) => ({
      standardId,
      version: 1,
      effectiveFrom: '2020-01-01',
      orders: [{ category: 'repair', priority: 'high', points: 10 }],
      perVolunteerHour: 5,
      perActivityKind: { 'elderly-care': 8 },
      ratingFiveBonus: 3,
    });

    beforeAll(async () => {
      platform = await TestPlatform.start(database, {}, (exchange: Exchange) => contract?.check(exchange));
      contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
      admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
      streetA = await admin.create('/api/streets', { name: '涧西街道' });
      streetB = await admin.create('/api/streets', { name: '东风街道' });
      seed = await seedCommunity(call, { streetId: streetA });
      homeId = await admin.create('/api/communities', { name: '青山社区', streetId: streetA });
      elsewhereInB = await admin.create('/api/communities', { name: '东风一社区', streetId: streetB });
      memberId = await admin.create('/api/party/members', {
        organizationId: seed.branchId,
        name: '张在职',
        phone: '13600000009',
        membership: 'reporting-in',
      });
      await platform.settle();
      await (
        await as(streetOffice(streetA))
      ).expectPost(`/api/streets/${streetA}/points-standards`, standard('jianxi-2026'), 201);
      await (
        await as(streetOffice(streetB))
      ).expectPost(`/api/streets/${streetB}/points-standards`, standard('dongfeng-2026'), 201);
      await platform.settle();
    }, 60_000);
    afterAll(async () => {
      await platform?.stop();
      await cleanup();
    });

    it('reports in, serves an order and an activity: two of five duties, the points, a redemption in the street and a refusal beyond it', async () => {
      const member = await as({
        personId: memberId,
        roles: ['party-member'],
        communities: [seed.communityId],
      });

      // 双报到: where the member lives, confirmed by that community's Party committee.
      await member.expectPost(`/api/party/members/${memberId}/report-in`, {
        communityId: homeId,
        workUnit: 'District Water Bureau',
        workUnitOrganization: 'Water Bureau Party Branch',
        address: 'Building 3, Room 401',
      });
      await (
        await as(partyStaff(homeId))
      ).expectPost(`/api/party/members/${memberId}/report-in/decision`, { decision: 'confirm' });
      await platform.settle();

      // An order: placed, reviewed (high), dispatched to the member, taken, completed, rated 5.
      const orderId = await walkOrderToCompletion(platform, seed, {
        memberId,
        claims: { personId: memberId, roles: ['party-member'], communities: [seed.communityId] },
      });
      const resident = await as(seed.resident);
      const worker = await as(seed.worker);
      await resident.expectPost(`/api/orders/${orderId}/rating`, {
        raterId: seed.residentId,
        score: 5,
        comment: 'Quick and tidy',
      });
      await platform.settle();

      // A volunteer activity of the community's team, the member among its participants, confirmed.
      const teamId = await worker.create('/api/volunteer-teams', {
        communityId: seed.communityId,
        name: '党员先锋队',
        kind: 'vanguard',
      });
      await platform.settle();
      await worker.expectPost(`/api/volunteer-teams/${teamId}/members`, { personId: memberId }, 201);
      const activityId = await worker.create('/api/volunteer-activities', {
        communityId: seed.communityId,
        teamId,
        kind: 'elderly-care',
        title: 'Visiting elderly neighbours living alone',
        date: today,
        hours: 2,
        participantIds: [memberId],
      });
      await worker.expectPost(`/api/volunteer-activities/${activityId}/confirmation`, {
        confirmedBy: seed.workerId,
      });
      // The branch records the member's community Party meeting.
      await (
        await as(partyStaff(seed.communityId))
      ).create(`/api/party/members/${memberId}/duties`, { year, item: 'party-meeting', date: today });
      await platform.settle();

      // 4+1: two of five, each with its evidence.
      const duties = await member.read(`/api/party/members/${memberId}/duties?year=${year}`);
      const items = duties.items as Array<{ item: string; done: boolean; evidence: Body[] }>;
      expect(items.map((i) => [i.item, i.done])).toEqual([
        ['party-meeting', true],
        ['talk', false],
        ['survey', false],
        ['volunteer-day', true],
        ['pairing', false],
      ]);
      expect(items.filter((i) => i.done)).toHaveLength(2);
      expect(items[3]!.evidence).toEqual([
        expect.objectContaining({ source: 'volunteer-activity', activityId, date: today, hours: 2 }),
      ]);

      // The ledger: the order (10 for a high-priority repair, 3 for the 5) and the activity (2 h × 5
      // and 8 for elderly care), both under street A's standard.
      const account = await member.read(`/api/points/accounts/${memberId}`);
      expect(account).toMatchObject({ total: 31, deposits: [{ streetId: streetA, balance: 31 }] });
      expect(
        (account.entries as Array<Body>).map((e) => ({
          kind: e.kind,
          causeId: e.causeId,
          points: e.points,
          standard: e.standard,
        })),
      ).toEqual([
        { kind: 'order', causeId: orderId, points: 13, standard: { standardId: 'jianxi-2026', version: 1 } },
        {
          kind: 'activity',
          causeId: activityId,
          points: 18,
          standard: { standardId: 'jianxi-2026', version: 1 },
        },
      ]);

      // 通存通兑 within the street: the station of the member's home community (street A) redeems.
      const homeStation = await as(station(homeId));
      const riceId = await homeStation.create(`/api/communities/${homeId}/catalogue`, {
        name: '大米 5 kg',
        points: 20,
      });
      expect(
        await homeStation.expectPost(
          '/api/points/redemptions',
          { personId: memberId, communityId: homeId, itemId: riceId },
          201,
        ),
      ).toMatchObject({ points: 20 });
      // Beyond the street, under another standard: refused, with the reason.
      const stationB = await as(station(elsewhereInB));
      const soapId = await stationB.create(`/api/communities/${elsewhereInB}/catalogue`, {
        name: '肥皂',
        points: 5,
      });
      const refused = await stationB.post('/api/points/redemptions', {
        personId: memberId,
        communityId: elsewhereInB,
        itemId: soapId,
      });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        error: 'rule-violation',
        details: { reason: 'standards-differ' },
      });
      await platform.settle();
      expect(await member.read(`/api/points/accounts/${memberId}`)).toMatchObject({ total: 11 });

      // The branch's board: the member is missing exactly the three items not done.
      const board = await (
        await as(partyStaff(seed.communityId))
      ).read(`/api/party/organizations/${seed.branchId}/duties?year=${year}`);
      const missing = Object.fromEntries(
        (board.items as Array<{ item: string; missing: Array<{ memberId: string }> }>).map((i) => [
          i.item,
          i.missing.some((m) => m.memberId === memberId),
        ]),
      );
      expect(missing).toEqual({
        'party-meeting': false,
        talk: true,
        survey: true,
        'volunteer-day': false,
        pairing: true,
      });
    });
  },
);

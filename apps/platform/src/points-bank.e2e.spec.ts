import { randomUUID } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { type VolunteerActivityConfirmedV1, volunteerActivityConfirmedV1 } from '@cogov/contracts';
import { subscriptionOf } from '@cogov/context-kit';
import type { TokenClaims } from '@cogov/security';
import { pointsBank } from '../../points-bank/src/points-bank.context';
import { testDatabases } from './testing/databases';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';
import { walkOrderToCompletion } from './testing/walk-order';

/**
 * 涧贤银行 over HTTP: a street's points standard, an order placed, reviewed, dispatched, taken,
 * completed and rated 5 by the existing routes, and a volunteer activity confirmed (fed through
 * the points bank's own consumer group: its route is another branch's): the member's ledger
 * shows both under the street's standard. A service station of another community of the same
 * street redeems from the deposit (通存通兑); one of another street, under another standard,
 * is refused with the reason.
 */
describe.each(testDatabases)('the points bank (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let contract: OpenApiContract | undefined;
  let admin: ApiClient;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let streetA: string;
  let streetB: string;
  let communityA2: string;
  let communityB1: string;
  let orderId: string;
  const activityId = randomUUID();
  const year = Number(
    new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4), // this year in China
  );

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  const as = (claims: TokenClaims) => platform.as(claims);
  const station = (communityId: string, personId: string = randomUUID()): TokenClaims => ({
    personId,
    roles: ['service-station-staff'],
    communities: [communityId],
  });
  const streetStaff = (streetId: string): TokenClaims => ({
    personId: randomUUID(),
    roles: ['residents-committee-staff'],
    streets: [streetId],
  });
  const standard = (standardId: string) => ({
    standardId,
    version: 1,
    effectiveFrom: '2020-01-01',
    orders: [
      { category: 'repair', priority: 'high', points: 10 },
      { category: 'repair', priority: 'normal', points: 6 },
    ],
    perVolunteerHour: 5,
    perActivityKind: { 'elderly-care': 8 },
    ratingFiveBonus: 3,
  });

  beforeAll(async () => {
    platform = await TestPlatform.start(database, {}, (exchange: Exchange) => contract?.check(exchange));
    contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    streetA = await admin.create('/api/streets', { name: 'Jianxi Street' });
    streetB = await admin.create('/api/streets', { name: 'Other Street' });
    seed = await seedCommunity(call, { streetId: streetA });
    communityA2 = await admin.create('/api/communities', { name: 'A2', streetId: streetA });
    communityB1 = await admin.create('/api/communities', { name: 'B1', streetId: streetB });
    await platform.settle();
  }, 60_000);
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });

  it('each street publishes its points standard; the street’s staff read the one in force', async () => {
    const keeperA = await as(streetStaff(streetA));
    await keeperA.expectPost(`/api/streets/${streetA}/points-standards`, standard('jianxi'), 201);
    await (
      await as(streetStaff(streetB))
    ).expectPost(`/api/streets/${streetB}/points-standards`, standard('elsewhere'), 201);
    const again = await keeperA.post(`/api/streets/${streetA}/points-standards`, standard('jianxi'));
    expect(again.status).toBe(409);
    const badDay = await keeperA.post(`/api/streets/${streetA}/points-standards`, {
      ...standard('jianxi'),
      version: 2,
      effectiveFrom: '2030-02-30',
    });
    expect({ status: badDay.status, error: badDay.body.error }).toEqual({
      status: 400,
      error: 'invalid-input',
    });
    // Another street's staff do not see it.
    const outsider = await (await as(streetStaff(streetB))).get(`/api/streets/${streetA}/points-standards`);
    expect(outsider.status).toBe(404);
    expect(await keeperA.read(`/api/streets/${streetA}/points-standards`)).toMatchObject({
      inForce: { standardId: 'jianxi', version: 1 },
      standards: [{ standardId: 'jianxi', version: 1, perVolunteerHour: 5 }],
    });
  });

  it('an order placed, reviewed (high), dispatched to a member, taken, completed and rated 5 earns the member its points', async () => {
    orderId = await walkOrderToCompletion(platform, seed, { memberId: seed.memberId, claims: seed.member });
    const resident = await as(seed.resident);
    // Completed but not yet rated: nothing earned yet (the account does not exist).
    expect((await admin.get(`/api/points/accounts/${seed.memberId}`)).status).toBe(404);
    await resident.expectPost(`/api/orders/${orderId}/rating`, {
      raterId: seed.residentId,
      score: 5,
      comment: 'Quick and tidy',
    });
    await platform.settle();
    expect(await admin.read(`/api/points/accounts/${seed.memberId}`)).toMatchObject({
      total: 13,
      deposits: [{ streetId: streetA, balance: 13 }],
      entries: [
        {
          kind: 'order',
          causeId: orderId,
          communityId: seed.communityId,
          streetId: streetA,
          points: 13,
          standard: { standardId: 'jianxi', version: 1 },
        },
      ],
    });
  });

  it('a confirmed volunteer activity earns each participant hours × per-hour and its kind’s points, once', async () => {
    const commands = platform.app.get(CommandBus);
    const group = subscriptionOf(pointsBank.name, pointsBank.consumes, (command) =>
      commands.execute(command),
    );
    const event: VolunteerActivityConfirmedV1 = {
      type: volunteerActivityConfirmedV1.type,
      version: volunteerActivityConfirmedV1.version,
      eventId: randomUUID(),
      source: 'residents-committee',
      key: activityId,
      occurredAt: new Date().toISOString(),
      actorId: seed.workerId,
      onBehalfOf: null,
      correlationId: randomUUID(),
      causationId: null,
      data: {
        activityId,
        communityId: seed.communityId,
        streetId: streetA,
        teamId: randomUUID(),
        kind: 'elderly-care',
        title: 'Visiting elderly neighbours living alone',
        date: `${year}-01-02`,
        hours: 2,
        participantIds: [seed.memberId],
        confirmedBy: seed.workerId,
        confirmedAt: new Date().toISOString(),
      },
    };
    await group.handlers[event.type]!.handle(event);
    await group.handlers[event.type]!.handle(event); // redelivered
    await platform.settle();
    const account = await (await as(seed.member)).read(`/api/points/accounts/${seed.memberId}`);
    expect(account).toMatchObject({ total: 31, deposits: [{ streetId: streetA, balance: 31 }] });
    expect(
      (account.entries as Array<{ kind: string; causeId?: string; points: number }>).map((e) => [
        e.kind,
        e.points,
      ]),
    ).toEqual([
      ['order', 13],
      ['activity', 18],
    ]);
  });

  it('a service station of another community of the street redeems from the deposit (通存通兑)', async () => {
    const stationA2 = await as(station(communityA2));
    const riceId = await stationA2.create(`/api/communities/${communityA2}/catalogue`, {
      name: 'Rice 5 kg',
      points: 20,
    });
    expect(await stationA2.read(`/api/communities/${communityA2}/catalogue`)).toMatchObject({
      items: [{ itemId: riceId, name: 'Rice 5 kg', points: 20 }],
    });
    const redeemed = await stationA2.expectPost(
      '/api/points/redemptions',
      { personId: seed.memberId, communityId: communityA2, itemId: riceId },
      201,
    );
    expect(redeemed).toMatchObject({ points: 20 });
    const tooMuch = await stationA2.post('/api/points/redemptions', {
      personId: seed.memberId,
      communityId: communityA2,
      itemId: riceId,
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({
      error: 'rule-violation',
      details: { reason: 'insufficient-points' },
    });
    // The station now sees the account: a redemption there is one of its entries.
    expect(await stationA2.read(`/api/points/accounts/${seed.memberId}`)).toMatchObject({ total: 11 });
  });

  it('one in another street, under another standard, is refused with the reason naming both streets', async () => {
    const stationB1 = await as(station(communityB1));
    const soapId = await stationB1.create(`/api/communities/${communityB1}/catalogue`, {
      name: 'Soap',
      points: 5,
    });
    const refused = await stationB1.post('/api/points/redemptions', {
      personId: seed.memberId,
      communityId: communityB1,
      itemId: soapId,
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: 'rule-violation',
      details: { reason: 'standards-differ', streetIds: [streetB, streetA] },
    });
    expect(refused.body.message).toMatch(/通存通兑 beyond the street is the seeds’ aim, not yet the rule/);
    // A station of another community cannot redeem an item not in its own catalogue.
    const notTheirs = await stationB1.post('/api/points/redemptions', {
      personId: seed.memberId,
      communityId: communityB1,
      itemId: randomUUID(),
    });
    expect(notTheirs.status).toBe(404);
    // …nor redeem at a station outside its communities.
    const elsewhere = await stationB1.post('/api/points/redemptions', {
      personId: seed.memberId,
      communityId: communityA2,
      itemId: soapId,
    });
    expect(elsewhere.status).toBe(404);
  });

  it('staff correct with a reason, never their own account, never below zero', async () => {
    const stationA1 = await as(station(seed.communityId));
    const corrected = await stationA1.post(`/api/points/accounts/${seed.memberId}/corrections`, {
      points: -1,
      reason: 'one hour entered twice',
      streetId: streetA,
      communityId: seed.communityId,
    });
    expect(corrected.status).toBe(201);
    const belowZero = await stationA1.post(`/api/points/accounts/${seed.memberId}/corrections`, {
      points: -11,
      reason: 'too much',
      streetId: streetA,
      communityId: seed.communityId,
    });
    expect({
      status: belowZero.status,
      reason: (belowZero.body.details as { reason?: string }).reason,
    }).toEqual({
      status: 409,
      reason: 'below-zero',
    });
    const selfId = randomUUID();
    const self = await (
      await as(station(seed.communityId, selfId))
    ).post(`/api/points/accounts/${selfId}/corrections`, {
      points: 50,
      reason: 'for me',
      streetId: streetA,
      communityId: seed.communityId,
    });
    expect({ status: self.status, reason: (self.body.details as { reason?: string }).reason }).toEqual({
      status: 409,
      reason: 'own-account',
    });
    const noReason = await stationA1.post(`/api/points/accounts/${seed.memberId}/corrections`, {
      points: 1,
      streetId: streetA,
      communityId: seed.communityId,
    });
    expect({ status: noReason.status, error: noReason.body.error }).toEqual({
      status: 400,
      error: 'validation-failed',
    });
    // A station's staff reach a street's deposit only through a community of theirs.
    const byStreet = await stationA1.post(`/api/points/accounts/${seed.memberId}/corrections`, {
      points: 1,
      reason: 'street-wide',
      streetId: streetA,
    });
    expect(byStreet.status).toBe(404);
  });

  it('the holder reads their own ledger and statement; another resident, or another community’s station, gets 404', async () => {
    const member = await as(seed.member);
    const statement = await member.read(`/api/points/accounts/${seed.memberId}/statement?year=${year}`);
    expect(statement).toMatchObject({ year, openingBalance: 0, closingBalance: 10 });
    expect((statement.entries as unknown[]).length).toBe(4);
    expect(
      await member.read(`/api/points/accounts/${seed.memberId}/statement?year=${year + 1}`),
    ).toMatchObject({
      openingBalance: 10,
      entries: [],
      closingBalance: 10,
    });
    const other = await as({ personId: randomUUID(), roles: ['resident'], communities: [seed.communityId] });
    expect((await other.get(`/api/points/accounts/${seed.memberId}`)).status).toBe(404);
    const stationB1 = await as(station(communityB1));
    expect((await stationB1.get(`/api/points/accounts/${seed.memberId}`)).status).toBe(404);
    expect((await member.get(`/api/points/accounts/${seed.memberId}/statement?year=soon`)).status).toBe(400);
  });

  it('the leaderboard ranks what was earned in the year, not what is held', async () => {
    const board = await (
      await as(streetStaff(streetA))
    ).read(`/api/points/leaderboard?streetId=${streetA}&year=${year}`);
    expect(board).toMatchObject({
      streetId: streetA,
      year,
      earners: [{ rank: 1, personId: seed.memberId, points: 31 }],
    });
    const community = await (
      await as(station(seed.communityId))
    ).read(`/api/points/leaderboard?communityId=${seed.communityId}`);
    expect(community).toMatchObject({ earners: [{ personId: seed.memberId, points: 31 }] });
    const both = await admin.get(
      `/api/points/leaderboard?communityId=${seed.communityId}&streetId=${streetA}`,
    );
    expect(both.status).toBe(400);
  });
  it('a reopened order’s points are withheld until a later round closes it, then earned once', async () => {
    const resident = await as(seed.resident);
    const member = await as(seed.member);
    const worker = await as(seed.worker);
    const totalNow = async () => (await admin.read(`/api/points/accounts/${seed.memberId}`)).total as number;
    const before = await totalNow();
    const second = await resident.create('/api/orders', {
      residentId: seed.residentId,
      compoundId: seed.compoundId,
      category: 'repair',
      title: 'Broken stair light',
      description: 'The light on floor 2 is out',
      channel: 'app',
    });
    await platform.settle();
    await member.expectPost(`/api/orders/${second}/review`, {
      reviewerId: seed.memberId,
      decision: 'approve',
      note: 'ok',
      priority: 'normal',
    });
    const round = async () => {
      await platform.settle();
      await worker.expectPost(`/api/orders/${second}/dispatch`, {
        dispatcherId: seed.workerId,
        assigneeKind: 'member',
        assigneeId: seed.memberId,
      });
      await platform.settle();
      await member.expectPost(`/api/orders/${second}/take`, { memberId: seed.memberId });
      await member.expectPost(`/api/orders/${second}/arrival`, { memberId: seed.memberId });
      await member.expectPost(`/api/orders/${second}/complete`, {
        memberId: seed.memberId,
        resultNote: 'Changed the bulb',
        evidence: [],
      });
      await platform.settle();
    };
    await round();
    await resident.expectPost(`/api/orders/${second}/rating`, {
      raterId: seed.residentId,
      score: 2,
      comment: 'Out again the next day',
    });
    await platform.settle();
    expect(await totalNow()).toBe(before);
    await round();
    await resident.expectPost(`/api/orders/${second}/rating`, {
      raterId: seed.residentId,
      score: 4,
      comment: 'Fixed now',
    });
    await platform.settle();
    expect(await totalNow()).toBe(before + 6);
    const entries = (await admin.read(`/api/points/accounts/${seed.memberId}`)).entries as Array<{
      causeId?: string;
    }>;
    expect(entries.filter((e) => e.causeId === second)).toHaveLength(1);
  });
  it('every exchange above is what the OpenAPI document declares', () => {
    expect(contract!.checked.some((e) => e.url.startsWith('/api/points/'))).toBe(true);
    expect(contract!.violations).toEqual([]);
  });
});

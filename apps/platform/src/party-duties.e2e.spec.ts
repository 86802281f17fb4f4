import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import {
  type IntegrationEvent,
  type IntegrationEventContract,
  memberReportedInV1,
  residentFlagsSetV1,
  volunteerActivityConfirmedV1,
} from '@cogov/contracts';
import { outboundMapper, schemaViolations, subscriptionOf } from '@cogov/context-kit';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import type { TokenClaims } from '@cogov/security';
import type { OpenAPIObject } from '@nestjs/swagger';
import { contextNamed } from '../../contexts';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

type Body = Record<string, unknown>;
interface DutyItem {
  item: string;
  done: boolean;
  evidence: Array<Record<string, unknown>>;
}
interface BoardItem {
  item: string;
  done: number;
  missing: Array<{ memberId: string; name: string }>;
}

/**
 * 双报到 and "4+1" through the API: an in-service member reports in to the community where they
 * live and its Party committee confirms it (a second report-in elsewhere is refused); party staff
 * record the member's items of the year; a volunteer day comes from the residents' committee's
 * confirmed activity, once; the member's five items show done or missing, and the branch's board
 * exactly who is missing each.
 */
describe.each(testDatabases)('double report-in and 4+1 (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let contract: OpenApiContract | undefined;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let admin: ApiClient;
  let homeId: string;
  let elsewhereId: string;
  let inServiceId: string;
  let otherId: string;
  let flaggedResidentId: string;
  let disabledResidentId: string;
  const staffOf = (communityId: string): TokenClaims => ({
    personId: `staff-${communityId}`,
    roles: ['party-staff'],
    communities: [communityId],
  });
  const memberClaims = (memberId: string): TokenClaims => ({
    personId: memberId,
    roles: ['party-member'],
    communities: [seed.communityId],
  });
  const as = (claims: TokenClaims) => platform.as(claims);

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Body };
  };

  /**
   * The residents' committee's fact, fed through the Party organization's own consumer (its
   * manifest's inbound definitions: schema checked, one command each), as the bus delivers it.
   */
  async function deliver<E extends IntegrationEvent>(
    contract: IntegrationEventContract<E>,
    data: E['data'],
    eventId: string = randomUUID(),
  ): Promise<void> {
    const commands = platform.app.get(CommandBus, { strict: false });
    const subscription = subscriptionOf(
      'party-organization',
      contextNamed('party-organization').consumes,
      (c) => commands.execute(c),
    );
    const handler = subscription.handlers[contract.type];
    if (!handler) throw new Error(`the Party organization does not consume ${contract.type}`);
    await handler.handle({
      type: contract.type,
      version: contract.version,
      eventId,
      source: 'residents-committee',
      key: eventId,
      occurredAt: new Date().toISOString(),
      actorId: 'rc-staff',
      onBehalfOf: null,
      correlationId: randomUUID(),
      causationId: null,
      data,
    });
  }

  const reportIn = (memberId: string, communityId: string) => ({
    path: `/api/party/members/${memberId}/report-in`,
    body: {
      communityId,
      workUnit: 'District Water Bureau',
      workUnitOrganization: 'Water Bureau Party Branch',
      address: 'Building 3, Room 401',
    },
  });
  const errorOf = (response: { status: number; body: unknown }) => {
    const body = response.body as Body;
    return { status: response.status, error: body.error, rule: (body.details as Body | null)?.rule };
  };
  const duties = (memberId: string) => `/api/party/members/${memberId}/duties`;

  beforeAll(async () => {
    platform = await TestPlatform.start(database, {}, (exchange: Exchange) => contract?.check(exchange));
    contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
    seed = await seedCommunity(call);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    homeId = await admin.create('/api/communities', { name: 'Where the member lives' });
    elsewhereId = await admin.create('/api/communities', { name: 'Elsewhere' });
    inServiceId = await admin.create('/api/party/members', {
      organizationId: seed.branchId,
      name: 'In-service',
      phone: '13600000002',
      membership: 'reporting-in',
    });
    otherId = await admin.create('/api/party/members', {
      organizationId: seed.branchId,
      name: 'Other',
      phone: '13600000003',
      membership: 'registered',
    });
    const resident = () =>
      admin.create('/api/residents', {
        communityId: seed.communityId,
        compoundId: seed.compoundId,
        buildingId: seed.buildingId,
        name: 'Resident',
        phone: '13800000005',
      });
    flaggedResidentId = await resident();
    disabledResidentId = await resident();
    await platform.settle();
  });
  // Every exchange, refusals included, is what the OpenAPI document says.
  afterEach(() => expect(contract?.violations).toEqual([]));
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });

  it('a member reports in and is confirmed by that community; a second report-in elsewhere 409', async () => {
    const member = await as(memberClaims(inServiceId));
    const home = reportIn(inServiceId, homeId);
    expect(await member.expectPost(home.path, home.body)).toEqual({ id: inServiceId });

    const elsewhere = reportIn(inServiceId, elsewhereId);
    const pending = await member.post(elsewhere.path, elsewhere.body);
    expect({ ...errorOf(pending), details: (pending.body as Body).details }).toEqual({
      status: 409,
      error: 'rule-violation',
      rule: 'one-report-in',
      details: { rule: 'one-report-in', memberId: inServiceId, communityId: homeId, status: 'pending' },
    });

    // Only the committee of the community reported in to decides; the registration community's staff do not see it.
    const decision = `/api/party/members/${inServiceId}/report-in/decision`;
    expect((await (await as(staffOf(seed.communityId))).post(decision, { decision: 'confirm' })).status).toBe(
      404,
    );
    const homeStaff = await as(staffOf(homeId));
    expect((await homeStaff.post(decision, { decision: 'decline' })).status).toBe(400);
    expect(await homeStaff.expectPost(decision, { decision: 'confirm' })).toEqual({ id: inServiceId });
    expect(errorOf(await homeStaff.post(decision, { decision: 'decline', reason: 'changed' }))).toEqual({
      status: 409,
      error: 'invalid-transition',
      rule: undefined,
    });

    const confirmed = await member.post(elsewhere.path, elsewhere.body);
    expect(errorOf(confirmed)).toEqual({ status: 409, error: 'rule-violation', rule: 'one-report-in' });
    expect((confirmed.body as Body).message).toContain(
      `already reported in to community ${homeId} (confirmed)`,
    );

    // Not to one's own registration community; not for a member registered in theirs; not for another member.
    const own = await admin.create('/api/party/members', {
      organizationId: seed.committeeId,
      name: 'Own',
      phone: '13600000004',
      membership: 'reporting-in',
    });
    const toOwn = reportIn(own, seed.communityId);
    expect(errorOf(await admin.post(toOwn.path, toOwn.body))).toEqual({
      status: 409,
      error: 'rule-violation',
      rule: 'report-in-elsewhere',
    });
    const registered = reportIn(otherId, homeId);
    expect(errorOf(await admin.post(registered.path, registered.body))).toEqual({
      status: 409,
      error: 'rule-violation',
      rule: 'report-in-is-for-in-service-members',
    });
    const forAnother = reportIn(own, homeId);
    expect((await member.post(forAnother.path, forAnother.body)).status).toBe(404);
    const unknownCommunity = reportIn(own, randomUUID());
    expect(errorOf(await admin.post(unknownCommunity.path, unknownCommunity.body))).toMatchObject({
      status: 409,
      error: 'not-yet-known',
    });

    await platform.settle();
    const list = await homeStaff.read(`/api/party/communities/${homeId}/reported-in-members?year=2026`);
    expect(list).toMatchObject({ communityId: homeId, year: 2026 });
    expect(list.members).toEqual([
      expect.objectContaining({
        memberId: inServiceId,
        name: 'In-service',
        registeredCommunityId: seed.communityId,
        status: 'confirmed',
        workUnit: 'District Water Bureau',
        workUnitOrganization: 'Water Bureau Party Branch',
        address: 'Building 3, Room 401',
      }),
    ]);
    expect(
      (
        await (
          await as(staffOf(seed.communityId))
        ).get(`/api/party/communities/${homeId}/reported-in-members`)
      ).status,
    ).toBe(404);
    const none = await (
      await as(staffOf(elsewhereId))
    ).read(`/api/party/communities/${elsewhereId}/reported-in-members`);
    expect(none.members).toEqual([]);

    // The confirmation is published: ids and the time, nothing of the work unit or the address.
    const stored = await platform.app
      .get<EventStore>(EVENT_STORE)
      .readStream(`party-organization.member-${inServiceId}`);
    const party = contextNamed('party-organization');
    const publish = outboundMapper(
      party.name,
      Object.values(party.aggregates),
      party.upcasters,
      party.publishes!,
    );
    const published = stored.flatMap((e) => publish(e)).filter((e) => e.type === memberReportedInV1.type);
    expect(published.map((e) => ({ version: e.version, key: e.key, data: e.data }))).toEqual([
      {
        version: 1,
        key: inServiceId,
        data: { memberId: inServiceId, communityId: homeId, confirmedAt: expect.any(String) as unknown },
      },
    ]);
    expect(schemaViolations(memberReportedInV1, published[0]!.data)).toEqual([]);
  });

  it('the 4+1 of the year: recorded items, a volunteer day from a confirmed activity once, done and missing', async () => {
    const branchStaff = await as(staffOf(seed.communityId));
    const homeStaff = await as(staffOf(homeId));
    await deliver(residentFlagsSetV1, {
      residentId: flaggedResidentId,
      communityId: seed.communityId,
      flags: ['living-alone-elderly'],
      setAt: '2026-01-10T08:00:00.000Z',
    });
    await deliver(residentFlagsSetV1, {
      residentId: disabledResidentId,
      communityId: seed.communityId,
      flags: ['disabled'],
      setAt: '2026-01-10T08:00:00.000Z',
    });

    // The community the member reported in to records its Party meeting; the branch the rest.
    const meeting = await homeStaff.create(duties(inServiceId), {
      year: 2026,
      item: 'party-meeting',
      date: '2026-03-01',
      note: 'Community Party day',
    });
    await branchStaff.create(duties(inServiceId), { year: 2026, item: 'talk', date: '2026-04-02' });
    await branchStaff.create(duties(inServiceId), { year: 2026, item: 'survey', date: '2026-05-03' });
    const pairing = await branchStaff.create(duties(inServiceId), {
      year: 2026,
      item: 'pairing',
      date: '2026-06-04',
      residentId: flaggedResidentId,
      note: 'Weekly visit',
    });
    // The last day of 2026 in China is 2026.
    await branchStaff.create(duties(otherId), { year: 2026, item: 'party-meeting', date: '2026-12-31' });

    // Refusals: an unflagged resident, one not heard of, and bad input.
    const post = (body: Body) => branchStaff.post(duties(otherId), body);
    expect(
      errorOf(
        await post({ year: 2026, item: 'pairing', date: '2026-06-04', residentId: disabledResidentId }),
      ),
    ).toEqual({
      status: 409,
      error: 'rule-violation',
      rule: 'pairing-with-flagged-resident',
    });
    expect(
      errorOf(await post({ year: 2026, item: 'pairing', date: '2026-06-04', residentId: randomUUID() })),
    ).toMatchObject({
      status: 409,
      error: 'not-yet-known',
    });
    // A flagged resident of a community that is neither the member's nor the one they reported in to.
    const elsewhereResident = randomUUID();
    await deliver(residentFlagsSetV1, {
      residentId: elsewhereResident,
      communityId: elsewhereId,
      flags: ['left-behind-child'],
      setAt: '2026-01-10T08:00:00.000Z',
    });
    expect(
      errorOf(await post({ year: 2026, item: 'pairing', date: '2026-06-04', residentId: elsewhereResident })),
    ).toMatchObject({ status: 409, error: 'out-of-scope' });
    for (const bad of [
      { year: 2026, item: 'pairing', date: '2026-06-04' },
      { year: 2026, item: 'talk', date: '2026-06-04', residentId: flaggedResidentId },
      { year: 2026, item: 'talk', date: '2027-01-01' },
      { year: 2026, item: 'talk', date: '2026-02-30' },
      { year: 2026, item: 'dance', date: '2026-06-04' },
      { year: '2026', item: 'talk', date: '2026-06-04' },
      { year: 2026, item: 'talk', date: '4 June' },
      { year: 2026, item: 'talk' },
    ]) {
      const response = await post(bad);
      expect({ bad, status: response.status, shape: Object.keys(response.body as Body).sort() }).toEqual({
        bad,
        status: 400,
        shape: ['details', 'error', 'message'],
      });
    }
    expect(
      (
        await (
          await as(staffOf(elsewhereId))
        ).post(duties(inServiceId), { year: 2026, item: 'talk', date: '2026-04-02' })
      ).status,
    ).toBe(404);
    expect(
      (
        await (
          await as(memberClaims(inServiceId))
        ).post(duties(inServiceId), { year: 2026, item: 'talk', date: '2026-04-02' })
      ).status,
    ).toBe(403);

    // The residents' committee confirms an activity: the member among residents; redelivered; republished.
    const activityId = randomUUID();
    const activity = {
      activityId,
      communityId: homeId,
      streetId: null,
      teamId: randomUUID(),
      kind: 'elderly-care' as const,
      title: 'Visiting the elderly',
      date: '2026-11-20',
      hours: 3,
      participantIds: [inServiceId, flaggedResidentId],
      confirmedBy: 'rc-staff',
      confirmedAt: '2026-11-21T02:00:00.000Z',
    };
    const eventId = randomUUID();
    await deliver(volunteerActivityConfirmedV1, activity, eventId);
    await deliver(volunteerActivityConfirmedV1, activity, eventId);
    await deliver(volunteerActivityConfirmedV1, activity);
    await platform.settle();

    const mine = await (await as(memberClaims(inServiceId))).read(`${duties(inServiceId)}?year=2026`);
    expect(mine).toMatchObject({ memberId: inServiceId, year: 2026, complete: true });
    const items = mine.items as DutyItem[];
    expect(items.map((i) => [i.item, i.done, i.evidence.length])).toEqual([
      ['party-meeting', true, 1],
      ['talk', true, 1],
      ['survey', true, 1],
      ['volunteer-day', true, 1],
      ['pairing', true, 1],
    ]);
    expect(items[0]!.evidence[0]).toMatchObject({ dutyId: meeting, date: '2026-03-01', source: 'recorded' });
    expect(items[3]!.evidence[0]).toMatchObject({
      source: 'volunteer-activity',
      activityId,
      activityTitle: 'Visiting the elderly',
      date: '2026-11-20',
      hours: 3,
    });
    expect(items[4]!.evidence[0]).toMatchObject({ dutyId: pairing, residentId: flaggedResidentId });

    const other = await branchStaff.read(`${duties(otherId)}?year=2026`);
    expect(other.complete).toBe(false);
    expect((other.items as DutyItem[]).map((i) => [i.item, i.done])).toEqual([
      ['party-meeting', true],
      ['talk', false],
      ['survey', false],
      ['volunteer-day', false],
      ['pairing', false],
    ]);
    const nextYear = await branchStaff.read(`${duties(otherId)}?year=2027`);
    expect((nextYear.items as DutyItem[]).every((i) => !i.done)).toBe(true);
    // This year, China's, by default.
    const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect((await branchStaff.read(duties(otherId))).year).toBe(thisYear);

    // A member reads their own duties, not another's; another community's staff not at all.
    expect((await (await as(memberClaims(inServiceId))).get(`${duties(otherId)}?year=2026`)).status).toBe(
      404,
    );
    expect((await (await as(staffOf(elsewhereId))).get(`${duties(inServiceId)}?year=2026`)).status).toBe(404);
    expect((await homeStaff.read(`${duties(inServiceId)}?year=2026`)).complete).toBe(true);
    expect((await branchStaff.get(`${duties(otherId)}?year=1999`)).status).toBe(400);
    expect((await branchStaff.get(`${duties(otherId)}?year=this`)).status).toBe(400);

    // The branch's board: who did all five, and exactly who is missing each item.
    const board = await branchStaff.read(`/api/party/organizations/${seed.branchId}/duties?year=2026`);
    expect(board).toMatchObject({
      organizationId: seed.branchId,
      year: 2026,
      members: 3,
      complete: 1,
      completionRate: 1 / 3,
    });
    const missing = Object.fromEntries(
      (board.items as BoardItem[]).map((i) => [i.item, i.missing.map((m) => m.memberId).sort()]),
    );
    expect(missing).toEqual({
      'party-meeting': [seed.memberId],
      talk: [seed.memberId, otherId].sort(),
      survey: [seed.memberId, otherId].sort(),
      'volunteer-day': [seed.memberId, otherId].sort(),
      pairing: [seed.memberId, otherId].sort(),
    });
    expect((await homeStaff.get(`/api/party/organizations/${seed.branchId}/duties?year=2026`)).status).toBe(
      404,
    );
    expect(
      (await (await as(memberClaims(inServiceId))).get(`/api/party/organizations/${seed.branchId}/duties`))
        .status,
    ).toBe(403);

    // The community the member reported in to sees what they did.
    const reported = await homeStaff.read(`/api/party/communities/${homeId}/reported-in-members?year=2026`);
    expect((reported.members as Array<{ duties: Body }>)[0]!.duties).toMatchObject({
      memberId: inServiceId,
      complete: true,
    });
  });
});

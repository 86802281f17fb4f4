import { randomUUID } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import { csvObjects, flatRow } from '../../boards/src/rates/testing/csv-reader';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

const isCsv = (exchange: Exchange) =>
  exchange.url.includes('format=csv') || (exchange.headers.accept ?? '').includes('text/csv');

/**
 * 三率 over HTTP: the route's refusals, the scope of a street, and a table built from orders placed
 * and rated through the real routes, as JSON and as its CSV export. (The service-level facts the
 * response and resolution rates count come from the three-ones process: their figures are checked
 * by the boards' integration test, fed those facts.)
 */
describe.each(testDatabases)('the rates (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let contract: OpenApiContract;
  let admin: ApiClient;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let streetId: string;
  let otherStreetId: string;

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };

  /** An order placed for the seeded resident, reviewed, dispatched to the member, done, rated. */
  const orderRated = async (score: number) => {
    const staff = await platform.as(seed.worker);
    const member = await platform.as(seed.member);
    const resident = await platform.as(seed.resident);
    const orderId = await staff.create('/api/orders', {
      residentId: seed.residentId,
      compoundId: seed.compoundId,
      category: 'repair',
      title: `Rated ${score}`,
      description: 'The lift stops between floors',
      channel: 'app',
    });
    await platform.settle();
    await member.expectPost(`/api/orders/${orderId}/review`, {
      reviewerId: seed.memberId,
      decision: 'approve',
      note: 'ok',
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
    await member.expectPost(`/api/orders/${orderId}/arrival`, { memberId: seed.memberId, note: 'here' });
    await member.expectPost(`/api/orders/${orderId}/complete`, {
      memberId: seed.memberId,
      resultNote: 'Fixed',
      evidence: ['https://evidence.example/1.jpg'],
    });
    await platform.settle();
    await resident.expectPost(`/api/orders/${orderId}/rating`, {
      raterId: seed.residentId,
      score,
      comment: score >= 4 ? 'Thanks' : 'Not fixed',
    });
    await platform.settle();
    return orderId;
  };

  type Row = {
    rank: number;
    id: string;
    name: string | null;
    orders: number;
    satisfaction: { ratings: number; satisfied: number; rate: number | null };
  };
  const rowsOf = (body: Record<string, unknown>) => body.rows as Row[];

  beforeAll(async () => {
    platform = await TestPlatform.start(database, {}, (exchange) => {
      if (!isCsv(exchange)) contract?.check(exchange);
    });
    contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    streetId = await admin.create('/api/streets', { name: '和平街道' });
    otherStreetId = await admin.create('/api/streets', { name: '东风街道' });
    await admin.create('/api/communities', { name: 'Elsewhere', streetId: otherStreetId });
    seed = await seedCommunity(call, { streetId });
    await orderRated(5);
    await orderRated(2);
  });
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });

  it.each([
    ['no level', '', 'level'],
    ['an unknown level', 'level=planet', 'level'],
    ['a day that does not exist', 'level=community&from=2030-02-31', 'from'],
    ['a time without its zone', 'level=community&to=2030-03-01T08:00:00', 'to'],
    ['from not before to', 'level=community&from=2030-03-02&to=2030-03-01', 'from'],
    ['a street id that is no id', 'level=street&streetId=42', 'streetId'],
    ['an unknown format', 'level=street&format=xlsx', 'format'],
    ['an unknown sort', 'level=street&sort=speed', 'sort'],
    ['a parameter nobody declared', 'level=street&colour=red', 'colour'],
  ])('%s is refused with 400 naming the parameter', async (_case, query, field) => {
    const response = await admin.get(`/api/rates?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'validation-failed' });
    expect((response.body as { details: Array<{ field: string }> }).details.map((d) => d.field)).toContain(
      field,
    );
  });

  it('a street the boards do not know, or outside the caller’s, is 404', async () => {
    expect((await admin.get(`/api/rates?level=community&streetId=${randomUUID()}`)).status).toBe(404);
    const outsider = await platform.as({
      personId: 'other-leader',
      roles: ['residents-committee-staff'],
      streets: [otherStreetId],
    });
    const response = await outsider.get(`/api/rates?level=community&streetId=${streetId}`);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: 'not-found' });
    const byCommunity = await outsider.get(`/api/rates?level=member&communityId=${seed.communityId}`);
    expect(byCommunity.status).toBe(404);
  });

  it('the street’s table holds its community, with the ratings given through the routes', async () => {
    const leader = await platform.as({ personId: 'leader', roles: ['party-staff'], streets: [streetId] });
    const body = await leader.read(`/api/rates?level=community&streetId=${streetId}`);
    expect(body).toMatchObject({ level: 'community', sort: 'composite' });
    expect(Date.parse(body.to as string) - Date.parse(body.from as string)).toBe(30 * 86_400_000);
    expect(rowsOf(body)).toEqual([
      expect.objectContaining({
        rank: 1,
        id: seed.communityId,
        name: 'Seeded community',
        orders: 2,
        satisfaction: { ratings: 2, satisfied: 1, rate: 0.5 },
      }),
    ]);
    const members = rowsOf(await leader.read(`/api/rates?level=member&sort=satisfaction`));
    expect(members).toEqual([
      expect.objectContaining({ id: seed.memberId, satisfaction: { ratings: 2, satisfied: 1, rate: 0.5 } }),
    ]);
    const streets = rowsOf(await leader.read('/api/rates?level=street'));
    expect(streets.map((r) => [r.id, r.name])).toEqual([[streetId, '和平街道']]);
  });

  it('a caller of another street sees nothing of this one, in any ranking', async () => {
    const outsider = await platform.as({
      personId: 'other-leader',
      roles: ['residents-committee-staff'],
      streets: [otherStreetId],
    });
    for (const level of ['street', 'community', 'branch', 'member', 'property-company', 'department']) {
      const rows = rowsOf(await outsider.read(`/api/rates?level=${level}`));
      expect(rows.filter((r) => r.satisfaction.ratings > 0 || r.orders > 0)).toEqual([]);
      expect(rows.map((r) => r.id)).not.toContain(seed.communityId);
      expect(rows.map((r) => r.id)).not.toContain(streetId);
    }
    // The admin sees both streets.
    const all = rowsOf(await admin.read('/api/rates?level=street'));
    expect(all.map((r) => r.id).sort()).toEqual([streetId, otherStreetId].sort());
  });

  it('the CSV export, by Accept or ?format=csv, holds the same rows and figures as the JSON', async () => {
    const query = `level=community&from=2020-01-01&to=2099-01-01`;
    const json = await admin.read(`/api/rates?${query}`);
    const byFormat = await admin.get(`/api/rates?${query}&format=csv`);
    const byAccept = await admin.get(`/api/rates?${query}`).set('Accept', 'text/csv');
    for (const response of [byFormat, byAccept]) {
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename=rates-community-2020-01-01-2099-01-01.csv',
      );
      expect(response.text).toBe(byFormat.text);
    }
    const parsed = csvObjects(byFormat.text);
    expect(parsed).toEqual((json.rows as Array<Parameters<typeof flatRow>[0]>).map(flatRow));
    expect(parsed.find((r) => r.id === seed.communityId)).toMatchObject({ ratings: 2, satisfied: 1 });
    // ?format=json wins over the Accept header.
    const asked = await admin.get(`/api/rates?${query}&format=json`).set('Accept', 'text/csv');
    expect(asked.headers['content-type']).toMatch(/^application\/json/);
  });

  it('every JSON exchange matches the OpenAPI document', () => {
    expect(contract.checked.length).toBeGreaterThan(10);
    expect(contract.violations).toEqual([]);
  });
});

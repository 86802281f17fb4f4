import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { testDatabases } from './testing/databases';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * One branch answers for each compound: a second branch over a covered compound is refused,
 * naming the compound and the branch covering it, also when two are founded at the same moment,
 * and a founding that died between claiming its compounds and being founded blocks them only
 * until its claim lapses.
 */
describe.each(testDatabases)('one branch per compound (embedded platform on %s)', (_name, makeDatabase) => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let admin: ApiClient;

  const call: ApiCall = async (claims, method, route, body) => {
    const client = await platform.as(claims);
    const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
    return { status: response.status, body: response.body as Record<string, unknown> };
  };
  const branchOver = (compoundIds: string[], name = 'Another branch') => ({
    kind: 'branch',
    name,
    communityId: seed.communityId,
    parentId: seed.committeeId,
    compoundIds,
  });
  const newCompound = async () => {
    const id = await admin.create(`/api/communities/${seed.communityId}/compounds`, {
      name: 'K',
      address: 'x',
    });
    await platform.settle();
    return id;
  };

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    seed = await seedCommunity(call);
    admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    await platform.settle();
  });
  afterAll(async () => {
    await platform?.stop();
    await cleanup();
  });

  it('a second branch over a covered compound answers 409 naming the compound and its branch', async () => {
    const free = await newCompound();
    const response = await admin.post('/api/party/organizations', branchOver([free, seed.compoundId]));
    expect({ status: response.status, body: response.body }).toEqual({
      status: 409,
      body: {
        error: 'compound-already-covered',
        message: `compound ${seed.compoundId} is already covered by branch ${seed.branchId}`,
        details: { compoundId: seed.compoundId, branchId: seed.branchId },
      },
    });
    // The compound it claimed before meeting the covered one was given back.
    await admin.create('/api/party/organizations', branchOver([free]));
  });

  it('of two branches founded over one compound at the same moment, exactly one is founded', async () => {
    for (let round = 0; round < 3; round++) {
      const compoundId = await newCompound();
      const answers = await Promise.all(
        ['East', 'West'].map((name) =>
          admin.post('/api/party/organizations', branchOver([compoundId], name)),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      const winner = answers.find((a) => a.status === 201)!.body.id as string;
      const loser = answers.find((a) => a.status === 409)!;
      expect(loser.body).toMatchObject({
        error: 'compound-already-covered',
        details: { compoundId, branchId: winner },
      });
    }
  });

  it('a founding that died after claiming blocks the compound only until its claim lapses', async () => {
    const compoundId = await newCompound();
    const store = platform.app.get<EventStore>(EVENT_STORE);
    const claim = (branchId: string, claimedAt: Date) =>
      store.appendToStream(
        `party-organization.compound-coverage-${compoundId}`,
        [
          {
            eventId: randomUUID(),
            type: 'CompoundClaimed',
            schemaVersion: 1,
            data: { compoundId, branchId, takenOverFrom: null, claimedAt: claimedAt.toISOString() },
            metadata: { actorId: 'admin', correlationId: randomUUID(), causationId: null },
          },
        ],
        { expectedRevision: 'any' },
      );

    // Claimed a moment ago by a branch that was never founded: it may still be on its way.
    const dying = randomUUID();
    await claim(dying, new Date());
    const meanwhile = await admin.post('/api/party/organizations', branchOver([compoundId]));
    expect(meanwhile.body).toMatchObject({ error: 'compound-already-covered', details: { branchId: dying } });

    // Claimed long ago by a branch that was never founded: its founding is called off, the claim taken.
    const dead = randomUUID();
    await claim(dead, new Date(Date.now() - 10 * 60_000));
    const branchId = await admin.create('/api/party/organizations', branchOver([compoundId]));
    const coverage = await store.readStream(`party-organization.compound-coverage-${compoundId}`);
    expect(coverage[coverage.length - 1]).toMatchObject({
      type: 'CompoundClaimed',
      data: { branchId, takenOverFrom: dead },
    });
    const abandoned = await store.readStream(`party-organization.organization-${dead}`);
    expect(abandoned.map((e) => e.type)).toEqual(['FoundingAbandoned']);
  });

  it('a retried founding with its Idempotency-Key answers the same branch, not a conflict with itself', async () => {
    const compoundId = await newCompound();
    const found = () =>
      admin
        .post('/api/party/organizations', branchOver([compoundId]))
        .set('Idempotency-Key', `branch-${compoundId}`);
    const first = await found();
    const again = await found();
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
  });
});

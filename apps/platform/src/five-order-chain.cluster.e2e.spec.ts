import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { TokenClaims } from '@cogov/security';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Cluster } from './testing/cluster';
import { type ApiCall, eventually as retryUntil, seedCommunity } from './testing/seed-community';

/**
 * The five-order chain across separate processes: the residents' committee, the Party
 * organization and the projections each run as their own app on their own PostgreSQL schema, and
 * integration events cross over the real Kafka broker. Processes are killed (SIGKILL, no shutdown
 * hooks) and restarted mid-flow: nothing is lost and nothing is applied twice.
 */
/** Stops or starts the broker `npm test` runs (infra/kafka, default data directory). */
function broker(action: 'stop' | 'start'): void {
  // Its stderr says why, should it fail: it is part of the error thrown.
  execFileSync('bash', [path.resolve(__dirname, `../../../infra/kafka/${action}.sh`)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

describe('five-order chain across processes over Kafka', () => {
  let cluster: Cluster;
  const admin: TokenClaims = { personId: 'admin', roles: ['platform-admin'] };

  beforeAll(async () => {
    cluster = await Cluster.create();
    await cluster.start('residents-committee');
    await cluster.start('party-organization');
    await cluster.start('projections');
  }, 120_000);
  afterAll(() => cluster?.destroy(), 60_000);

  const call: ApiCall = (claims, method, route, body) => cluster.call(claims, method, route, body);
  const eventually = (
    claims: TokenClaims,
    method: 'GET' | 'POST',
    route: string,
    body: object | undefined,
    status: number,
  ) => retryUntil(call, claims, method, route, body, status);
  async function stageBecomes(orderId: string, stage: string, round = 1) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const view = await cluster.call(admin, 'GET', `/api/orders/${orderId}`);
      if (view.status === 200 && view.body.stage === stage && view.body.round === round) return view.body;
      if (Date.now() > deadline)
        throw new Error(`order ${orderId} did not reach ${stage}: ${JSON.stringify(view.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('places, reviews, dispatches, takes, completes and closes an order, surviving crashes of every process and of the broker', async () => {
    const { residentId, compoundId, memberId, workerId, branchId, resident, member, worker } =
      await seedCommunity(call);

    const orderId = (
      await eventually(
        resident,
        'POST',
        '/api/orders',
        {
          residentId,
          compoundId,
          category: 'repair',
          title: 'Leak',
          description: 'd',
          channel: 'app',
        },
        201,
      )
    ).id as string;
    await stageBecomes(orderId, 'placed');

    // The Party organization crashes; its consumer resumes from its committed offsets.
    cluster.kill('party-organization');
    await cluster.start('party-organization');
    await eventually(
      member,
      'POST',
      `/api/orders/${orderId}/review`,
      { reviewerId: memberId, decision: 'approve', note: 'ok', priority: 'high' },
      200,
    );
    // The broker goes down right after the review: the relay cannot publish it and retries; once
    // the broker is back, the residents' committee records the approval, once.
    broker('stop');
    await new Promise((r) => setTimeout(r, 1500));
    broker('start');
    await stageBecomes(orderId, 'approved');

    // The projections crash; the chain view catches up from its checkpoint.
    cluster.kill('projections');
    await eventually(
      worker,
      'POST',
      `/api/orders/${orderId}/dispatch`,
      { dispatcherId: workerId, assigneeKind: 'branch-pool', assigneeId: branchId },
      200,
    );
    await cluster.start('projections');
    await stageBecomes(orderId, 'dispatched');

    // The residents' committee crashes (its relay and consumer with it).
    await eventually(member, 'POST', `/api/orders/${orderId}/take`, { memberId }, 200);
    cluster.kill('residents-committee');
    await cluster.start('residents-committee');
    await stageBecomes(orderId, 'taken');
    await eventually(
      member,
      'POST',
      `/api/orders/${orderId}/complete`,
      { memberId, resultNote: 'fixed', evidence: [] },
      200,
    );
    await stageBecomes(orderId, 'completed');
    await eventually(
      resident,
      'POST',
      `/api/orders/${orderId}/rating`,
      { raterId: residentId, score: 4, comment: 'good' },
      200,
    );
    const view = await stageBecomes(orderId, 'closed');

    // Applied once each, whatever was redelivered.
    expect((view.history as Array<{ stage: string }>).map((s) => s.stage)).toEqual([
      'placed',
      'approved',
      'dispatched',
      'taken',
      'completed',
      'closed',
    ]);
    const stream = await cluster.call(admin, 'GET', `/api/streams/residents-committee.order-${orderId}`);
    expect((stream.body.events as Array<{ type: string }>).map((e) => e.type)).toEqual([
      'OrderPlaced',
      'BranchReviewRecorded',
      'OrderDispatched',
      'OrderTakenRecorded',
      'OrderCompletionRecorded',
      'OrderRated',
      'OrderClosed',
    ]);

    // The Party organization's relay dies after the broker acknowledged but before it saved its
    // checkpoint: it comes back behind what it published (here: from zero) and publishes again.
    const partyTopic = `${cluster.namespace}.party-organization.events`;
    const kafka = new Kafka({
      clientId: 'cluster-test',
      brokers: ['127.0.0.1:9092'],
      logLevel: logLevel.NOTHING,
    });
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    const database = new Client({ connectionString: cluster.databaseUrl });
    await database.connect();
    try {
      // The chain view closes on the residents' committee's events; the Party organization still
      // records the rating and publishes what follows from it. Count only once all is quiet.
      const residentsTopic = `${cluster.namespace}.residents-committee.events`;
      const groups = [
        { groupId: `${cluster.namespace}.party-organization`, topic: residentsTopic },
        { groupId: `${cluster.namespace}.residents-committee`, topic: partyTopic },
      ];
      const progress = async () =>
        JSON.stringify({
          relays: await Promise.all(
            ['party_organization', 'residents_committee'].map((s) => relayProgress(database, s)),
          ),
          groups: await Promise.all(groups.map((g) => groupProgress(kafkaAdmin, g.groupId, g.topic))),
        });
      await until(async () => {
        const [party, residents] = await Promise.all(
          ['party_organization', 'residents_committee'].map((s) => relayProgress(database, s)),
        );
        const consumed = await Promise.all(groups.map((g) => groupProgress(kafkaAdmin, g.groupId, g.topic)));
        return (
          party!.relayed >= party!.last &&
          residents!.relayed >= residents!.last &&
          consumed.every((c) => c.caughtUp)
        );
      }, progress);
      const published = await recordsOn(kafkaAdmin, partyTopic);
      cluster.kill('party-organization');
      await database.query('UPDATE party_organization.kafka_relay_checkpoints SET position = 0');
      await cluster.start('party-organization');
      // Every record is on the topic twice, and the residents' committee has consumed them all.
      await until(
        async () => (await recordsOn(kafkaAdmin, partyTopic)) === 2 * published,
        async () => `published before: ${published}, now ${await recordsOn(kafkaAdmin, partyTopic)}`,
      );
      await until(
        async () => (await groupProgress(kafkaAdmin, groups[1]!.groupId, partyTopic)).caughtUp,
        progress,
      );
      const again = await cluster.call(admin, 'GET', `/api/streams/residents-committee.order-${orderId}`);
      expect(again.body.events).toEqual(stream.body.events);
      expect((await cluster.call(admin, 'GET', `/api/orders/${orderId}`)).body.history).toEqual(view.history);
    } finally {
      await database.end();
      await kafkaAdmin.disconnect();
    }
  }, 240_000);
});

async function recordsOn(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
}

/** How far the context's relay has got against the last event in its store. */
async function relayProgress(database: Client, schema: string): Promise<{ last: number; relayed: number }> {
  const { rows } = await database.query<{ last: string | null; relayed: string | null }>(
    `SELECT (SELECT MAX(global_position) FROM ${schema}.es_events) AS last,
            (SELECT MAX(position) FROM ${schema}.kafka_relay_checkpoints) AS relayed`,
  );
  return { last: Number(rows[0]!.last ?? 0), relayed: Number(rows[0]!.relayed ?? 0) };
}

/** The consumer group's committed offsets against the topic's ends. */
async function groupProgress(admin: Admin, groupId: string, topic: string) {
  const [group] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const ends = await admin.fetchTopicOffsets(topic);
  const partitions = ends.map((end) => ({
    partition: end.partition,
    low: end.low,
    high: end.high,
    committed: group!.partitions.find((p) => p.partition === end.partition)?.offset,
  }));
  // A group commits nothing for a partition it never received a record on (-1).
  const caughtUp = partitions.every(
    (p) => p.committed === p.high || (p.committed === '-1' && p.high === p.low),
  );
  return { groupId, caughtUp, partitions };
}

async function until(
  condition: () => Promise<boolean>,
  describeState: () => Promise<string> = async () => '',
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms ${await describeState()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

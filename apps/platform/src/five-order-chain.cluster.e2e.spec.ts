import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { TokenClaims } from '@cogov/security';
import { Cluster } from './testing/cluster';

/**
 * The five-order chain across separate processes: the residents' committee, the Party
 * organization and the projections each run as their own app on their own PostgreSQL schema, and
 * integration events cross over the real Kafka broker. Processes are killed (SIGKILL, no shutdown
 * hooks) and restarted mid-flow: nothing is lost and nothing is applied twice.
 */
/** Stops or starts the broker `npm test` runs (infra/kafka, default data directory). */
function broker(action: 'stop' | 'start'): void {
  execFileSync('bash', [path.resolve(__dirname, `../../../infra/kafka/${action}.sh`)], { stdio: 'ignore' });
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

  /** Repeats a call until it gives the wanted status: the other process learns by events. */
  async function eventually(
    claims: TokenClaims,
    method: 'GET' | 'POST',
    route: string,
    body: object | undefined,
    status: number,
  ) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const response = await cluster.call(claims, method, route, body);
      if (response.status === status) return response.body;
      if (Date.now() > deadline) {
        throw new Error(
          `${method} ${route} kept answering ${response.status}: ${JSON.stringify(response.body)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
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
    const created = async (route: string, body: object) =>
      (await eventually(admin, 'POST', route, body, 201)).id as string;
    const communityId = await created('/api/communities', { name: 'Cluster community' });
    const compoundId = await created(`/api/communities/${communityId}/compounds`, {
      name: 'K',
      address: 'x',
    });
    const buildingId = await created(`/api/compounds/${compoundId}/buildings`, { name: 'B', number: '1' });
    const residentId = await created('/api/residents', {
      communityId,
      compoundId,
      buildingId,
      name: 'R',
      phone: '13800000000',
    });
    const workerId = await created(`/api/communities/${communityId}/workers`, {
      name: 'W',
      phone: '13700000000',
      role: 'grid-worker',
    });
    const committeeId = await created('/api/party/organizations', {
      kind: 'community-committee',
      name: 'C',
      communityId,
    });
    const branchId = await created('/api/party/organizations', {
      kind: 'branch',
      name: 'Br',
      communityId,
      parentId: committeeId,
      compoundIds: [compoundId],
    });
    const memberId = await created('/api/party/members', {
      organizationId: branchId,
      name: 'M',
      phone: '13600000000',
      membership: 'registered',
    });

    const resident: TokenClaims = { personId: residentId, roles: ['resident'], communities: [communityId] };
    const member: TokenClaims = { personId: memberId, roles: ['party-member'], communities: [communityId] };
    const worker: TokenClaims = {
      personId: workerId,
      roles: ['residents-committee-staff'],
      communities: [communityId],
    };

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
  }, 180_000);
});

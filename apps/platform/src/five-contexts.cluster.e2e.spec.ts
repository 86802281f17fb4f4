import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { periodOf } from '@cogov/contracts';
import type { TokenClaims } from '@cogov/security';
import { CONTEXTS } from '../../contexts';
import { Cluster } from './testing/cluster';
import { unifiedCreditCode } from './unified-credit-code';
import { startReceiver, validSignature } from './testing/webhook-receiver';
import {
  type ApiCall,
  eventually as retryUntil,
  PLATFORM_ADMIN,
  seedCommunity,
} from './testing/seed-community';

/**
 * Every context as its own process on its own PostgreSQL schema, integration events crossing the
 * real Kafka broker: an order goes to a property company whose partner system works on it through
 * CloudEvents and receives signed webhooks, another to a building leader, a mediation escalates
 * into an order, a company's
 * red-property rule follows the Party organization's founding of its branch, an owners'
 * committee is formed on a compound it heard of by events, and a building leader's referral
 * becomes an order in the residents' committee.
 */
describe('the five contexts across processes over Kafka', () => {
  let cluster: Cluster;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const admin = PLATFORM_ADMIN;

  const call: ApiCall = (claims, method, route, body) => cluster.call(claims, method, route, body);
  const eventually = (
    claims: TokenClaims,
    method: 'GET' | 'POST',
    route: string,
    body: object | undefined,
    status: number,
  ) => retryUntil(call, claims, method, route, body, status);
  /** Reads a view until it satisfies the check: another process learns of facts by events. */
  async function until(route: string, check: (body: Record<string, unknown>) => boolean) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const view = await cluster.call(admin, 'GET', route);
      if (view.status === 200 && check(view.body)) return view.body;
      if (Date.now() > deadline)
        throw new Error(`${route} never became as expected: ${JSON.stringify(view.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** An order the seeded resident placed and the seeded branch approved: ready for dispatch. */
  async function approvedOrder(category: string, title: string, description: string, note: string) {
    const orderId = (
      await eventually(
        seed.resident,
        'POST',
        '/api/orders',
        {
          residentId: seed.residentId,
          compoundId: seed.compoundId,
          category,
          title,
          description,
          channel: 'app',
        },
        201,
      )
    ).id as string;
    await eventually(
      seed.member,
      'POST',
      `/api/orders/${orderId}/review`,
      { reviewerId: seed.memberId, decision: 'approve', note, priority: 'normal' },
      200,
    );
    return orderId;
  }
  /** Dispatched by the seeded worker, once the residents' committee has heard of the executor. */
  const dispatchTo = (orderId: string, assigneeKind: string, assigneeId: string) =>
    eventually(
      seed.worker,
      'POST',
      `/api/orders/${orderId}/dispatch`,
      { dispatcherId: seed.workerId, assigneeKind, assigneeId },
      200,
    );

  /** A resident of the seeded building nominated and approved as its leader, with their token. */
  async function vettedLeader(residentId: string, nominatedBy: 'self' | 'residents') {
    const leaderId = (
      await eventually(
        seed.worker,
        'POST',
        '/api/building-leaders',
        { compoundId: seed.compoundId, residentId, buildingIds: [seed.buildingId], nominatedBy },
        201,
      )
    ).id as string;
    await eventually(
      seed.worker,
      'POST',
      `/api/building-leaders/${leaderId}/vetting`,
      { vetterId: seed.workerId, decision: 'approve', note: 'Known to the neighbours.' },
      200,
    );
    const leader: TokenClaims = {
      personId: leaderId,
      roles: ['building-leader'],
      compounds: [seed.compoundId],
    };
    return { leaderId, leader };
  }

  beforeAll(async () => {
    receiver = await startReceiver();
    cluster = await Cluster.create();
    for (const context of CONTEXTS) await cluster.start(context.name);
    await cluster.start('projections');
    seed = await seedCommunity(call);
  }, 180_000);
  afterAll(async () => {
    await cluster?.destroy();
    await receiver?.close();
  }, 60_000);

  it('runs every context of the list as its own app, each answering on a port of its own', async () => {
    const answers = await Promise.all(
      CONTEXTS.map(async ({ name }) => {
        const port = cluster.ports[name];
        const health = port === undefined ? null : await fetch(`http://127.0.0.1:${port}/api/health`);
        return { name, port, status: health?.status ?? null };
      }),
    );
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(new Set(answers.map((a) => a.port)).size).toBe(CONTEXTS.length);
    // A route is served by its own context's app only: the company's view is unknown to the
    // residents' committee's.
    const elsewhere = await fetch(
      `http://127.0.0.1:${cluster.ports['residents-committee']}/api/property-companies/${randomUUID()}`,
      { headers: { authorization: `Bearer ${await cluster.tokens.issue(admin)}` } },
    );
    expect(elsewhere.status).toBe(404);
    const elsewhereMessage = ((await elsewhere.json()) as { message: string }).message;
    // Its own app knows the route (`:id` in the answer) and looked the company up.
    const own = await cluster.call(admin, 'GET', `/api/property-companies/${randomUUID()}`);
    expect({ status: own.status, message: own.body.message }).toEqual({
      status: 404,
      message: 'resource /api/property-companies/:id not found',
    });
    expect(elsewhereMessage).not.toBe(own.body.message);
  });

  it('a partner company works on its order through CloudEvents; the resident rates it; the period’s evaluation counts it; its webhook got each event once, signed', async () => {
    const companyId = (
      await eventually(
        admin,
        'POST',
        '/api/property-companies',
        {
          name: 'Green Shade Property',
          unifiedCreditCode: unifiedCreditCode(),
          staffCount: 20,
          fullPartyMemberCount: 2,
        },
        201,
      )
    ).id as string;
    // The property company learns of the compound from the residents' committee's events.
    await eventually(
      admin,
      'POST',
      `/api/property-companies/${companyId}/contracts`,
      { compoundId: seed.compoundId, startsOn: '2025-01-01', endsOn: '2030-12-31' },
      201,
    );
    const { key } = (await eventually(
      admin,
      'POST',
      '/api/partner-keys',
      { companyId, name: 'Ticketing', compoundIds: [seed.compoundId] },
      201,
    )) as { key: string };
    const asPartner = (route: string, body: object) =>
      cluster.send('POST', route, body, { 'x-api-key': key });
    const webhook = await asPartner('/api/partner/webhooks', { url: receiver.url });
    expect(webhook.status).toBe(201);
    const secret = webhook.body.secret as string;

    const orderId = await approvedOrder('repair', 'Lift', 'Stuck', 'Property matter');
    // The residents' committee learns of the company from the property company's events.
    await dispatchTo(orderId, 'property-company', companyId);
    const steps: Array<[string, Record<string, unknown>]> = [
      ['order-work.accepted', { orderId, note: 'Coming' }],
      ['order-work.arrived', { orderId, note: 'On site' }],
      [
        'order-work.completed',
        { orderId, resultNote: 'Serviced', evidence: ['https://evidence.example/lift.jpg'] },
      ],
    ];
    for (const [type, data] of steps) {
      const cloudEvent = {
        specversion: '1.0',
        id: randomUUID(),
        source: 'urn:green-shade:tickets',
        type,
        data,
      };
      // The company's app learns of the dispatch by events: until then the order is not its own.
      const deadline = Date.now() + 30_000;
      let answer = await asPartner('/api/partner/events', cloudEvent);
      while (answer.status !== 200 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        answer = await asPartner('/api/partner/events', cloudEvent);
      }
      expect({ type, status: answer.status }).toEqual({ type, status: 200 });
    }
    const chain = await until(`/api/orders/${orderId}`, (view) => view.stage === 'completed');
    expect(chain).toMatchObject({
      rounds: [
        {
          round: 1,
          assignee: { kind: 'property-company', id: companyId },
          acceptedBy: { kind: 'property-company', id: companyId },
        },
      ],
    });
    await eventually(
      seed.resident,
      'POST',
      `/api/orders/${orderId}/rating`,
      { raterId: seed.residentId, score: 4, comment: 'Quick' },
      200,
    );
    const period = periodOf(new Date().toISOString(), 'quarter');
    const company = await until(`/api/property-companies/${companyId}`, (view) =>
      (view.evaluations as Array<Record<string, unknown>>).some((e) => e.orderRatingCount === 1),
    );
    expect(company.evaluations).toEqual([
      expect.objectContaining({ period, orderRatingCount: 1, orderRatingsScaled: 75, grade: 'B' }),
    ]);

    // The company's app delivers on its own clock: once its log shows the order's five delivered
    // at the first attempt, nothing of them is left to send, and the receiver must hold exactly
    // those five. (Facts of the company from before the webhook existed, its registration and
    // contract, may be delivered too, depending on when the feed read them: not counted here.)
    const types = [
      'property-company.evaluation-graded',
      'property-company.order-work',
      'property-company.order-work',
      'property-company.order-work',
      'residents-committee.order-dispatched',
    ];
    const counted = (type: unknown) => types.includes(type as string);
    const deadline = Date.now() + 30_000;
    let log: Array<Record<string, unknown>> = [];
    for (;;) {
      log = (
        (await cluster.send('GET', '/api/partner/webhooks/deliveries', undefined, { 'x-api-key': key }))
          .body as unknown as Array<Record<string, unknown>>
      ).filter((d) => counted(d.eventType));
      if (log.length >= types.length && log.every((d) => d.status === 'delivered')) break;
      if (Date.now() > deadline) throw new Error(`deliveries not done: ${JSON.stringify(log)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(log.map((d) => d.attempts)).toEqual([1, 1, 1, 1, 1]);
    const got = receiver.received
      .map((r) => ({ r, event: JSON.parse(r.body) as { type: string; eventId: string } }))
      .filter(({ event }) => counted(event.type));
    expect(got.map(({ event }) => event.type).sort()).toEqual(types);
    expect(new Set(got.map(({ event }) => event.eventId)).size).toBe(types.length);
    expect(got.every(({ r }) => validSignature(secret, r))).toBe(true);
  });

  it('a vetted building leader completes an order dispatched to them, and a mediation escalates into an order', async () => {
    const neighbourId = (
      await eventually(
        admin,
        'POST',
        '/api/residents',
        {
          communityId: seed.communityId,
          compoundId: seed.compoundId,
          buildingId: seed.buildingId,
          name: 'L',
          phone: '13900000001',
        },
        201,
      )
    ).id as string;
    const { leaderId, leader } = await vettedLeader(neighbourId, 'residents');
    const orderId = await approvedOrder(
      'elderly-care',
      'Shopping',
      'Groceries for the week',
      'A neighbour can help',
    );
    // The residents' committee learns of the approval from the building leaders' events.
    await dispatchTo(orderId, 'building-leader', leaderId);
    const steps = `/api/building-leaders/${leaderId}/orders/${orderId}`;
    await eventually(leader, 'POST', `${steps}/accept`, { leaderId, note: 'This evening' }, 200);
    await eventually(leader, 'POST', `${steps}/arrival`, { leaderId, note: 'At the door' }, 200);
    await eventually(
      leader,
      'POST',
      `${steps}/complete`,
      { leaderId, resultNote: 'Groceries delivered', evidence: ['https://evidence.example/bags.jpg'] },
      200,
    );
    expect(await until(`/api/orders/${orderId}`, (view) => view.stage === 'completed')).toMatchObject({
      rounds: [{ round: 1, acceptedBy: { kind: 'building-leader', id: leaderId } }],
    });

    const mediationId = (
      await eventually(
        leader,
        'POST',
        '/api/mediations',
        {
          mediatorId: leaderId,
          buildingId: seed.buildingId,
          residentIds: [seed.residentId],
          persons: ['The tenant of 602'],
          summary: 'Water leaking from 602 into 502',
        },
        201,
      )
    ).id as string;
    await eventually(
      leader,
      'POST',
      `/api/mediations/${mediationId}/sessions`,
      { mediatorId: leaderId, heldOn: new Date().toISOString().slice(0, 10), notes: 'Both sides met.' },
      201,
    );
    await eventually(
      leader,
      'POST',
      `/api/mediations/${mediationId}/outcome`,
      { mediatorId: leaderId, outcome: 'escalated', note: 'No agreement' },
      200,
    );
    const mediation = await until(
      `/api/mediations/${mediationId}`,
      (view) => typeof view.orderId === 'string',
    );
    expect(await until(`/api/orders/${mediation.orderId as string}`, () => true)).toMatchObject({
      category: 'neighbour-dispute',
      channel: 'building-leader',
      residentId: seed.residentId,
    });
  });

  it('a company with 3 full Party members meets the red-property rule once the Party organization founds its branch', async () => {
    const companyId = (
      await eventually(
        admin,
        'POST',
        '/api/property-companies',
        {
          name: 'Red Roof Property',
          unifiedCreditCode: unifiedCreditCode(),
          staffCount: 60,
          fullPartyMemberCount: 3,
        },
        201,
      )
    ).id as string;
    const status = (company: Record<string, unknown>) =>
      (company.rules as Array<{ rule: string; status: string }>).find((r) => r.rule === 'party-organization')
        ?.status;
    expect(status(await until(`/api/property-companies/${companyId}`, () => true))).toBe('not-met');
    // The Party organization learns of the company by its events.
    const organizationId = (
      await eventually(
        admin,
        'POST',
        '/api/party/organizations',
        {
          kind: 'company-branch',
          name: 'Red Roof Party Branch',
          communityId: seed.communityId,
          parentId: seed.committeeId,
          companyId,
        },
        201,
      )
    ).id as string;
    const company = await until(`/api/property-companies/${companyId}`, (view) => status(view) === 'met');
    expect(company.partyOrganizationId).toBe(organizationId);
  });

  it('an owners’ committee is formed on a compound and resident its context heard of by events', async () => {
    const committeeId = (
      await eventually(
        admin,
        'POST',
        '/api/owners-committees',
        { compoundId: seed.compoundId, termStart: '2026-01-01', termEnd: '2030-12-31' },
        201,
      )
    ).id as string;
    await eventually(
      admin,
      'POST',
      `/api/owners-committees/${committeeId}/members`,
      {
        residentId: seed.residentId,
        role: 'chair',
        partyMemberId: seed.memberId,
        background: 'party-member',
      },
      201,
    );
    const committee = await until(`/api/owners-committees/${committeeId}`, () => true);
    expect(committee).toMatchObject({
      compoundId: seed.compoundId,
      members: [expect.objectContaining({ residentId: seed.residentId, role: 'chair' })],
    });
  });

  it('a vetted building leader’s referral becomes an order placed on the resident’s behalf', async () => {
    const neighbourId = (
      await eventually(
        admin,
        'POST',
        '/api/residents',
        {
          communityId: seed.communityId,
          compoundId: seed.compoundId,
          buildingId: seed.buildingId,
          name: 'N',
          phone: '13900000000',
        },
        201,
      )
    ).id as string;
    const { leaderId, leader } = await vettedLeader(seed.residentId, 'self');
    const visitId = (
      await eventually(
        leader,
        'POST',
        `/api/building-leaders/${leaderId}/visits`,
        { leaderId, residentId: neighbourId, notes: 'Lives alone.', needsFound: ['Grab rail'] },
        201,
      )
    ).id as string;
    await eventually(
      leader,
      'POST',
      `/api/building-leaders/${leaderId}/referrals`,
      { leaderId, visitId, category: 'elderly-care', title: 'Grab rail', description: 'Next to the bath.' },
      201,
    );
    const orders = await until('/api/orders', (list) =>
      (list.items as Array<Record<string, unknown>>).some(
        (o) => o.channel === 'building-leader' && o.residentId === neighbourId,
      ),
    );
    expect(orders.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          residentId: neighbourId,
          compoundId: seed.compoundId,
          channel: 'building-leader',
        }),
      ]),
    );
  });

  it('the demo walks its orders through the cluster, each call on the app of its context', async () => {
    const root = path.resolve(__dirname, '../../..');
    const { stdout } = await promisify(execFile)(process.execPath, ['dist/apps/platform/src/demo.js'], {
      cwd: root,
      env: { ...process.env, ...cluster.clientEnv() },
      timeout: 120_000,
    });
    // Its three orders: to a Party member, to the property company's partner system, to a building leader.
    expect(stdout.match(/stage: closed/g)).toHaveLength(3);
    expect(stdout).toContain('signed ✓  property-company.order-work');
    expect(stdout).not.toContain('BAD SIGNATURE');
  }, 150_000);
});

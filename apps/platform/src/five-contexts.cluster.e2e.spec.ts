import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { TokenClaims } from '@cogov/security';
import { CONTEXTS } from '../../contexts';
import { Cluster } from './testing/cluster';
import { unifiedCreditCode } from './unified-credit-code';
import {
  type ApiCall,
  eventually as retryUntil,
  PLATFORM_ADMIN,
  seedCommunity,
} from './testing/seed-community';

/**
 * Every context as its own process on its own PostgreSQL schema, integration events crossing the
 * real Kafka broker: an order goes to a property company and is worked on there, a company's
 * red-property rule follows the Party organization's founding of its branch, an owners'
 * committee is formed on a compound it heard of by events, and a building leader's referral
 * becomes an order in the residents' committee.
 */
describe('the five contexts across processes over Kafka', () => {
  let cluster: Cluster;
  let seed: Awaited<ReturnType<typeof seedCommunity>>;
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

  beforeAll(async () => {
    cluster = await Cluster.create();
    for (const context of CONTEXTS) await cluster.start(context.name);
    await cluster.start('projections');
    seed = await seedCommunity(call);
  }, 180_000);
  afterAll(() => cluster?.destroy(), 60_000);

  it('runs every context of the list as its own app', () => {
    expect(Object.keys(cluster.ports).sort()).toEqual(CONTEXTS.map((c) => c.name).sort());
  });

  it('an order dispatched to a property company is accepted, worked on and completed there, then rated', async () => {
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
    const orderId = (
      await eventually(
        seed.resident,
        'POST',
        '/api/orders',
        {
          residentId: seed.residentId,
          compoundId: seed.compoundId,
          category: 'repair',
          title: 'Lift',
          description: 'Stuck',
          channel: 'app',
        },
        201,
      )
    ).id as string;
    await eventually(
      seed.member,
      'POST',
      `/api/orders/${orderId}/review`,
      { reviewerId: seed.memberId, decision: 'approve', note: 'Property matter', priority: 'normal' },
      200,
    );
    // The residents' committee learns of the company from the property company's events.
    await eventually(
      seed.worker,
      'POST',
      `/api/orders/${orderId}/dispatch`,
      { dispatcherId: seed.workerId, assigneeKind: 'property-company', assigneeId: companyId },
      200,
    );
    const staff: TokenClaims = { personId: 'staff-1', roles: ['property-staff'], companies: [companyId] };
    const steps = `/api/property-companies/${companyId}/orders/${orderId}`;
    await eventually(staff, 'POST', `${steps}/accept`, {}, 200);
    await eventually(staff, 'POST', `${steps}/arrival`, { note: 'On site' }, 200);
    await eventually(
      staff,
      'POST',
      `${steps}/complete`,
      { resultNote: 'Lift released and serviced', evidence: ['https://evidence.example/lift.jpg'] },
      200,
    );
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
      { raterId: seed.residentId, score: 5, comment: 'Quick' },
      200,
    );
    await until(
      `/api/property-companies/${companyId}`,
      (company) => (company.openOrders as unknown[]).length === 0,
    );
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
    const leaderId = (
      await eventually(
        seed.worker,
        'POST',
        '/api/building-leaders',
        {
          compoundId: seed.compoundId,
          residentId: seed.residentId,
          buildingIds: [seed.buildingId],
          nominatedBy: 'self',
        },
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
      (list.items as Array<Record<string, unknown>>).some((o) => o.channel === 'building-leader'),
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
    expect(stdout).toContain('stage: closed');
  }, 150_000);
});

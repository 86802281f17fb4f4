import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { WEBHOOK_HEADERS } from '@cogov/contracts';
import type { INestApplication } from '@nestjs/common';
import { LocalTokenAuthority, type TokenClaims } from '@cogov/security';
import { loadConfig, type PlatformConfig } from '@cogov/hosting';
import { CONTEXTS } from '../../contexts';
import { hasValidSignature } from '../../property-company/src/property-company.context';
import { contextServing, type HttpMethod } from './context-routes';
import { createPlatformApp } from './create-app';
import { unifiedCreditCode } from './unified-credit-code';
import { lockDataDir } from '@cogov/hosting';

/**
 * `npm run demo`: seeds one community and walks orders through the five stages over the HTTP
 * API, printing the chain after each step. Against `DEMO_URL` when given (a running embedded
 * platform); with `DEMO_CLUSTER=1` against the apps of `npm run start:cluster`, each call sent to
 * the app of the context that serves it (on 127.0.0.1 at the ports of the contexts' manifests, or
 * those of `DEMO_PORTS`, `name=port,…`); otherwise against a platform it starts itself on its own
 * data directory (`DATA_DIR/demo`).
 */
async function main(): Promise<void> {
  let app: INestApplication | null = null;
  let base = process.env.DEMO_URL?.replace(/\/$/, '');
  const cluster = process.env.DEMO_CLUSTER === '1';
  let config: PlatformConfig;
  if (base || cluster) {
    config = loadConfig(); // the running platform's data directory holds the signing secret
  } else {
    const dataDir = path.join(loadConfig().dataDir, 'demo');
    config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' });
    process.on('exit', lockDataDir(dataDir, 'npm run demo'));
    app = await createPlatformApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    console.log(`demo platform started on ${base} (data in ${dataDir})`);
  }
  if (config.auth.mode !== 'local') {
    throw new Error('the demo signs its own tokens: it needs the embedded token mode, not AUTH_JWKS_URL');
  }
  const tokens = new LocalTokenAuthority(config.auth.secret, config.auth.issuer, config.auth.audience);
  const ports = clusterPorts(process.env.DEMO_PORTS ?? '');
  const api = new DemoClient(
    cluster
      ? (method, route) =>
          `http://127.0.0.1:${ports[contextServing(method, `/api${route}`) ?? CONTEXTS[0]!.name]}/api`
      : () => `${base}/api`,
    tokens,
  );
  try {
    await walkTheChain(api);
  } finally {
    await app?.close();
  }
}

async function walkTheChain(api: DemoClient): Promise<void> {
  section('Seeding a community (as a platform admin)');
  await api.actAs({ personId: 'demo-admin', roles: ['platform-admin'] });
  const communityId = await api.create('/communities', {
    name: '涧贤社区 Jianxian Community',
    streetName: 'Jianxi Street',
  });
  const compoundId = await api.create(`/communities/${communityId}/compounds`, {
    name: 'Peach Garden',
    address: '1 Peach Road',
  });
  const buildingId = await api.create(`/compounds/${compoundId}/buildings`, {
    name: 'Building 3',
    number: '3',
  });
  const residentId = await api.create('/residents', {
    communityId,
    compoundId,
    buildingId,
    name: 'Wang Fang',
    phone: '13812341234',
  });
  const workerId = await api.create(`/communities/${communityId}/workers`, {
    name: 'Zhao Min',
    phone: '13700007777',
    role: 'grid-worker',
  });
  console.log(
    `community ${communityId}\ncompound  ${compoundId}\nresident  ${residentId}\nworker    ${workerId}`,
  );

  // The Party organization learns of the community through published events; wait for it.
  const committeeId = await api.eventually(() =>
    api.create('/party/organizations', {
      kind: 'community-committee',
      name: 'Community Party Committee',
      communityId,
    }),
  );
  // The compound is another aggregate, so its event may arrive after the community's: a branch
  // covering it answers 409 not-yet-known until the Party organization has heard of it.
  const branchId = await api.eventually(() =>
    api.create('/party/organizations', {
      kind: 'branch',
      name: 'Peach Garden Branch',
      communityId,
      parentId: committeeId,
      compoundIds: [compoundId],
    }),
  );
  const memberId = await api.create('/party/members', {
    organizationId: branchId,
    name: 'Chen Jie',
    phone: '13600001111',
    membership: 'registered',
  });
  console.log(`branch    ${branchId}\nmember    ${memberId}`);

  section('1. The resident places an order (居民点单)');
  const person = (personId: string, role: 'resident' | 'party-member' | 'residents-committee-staff') =>
    api.actAs({ personId, roles: [role], communities: [communityId] });
  await person(residentId, 'resident');
  const orderId = await api.create('/orders', {
    residentId,
    compoundId,
    buildingId,
    category: 'repair',
    title: 'Leaking pipe on floor 3',
    description: 'Water comes through the stairwell ceiling.',
    channel: 'app',
  });
  await api.printChainAt(orderId, 'placed');

  section('2. The branch reviews it (支部审单)');
  await person(memberId, 'party-member');
  await api.eventually(() =>
    api.post(`/orders/${orderId}/review`, {
      reviewerId: memberId,
      decision: 'approve',
      note: 'Water damage, go today',
      priority: 'urgent',
    }),
  );
  await api.printChainAt(orderId, 'approved');

  section('3. The community dispatches it (社区派单)');
  await person(workerId, 'residents-committee-staff');
  await api.eventually(() =>
    api.post(`/orders/${orderId}/dispatch`, {
      dispatcherId: workerId,
      assigneeKind: 'branch-pool',
      assigneeId: branchId,
    }),
  );
  await api.printChainAt(orderId, 'dispatched');

  section('4. A Party member takes it, goes on site and completes it (党员接单)');
  await person(memberId, 'party-member');
  await api.eventually(() => api.post(`/orders/${orderId}/take`, { memberId }));
  await api.printChainAt(orderId, 'taken');
  await api.post(`/orders/${orderId}/arrival`, { memberId, note: 'On site; water shut off' });
  await api.printChainAt(orderId, 'arrived');
  await api.post(`/orders/${orderId}/complete`, {
    memberId,
    resultNote: 'Replaced the joint.',
    evidence: ['https://example.org/photo.jpg'],
  });
  await api.printChainAt(orderId, 'completed');

  section('5. The resident rates it (党群评单)');
  await person(residentId, 'resident');
  await api.eventually(() =>
    api.post(`/orders/${orderId}/rating`, { raterId: residentId, score: 5, comment: 'Fixed the same day' }),
  );
  await api.printChainAt(orderId, 'closed');
  console.log(`\nRaw history for auditors: GET /api/streams/residents-committee.order-${orderId}`);

  await throughThePartnerPath(api, { communityId, compoundId, buildingId, residentId, workerId, memberId });
  await toABuildingLeader(api, { communityId, compoundId, buildingId, residentId, workerId, memberId });
}

/** An order for a neighbour to help with, dispatched to the building's vetted leader (楼门长). */
async function toABuildingLeader(api: DemoClient, seeded: Seeded): Promise<void> {
  const { communityId, compoundId, buildingId, residentId, workerId } = seeded;
  section('A building leader (楼门长), nominated and vetted');
  await api.actAs({ personId: 'demo-admin', roles: ['platform-admin'] });
  const neighbourId = await api.create('/residents', {
    communityId,
    compoundId,
    buildingId,
    name: 'Li Wei',
    phone: '13911112222',
    tenure: 'owner',
  });
  const person = (
    personId: string,
    role: 'resident' | 'party-member' | 'residents-committee-staff' | 'building-leader',
  ) => api.actAs({ personId, roles: [role], communities: [communityId], compounds: [compoundId] });
  await person(workerId, 'residents-committee-staff');
  // The building leaders' context learns of the resident through published events.
  const leaderId = await api.eventually(() =>
    api.create('/building-leaders', {
      compoundId,
      residentId: neighbourId,
      buildingIds: [buildingId],
      nominatedBy: 'residents',
    }),
  );
  await api.post(`/building-leaders/${leaderId}/vetting`, {
    vetterId: workerId,
    decision: 'approve',
    note: 'Known and trusted on every floor',
  });
  console.log(`leader    ${leaderId} (resident ${neighbourId})`);

  section('An order for the building leader');
  // The residents' committee dispatches only to a leader it has heard was approved.
  const orderId = await dispatchedOrder(api, seeded, {
    category: 'elderly-care',
    title: 'Groceries for the week',
    description: 'Cannot manage the stairs this week.',
    reviewNote: 'A neighbour can help',
    assigneeKind: 'building-leader',
    assigneeId: leaderId,
  });
  await person(leaderId, 'building-leader');
  const steps = `/building-leaders/${leaderId}/orders/${orderId}`;
  await api.eventually(() => api.post(`${steps}/accept`, { leaderId, note: 'After work today' }));
  await api.printChainAt(orderId, 'taken');
  await api.post(`${steps}/arrival`, { leaderId, note: 'At the door' });
  await api.printChainAt(orderId, 'arrived');
  await api.post(`${steps}/complete`, {
    leaderId,
    resultNote: 'Groceries carried up to the fifth floor',
    evidence: ['https://example.org/groceries.jpg'],
  });
  await api.printChainAt(orderId, 'completed');
  await person(residentId, 'resident');
  await api.eventually(() =>
    api.post(`/orders/${orderId}/rating`, { raterId: residentId, score: 5, comment: 'Kind neighbour' }),
  );
  await api.printChainAt(orderId, 'closed');
}

interface Seeded {
  readonly communityId: string;
  readonly compoundId: string;
  readonly buildingId: string;
  readonly residentId: string;
  readonly workerId: string;
  readonly memberId: string;
}

/**
 * An order to the compound's property company, worked on by the company's own system through the
 * partner path: its key, a signed webhook it receives (a receiver this demo runs on 127.0.0.1),
 * and CloudEvents it sends back.
 */
async function throughThePartnerPath(api: DemoClient, seeded: Seeded): Promise<void> {
  const { communityId, compoundId, residentId } = seeded;
  section('A property company (物业服务企业) and its partner system');
  await api.actAs({ personId: 'demo-admin', roles: ['platform-admin'] });
  const companyId = await api.create('/property-companies', {
    name: '绿荫物业 Green Shade Property',
    unifiedCreditCode: unifiedCreditCode(),
    staffCount: 42,
    fullPartyMemberCount: 2,
  });
  // The property company learns of the compound through published events.
  await api.eventually(() =>
    api.create(`/property-companies/${companyId}/contracts`, {
      compoundId,
      startsOn: '2025-01-01',
      endsOn: '2029-12-31',
    }),
  );
  const { key } = (await api.post('/partner-keys', {
    companyId,
    name: 'Green Shade ticketing',
    compoundIds: [compoundId],
  })) as { key: string };
  const receiver = await startReceiver();
  try {
    const { secret } = (await api.postWithKey(key, '/partner/webhooks', { url: receiver.url })) as {
      secret: string;
    };
    receiver.verifyWith(secret);
    console.log(`company   ${companyId}\nwebhook   ${receiver.url} (signed with the secret shown once)`);

    section('An order for the property company, worked on through CloudEvents');
    const person = (personId: string, role: 'resident' | 'party-member' | 'residents-committee-staff') =>
      api.actAs({ personId, roles: [role], communities: [communityId] });
    // The residents' committee learns of the company through published events.
    const orderId = await dispatchedOrder(api, seeded, {
      category: 'repair',
      title: 'Lift stuck between floors',
      description: 'The lift of building 3 stops between floors 4 and 5.',
      reviewNote: 'The property company maintains the lift',
      assigneeKind: 'property-company',
      assigneeId: companyId,
    });
    const steps: Array<[string, Record<string, unknown>, string]> = [
      ['order-work.accepted', { orderId, note: 'Technician on the way' }, 'taken'],
      ['order-work.arrived', { orderId, note: 'On site' }, 'arrived'],
      [
        'order-work.completed',
        {
          orderId,
          resultNote: 'Reset the controller, lift serviced',
          evidence: ['https://example.org/lift.jpg'],
        },
        'completed',
      ],
    ];
    for (const [type, data, stage] of steps) {
      // The company's system learns of the order by its webhook and answers in CloudEvents.
      await api.eventually(() =>
        api.postWithKey(key, '/partner/events', {
          specversion: '1.0',
          id: randomUUID(),
          source: 'urn:green-shade:ticketing',
          type,
          data,
        }),
      );
      await api.printChainAt(orderId, stage);
    }
    await person(residentId, 'resident');
    await api.eventually(() =>
      api.post(`/orders/${orderId}/rating`, {
        raterId: residentId,
        score: 4,
        comment: 'Fixed within the hour',
      }),
    );
    await api.printChainAt(orderId, 'closed');

    section('What the partner system received, each signature checked');
    const received = await receiver.atLeast(4);
    for (const delivery of received)
      console.log(`  ${delivery.signed ? 'signed ✓' : 'BAD SIGNATURE'}  ${delivery.type}`);
    if (received.some((d) => !d.signed)) throw new Error('a webhook delivery was not signed with the secret');
    const company = await api.eventually(async () => {
      const view = await api.get(`/property-companies/${companyId}`);
      const evaluations = (view?.evaluations ?? []) as Array<Record<string, unknown>>;
      if (evaluations.length === 0) throw new DemoError(404, 'no evaluation yet');
      return evaluations;
    });
    console.log(`evaluation: ${JSON.stringify(company)}`);
  } finally {
    await receiver.close();
  }
}

/**
 * An order the seeded resident places, the branch approves and the community dispatches, each
 * step retried while the context it goes to has not heard yet of what it names.
 */
async function dispatchedOrder(
  api: DemoClient,
  { communityId, compoundId, buildingId, residentId, workerId, memberId }: Seeded,
  order: {
    category: string;
    title: string;
    description: string;
    reviewNote: string;
    assigneeKind: string;
    assigneeId: string;
  },
): Promise<string> {
  const as = (personId: string, role: 'resident' | 'party-member' | 'residents-committee-staff') =>
    api.actAs({ personId, roles: [role], communities: [communityId] });
  await as(residentId, 'resident');
  const { category, title, description } = order;
  const orderId = await api.create('/orders', {
    residentId,
    compoundId,
    buildingId,
    category,
    title,
    description,
    channel: 'app',
  });
  await as(memberId, 'party-member');
  await api.eventually(() =>
    api.post(`/orders/${orderId}/review`, {
      reviewerId: memberId,
      decision: 'approve',
      note: order.reviewNote,
      priority: 'normal',
    }),
  );
  await as(workerId, 'residents-committee-staff');
  await api.eventually(() =>
    api.post(`/orders/${orderId}/dispatch`, {
      dispatcherId: workerId,
      assigneeKind: order.assigneeKind,
      assigneeId: order.assigneeId,
    }),
  );
  await api.printChainAt(orderId, 'dispatched');
  return orderId;
}

/** A partner's webhook receiver: checks each delivery's signature (ADR 23) and keeps it. */
async function startReceiver() {
  const received: Array<{ type: string; signed: boolean }> = [];
  let secret = '';
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signed = hasValidSignature(
        secret,
        String(request.headers[WEBHOOK_HEADERS.timestamp] ?? ''),
        body,
        String(request.headers[WEBHOOK_HEADERS.signature] ?? ''),
      );
      received.push({ type: (JSON.parse(body) as { type: string }).type, signed });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    verifyWith(value: string) {
      secret = value;
    },
    async atLeast(count: number, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`the webhook received ${received.length} of ${count} deliveries`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return [...received];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

class DemoClient {
  private token = '';
  private adminToken = '';

  constructor(
    /** Where a call goes: one platform, or in the cluster the app of the context serving it. */
    private readonly baseFor: (method: HttpMethod, route: string) => string,
    private readonly tokens: LocalTokenAuthority,
  ) {}

  /** Later calls are made as this person, with a token `npm run token` could have printed. */
  async actAs(claims: TokenClaims): Promise<void> {
    this.token = await this.tokens.issue(claims, '10m');
    if (claims.roles.includes('platform-admin')) this.adminToken = this.token;
  }

  async post(path: string, body: object): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.baseFor('POST', path)}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok)
      throw new DemoError(response.status, `POST ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** As a partner system, with its API key. */
  async postWithKey(key: string, path: string, body: object): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.baseFor('POST', path)}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok)
      throw new DemoError(response.status, `POST ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  async create(path: string, body: object): Promise<string> {
    return (await this.post(path, body)).id as string;
  }

  async get(path: string): Promise<Record<string, unknown> | null> {
    const response = await fetch(`${this.baseFor('GET', path)}${path}`, {
      headers: { authorization: `Bearer ${this.adminToken}` },
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new DemoError(response.status, `GET ${path}: ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  }

  /** Retries while the other context has not yet heard of what this step depends on (404/409). */
  async eventually<T>(step: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await step();
      } catch (error) {
        const retriable = error instanceof DemoError && (error.status === 404 || error.status === 409);
        if (!retriable || Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  async printChainAt(orderId: string, stage: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let view = await this.get(`/orders/${orderId}`);
    while (view?.stage !== stage) {
      if (Date.now() > deadline) throw new Error(`order ${orderId} did not reach ${stage}`);
      await new Promise((r) => setTimeout(r, 50));
      view = await this.get(`/orders/${orderId}`);
    }
    console.log(`stage: ${String(view.stage)}, round ${String(view.round)}`);
    for (const step of view.history as Array<{
      stage: string;
      at: string;
      actorId: string;
      note: string | null;
      tookMs: number | null;
    }>) {
      const took = step.tookMs === null ? '' : ` (+${step.tookMs} ms)`;
      console.log(
        `  ${step.at}  ${step.stage.padEnd(11)} by ${step.actorId}${took}${step.note ? ` — ${step.note}` : ''}`,
      );
    }
  }
}

class DemoError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The manifests' ports, with those `DEMO_PORTS` names instead (`party-organization=3402,…`). */
function clusterPorts(overrides: string): Record<string, number> {
  const ports: Record<string, number> = Object.fromEntries(CONTEXTS.map((c) => [c.name, c.port]));
  for (const pair of overrides.split(',').filter(Boolean)) {
    const [name, port] = pair.split('=');
    if (!name || !(name in ports) || !/^\d+$/.test(port ?? '')) {
      throw new Error(
        `DEMO_PORTS: ${pair} is not <context>=<port> (contexts: ${Object.keys(ports).join(', ')})`,
      );
    }
    ports[name] = Number(port);
  }
  return ports;
}

function section(title: string): void {
  console.log(`\n== ${title}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import type { Clock } from '@cogov/decider';
import { loadConfig, lockDataDir } from '@cogov/hosting';
import { LocalTokenAuthority, type TokenClaims } from '@cogov/security';
import { createPlatformApp } from './create-app';
import { readPositions } from './read-positions';
import {
  DISTRICT,
  type DistrictSize,
  drawOrders,
  type OrderLife,
  planCommunity,
  randomSource,
} from './district/plan';
import { StepQueue } from './district/step-queue';
import { unifiedCreditCode } from './unified-credit-code';

/**
 * `npm run seed:district`: a district-sized data set (issue 12: 1 street, 10 communities, 160
 * branches, 2,000 Party members, 1,200 basic grids, 100,000 orders over a year) built through the
 * real command path: an embedded platform on its own data directory, every fact through its HTTP
 * route, as the person who would do it. The platform's clock is the seeder's: a year plays through
 * in placement order, each step at its moment, so stage times, breaches and ratings fall as they
 * would have. The deadlines' timer is off while it plays (the bus's lag, in simulated time, would
 * breach a stage whose fact is on its way); a stage reached late is breached as late as it was.
 *
 *   npm run seed:district -- [--orders N] [--communities N] [--days N] [--seed N]
 *                            [--concurrency N] [--data-dir DIR] [--fresh]
 */

const MIN = 60_000;
const DAY = 86_400_000;

interface Options {
  readonly size: DistrictSize;
  readonly seed: number;
  readonly concurrency: number;
  readonly dataDir: string;
  readonly fresh: boolean;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      orders: { type: 'string' },
      communities: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string' },
      'data-dir': { type: 'string' },
      fresh: { type: 'boolean' },
    },
  });
  const whole = (name: string, value: string | undefined, fallback: number, min: number, max: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  return {
    size: {
      ...DISTRICT,
      orders: whole('orders', values.orders, DISTRICT.orders, 0, 10_000_000),
      communities: whole('communities', values.communities, DISTRICT.communities, 1, 1000),
      days: whole('days', values.days, DISTRICT.days, 7, 3650),
    },
    seed: whole('seed', values.seed, 12, 0, 2 ** 31),
    concurrency: whole('concurrency', values.concurrency, 8, 1, 256),
    dataDir: path.resolve(values['data-dir'] ?? path.join(loadConfig().dataDir, 'district')),
    fresh: values.fresh === true,
  };
}

/** The platform's clock, moved by the seeder only, and only forward. */
class SimulatedClock implements Clock {
  constructor(private at: number) {}
  now(): Date {
    return new Date(this.at);
  }
  advanceTo(at: number): void {
    if (at > this.at) this.at = Math.round(at);
  }
}

class SeedError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    message: string,
  ) {
    super(message);
  }
}

/** The API as the person acting: a token per person and role, kept for a few minutes. */
class SeedClient {
  private readonly cache = new Map<string, { token: string; until: number }>();
  requests = 0;

  constructor(
    private readonly base: string,
    private readonly tokens: LocalTokenAuthority,
  ) {}

  async post(as: TokenClaims, route: string, body: object): Promise<Record<string, unknown>> {
    this.requests += 1;
    const response = await fetch(`${this.base}/api${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.token(as)}` },
      body: JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      throw new SeedError(response.status, json, `POST ${route}: ${response.status} ${JSON.stringify(json)}`);
    }
    return json;
  }

  async create(as: TokenClaims, route: string, body: object): Promise<string> {
    return (await this.eventually(() => this.post(as, route, body))).id as string;
  }

  /**
   * Retries while another context has not heard yet of what the step depends on: the Party
   * organization of an order placed a moment ago, the committee of a completion on its way.
   */
  async eventually<T>(step: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
      try {
        return await step();
      } catch (error) {
        const retriable = error instanceof SeedError && (error.status === 404 || error.status === 409);
        if (!retriable || Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  private async token(claims: TokenClaims): Promise<string> {
    const key = JSON.stringify(claims);
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.token;
    const token = await this.tokens.issue(claims, '10m');
    this.cache.set(key, { token, until: Date.now() + 5 * MIN });
    return token;
  }
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
];
const GIVEN = [
  '芳',
  '伟',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
];
const nameOf = (n: number) =>
  `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}${n}`;
const phoneOf = (n: number) => `139${String(n).padStart(8, '0')}`;

interface Compound {
  readonly id: string;
  readonly buildings: string[];
  branchId: string;
  secretaryId: string;
  members: string[];
  companyId: string | null;
  readonly leaderOfBuilding: Map<string, string>;
}

interface Community {
  readonly id: string;
  readonly compounds: Compound[];
  readonly directorId: string;
  readonly gridWorkers: string[];
  readonly residents: Array<{ id: string; compound: Compound; buildingId: string }>;
}

interface District {
  readonly streetId: string;
  readonly communities: Community[];
  readonly departments: Array<{ id: string; staffId: string }>;
}

const ADMIN: TokenClaims = { personId: 'district-seeder', roles: ['platform-admin'] };

async function seedPlaces(
  api: SeedClient,
  size: DistrictSize,
  report: (line: string) => void,
): Promise<District> {
  const plan = planCommunity(size);
  const streetId = await api.create(ADMIN, '/streets', { name: '涧西街道 Jianxi Street' });
  const communities: Community[] = [];
  let person = 0;
  for (let c = 0; c < size.communities; c += 1) {
    const communityId = await api.create(ADMIN, '/communities', {
      name: `第${c + 1}社区 Community ${c + 1}`,
      streetId,
    });
    const compounds: Compound[] = [];
    for (let k = 0; k < size.compoundsPerCommunity; k += 1) {
      const compoundId = await api.create(ADMIN, `/communities/${communityId}/compounds`, {
        name: `${c + 1}-${k + 1}小区 Compound ${c + 1}-${k + 1}`,
        address: `${k + 1} Jianxi Road`,
      });
      const buildings: string[] = [];
      for (let b = 0; b < size.buildingsPerCompound; b += 1) {
        buildings.push(
          await api.create(ADMIN, `/compounds/${compoundId}/buildings`, {
            name: `${b + 1}号楼`,
            number: String(b + 1),
          }),
        );
      }
      compounds.push({
        id: compoundId,
        buildings,
        branchId: '',
        secretaryId: '',
        members: [],
        companyId: null,
        leaderOfBuilding: new Map(),
      });
    }
    const worker = (role: string) =>
      api.create(ADMIN, `/communities/${communityId}/workers`, {
        name: nameOf(person),
        phone: phoneOf(person++),
        role,
      });
    const directorId = await worker('director');
    await worker('deputy');
    const gridWorkers = [
      await worker('grid-worker'),
      await worker('grid-worker'),
      await worker('grid-worker'),
      await worker('grid-worker'),
    ];
    await worker('service-station');
    await worker('service-station');
    const residents: Community['residents'] = [];
    for (let r = 0; r < size.residentsPerCommunity; r += 1) {
      const compound = compounds[r % compounds.length]!;
      const buildingId = compound.buildings[Math.floor(r / compounds.length) % compound.buildings.length]!;
      const id = await api.create(ADMIN, '/residents', {
        communityId,
        compoundId: compound.id,
        buildingId,
        name: nameOf(person),
        phone: phoneOf(person++),
        tenure: 'owner',
      });
      residents.push({ id, compound, buildingId });
    }
    communities.push({ id: communityId, compounds, directorId, gridWorkers, residents });
    await seedGrids(api, communityId, compounds, plan, gridWorkers);
    await seedParty(api, communityId, compounds, size, () => person++);
    report(
      `community ${c + 1}/${size.communities}: places, people, grids and Party organizations (${api.requests} requests)`,
    );
  }
  await seedPartners(api, communities);
  return { streetId, communities, departments: await seedDepartments(api, streetId) };
}

async function seedGrids(
  api: SeedClient,
  communityId: string,
  compounds: Compound[],
  plan: ReturnType<typeof planCommunity>,
  gridWorkers: string[],
): Promise<void> {
  const base = `/communities/${communityId}/grids`;
  const zones: string[] = [];
  for (let z = 0; z < Math.max(...plan.zoneOfGrid) + 1; z += 1) {
    const compoundIds = compounds
      .filter((_, k) => plan.zoneOfGrid[plan.gridOfCompound[k]!] === z)
      .map((k) => k.id);
    zones.push(await api.create(ADMIN, base, { name: `第${z + 1}片区`, level: 'zone', compoundIds }));
  }
  for (let g = 0; g < plan.zoneOfGrid.length; g += 1) {
    const covered = compounds.filter((_, k) => plan.gridOfCompound[k] === g);
    const gridId = await api.create(ADMIN, base, {
      name: `第${g + 1}网格`,
      level: 'grid',
      parentId: zones[plan.zoneOfGrid[g]!],
      compoundIds: covered.map((k) => k.id),
    });
    // 定格、定人、定岗: a full-time worker on every grid, a Party member part-time on each basic grid.
    await api.create(ADMIN, `/grids/${gridId}/posts`, {
      post: 'full-time-worker',
      holderKind: 'worker',
      holderId: gridWorkers[g % gridWorkers.length],
    });
    for (const compound of covered) {
      const k = compounds.indexOf(compound);
      for (const [i, group] of plan.basicGridsOfCompound[k]!.entries()) {
        const basicId = await api.create(ADMIN, base, {
          name: `${k + 1}-${i + 1}基础网格`,
          level: 'basic-grid',
          parentId: gridId,
          buildingIds: group.map((b) => compound.buildings[b]!),
        });
        const member = compound.members[i % Math.max(1, compound.members.length)];
        if (member) {
          await api.create(ADMIN, `/grids/${basicId}/posts`, {
            post: 'part-time-worker',
            holderKind: 'member',
            holderId: member,
          });
        }
      }
    }
  }
}

async function seedParty(
  api: SeedClient,
  communityId: string,
  compounds: Compound[],
  size: DistrictSize,
  nextPerson: () => number,
): Promise<void> {
  const committeeId = await api.create(ADMIN, '/party/organizations', {
    kind: 'community-committee',
    name: '社区党委 Community Party Committee',
    communityId,
  });
  for (const [k, compound] of compounds.entries()) {
    compound.branchId = await api.create(ADMIN, '/party/organizations', {
      kind: 'branch',
      name: `第${k + 1}党支部 Branch ${k + 1}`,
      communityId,
      parentId: committeeId,
      compoundIds: [compound.id],
    });
  }
  for (let m = 0; m < size.membersPerCommunity; m += 1) {
    const compound = compounds[m % compounds.length]!;
    const n = nextPerson();
    compound.members.push(
      await api.create(ADMIN, '/party/members', {
        organizationId: compound.branchId,
        name: nameOf(n),
        phone: phoneOf(n),
        membership: m % 5 === 0 ? 'reporting-in' : 'registered',
      }),
    );
  }
  for (const compound of compounds) {
    compound.secretaryId = compound.members[0]!;
    await api.create(ADMIN, `/party/organizations/${compound.branchId}/seats`, {
      personName: nameOf(0),
      memberId: compound.secretaryId,
      seat: 'secretary',
    });
  }
}

/** A property company for every four compounds, and building leaders for three buildings in four. */
async function seedPartners(api: SeedClient, communities: Community[]): Promise<void> {
  const compounds = communities.flatMap((c) => c.compounds.map((compound) => ({ community: c, compound })));
  let companyId = '';
  for (const [i, { community, compound }] of compounds.entries()) {
    if (i % 4 === 0) {
      companyId = await api.create(ADMIN, '/property-companies', {
        name: `第${i / 4 + 1}物业 Property ${i / 4 + 1}`,
        unifiedCreditCode: unifiedCreditCode(),
        staffCount: 60,
        fullPartyMemberCount: i % 8 === 0 ? 3 : 0,
      });
    }
    await api.create(ADMIN, `/property-companies/${companyId}/contracts`, {
      compoundId: compound.id,
      startsOn: '2024-01-01',
      endsOn: '2030-12-31',
    });
    compound.companyId = companyId;
    const staff: TokenClaims = {
      personId: community.directorId,
      roles: ['residents-committee-staff'],
      communities: [community.id],
    };
    for (const [b, buildingId] of compound.buildings.entries()) {
      if (b % 4 === 3) continue;
      const resident = community.residents.find((r) => r.buildingId === buildingId);
      if (!resident) continue;
      const leaderId = await api.create(staff, '/building-leaders', {
        compoundId: compound.id,
        residentId: resident.id,
        buildingIds: [buildingId],
        nominatedBy: 'residents',
      });
      await api.eventually(() =>
        api.post(staff, `/building-leaders/${leaderId}/vetting`, {
          vetterId: community.directorId,
          decision: 'approve',
          note: '群众基础好',
        }),
      );
      compound.leaderOfBuilding.set(buildingId, leaderId);
    }
  }
}

/** The street's departments (吹哨报到), where the platform has them. */
async function seedDepartments(api: SeedClient, streetId: string): Promise<District['departments']> {
  const departments: District['departments'] = [];
  for (const kind of ['housing', 'urban-management', 'water', 'power']) {
    try {
      const id = await api.post(ADMIN, '/departments', { name: `${kind} department`, streetId, kind });
      const staffId = randomUUID();
      await api.post(ADMIN, `/departments/${String(id.id)}/staff`, {
        staffId,
        name: nameOf(departments.length),
      });
      departments.push({ id: String(id.id), staffId });
    } catch (error) {
      if (error instanceof SeedError && error.status === 404 && departments.length === 0) return [];
      throw error;
    }
  }
  return departments;
}

interface Outcome {
  placed: number;
  closed: number;
  rejected: number;
  failed: number;
  readonly errors: Map<string, number>;
}

/** Plays one order's life: each step queued at its moment, the next once it has been done. */
function playOrder(
  api: SeedClient,
  district: District,
  life: OrderLife,
  queue: StepQueue,
  outcome: Outcome,
): void {
  const community = district.communities[life.community % district.communities.length]!;
  const resident = community.residents[life.resident % community.residents.length]!;
  const { compound } = resident;
  const asResident: TokenClaims = { personId: resident.id, roles: ['resident'], communities: [community.id] };
  const asWorker: TokenClaims = {
    personId: community.directorId,
    roles: ['residents-committee-staff'],
    communities: [community.id],
  };
  const member = compound.members[Math.floor(life.placedAt / 1000) % compound.members.length]!;
  const asMember = (memberId: string): TokenClaims => ({
    personId: memberId,
    roles: ['party-member'],
    communities: [community.id],
  });
  let executor = life.executor;
  const leaderId = compound.leaderOfBuilding.get(resident.buildingId);
  if (executor === 'building-leader' && !leaderId) executor = 'branch-pool';
  if (executor === 'department' && district.departments.length === 0) executor = 'branch-pool';
  const department = district.departments[life.placedAt % Math.max(1, district.departments.length)];
  let orderId = '';
  const at = (offset: number, run: () => Promise<void>) =>
    queue.push({
      at: life.placedAt + offset,
      run: () =>
        run().catch((error: unknown) => {
          outcome.failed += 1;
          const key =
            error instanceof SeedError ? `${error.status} ${String(error.body.error)}` : String(error);
          outcome.errors.set(key, (outcome.errors.get(key) ?? 0) + 1);
        }),
    });
  const post = (as: TokenClaims, route: string, body: object) =>
    api.eventually(() => api.post(as, route, body));

  const work = (
    round: 1 | 2,
    after: { accept: number; arrive: number; complete: number },
    then: () => void,
  ) => {
    const steps = workRoutes(executor, orderId, {
      compound,
      member,
      leaderId,
      department,
      streetId: district.streetId,
      asMember,
    });
    at(after.accept, async () => {
      await post(steps.as, steps.accept.route, steps.accept.body);
      at(after.arrive, async () => {
        await post(steps.as, steps.arrive.route, steps.arrive.body);
        at(after.complete, async () => {
          await post(steps.as, steps.complete.route, {
            ...steps.complete.body,
            resultNote: `第${round}轮办结`,
          });
          then();
        });
      });
    });
  };
  const dispatch = async () => {
    if (executor === 'department') {
      await post(asWorker, `/orders/${orderId}/whistle`, {
        whistlerId: community.directorId,
        departmentId: department!.id,
        reason: '超出社区处置能力',
        level: 'street',
      });
      return;
    }
    const assignee =
      executor === 'branch-pool'
        ? { assigneeKind: 'branch-pool', assigneeId: compound.branchId }
        : executor === 'member'
          ? { assigneeKind: 'member', assigneeId: member }
          : executor === 'property-company'
            ? { assigneeKind: 'property-company', assigneeId: compound.companyId }
            : { assigneeKind: 'building-leader', assigneeId: leaderId };
    await post(asWorker, `/orders/${orderId}/dispatch`, { dispatcherId: community.directorId, ...assignee });
  };
  const rate = (offset: number, score: number, then: () => void) =>
    at(offset, async () => {
      await post(asResident, `/orders/${orderId}/rating`, {
        raterId: resident.id,
        score,
        comment: score >= 4 ? '满意' : '不满意',
      });
      then();
    });

  at(0, async () => {
    orderId = await api.create(asResident, '/orders', {
      residentId: resident.id,
      compoundId: compound.id,
      buildingId: resident.buildingId,
      category: life.category,
      title: `${life.category} #${Math.floor(life.placedAt / 1000) % 100_000}`,
      description: '居民点单',
      channel: life.placedAt % 3 === 0 ? 'service-station' : 'app',
    });
    outcome.placed += 1;
    if (life.acknowledgeAfter !== null) {
      at(life.acknowledgeAfter, () =>
        post(asWorker, `/orders/${orderId}/acknowledge`, { staffId: community.directorId }).then(
          () => undefined,
        ),
      );
    }
    at(life.reviewAfter, async () => {
      await post(asMember(compound.secretaryId), `/orders/${orderId}/review`, {
        reviewerId: compound.secretaryId,
        decision: life.decision,
        note: '支部审单',
        priority: life.priority,
        ...(life.decision === 'reject' ? { reason: '不属于服务范围' } : {}),
      });
      if (life.decision === 'reject') {
        outcome.rejected += 1;
        return;
      }
      at(life.dispatchAfter, async () => {
        await dispatch();
        work(1, { accept: life.acceptAfter, arrive: life.arriveAfter, complete: life.completeAfter }, () => {
          if (life.rateAfter === null) return;
          rate(life.rateAfter, life.score, () => {
            const second = life.secondRound;
            if (!second) {
              outcome.closed += 1;
              return;
            }
            const reopened = life.rateAfter!;
            at(reopened + 5 * MIN, async () => {
              await dispatch();
              work(
                2,
                {
                  accept: reopened + 15 * MIN,
                  arrive: reopened + 45 * MIN,
                  complete: reopened + second.completeAfter,
                },
                () =>
                  rate(
                    reopened + second.completeAfter + second.rateAfter,
                    4,
                    () => void (outcome.closed += 1),
                  ),
              );
            });
          });
        });
      });
    });
  });
}

interface WorkRoute {
  readonly route: string;
  readonly body: Record<string, unknown>;
}

/** Where and as whom each kind of executor accepts, arrives and completes. */
function workRoutes(
  executor: OrderLife['executor'],
  orderId: string,
  who: {
    compound: Compound;
    member: string;
    leaderId: string | undefined;
    department: District['departments'][number] | undefined;
    streetId: string;
    asMember: (memberId: string) => TokenClaims;
  },
): { as: TokenClaims; accept: WorkRoute; arrive: WorkRoute; complete: WorkRoute } {
  const evidence = ['https://evidence.example/photo.jpg'];
  switch (executor) {
    case 'branch-pool':
    case 'member': {
      const memberId = who.member;
      return {
        as: who.asMember(memberId),
        accept: { route: `/orders/${orderId}/take`, body: { memberId } },
        arrive: { route: `/orders/${orderId}/arrival`, body: { memberId, note: '已到场' } },
        complete: { route: `/orders/${orderId}/complete`, body: { memberId, evidence } },
      };
    }
    case 'property-company': {
      const base = `/property-companies/${who.compound.companyId}/orders/${orderId}`;
      return {
        as: {
          personId: `staff-of-${who.compound.companyId}`,
          roles: ['property-staff'],
          companies: [who.compound.companyId!],
        },
        accept: { route: `${base}/accept`, body: { note: '已受理' } },
        arrive: { route: `${base}/arrival`, body: { note: '已到场' } },
        complete: { route: `${base}/complete`, body: { evidence } },
      };
    }
    case 'building-leader': {
      const leaderId = who.leaderId!;
      const base = `/building-leaders/${leaderId}/orders/${orderId}`;
      return {
        as: { personId: leaderId, roles: ['building-leader'], compounds: [who.compound.id] },
        accept: { route: `${base}/accept`, body: { leaderId, note: '马上来' } },
        arrive: { route: `${base}/arrival`, body: { leaderId, note: '已到场' } },
        complete: { route: `${base}/complete`, body: { leaderId, evidence } },
      };
    }
    case 'department': {
      const department = who.department!;
      const base = `/departments/${department.id}/orders/${orderId}`;
      return {
        as: { personId: department.staffId, roles: ['department-staff'], streets: [who.streetId] },
        accept: { route: `${base}/accept`, body: { note: '已报到' } },
        arrive: { route: `${base}/arrival`, body: { note: '已到场' } },
        complete: { route: `${base}/complete`, body: { evidence } },
      };
    }
  }
}

/** Steps this close in simulated time run side by side; further apart, one after the other. */
const SIDE_BY_SIDE_MS = 1000;

/**
 * Runs the queue in time order. Steps within a second of each other run side by side (up to
 * `concurrency`); before the clock moves further, every step in flight has finished and every
 * consumer and view has caught up, so a step never waits, in simulated time, for a fact on its way
 * (a review of an order the Party organization has not heard of would be answered late by the
 * minutes the clock ran on meanwhile).
 */
async function play(
  queue: StepQueue,
  clock: SimulatedClock,
  concurrency: number,
  settled: () => Promise<boolean>,
  progress: () => void,
): Promise<void> {
  const timer = setInterval(progress, 5000);
  const running = new Set<Promise<void>>();
  try {
    for (;;) {
      const next = queue.peek();
      if (next === null && running.size === 0) return;
      if (next !== null && running.size < concurrency && next <= clock.now().getTime() + SIDE_BY_SIDE_MS) {
        const step = queue.pop()!;
        clock.advanceTo(step.at);
        const run: Promise<void> = step.run().finally(() => running.delete(run));
        running.add(run);
        continue;
      }
      if (running.size > 0) {
        await Promise.race(running);
        continue;
      }
      while (!(await settled())) await new Promise((r) => setTimeout(r, 2));
      // A settled platform may have queued nothing new: move the clock to the next step.
      const after = queue.peek();
      if (after !== null) clock.advanceTo(after);
    }
  } finally {
    clearInterval(timer);
  }
}

/** Every consumer group and projection has read up to the store's head. */
async function caughtUp(app: INestApplication): Promise<boolean> {
  const { head, lowest } = await readPositions(app);
  return lowest >= head;
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  if (fs.existsSync(opts.dataDir) && fs.readdirSync(opts.dataDir).length > 0) {
    if (!opts.fresh)
      throw new Error(`${opts.dataDir} is not empty: pass --fresh to replace it, or --data-dir`);
    fs.rmSync(opts.dataDir, { recursive: true, force: true });
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  process.on('exit', lockDataDir(opts.dataDir, 'npm run seed:district'));
  // Breaches come from stages reached late; the timer would race the bus in simulated time.
  process.env.SERVICE_LEVEL_SWEEP_MS = '0';
  const config = loadConfig({
    ...process.env,
    DATA_DIR: opts.dataDir,
    DATABASE_URL: '',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ORDER_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  if (config.auth.mode !== 'local')
    throw new Error('the seeder signs its own tokens: it needs the embedded token mode');
  const end = Date.now();
  const start = end - opts.size.days * DAY;
  const clock = new SimulatedClock(start - 2 * DAY);
  const app = await createPlatformApp(config, { logger: false, clock });
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const api = new SeedClient(
    base,
    new LocalTokenAuthority(config.auth.secret, config.auth.issuer, config.auth.audience),
  );
  const began = Date.now();
  const report = (line: string) =>
    console.log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(5)} s] ${line}`);
  try {
    report(
      `seeding ${opts.dataDir}: ${opts.size.communities} communities, ${opts.size.orders} orders over ${opts.size.days} days`,
    );
    const district = await seedPlaces(api, opts.size, report);
    report(
      `places, people and partners seeded (${api.requests} requests)${district.departments.length ? '' : '; no departments route: no whistles'}`,
    );
    const lives = drawOrders(opts.size, end, randomSource(opts.seed), {
      departments: district.departments.length > 0,
    });
    const queue = new StepQueue();
    const outcome: Outcome = { placed: 0, closed: 0, rejected: 0, failed: 0, errors: new Map() };
    for (const life of lives) playOrder(api, district, life, queue, outcome);
    await play(
      queue,
      clock,
      opts.concurrency,
      () => caughtUp(app),
      () => {
        const share = (clock.now().getTime() - start) / (end - start);
        report(
          `${(100 * Math.max(0, share)).toFixed(1)}% of the year (${clock.now().toISOString().slice(0, 10)}): ${outcome.placed} placed, ${outcome.closed} closed, ${outcome.rejected} rejected, ${outcome.failed} failed; ${Math.round(api.requests / ((Date.now() - began) / 1000))} requests/s`,
        );
      },
    );
    report(
      `orders played: ${outcome.placed} placed, ${outcome.closed} closed, ${outcome.rejected} rejected, ${outcome.failed} steps failed`,
    );
    for (const [error, count] of outcome.errors) report(`  ${count} × ${error}`);
    while (!(await caughtUp(app))) await new Promise((r) => setTimeout(r, 200));
    fs.writeFileSync(
      path.join(opts.dataDir, 'district.json'),
      JSON.stringify(
        {
          seededAt: new Date(end).toISOString(),
          size: opts.size,
          seed: opts.seed,
          streetId: district.streetId,
          communityIds: district.communities.map((c) => c.id),
          compoundIds: district.communities.flatMap((c) => c.compounds.map((k) => k.id)),
          requests: api.requests,
          seconds: Math.round((Date.now() - began) / 1000),
        },
        null,
        2,
      ),
    );
    report(`done: every consumer and view caught up; ${api.requests} requests; district.json written`);
    if (outcome.failed > 0) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

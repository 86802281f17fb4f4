import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import type { TokenClaims } from '@cogov/security';
import { BODY_LIMIT_BYTES, MAX_NESTING_DEPTH } from '@cogov/http';
import { testDatabases } from './testing/databases';
import { apiRoutes } from './testing/routes';
import { type ApiCall, PLATFORM_ADMIN, seedCommunity } from './testing/seed-community';
import { TestPlatform } from './testing/test-platform';
import { ServiceLevelScheduler } from '../../residents-committee/src/service-levels/infrastructure/service-level-scheduler';

/**
 * Hostile and malformed requests to every command route of the live route table, each from a
 * caller the route admits, so that they reach the intake and validation: every one answers a
 * 4xx in the one error shape, and the event store does not grow. A new route is covered as soon
 * as it is served: the suite fails until it has a valid body below to spoil.
 *
 * The intake does not depend on the database, so one (the embedded default, SQLite) is enough.
 */
const [, makeDatabase] = testDatabases[0]!;

type Seeded = Awaited<ReturnType<typeof seedCommunity>> & {
  orderId: string;
  leaderId: string;
  visitId: string;
  ownersCommitteeId: string;
  surveyId: string;
  mediationId: string;
  supervisionItemId: string;
  gridId: string;
} & CompanySeeded &
  DepartmentSeeded &
  JointMeetingSeeded &
  VolunteersSeeded;
interface VolunteersSeeded {
  readonly volunteerTeamId: string;
  readonly volunteerActivityId: string;
}
interface JointMeetingSeeded {
  readonly jointMeetingId: string;
  readonly jointMeetingTaskId: string;
}
interface CompanySeeded {
  readonly companyId: string;
}
interface DepartmentSeeded {
  readonly streetId: string;
  readonly departmentId: string;
  readonly departmentStaffId: string;
}

/** A body the route's DTO accepts, who sends it, and which field names the sender (if any). */
interface Template {
  readonly caller: TokenClaims;
  readonly body: Record<string, unknown>;
  readonly actsAs?: string;
}

function templates(s: Seeded): Record<string, Template> {
  const communities = [s.communityId];
  const staff: TokenClaims = s.worker;
  const station: TokenClaims = { personId: 'station-1', roles: ['service-station-staff'], communities };
  const admin = PLATFORM_ADMIN;
  const companyStaff: TokenClaims = {
    personId: 'staff-1',
    roles: ['property-staff'],
    companies: [s.companyId],
  };
  const partner: TokenClaims = { personId: `partner:${s.companyId}`, roles: ['partner-system'] };
  const asMember = (body: Record<string, unknown>, field = 'memberId'): Template => ({
    caller: s.member,
    body: { [field]: s.memberId, ...body },
    actsAs: field,
  });
  const asLeader = (body: Record<string, unknown>): Template => ({
    caller: { personId: s.leaderId, roles: ['building-leader'], communities },
    body: { leaderId: s.leaderId, ...body },
    actsAs: 'leaderId',
  });
  const departmentStaff: TokenClaims = {
    personId: s.departmentStaffId,
    roles: ['department-staff'],
    streets: [s.streetId],
  };
  const asMediator = (body: Record<string, unknown>): Template => ({
    caller: { personId: s.leaderId, roles: ['building-leader'], communities },
    body: { mediatorId: s.leaderId, ...body },
    actsAs: 'mediatorId',
  });
  return {
    'POST /api/communities': { caller: admin, body: { name: 'N', streetName: 'S' } },
    'POST /api/communities/:id/compounds': { caller: admin, body: { name: 'N', address: 'A' } },
    'POST /api/communities/:id/workers': {
      caller: admin,
      body: { name: 'N', phone: '13700000001', role: 'grid-worker' },
    },
    'POST /api/compounds/:id/buildings': { caller: admin, body: { name: 'N', number: '2' } },
    'POST /api/residents/:id/tenure': { caller: admin, body: { tenure: 'owner' } },
    'POST /api/residents': {
      caller: admin,
      body: {
        communityId: s.communityId,
        compoundId: s.compoundId,
        buildingId: s.buildingId,
        name: 'N',
        phone: '13800000001',
      },
    },
    'POST /api/party/organizations': {
      caller: admin,
      body: {
        kind: 'branch',
        name: 'N',
        communityId: s.communityId,
        parentId: s.committeeId,
        compoundIds: [s.compoundId],
        buildingIds: [s.buildingId],
      },
    },
    'POST /api/party/members': {
      caller: admin,
      body: { organizationId: s.branchId, name: 'N', phone: '13600000001', membership: 'registered' },
    },
    'POST /api/partner-keys': {
      caller: admin,
      body: { companyId: s.communityId, name: 'N', compoundIds: [s.compoundId] },
    },
    'POST /api/orders': {
      caller: staff,
      body: {
        residentId: s.residentId,
        compoundId: s.compoundId,
        buildingId: s.buildingId,
        category: 'repair',
        title: 'T',
        description: 'D',
        channel: 'app',
      },
    },
    'POST /api/orders/:id/review': asMember(
      { decision: 'reject', note: 'N', priority: 'normal', reason: 'R' },
      'reviewerId',
    ),
    'POST /api/orders/:id/dispatch': {
      caller: staff,
      body: { dispatcherId: s.workerId, assigneeKind: 'member', assigneeId: s.memberId },
      actsAs: 'dispatcherId',
    },
    'POST /api/orders/:id/take': asMember({}),
    'POST /api/orders/:id/arrival': asMember({ note: 'N' }),
    'POST /api/orders/:id/complete': asMember({ resultNote: 'R', evidence: ['https://e.example/p.jpg'] }),
    'POST /api/orders/:id/hand-back': asMember({ reason: 'R' }),
    'POST /api/orders/:id/rating': {
      caller: station,
      body: { raterId: s.residentId, score: 4, comment: 'C' },
    },
    'POST /api/building-leaders': {
      caller: staff,
      body: {
        compoundId: s.compoundId,
        residentId: s.residentId,
        buildingIds: [s.buildingId],
        nominatedBy: 'self',
      },
    },
    'POST /api/building-leaders/:id/vetting': {
      caller: staff,
      body: { vetterId: s.workerId, decision: 'reject', note: 'N' },
      actsAs: 'vetterId',
    },
    'POST /api/building-leaders/:id/visits': asLeader({
      residentId: s.residentId,
      notes: 'N',
      needsFound: ['N'],
    }),
    'POST /api/building-leaders/:id/referrals': asLeader({
      visitId: s.visitId,
      category: 'repair',
      title: 'T',
      description: 'D',
    }),
    'POST /api/building-leaders/:id/opinions': asLeader({
      topic: 'T',
      text: 'X',
      residentIds: [s.residentId],
    }),
    'POST /api/property-companies': {
      caller: admin,
      body: { name: 'N', unifiedCreditCode: '91350100M000100Y43', staffCount: 10, fullPartyMemberCount: 1 },
    },
    'POST /api/property-companies/:id/headcount': {
      caller: admin,
      body: { staffCount: 10, fullPartyMemberCount: 1 },
    },
    'POST /api/property-companies/:id/contracts': {
      caller: admin,
      body: { compoundId: s.compoundId, startsOn: '2025-01-01', endsOn: '2027-12-31' },
    },
    'POST /api/property-companies/:id/orders/:orderId/accept': { caller: companyStaff, body: { note: 'N' } },
    'POST /api/property-companies/:id/orders/:orderId/arrival': { caller: companyStaff, body: { note: 'N' } },
    'POST /api/property-companies/:id/orders/:orderId/complete': {
      caller: companyStaff,
      body: { resultNote: 'R', evidence: ['https://e.example/p.jpg'] },
    },
    'POST /api/property-companies/:id/orders/:orderId/hand-back': {
      caller: companyStaff,
      body: { reason: 'R' },
    },
    'POST /api/owners-committees': {
      caller: staff,
      body: { compoundId: s.compoundId, termStart: '2030-01-01', termEnd: '2034-12-31' },
    },
    'POST /api/owners-committees/:id/members': {
      caller: staff,
      body: {
        residentId: s.residentId,
        role: 'member',
        partyMemberId: s.memberId,
        background: 'party-member',
      },
    },
    'POST /api/partner/webhooks': { caller: partner, body: { url: 'http://127.0.0.1:9/hooks' } },
    'POST /api/partner/webhooks/deliveries/:id/redeliver': { caller: partner, body: { freshRound: true } },
    'POST /api/partner/events': {
      caller: partner,
      body: {
        specversion: '1.0',
        id: 'evt-1',
        source: 'urn:partner:tickets',
        type: 'order-work.arrived',
        data: { orderId: s.orderId, note: 'N' },
      },
    },
    'POST /api/owners-committees/:id/property-evaluations': {
      caller: admin,
      body: {
        companyId: s.companyId,
        period: '2026-Q4',
        cleaning: 80,
        security: 80,
        greenery: 80,
        repairs: 80,
        feesTransparency: 80,
        comment: 'C',
      },
    },
    'POST /api/owners-committees/:id/surveys': {
      caller: admin,
      body: {
        title: 'T',
        questions: [{ text: 'Q', choices: ['Yes', 'No'] }],
        closesAt: '2099-01-01T00:00:00Z',
      },
    },
    'POST /api/surveys/:id/responses': {
      caller: s.resident,
      body: { residentId: s.residentId, answers: ['Yes'] },
      actsAs: 'residentId',
    },
    'POST /api/party/organizations/:id/company-ratings': {
      caller: admin,
      body: { companyId: s.companyId, period: '2026-Q4', score: 80, comment: 'C' },
    },
    'POST /api/joint-meetings': {
      caller: admin,
      body: {
        branchId: s.branchId,
        compoundId: s.compoundId,
        date: '2030-06-01',
        attendees: [{ party: 'branch', personName: 'N' }],
      },
    },
    'POST /api/joint-meetings/:id/agenda-items': {
      caller: admin,
      body: { kind: 'order', refId: s.orderId, title: 'T' },
    },
    'POST /api/joint-meetings/:id/decisions': {
      caller: admin,
      body: { text: 'T', tasks: [{ ownerParty: 'branch', ownerId: s.memberId, dueOn: '2030-06-10' }] },
    },
    'POST /api/joint-meetings/:id/tasks/:taskId/progress': {
      caller: admin,
      body: { note: 'N', done: false },
    },
    'POST /api/joint-meetings/:id/close': { caller: admin, body: { note: 'N' } },
    'POST /api/party/organizations/:id/seats': {
      caller: admin,
      body: { personName: 'N', memberId: s.memberId, residentId: s.residentId, seat: 'committee-member' },
    },
    'POST /api/building-leaders/:id/orders/:orderId/accept': asLeader({ note: 'N' }),
    'POST /api/building-leaders/:id/orders/:orderId/arrival': asLeader({ note: 'N' }),
    'POST /api/building-leaders/:id/orders/:orderId/complete': asLeader({
      resultNote: 'R',
      evidence: ['https://e.example/p.jpg'],
    }),
    'POST /api/building-leaders/:id/orders/:orderId/hand-back': asLeader({ reason: 'R' }),
    'POST /api/mediations': asMediator({
      buildingId: s.buildingId,
      residentIds: [s.residentId],
      persons: ['P'],
      summary: 'S',
    }),
    'POST /api/mediations/:id/sessions': asMediator({
      heldOn: new Date().toISOString().slice(0, 10),
      notes: 'N',
    }),
    'POST /api/mediations/:id/outcome': asMediator({ outcome: 'settled', note: 'N' }),
    'POST /api/building-leaders/:id/grid-worker': {
      caller: staff,
      body: { namedBy: s.workerId, gridLabel: 'G' },
      actsAs: 'namedBy',
    },
    'POST /api/orders/:id/acknowledge': { caller: staff, body: { staffId: s.workerId }, actsAs: 'staffId' },
    'POST /api/supervision/:itemId/assign': { caller: staff, body: { supervisorId: s.workerId } },
    'POST /api/supervision/:itemId/notes': { caller: staff, body: { note: 'N' } },
    'POST /api/supervision/:itemId/resolve': { caller: staff, body: { note: 'N' } },
    'POST /api/streets': { caller: admin, body: { name: 'N' } },
    'POST /api/communities/:id/grids': { caller: staff, body: { name: 'N', level: 'zone' } },
    'POST /api/grids/:id/findings': {
      caller: staff,
      body: {
        reporterId: s.workerId,
        compoundId: s.compoundId,
        category: 'safety',
        title: 'T',
        description: 'D',
      },
      actsAs: 'reporterId',
    },
    'POST /api/grids/:id/posts': {
      caller: staff,
      body: { post: 'part-time-worker', holderKind: 'volunteer', holderId: s.residentId },
    },
    'POST /api/departments': { caller: admin, body: { streetId: s.streetId, name: 'N', kind: 'water' } },
    'POST /api/departments/:id/staff': { caller: admin, body: { staffId: s.residentId, name: 'N' } },
    'POST /api/orders/:id/whistle': {
      caller: staff,
      body: { whistlerId: s.workerId, departmentId: s.departmentId, level: 'street', reason: 'R' },
      actsAs: 'whistlerId',
    },
    'POST /api/departments/:id/orders/:orderId/accept': { caller: departmentStaff, body: { note: 'N' } },
    'POST /api/departments/:id/orders/:orderId/arrival': { caller: departmentStaff, body: { note: 'N' } },
    'POST /api/departments/:id/orders/:orderId/complete': {
      caller: departmentStaff,
      body: { resultNote: 'R', evidence: ['https://evidence.example/1.jpg'] },
    },
    'POST /api/departments/:id/orders/:orderId/hand-back': { caller: departmentStaff, body: { reason: 'R' } },
    'POST /api/residents/:id/flags': { caller: staff, body: { flags: ['disabled'] } },
    'POST /api/volunteer-teams': {
      caller: staff,
      body: { communityId: s.communityId, name: 'N', kind: 'residents' },
    },
    'POST /api/volunteer-teams/:id/members': { caller: staff, body: { personId: s.residentId } },
    'POST /api/volunteer-teams/:id/orders/:orderId/accept': { caller: s.member, body: { note: 'N' } },
    'POST /api/volunteer-teams/:id/orders/:orderId/arrival': { caller: s.member, body: { note: 'N' } },
    'POST /api/volunteer-teams/:id/orders/:orderId/complete': {
      caller: s.member,
      body: { resultNote: 'R', evidence: ['https://evidence.example/1.jpg'] },
    },
    'POST /api/volunteer-teams/:id/orders/:orderId/hand-back': { caller: s.member, body: { reason: 'R' } },
    'POST /api/volunteer-activities': {
      caller: station,
      body: {
        communityId: s.communityId,
        teamId: s.volunteerTeamId,
        kind: 'other',
        title: 'T',
        date: '2026-01-01',
        hours: 1,
        participantIds: [s.residentId],
      },
    },
    'POST /api/volunteer-activities/:id/confirmation': {
      caller: staff,
      body: { confirmedBy: s.workerId },
      actsAs: 'confirmedBy',
    },
    'POST /api/party/members/:id/report-in': {
      caller: admin,
      body: { communityId: s.communityId, workUnit: 'W', workUnitOrganization: 'O', address: 'A' },
    },
    'POST /api/party/members/:id/report-in/decision': {
      caller: admin,
      body: { decision: 'decline', reason: 'R' },
    },
    'POST /api/party/members/:id/duties': {
      caller: admin,
      body: { year: 2026, item: 'talk', date: '2026-05-01', note: 'N' },
    },
    'POST /api/streets/:id/points-standards': {
      caller: admin,
      body: {
        standardId: 'jianxi',
        version: 1,
        effectiveFrom: '2026-01-01',
        orders: [{ category: 'repair', priority: 'normal', points: 1 }],
        perVolunteerHour: 1,
        perActivityKind: { 'elderly-care': 1 },
        ratingFiveBonus: 1,
      },
    },
    'POST /api/communities/:id/catalogue': { caller: station, body: { name: 'N', points: 1 } },
    'POST /api/points/redemptions': {
      caller: station,
      body: { personId: s.memberId, communityId: s.communityId, itemId: s.orderId },
    },
    'POST /api/points/accounts/:personId/corrections': {
      caller: admin,
      body: { points: 1, reason: 'R', streetId: s.streetId, communityId: s.communityId },
    },
  };
}

/** The path of a route with the seeded aggregate its parameter names. */
function pathOf(route: string, s: Seeded): string {
  const path = route
    .slice(route.indexOf(' ') + 1)
    .replace('/:orderId/', `/${s.orderId}/`)
    .replace(
      '/api/party/organizations/:id/company-ratings',
      `/api/party/organizations/${s.committeeId}/company-ratings`,
    )
    .replace('/api/party/organizations/:id/', `/api/party/organizations/${s.branchId}/`)
    .replace('/tasks/:taskId/', `/tasks/${s.jointMeetingTaskId}/`)
    .replace('/api/party/members/:id/', `/api/party/members/${s.memberId}/`)
    // Any id will do: the intake and validation refuse before a delivery is looked up.
    .replace('/deliveries/:id/', `/deliveries/${s.orderId}/`)
    .replace('/api/points/accounts/:personId/', `/api/points/accounts/${s.memberId}/`);
  const ids: Record<string, string> = {
    '/api/communities/:id': s.communityId,
    '/api/residents/:id': s.residentId,
    '/api/compounds/:id': s.compoundId,
    '/api/orders/:id': s.orderId,
    '/api/building-leaders/:id': s.leaderId,
    '/api/property-companies/:id': s.companyId,
    '/api/owners-committees/:id': s.ownersCommitteeId,
    '/api/surveys/:id': s.surveyId,
    '/api/joint-meetings/:id': s.jointMeetingId,
    '/api/mediations/:id': s.mediationId,
    '/api/supervision/:itemId': s.supervisionItemId,
    '/api/grids/:id': s.gridId,
    '/api/departments/:id': s.departmentId,
    '/api/volunteer-teams/:id': s.volunteerTeamId,
    '/api/volunteer-activities/:id': s.volunteerActivityId,
    '/api/streets/:id': s.streetId,
  };
  return path.replace(/^(\/api\/[^/]+\/):([a-zA-Z]+)/, (prefix) => {
    const id = ids[prefix];
    if (!id) throw new Error(`${route}: no seeded aggregate for its parameter; add one to pathOf`);
    return prefix.slice(0, prefix.indexOf(':')) + id;
  });
}

const UUID = /^[0-9a-f-]{36}$/;

describe('bad input to every command route (embedded platform on SQLite)', () => {
  const { config: database, cleanup } = makeDatabase();
  let platform: TestPlatform;
  let seeded: Seeded;
  let commandRoutes: string[];
  let head: number;
  afterAll(() => cleanup());

  const store = () => platform.app.get<EventStore>(EVENT_STORE);
  const templateOf = (route: string): Template => {
    const template = templates(seeded)[route];
    if (!template) throw new Error(`${route} has no valid body in bad-input.e2e.spec.ts: add one`);
    return template;
  };

  /** Sends raw bytes as the route's caller, with the headers a case needs. */
  async function sendRaw(route: string, bytes: Buffer | string, headers: Record<string, string> = {}) {
    const { caller } = templateOf(route);
    const authorization = `Bearer ${await platform.tokens.issue(caller)}`;
    const call = platform
      .http()
      .post(pathOf(route, seeded))
      .set('Authorization', authorization)
      .set('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(headers)) void call.set(name, value);
    // superagent would JSON-encode a Buffer sent as application/json: the bytes go as they are.
    return call.serialize((raw: Buffer | string) => raw as string).send(bytes);
  }
  const sendJson = (route: string, body: unknown, headers: Record<string, string> = {}) =>
    sendRaw(route, JSON.stringify(body), headers);

  /** A 4xx in the one shape (naming `field` when given), and not one event more in the store. */
  async function expectRefused(response: Response, status?: number | number[], field?: string) {
    const context = `${response.status} ${JSON.stringify(response.body)}`;
    expect({ context, status: response.status >= 400 && response.status < 500 }).toEqual({
      context,
      status: true,
    });
    if (status !== undefined) expect([status].flat()).toContain(response.status);
    const { error, message, details, ...rest } = response.body as Record<string, unknown>;
    expect({ error: typeof error, message: typeof message, details: details !== undefined, rest }).toEqual({
      error: 'string',
      message: 'string',
      details: true,
      rest: {},
    });
    if (field) {
      const named = JSON.stringify(response.body.details);
      expect({ field, named: named.includes(`"field":"${field}"`) }).toEqual({ field, named: true });
    }
    expect(await store().headPosition()).toBe(head);
  }

  /** The string fields of a route a hostile character can go into (the sender's id answers 403). */
  const stringFields = (route: string) =>
    Object.entries(templateOf(route).body).filter(([, value]) => typeof value === 'string');

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    const call: ApiCall = async (claims, method, route, body) => {
      const client = await platform.as(claims);
      const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
      return { status: response.status, body: response.body as Record<string, unknown> };
    };
    const community = await seedCommunity(call);
    const placed = await call(community.worker, 'POST', '/api/orders', {
      residentId: community.residentId,
      compoundId: community.compoundId,
      category: 'repair',
      title: 'Leak',
      description: 'd',
      channel: 'app',
    });
    const leaderId = (
      await call(community.worker, 'POST', '/api/building-leaders', {
        compoundId: community.compoundId,
        residentId: community.residentId,
        buildingIds: [community.buildingId],
        nominatedBy: 'residents',
      })
    ).body.id as string;
    await call(community.worker, 'POST', `/api/building-leaders/${leaderId}/vetting`, {
      vetterId: community.workerId,
      decision: 'approve',
    });
    const leader: TokenClaims = {
      personId: leaderId,
      roles: ['building-leader'],
      communities: [community.communityId],
    };
    const visited = await call(leader, 'POST', `/api/building-leaders/${leaderId}/visits`, {
      leaderId,
      residentId: community.residentId,
      notes: 'N',
    });
    const mediation = await call(leader, 'POST', '/api/mediations', {
      mediatorId: leaderId,
      buildingId: community.buildingId,
      residentIds: [community.residentId],
      persons: ['P'],
      summary: 'S',
    });
    const company = await call(PLATFORM_ADMIN, 'POST', '/api/property-companies', {
      name: 'Green Shade Property',
      unifiedCreditCode: '91350100M000100Y43',
      staffCount: 10,
      fullPartyMemberCount: 1,
    });
    await platform.settle();
    const ownersCommittee = await call(community.worker, 'POST', '/api/owners-committees', {
      compoundId: community.compoundId,
      termStart: '2025-01-01',
      termEnd: '2029-12-31',
    });
    const meeting = await call(PLATFORM_ADMIN, 'POST', '/api/joint-meetings', {
      branchId: community.branchId,
      compoundId: community.compoundId,
      date: '2030-06-01',
      attendees: [{ party: 'branch', personName: 'N' }],
    });
    const jointMeetingId = meeting.body.id as string;
    const decision = await call(PLATFORM_ADMIN, 'POST', `/api/joint-meetings/${jointMeetingId}/decisions`, {
      text: 'T',
      tasks: [{ ownerParty: 'branch', ownerId: community.memberId, dueOn: '2030-06-10' }],
    });
    const streetId = (await call(PLATFORM_ADMIN, 'POST', '/api/streets', { name: 'S' })).body.id as string;
    const departmentId = (
      await call(PLATFORM_ADMIN, 'POST', '/api/departments', { streetId, name: 'D', kind: 'water' })
    ).body.id as string;
    const departmentStaffId = '7d2a9f4e-0000-4000-8000-00000000d5af';
    await call(PLATFORM_ADMIN, 'POST', `/api/departments/${departmentId}/staff`, {
      staffId: departmentStaffId,
      name: 'N',
    });
    const volunteerTeamId = (
      await call(community.worker, 'POST', '/api/volunteer-teams', {
        communityId: community.communityId,
        name: 'Team',
        kind: 'vanguard',
      })
    ).body.id as string;
    const volunteerActivityId = (
      await call(community.worker, 'POST', '/api/volunteer-activities', {
        communityId: community.communityId,
        teamId: volunteerTeamId,
        kind: 'other',
        title: 'T',
        date: '2026-01-01',
        hours: 1,
        participantIds: [community.residentId],
      })
    ).body.id as string;
    const survey = await call(
      PLATFORM_ADMIN,
      'POST',
      `/api/owners-committees/${ownersCommittee.body.id as string}/surveys`,
      {
        title: 'T',
        questions: [{ text: 'Q', choices: ['Yes', 'No'] }],
        closesAt: '2099-01-01T00:00:00Z',
      },
    );
    seeded = {
      ...community,
      surveyId: survey.body.id as string,
      jointMeetingId,
      jointMeetingTaskId: (decision.body.taskIds as string[])[0]!,
      orderId: placed.body.id as string,
      leaderId,
      visitId: visited.body.id as string,
      companyId: company.body.id as string,
      ownersCommitteeId: ownersCommittee.body.id as string,
      mediationId: mediation.body.id as string,
      streetId,
      departmentId,
      departmentStaffId,
      volunteerTeamId,
      volunteerActivityId,
      supervisionItemId: '',
      gridId: (
        await call(community.worker, 'POST', `/api/communities/${community.communityId}/grids`, {
          name: 'Zone',
          level: 'zone',
        })
      ).body.id as string,
    };
    await platform.settle();
    // A day later the seeded order has missed its deadlines: items on the supervision list.
    await platform.app.get(ServiceLevelScheduler).sweep(new Date(Date.now() + 2 * 86_400_000));
    await platform.settle();
    const items = await call(PLATFORM_ADMIN, 'GET', '/api/supervision');
    seeded.supervisionItemId = (items.body.items as Array<{ itemId: string }>)[0]!.itemId;
    head = await store().headPosition();
    commandRoutes = apiRoutes(platform.app).filter((route) => /^(POST|PUT|PATCH) /.test(route));
  });
  afterAll(() => platform?.stop());

  it('covers every command route the platform serves', () => {
    expect(commandRoutes.length).toBeGreaterThanOrEqual(16);
    for (const route of commandRoutes) {
      expect(templateOf(route)).toBeDefined();
      expect(pathOf(route, seeded)).not.toContain(':');
    }
  });

  it('refuses a body over the limit 413, and a gzip body that inflates past it 413', async () => {
    for (const route of commandRoutes) {
      const { body } = templateOf(route);
      const oversized = JSON.stringify({ ...body, padding: 'x'.repeat(BODY_LIMIT_BYTES) });
      await expectRefused(await sendRaw(route, oversized), 413);
      const bomb = gzipSync(JSON.stringify({ ...body, padding: 'x'.repeat(20 * BODY_LIMIT_BYTES) }));
      expect(bomb.length).toBeLessThan(BODY_LIMIT_BYTES / 10);
      await expectRefused(await sendRaw(route, bomb, { 'Content-Encoding': 'gzip' }), 413);
    }
  });

  it('refuses bodies that are not what their Content-Encoding says 400, unknown encodings 415', async () => {
    for (const route of commandRoutes) {
      const json = JSON.stringify(templateOf(route).body);
      await expectRefused(await sendRaw(route, json, { 'Content-Encoding': 'br' }), 400);
      await expectRefused(await sendRaw(route, json, { 'Content-Encoding': 'gzip' }), 400);
      await expectRefused(await sendRaw(route, json, { 'Content-Encoding': 'compress' }), 415);
    }
  });

  it('refuses another charset, an unknown one and a body that is not JSON 415', async () => {
    for (const route of commandRoutes) {
      const json = JSON.stringify(templateOf(route).body);
      for (const contentType of [
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        'application/json; charset=no-such-charset',
        'text/plain',
        'application/x-www-form-urlencoded',
      ]) {
        await expectRefused(await sendRaw(route, json, { 'Content-Type': contentType }), 415);
      }
    }
  });

  it('refuses malformed JSON and a body that is not an object 400', async () => {
    for (const route of commandRoutes) {
      for (const bytes of ['{"name":', '[]', '"text"', 'null', '{"a":1}}']) {
        await expectRefused(await sendRaw(route, bytes), 400);
      }
    }
  });

  it('refuses a 2,000-deep array before validation walks it 400, naming the field', async () => {
    const deep = `${'['.repeat(2000)}${']'.repeat(2000)}`;
    for (const route of commandRoutes) {
      const body = JSON.stringify(templateOf(route).body).replace(/^\{/, `{"deep":${deep},`);
      // The root is level 1, the array level 2: the first level too deep is the 15th item down.
      await expectRefused(await sendRaw(route, body), 400, `deep${'.0'.repeat(MAX_NESTING_DEPTH - 1)}`);
    }
  });

  it('refuses __proto__, constructor and prototype keys at any depth 400, naming them', async () => {
    for (const route of commandRoutes) {
      const json = JSON.stringify(templateOf(route).body);
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        // JSON.stringify cannot write an own __proto__ key: spliced into the text, as an attacker would.
        await expectRefused(await sendRaw(route, json.replace(/^\{/, `{"${key}":{"x":1},`)), 400, key);
        await expectRefused(
          await sendRaw(route, json.replace(/^\{/, `{"extra":{"${key}":{"isAdmin":true}},`)),
          400,
          `extra.${key}`,
        );
      }
    }
  });

  it('refuses bytes that are not UTF-8 400, naming the field', async () => {
    for (const route of commandRoutes) {
      for (const [field] of stringFields(route)) {
        const json = JSON.stringify({ ...templateOf(route).body, [field]: 'MARK' });
        const [before, after] = json.split('MARK') as [string, string];
        const bytes = Buffer.concat([
          Buffer.from(before),
          Buffer.from([0x41, 0xff, 0xc3, 0x28]),
          Buffer.from(after),
        ]);
        await expectRefused(await sendRaw(route, bytes), 400, field);
      }
    }
  });

  it('refuses NUL, ANSI escapes, bidi overrides and lone surrogates in every string field 400, naming it', async () => {
    const hostile = [
      'a\u0000b',
      '\u001b[31mred\u001b[0m',
      'abc\u202Efdp.exe',
      'x\u2066y',
      'a\ud800b',
      '\udc00',
      '\u0085',
      '\u007f',
    ];
    for (const route of commandRoutes) {
      const { body, actsAs } = templateOf(route);
      for (const [field, value] of stringFields(route)) {
        for (const text of hostile) {
          const response = await sendJson(route, { ...body, [field]: `${String(value)}${text}` });
          // The sender's own id is checked against the token before validation: 403, still nothing written.
          if (field === actsAs) await expectRefused(response, 403);
          else await expectRefused(response, 400, field);
        }
      }
    }
  });

  it('refuses tab and line breaks in single-line fields, and a carriage return even in free text', async () => {
    const route = 'POST /api/orders';
    const { body } = templateOf(route);
    for (const field of ['title', 'residentId', 'category']) {
      await expectRefused(await sendJson(route, { ...body, [field]: 'a\tb' }), 400, field);
      await expectRefused(await sendJson(route, { ...body, [field]: 'a\nb' }), 400, field);
    }
    await expectRefused(await sendJson(route, { ...body, description: 'a\r\nb' }), 400, 'description');
  });

  it('refuses a score that is not a JSON integer 400', async () => {
    const route = 'POST /api/orders/:id/rating';
    const { body } = templateOf(route);
    for (const score of [true, '4', '0x4', '4e0', 4.5, null, [4], { value: 4 }]) {
      await expectRefused(await sendJson(route, { ...body, score }), 400, 'score');
    }
  });

  it('refuses an id named twice in a list, in either case, 400', async () => {
    for (const route of commandRoutes) {
      const { body } = templateOf(route);
      const lists = Object.entries(body).filter(
        ([, value]) => Array.isArray(value) && value.every((id) => typeof id === 'string' && UUID.test(id)),
      );
      for (const [field, value] of lists as Array<[string, string[]]>) {
        const id = value[0]!;
        await expectRefused(await sendJson(route, { ...body, [field]: [id, id] }), 400, field);
        await expectRefused(await sendJson(route, { ...body, [field]: [id, id.toUpperCase()] }), 400, field);
      }
    }
  });

  it('refuses a value of another JSON type in any field, and any unknown field, 4xx', async () => {
    const typeOf = (value: unknown) =>
      value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    for (const route of commandRoutes) {
      const { body } = templateOf(route);
      const fields = Object.keys(body);
      if (fields.length > 0) {
        // Not null: an optional field (`@IsOptional`) takes null for absent, and the body is then valid.
        const wrongType = fc.constantFrom(...fields).chain((field) =>
          fc.tuple(
            fc.constant(field),
            fc.jsonValue().filter((v) => v !== null && typeOf(v) !== typeOf(body[field])),
          ),
        );
        await fc.assert(
          fc.asyncProperty(wrongType, async ([field, value]) => {
            await expectRefused(await sendJson(route, { ...body, [field]: value }), [400, 403]);
          }),
          { numRuns: 6 },
        );
      }
      const unknownField = fc.tuple(
        fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !(key in body)),
        fc.jsonValue(),
      );
      await fc.assert(
        fc.asyncProperty(unknownField, async ([key, value]) => {
          await expectRefused(await sendJson(route, { ...body, [key]: value }), 400);
        }),
        { numRuns: 4 },
      );
    }
  });

  it('wrote nothing, once everything the requests could have set off has run', async () => {
    await platform.settle();
    expect(await store().headPosition()).toBe(head);
    const keys = await (await platform.as(PLATFORM_ADMIN)).read('/api/partner-keys');
    expect(keys).toEqual([]);
  });

  it('still accepts free text with tabs and line breaks, stored as sent', async () => {
    const description = 'Line one\n\tindented line two 漏水';
    const id = await (
      await platform.as(seeded.worker)
    ).create('/api/orders', { ...templateOf('POST /api/orders').body, description });
    const stream = await (
      await platform.as(PLATFORM_ADMIN)
    ).read(`/api/streams/residents-committee.order-${id}`);
    expect(stream.events).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ description }) }),
    ]);
  });
});

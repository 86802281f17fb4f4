import { ROLES, type Role } from '@cogov/security';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { apiRoutes } from './testing/routes';
import { TestPlatform } from './testing/test-platform';

/**
 * Who may call what. The table is the specification: one row per route, the roles allowed. Every
 * route the application serves must have a row (a new route without one fails here), and every
 * role is tried on every route with a real token: allowed roles get past the guard, the others 403.
 */
const STAFF_READERS: Role[] = [
  'platform-admin',
  'auditor',
  'party-staff',
  'residents-committee-staff',
  'owners-committee-staff',
  'property-staff',
  'building-leader',
  'service-station-staff',
  'party-member',
  'partner-system',
];
const RESIDENT_READERS: Role[] = [
  'platform-admin',
  'auditor',
  'residents-committee-staff',
  'service-station-staff',
  'building-leader',
  'party-staff',
];
const SEAT_KEEPERS: Role[] = ['platform-admin', 'residents-committee-staff', 'owners-committee-staff'];
const JOINT_MEETING_TASK_OWNERS: Role[] = [
  'platform-admin',
  'party-staff',
  'owners-committee-staff',
  'property-staff',
  'residents-committee-staff',
  'building-leader',
];
const GRID_READERS: Role[] = [
  'platform-admin',
  'residents-committee-staff',
  'party-staff',
  'service-station-staff',
  'auditor',
];
const DEPARTMENT_KEEPERS: Role[] = ['platform-admin', 'residents-committee-staff'];
const DEPARTMENT_READERS: Role[] = [...DEPARTMENT_KEEPERS, 'department-staff', 'party-staff', 'auditor'];
const VOLUNTEER_KEEPERS: Role[] = ['platform-admin', 'residents-committee-staff', 'service-station-staff'];
const VOLUNTEER_READERS: Role[] = [...VOLUNTEER_KEEPERS, 'party-staff', 'auditor'];
const VOLUNTEER_TEAM_WORKERS: Role[] = [
  'resident',
  'party-member',
  'building-leader',
  'service-station-staff',
];
const ACCESS_TABLE: Record<string, Role[]> = {
  'GET /api/health': [...ROLES],
  'GET /api/health/live': [...ROLES],
  'GET /api/health/ready': [...ROLES],
  'GET /api/projections': ['platform-admin', 'auditor'],
  'GET /api/streams/:streamId': ['platform-admin', 'auditor'],
  'POST /api/communities': ['platform-admin'],
  'POST /api/communities/:id/compounds': ['platform-admin', 'residents-committee-staff'],
  'POST /api/communities/:id/workers': ['platform-admin', 'residents-committee-staff'],
  'POST /api/compounds/:id/buildings': ['platform-admin', 'residents-committee-staff'],
  'POST /api/residents': ['platform-admin', 'residents-committee-staff', 'service-station-staff'],
  'POST /api/residents/:id/tenure': ['platform-admin', 'residents-committee-staff', 'service-station-staff'],
  'POST /api/party/organizations': ['platform-admin', 'party-staff'],
  'POST /api/party/members': ['platform-admin', 'party-staff'],
  'POST /api/orders': ['resident', 'service-station-staff', 'building-leader', 'residents-committee-staff'],
  'GET /api/orders': STAFF_READERS,
  'GET /api/orders/:id': [...STAFF_READERS, 'resident'],
  'POST /api/orders/:id/review': ['party-member'],
  'POST /api/orders/:id/dispatch': ['residents-committee-staff', 'service-station-staff'],
  'POST /api/orders/:id/take': ['party-member'],
  'POST /api/orders/:id/arrival': ['party-member'],
  'POST /api/orders/:id/complete': ['party-member'],
  'POST /api/orders/:id/hand-back': ['party-member'],
  'POST /api/orders/:id/rating': ['resident', 'service-station-staff', 'residents-committee-staff'],
  'GET /api/residents': RESIDENT_READERS,
  'GET /api/residents/:id': [...RESIDENT_READERS, 'resident'],
  'GET /api/partner-keys': ['platform-admin'],
  'POST /api/partner-keys': ['platform-admin'],
  'DELETE /api/partner-keys/:id': ['platform-admin'],
  'POST /api/building-leaders': ['platform-admin', 'residents-committee-staff'],
  'POST /api/building-leaders/:id/vetting': ['platform-admin', 'residents-committee-staff'],
  'POST /api/building-leaders/:id/visits': ['building-leader', 'residents-committee-staff'],
  'POST /api/building-leaders/:id/referrals': ['building-leader', 'residents-committee-staff'],
  'POST /api/building-leaders/:id/opinions': ['building-leader', 'residents-committee-staff'],
  'GET /api/building-leaders/opinions': [
    'platform-admin',
    'auditor',
    'residents-committee-staff',
    'building-leader',
    'party-staff',
    'owners-committee-staff',
    'property-staff',
  ],
  'POST /api/property-companies': ['platform-admin'],
  'POST /api/property-companies/:id/headcount': ['platform-admin', 'property-staff'],
  'POST /api/property-companies/:id/contracts': ['platform-admin'],
  'GET /api/property-companies/:id': ['platform-admin', 'auditor', 'property-staff', 'partner-system'],
  'POST /api/property-companies/:id/orders/:orderId/accept': ['property-staff', 'partner-system'],
  'POST /api/property-companies/:id/orders/:orderId/arrival': ['property-staff', 'partner-system'],
  'POST /api/property-companies/:id/orders/:orderId/complete': ['property-staff', 'partner-system'],
  'POST /api/property-companies/:id/orders/:orderId/hand-back': ['property-staff', 'partner-system'],
  'POST /api/owners-committees': ['platform-admin', 'residents-committee-staff'],
  'GET /api/owners-committees/:id': [...SEAT_KEEPERS, 'auditor', 'party-staff'],
  'POST /api/owners-committees/:id/members': SEAT_KEEPERS,
  'DELETE /api/owners-committees/:id/members/:memberId': SEAT_KEEPERS,
  'POST /api/partner/webhooks': ['partner-system'],
  'GET /api/partner/webhooks/deliveries': ['partner-system'],
  'POST /api/partner/webhooks/deliveries/:id/redeliver': ['partner-system'],
  'POST /api/partner/events': ['partner-system'],
  'GET /api/partner/webhooks': ['partner-system'],
  'DELETE /api/partner/webhooks/:id': ['partner-system'],
  'POST /api/owners-committees/:id/property-evaluations': ['platform-admin', 'owners-committee-staff'],
  'POST /api/owners-committees/:id/surveys': ['platform-admin', 'owners-committee-staff'],
  'POST /api/surveys/:id/responses': ['resident', 'owners-committee-staff'],
  'GET /api/surveys/:id': [
    'platform-admin',
    'owners-committee-staff',
    'residents-committee-staff',
    'auditor',
    'resident',
  ],
  'POST /api/party/organizations/:id/company-ratings': ['platform-admin', 'party-staff'],
  'POST /api/party/organizations/:id/seats': ['platform-admin', 'party-staff'],
  'DELETE /api/party/organizations/:id/seats/:seatId': ['platform-admin', 'party-staff'],
  'POST /api/joint-meetings': ['platform-admin', 'party-staff'],
  'GET /api/joint-meetings/:id': [...JOINT_MEETING_TASK_OWNERS, 'auditor'],
  'POST /api/joint-meetings/:id/agenda-items': ['platform-admin', 'party-staff'],
  'POST /api/joint-meetings/:id/decisions': ['platform-admin', 'party-staff'],
  'POST /api/joint-meetings/:id/tasks/:taskId/progress': JOINT_MEETING_TASK_OWNERS,
  'POST /api/joint-meetings/:id/close': ['platform-admin', 'party-staff'],
  'GET /api/party/compounds/:compoundId/board': [...JOINT_MEETING_TASK_OWNERS, 'auditor'],
  'POST /api/building-leaders/:id/orders/:orderId/accept': ['building-leader', 'residents-committee-staff'],
  'POST /api/building-leaders/:id/orders/:orderId/arrival': ['building-leader', 'residents-committee-staff'],
  'POST /api/building-leaders/:id/orders/:orderId/complete': ['building-leader', 'residents-committee-staff'],
  'POST /api/building-leaders/:id/orders/:orderId/hand-back': [
    'building-leader',
    'residents-committee-staff',
  ],
  'POST /api/mediations': ['building-leader', 'residents-committee-staff'],
  'POST /api/mediations/:id/sessions': ['building-leader', 'residents-committee-staff'],
  'POST /api/mediations/:id/outcome': ['building-leader', 'residents-committee-staff'],
  'GET /api/mediations/:id': ['platform-admin', 'auditor', 'residents-committee-staff', 'building-leader'],
  'GET /api/building-leaders/:id': [
    'platform-admin',
    'auditor',
    'residents-committee-staff',
    'building-leader',
  ],
  'POST /api/building-leaders/:id/grid-worker': ['platform-admin', 'residents-committee-staff'],
  'POST /api/orders/:id/acknowledge': ['residents-committee-staff'],
  'GET /api/supervision': [
    'platform-admin',
    'auditor',
    'party-staff',
    'residents-committee-staff',
    'service-station-staff',
  ],
  'POST /api/supervision/:itemId/assign': ['residents-committee-staff'],
  'POST /api/supervision/:itemId/notes': ['residents-committee-staff'],
  'POST /api/supervision/:itemId/resolve': ['residents-committee-staff'],
  'POST /api/streets': ['platform-admin'],
  'GET /api/streets/:id': ['platform-admin', 'residents-committee-staff', 'party-staff', 'auditor'],
  'POST /api/communities/:id/grids': ['platform-admin', 'residents-committee-staff'],
  'GET /api/communities/:id/grids': GRID_READERS,
  'GET /api/grids/:id': GRID_READERS,
  'POST /api/grids/:id/posts': ['platform-admin', 'residents-committee-staff'],
  'DELETE /api/grids/:id/posts/:postId': ['platform-admin', 'residents-committee-staff'],
  'POST /api/grids/:id/findings': ['residents-committee-staff'],
  'POST /api/orders/:id/whistle': ['residents-committee-staff', 'service-station-staff'],
  'POST /api/departments': DEPARTMENT_KEEPERS,
  'GET /api/departments': DEPARTMENT_READERS,
  'GET /api/departments/:id': DEPARTMENT_READERS,
  'POST /api/departments/:id/staff': DEPARTMENT_KEEPERS,
  'DELETE /api/departments/:id/staff/:staffId': DEPARTMENT_KEEPERS,
  'GET /api/departments/:id/orders': [
    'platform-admin',
    'residents-committee-staff',
    'department-staff',
    'auditor',
  ],
  'GET /api/departments/:id/orders/:orderId': [
    'platform-admin',
    'residents-committee-staff',
    'department-staff',
    'auditor',
  ],
  'POST /api/departments/:id/orders/:orderId/accept': ['department-staff'],
  'POST /api/departments/:id/orders/:orderId/arrival': ['department-staff'],
  'POST /api/departments/:id/orders/:orderId/complete': ['department-staff'],
  'POST /api/departments/:id/orders/:orderId/hand-back': ['department-staff'],
  'GET /api/linkage/compounds/:id': [
    'platform-admin',
    'party-staff',
    'residents-committee-staff',
    'owners-committee-staff',
    'service-station-staff',
    'auditor',
  ],
  'GET /api/linkage/communities/:id': [
    'platform-admin',
    'party-staff',
    'residents-committee-staff',
    'owners-committee-staff',
    'service-station-staff',
    'auditor',
  ],
  'GET /api/linkage/streets/:id': [
    'platform-admin',
    'party-staff',
    'residents-committee-staff',
    'owners-committee-staff',
    'service-station-staff',
    'auditor',
  ],
  'GET /api/rates': ['platform-admin', 'party-staff', 'residents-committee-staff', 'auditor'],
  'POST /api/residents/:id/flags': ['platform-admin', 'residents-committee-staff', 'service-station-staff'],
  'POST /api/volunteer-teams': VOLUNTEER_KEEPERS,
  'GET /api/volunteer-teams': VOLUNTEER_READERS,
  'GET /api/volunteer-teams/:id': VOLUNTEER_READERS,
  'POST /api/volunteer-teams/:id/members': VOLUNTEER_KEEPERS,
  'DELETE /api/volunteer-teams/:id/members/:personId': VOLUNTEER_KEEPERS,
  'POST /api/volunteer-teams/:id/orders/:orderId/accept': VOLUNTEER_TEAM_WORKERS,
  'POST /api/volunteer-teams/:id/orders/:orderId/arrival': VOLUNTEER_TEAM_WORKERS,
  'POST /api/volunteer-teams/:id/orders/:orderId/complete': VOLUNTEER_TEAM_WORKERS,
  'POST /api/volunteer-teams/:id/orders/:orderId/hand-back': VOLUNTEER_TEAM_WORKERS,
  'POST /api/volunteer-activities': VOLUNTEER_KEEPERS,
  'GET /api/volunteer-activities': VOLUNTEER_READERS,
  'GET /api/volunteer-activities/:id': VOLUNTEER_READERS,
  'POST /api/volunteer-activities/:id/confirmation': ['residents-committee-staff', 'service-station-staff'],
  'POST /api/party/members/:id/report-in': ['platform-admin', 'party-staff', 'party-member'],
  'POST /api/party/members/:id/report-in/decision': ['platform-admin', 'party-staff'],
  'POST /api/party/members/:id/duties': ['platform-admin', 'party-staff'],
  'GET /api/party/members/:id/duties': ['platform-admin', 'party-staff', 'auditor', 'party-member'],
  'GET /api/party/organizations/:id/duties': ['platform-admin', 'party-staff', 'auditor'],
  'GET /api/party/communities/:id/reported-in-members': ['platform-admin', 'party-staff', 'auditor'],
  'POST /api/streets/:id/points-standards': ['platform-admin', 'residents-committee-staff'],
  'GET /api/streets/:id/points-standards': [
    'platform-admin',
    'residents-committee-staff',
    'service-station-staff',
    'party-staff',
    'auditor',
  ],
  'POST /api/communities/:id/catalogue': ['platform-admin', 'service-station-staff'],
  'GET /api/communities/:id/catalogue': [
    'platform-admin',
    'service-station-staff',
    'residents-committee-staff',
    'auditor',
    'resident',
    'party-member',
  ],
  'POST /api/points/redemptions': ['platform-admin', 'service-station-staff'],
  'POST /api/points/accounts/:personId/corrections': [
    'platform-admin',
    'residents-committee-staff',
    'service-station-staff',
  ],
  'GET /api/points/accounts/:personId': [
    'platform-admin',
    'residents-committee-staff',
    'service-station-staff',
    'auditor',
    'resident',
    'party-member',
  ],
  'GET /api/points/accounts/:personId/statement': [
    'platform-admin',
    'residents-committee-staff',
    'service-station-staff',
    'auditor',
    'resident',
    'party-member',
  ],
  'GET /api/points/leaderboard': [
    'platform-admin',
    'residents-committee-staff',
    'service-station-staff',
    'party-staff',
    'auditor',
  ],
  'GET /api/audit/streams/:streamId/state': ['platform-admin', 'auditor'],
  'GET /api/audit/orders/:id': ['platform-admin', 'auditor'],
  'GET /api/audit/events': ['platform-admin', 'auditor'],
};

describe('access control: every route × every role (embedded platform)', () => {
  const database = freshSqlite();
  let platform: TestPlatform;
  let ids: Record<string, string>;
  const person = '5d2a9f4e-0000-4000-8000-00000000a11c';

  beforeAll(async () => {
    platform = await TestPlatform.start(database);
    const admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
    const communityId = await admin.create('/api/communities', { name: 'A' });
    const compoundId = await admin.create(`/api/communities/${communityId}/compounds`, {
      name: 'K',
      address: 'x',
    });
    const buildingId = await admin.create(`/api/compounds/${compoundId}/buildings`, {
      name: 'B',
      number: '1',
    });
    const residentId = await admin.create('/api/residents', {
      communityId,
      compoundId,
      buildingId,
      name: 'R',
      phone: '13800000000',
    });
    const resident = await platform.as({
      personId: residentId,
      roles: ['resident'],
      communities: [communityId],
    });
    const orderId = await resident.create('/api/orders', {
      residentId,
      compoundId,
      category: 'other',
      title: 't',
      description: 'd',
      channel: 'app',
    });
    await platform.settle();
    const companyId = await admin.create('/api/property-companies', {
      name: 'P',
      unifiedCreditCode: '91350100M000100Y43',
      staffCount: 1,
      fullPartyMemberCount: 0,
    });
    const keyId = (
      await admin.expectPost('/api/partner-keys', { companyId, name: 'p', compoundIds: [compoundId] }, 201)
    ).id as string;
    const committeeId = await admin.create('/api/owners-committees', {
      compoundId,
      termStart: '2025-01-01',
      termEnd: '2029-12-31',
    });
    ids = { communityId, compoundId, buildingId, residentId, orderId, keyId, committeeId };
  });
  afterAll(async () => {
    await platform.stop();
    database.cleanup();
  });

  const request = (route: string, token: string | null) => {
    const [method, template] = route.split(' ') as [string, string];
    const path = template
      .replace(':streamId', `residents-committee.order-${ids.orderId}`)
      .replace(':memberId', person)
      .replace('owners-committees/:id', `owners-committees/${ids.committeeId}`)
      .replace(
        ':id',
        route.includes('partner-keys')
          ? ids.keyId!
          : route.includes('residents/:id')
            ? ids.residentId!
            : route.includes('/orders/')
              ? ids.orderId!
              : route.includes('compounds/:id')
                ? ids.compoundId!
                : ids.communityId!,
      );
    // Every body names the caller as the acting person, so only the role decides.
    const body = {
      residentId: person,
      reviewerId: person,
      memberId: person,
      dispatcherId: person,
      raterId: person,
      reporterId: person,
      confirmedBy: person,
      compoundId: ids.compoundId,
      communityId: ids.communityId,
    };
    let call = platform.http()[method.toLowerCase() as 'get' | 'post' | 'delete'](path);
    if (token) call = call.set('Authorization', `Bearer ${token}`);
    return method === 'GET' ? call : call.send(body);
  };

  it('has a rule for every route the application serves, and no rule for a route that is gone', () => {
    expect(apiRoutes(platform.app)).toEqual(Object.keys(ACCESS_TABLE).sort());
  });

  it.each(Object.entries(ACCESS_TABLE))(
    '%s: allowed roles pass the guard, others get 403',
    async (route, allowed) => {
      for (const role of ROLES) {
        const token = await platform.tokens.issue({
          personId: person,
          roles: [role],
          communities: [ids.communityId!],
          compounds: [ids.compoundId!],
        });
        const response = await request(route, token);
        const verdict = [401, 403].includes(response.status) ? 'denied' : 'allowed';
        expect({ role, verdict, status: verdict === 'denied' ? response.status : 'passed' }).toEqual({
          role,
          verdict: allowed.includes(role) ? 'allowed' : 'denied',
          status: allowed.includes(role) ? 'passed' : 403,
        });
      }
    },
  );

  it('answers 401 to every route but the health probes when there is no token', async () => {
    for (const route of Object.keys(ACCESS_TABLE).filter((r) => !r.startsWith('GET /api/health'))) {
      const response = await request(route, null);
      expect({ route, status: response.status, error: response.body.error }).toEqual({
        route,
        status: 401,
        error: 'unauthorized',
      });
    }
  });
});

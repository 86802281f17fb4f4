import { InvalidInput, InvalidTransition, NotFound, NotYetKnown, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type DecideReportIn,
  type MemberRegistered,
  type RegisterMember,
  type ReportIn,
  type ReportInConfirmed,
  type ReportInDeclined,
  type ReportInRequested,
  memberDecider,
} from './member';

const given = deciderSpecification(memberDecider);
const NOW = '2025-03-01T08:00:00.000Z';

function register(overrides: Partial<RegisterMember['data']> = {}): RegisterMember {
  return {
    type: 'RegisterMember',
    data: {
      memberId: 'member-1',
      organization: {
        exists: true,
        organizationId: 'group-1',
        kind: 'group',
        communityId: 'community-1',
        branchId: 'branch-1',
      },
      name: 'Li Hua',
      phone: '13800000000',
      membership: 'registered',
      now: NOW,
      ...overrides,
    },
  };
}

function registered(overrides: Partial<MemberRegistered['data']> = {}): MemberRegistered {
  return {
    type: 'MemberRegistered',
    data: {
      memberId: 'member-1',
      organizationId: 'group-1',
      branchId: 'branch-1',
      communityId: 'community-1',
      name: 'Li Hua',
      phone: '13800000000',
      membership: 'registered',
      registeredAt: NOW,
      ...overrides,
    },
  };
}

describe('member', () => {
  it('a member registers with an existing organization, answering to its branch', () =>
    given([]).when(register()).then([registered()]));

  it('an in-service member reports in where they live', () =>
    given([])
      .when(
        register({
          membership: 'reporting-in',
          organization: {
            exists: true,
            organizationId: 'committee-1',
            kind: 'community-committee',
            communityId: 'community-1',
            branchId: null,
          },
        }),
      )
      .then([registered({ membership: 'reporting-in', organizationId: 'committee-1', branchId: null })]));

  it('the organization must exist', () =>
    given([])
      .when(register({ organization: { exists: false, organizationId: 'group-9' } }))
      .thenThrows(NotFound, /organization group-9 not found/));

  it('a member cannot be registered twice', () =>
    given([registered()])
      .when(register())
      .thenThrows(InvalidTransition, /already registered/));

  it('a member needs a name', () =>
    given([])
      .when(register({ name: '' }))
      .thenThrows(InvalidInput, /needs a name/));
});

const LATER = '2025-03-02T08:00:00.000Z';

function reportIn(overrides: Partial<ReportIn['data']> = {}): ReportIn {
  return {
    type: 'ReportIn',
    data: {
      memberId: 'member-1',
      communityId: 'community-2',
      communityKnown: true,
      workUnit: 'District Water Bureau',
      workUnitOrganization: 'Water Bureau Party Branch',
      address: 'Building 3, Unit 2, Room 401',
      now: NOW,
      ...overrides,
    },
  };
}

function requested(overrides: Partial<ReportInRequested['data']> = {}): ReportInRequested {
  return {
    type: 'ReportInRequested',
    data: {
      memberId: 'member-1',
      communityId: 'community-2',
      workUnit: 'District Water Bureau',
      workUnitOrganization: 'Water Bureau Party Branch',
      address: 'Building 3, Unit 2, Room 401',
      requestedAt: NOW,
      ...overrides,
    },
  };
}

const decision = (
  verdict: DecideReportIn['data']['decision'],
  reason: string | null = null,
): DecideReportIn => ({
  type: 'DecideReportIn',
  data: { memberId: 'member-1', decision: verdict, reason, decidedBy: 'staff-2', now: LATER },
});

const confirmed = (communityId = 'community-2'): ReportInConfirmed => ({
  type: 'ReportInConfirmed',
  data: { memberId: 'member-1', communityId, confirmedBy: 'staff-2', confirmedAt: LATER },
});

const declined = (): ReportInDeclined => ({
  type: 'ReportInDeclined',
  data: {
    memberId: 'member-1',
    communityId: 'community-2',
    reason: 'not living here',
    declinedBy: 'staff-2',
    declinedAt: LATER,
  },
});

const inService = () => registered({ membership: 'reporting-in' });

describe('双报到: an in-service member reports in to the community where they live', () => {
  it('an in-service member reports in to another community: pending', () =>
    given([inService()]).when(reportIn()).then([requested()]));

  it('a member registered in their community does not report in', () =>
    given([registered()])
      .when(reportIn())
      .thenThrows(RuleViolation, /only an in-service member/));

  it('not to the community they are registered in', () =>
    given([inService()])
      .when(reportIn({ communityId: 'community-1' }))
      .thenThrows(RuleViolation, /reports in to another community/, {
        rule: 'report-in-elsewhere',
        memberId: 'member-1',
        communityId: 'community-1',
      }));

  it('a second report-in elsewhere while one is pending is refused, naming the first', () =>
    given([inService(), requested()])
      .when(reportIn({ communityId: 'community-3' }))
      .thenThrows(RuleViolation, /at most one other community/, {
        rule: 'one-report-in',
        memberId: 'member-1',
        communityId: 'community-2',
        status: 'pending',
      }));

  it('a second report-in elsewhere once one is confirmed is refused', () =>
    given([inService(), requested(), confirmed()])
      .when(reportIn({ communityId: 'community-3' }))
      .thenThrows(RuleViolation, /already reported in to community community-2 \(confirmed\)/));

  it('after a decline the member may report in elsewhere', () =>
    given([inService(), requested(), declined()])
      .when(reportIn({ communityId: 'community-3', now: LATER }))
      .then([requested({ communityId: 'community-3', requestedAt: LATER })]));

  it("a community the residents' committee has not published is not known yet", () =>
    given([inService()])
      .when(reportIn({ communityKnown: false }))
      .thenThrows(NotYetKnown, /community community-2 is not known here yet/));

  it('a member not registered is not found', () =>
    given([])
      .when(reportIn())
      .thenThrows(NotFound, /member member-1 not found/));

  it('a report-in names the work unit, its Party organization and the address', () =>
    given([inService()])
      .when(reportIn({ workUnitOrganization: '  ' }))
      .thenThrows(InvalidInput, /needs workUnitOrganization/));

  it('the community Party committee confirms a pending report-in', () =>
    given([inService(), requested()]).when(decision('confirm')).then([confirmed()]));

  it('or declines it, saying why', () =>
    given([inService(), requested()]).when(decision('decline', 'not living here')).then([declined()]));

  it('a decline without a reason is refused', () =>
    given([inService(), requested()])
      .when(decision('decline', ' '))
      .thenThrows(InvalidInput, /needs a reason/));

  it('decisions are only on a pending report-in', () => {
    given([inService()])
      .when(decision('confirm'))
      .thenThrows(InvalidTransition, /no pending report-in/);
    given([inService(), requested(), confirmed()])
      .when(decision('decline', 'changed our mind'))
      .thenThrows(InvalidTransition, /no pending report-in/);
    given([inService(), requested(), declined()])
      .when(decision('confirm'))
      .thenThrows(InvalidTransition, /no pending report-in/);
  });

  it('a member registered before report-ins existed has none', () => {
    const state = [inService()].reduce(memberDecider.evolve, memberDecider.initialState());
    expect(state).toMatchObject({ status: 'registered', reportIn: null });
  });
});

import { InvalidInput, InvalidTransition, NotFound } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import { type MemberRegistered, type RegisterMember, memberDecider } from './member';

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

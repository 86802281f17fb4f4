import {
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  OutOfScope,
  WrongKind,
} from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type FoundOrganization,
  type OrganizationFounded,
  type OrganizationSummary,
  branchIdOf,
  covers,
  evolve,
  foundingStatus,
  initialState,
  organizationDecider,
  summarize,
} from './organization';

const given = deciderSpecification(organizationDecider);
const NOW = '2025-03-01T08:00:00.000Z';
/** What the community directory holds: community-1's compounds and buildings, and another community's. */
const KNOWN_HERE = ['compound-1', 'compound-2', 'building-1', 'building-2', 'building-3'];
const KNOWN_ELSEWHERE = ['compound-8', 'building-9'];

const committee: OrganizationSummary = {
  exists: true,
  organizationId: 'committee-1',
  kind: 'community-committee',
  communityId: 'community-1',
  parentId: null,
  compoundIds: [],
  buildingIds: [],
};
const branch: OrganizationSummary = {
  exists: true,
  organizationId: 'branch-1',
  kind: 'branch',
  communityId: 'community-1',
  parentId: 'committee-1',
  compoundIds: ['compound-1'],
  buildingIds: [],
};

function found(overrides: Partial<FoundOrganization['data']> = {}): FoundOrganization {
  return {
    type: 'FoundOrganization',
    data: {
      organizationId: 'committee-1',
      kind: 'community-committee',
      name: 'Sunshine Community Party Committee',
      communityId: 'community-1',
      communityKnown: true,
      parent: null,
      compoundIds: [],
      buildingIds: [],
      compoundsInCommunity: ['compound-1', 'compound-2'],
      buildingsByCompound: { 'compound-1': ['building-1', 'building-2'], 'compound-2': ['building-3'] },
      knownAnywhere: [...KNOWN_ELSEWHERE, ...KNOWN_HERE],
      companyId: null,
      companyKnown: false,
      now: NOW,
      ...overrides,
    },
  };
}

const foundBranch = (overrides: Partial<FoundOrganization['data']> = {}) =>
  found({
    organizationId: 'branch-1',
    kind: 'branch',
    name: 'Compound 1 Branch',
    parent: committee,
    compoundIds: ['compound-1'],
    ...overrides,
  });

const foundGroup = (overrides: Partial<FoundOrganization['data']> = {}) =>
  found({
    organizationId: 'group-1',
    kind: 'group',
    name: 'Building 1 Group',
    parent: branch,
    buildingIds: ['building-1'],
    ...overrides,
  });

function founded(overrides: Partial<OrganizationFounded['data']> = {}): OrganizationFounded {
  return {
    type: 'OrganizationFounded',
    data: {
      organizationId: 'committee-1',
      kind: 'community-committee',
      name: 'Sunshine Community Party Committee',
      communityId: 'community-1',
      parentId: null,
      compoundIds: [],
      buildingIds: [],
      companyId: null,
      foundedAt: NOW,
      ...overrides,
    },
  };
}

describe('organization', () => {
  describe('founding', () => {
    it('a community committee is founded in a known community, without a parent', () =>
      given([]).when(found()).then([founded()]));

    it('a branch is founded under the community committee of its community, covering its compounds', () =>
      given([])
        .when(foundBranch({ compoundIds: ['compound-1', 'compound-2'] }))
        .then([
          founded({
            organizationId: 'branch-1',
            kind: 'branch',
            name: 'Compound 1 Branch',
            parentId: 'committee-1',
            compoundIds: ['compound-1', 'compound-2'],
          }),
        ]));

    it('a group is founded under a branch, covering buildings of the compounds the branch covers', () =>
      given([])
        .when(foundGroup({ buildingIds: ['building-1', 'building-2'] }))
        .then([
          founded({
            organizationId: 'group-1',
            kind: 'group',
            name: 'Building 1 Group',
            parentId: 'branch-1',
            buildingIds: ['building-1', 'building-2'],
          }),
        ]));

    it('an organization cannot be founded twice', () =>
      given([founded()])
        .when(found())
        .thenThrows(InvalidTransition, /already founded/));

    it('a community the community directory has not received yet is not known yet', () =>
      given([])
        .when(found({ communityKnown: false }))
        .thenThrows(NotYetKnown, /community community-1 is not known here yet/));

    it('an organization needs a name', () =>
      given([])
        .when(found({ name: '  ' }))
        .thenThrows(InvalidInput, /needs a name/));
  });

  describe('a founding abandoned after its claims lapsed', () => {
    const abandon = { type: 'AbandonFounding' as const, data: { organizationId: 'branch-1', now: NOW } };
    const abandoned = {
      type: 'FoundingAbandoned' as const,
      data: { organizationId: 'branch-1', abandonedAt: NOW },
    };

    it('a founding that never happened is called off', () => given([]).when(abandon).then([abandoned]));

    it('an organization that was founded is not called off', () =>
      given([founded()]).when(abandon).thenNothingHappens());

    it('calling it off twice changes nothing', () => given([abandoned]).when(abandon).thenNothingHappens());

    it('an abandoned organization can never be founded', () =>
      given([abandoned])
        .when(foundBranch())
        .thenThrows(InvalidTransition, /founding of organization branch-1 was abandoned/));

    it('says whether a claim rests on a founded, a coming or an abandoned organization', () => {
      expect(foundingStatus(initialState())).toBe('absent');
      expect(foundingStatus(evolve(initialState(), founded()))).toBe('founded');
      expect(foundingStatus(evolve(initialState(), abandoned))).toBe('abandoned');
    });
  });

  describe('parent', () => {
    it('a community committee has no parent', () =>
      given([])
        .when(found({ parent: committee }))
        .thenThrows(InvalidInput, /no parent/));

    it('a branch needs a parent', () =>
      given([])
        .when(foundBranch({ parent: null }))
        .thenThrows(InvalidInput, /needs a parent community-committee/));

    it('a parent that does not exist is not found', () =>
      given([])
        .when(foundBranch({ parent: { exists: false, organizationId: 'committee-9' } }))
        .thenThrows(NotFound, /organization committee-9 not found/));

    it("a branch's parent must be a community committee", () =>
      given([])
        .when(foundBranch({ parent: branch }))
        .thenThrows(WrongKind, /branch-1 is a branch, not a community-committee/, {
          entity: 'community-committee',
          id: 'branch-1',
          kind: 'branch',
        }));

    it("a branch's parent must be of the same community", () =>
      given([])
        .when(foundBranch({ parent: { ...committee, communityId: 'community-2' } }))
        .thenThrows(OutOfScope, /belongs to community community-2, not community-1/, {
          entity: 'organization',
          id: 'committee-1',
          communityId: 'community-2',
          expectedCommunityId: 'community-1',
        }));

    it("a group's parent must be a branch", () =>
      given([])
        .when(foundGroup({ parent: committee }))
        .thenThrows(WrongKind, /committee-1 is a community-committee, not a branch/));

    it("a group's parent must be of the same community", () =>
      given([])
        .when(foundGroup({ parent: { ...branch, communityId: 'community-2' } }))
        .thenThrows(OutOfScope, /belongs to community community-2/));
  });

  describe('coverage', () => {
    it('a branch covers at least one compound', () =>
      given([])
        .when(foundBranch({ compoundIds: [] }))
        .thenThrows(InvalidInput, /at least one compound/));

    it('a branch covers only compounds of its community, naming the ones that are not', () =>
      given([])
        .when(foundBranch({ compoundIds: ['compound-1', 'compound-8'] }))
        .thenThrows(OutOfScope, /compounds not in community community-1: compound-8$/, {
          entity: 'compound',
          id: 'compound-8',
          compoundIds: ['compound-8'],
          expectedCommunityId: 'community-1',
        }));

    it('a compound the community directory has not received yet is not known yet, whichever community it is in', () =>
      given([])
        .when(foundBranch({ compoundIds: ['compound-1', 'compound-8', 'compound-6', 'compound-7'] }))
        .thenThrows(NotYetKnown, /compounds compound-6, compound-7 not known to the Party organization yet/));

    it('a branch lists each compound once', () =>
      given([])
        .when(foundBranch({ compoundIds: ['compound-1', 'compound-1'] }))
        .thenThrows(InvalidInput, /compound-1 more than once/));

    it('a branch covers no buildings', () =>
      given([])
        .when(foundBranch({ buildingIds: ['building-1'] }))
        .thenThrows(InvalidInput, /a branch covers no buildings/));

    it('a group covers at least one building', () =>
      given([])
        .when(foundGroup({ buildingIds: [] }))
        .thenThrows(InvalidInput, /at least one building/));

    it('a group covers only buildings of compounds its branch covers', () =>
      given([])
        .when(foundGroup({ buildingIds: ['building-1', 'building-3', 'building-9'] }))
        .thenThrows(OutOfScope, /not in a compound covered by branch branch-1: building-3, building-9$/, {
          entity: 'building',
          id: 'building-3',
          buildingIds: ['building-3', 'building-9'],
          branchId: 'branch-1',
        }));

    it('a building the community directory has not received yet is not known yet', () =>
      given([])
        .when(foundGroup({ buildingIds: ['building-1', 'building-7'] }))
        .thenThrows(NotYetKnown, /building building-7 not known to the Party organization yet/));

    it('a group lists each building once', () =>
      given([])
        .when(foundGroup({ buildingIds: ['building-1', 'building-1'] }))
        .thenThrows(InvalidInput, /building-1 more than once/));

    it('a group covers no compounds', () =>
      given([])
        .when(foundGroup({ compoundIds: ['compound-1'] }))
        .thenThrows(InvalidInput, /a group covers no compounds/));

    it('a community committee covers no compounds', () =>
      given([])
        .when(found({ compoundIds: ['compound-1'] }))
        .thenThrows(InvalidInput, /a community-committee covers no compounds/));

    it('a community committee covers no buildings', () =>
      given([])
        .when(found({ buildingIds: ['building-1'] }))
        .thenThrows(InvalidInput, /a community-committee covers no buildings/));
  });

  describe('queries', () => {
    const stateOf = (...events: OrganizationFounded[]) => events.reduce(evolve, initialState());
    const branchFounded = founded({
      organizationId: 'branch-1',
      kind: 'branch',
      parentId: 'committee-1',
      compoundIds: ['compound-1'],
    });
    const groupFounded = founded({
      organizationId: 'group-1',
      kind: 'group',
      parentId: 'branch-1',
      buildingIds: ['building-1'],
    });

    it('only a branch covers a compound, and only the compounds it was founded with', () => {
      expect(covers(stateOf(branchFounded), 'compound-1')).toBe(true);
      expect(covers(stateOf(branchFounded), 'compound-2')).toBe(false);
      expect(covers(stateOf(founded()), 'compound-1')).toBe(false);
      expect(covers(stateOf(), 'compound-1')).toBe(false);
    });

    it("a member answers to the branch itself, a group's parent branch, or no branch in the committee", () => {
      expect(branchIdOf(stateOf(branchFounded))).toBe('branch-1');
      expect(branchIdOf(stateOf(groupFounded))).toBe('branch-1');
      expect(branchIdOf(stateOf(founded()))).toBeNull();
    });

    it('the summary says whether the organization exists and what it covers', () => {
      expect(summarize('branch-9', stateOf())).toEqual({ exists: false, organizationId: 'branch-9' });
      expect(summarize('branch-1', stateOf(branchFounded))).toEqual(branch);
    });
  });
});

describe('a property company’s own Party organization (红色物业)', () => {
  const foundCompanyBranch = (overrides: Partial<FoundOrganization['data']> = {}) =>
    found({
      organizationId: 'company-branch-1',
      kind: 'company-branch',
      name: 'Green Shade Property Party Branch',
      parent: committee,
      companyId: 'company-1',
      companyKnown: true,
      ...overrides,
    });

  it('a company branch is founded under the community committee, for its company', () =>
    given([])
      .when(foundCompanyBranch())
      .then([
        founded({
          organizationId: 'company-branch-1',
          kind: 'company-branch',
          name: 'Green Shade Property Party Branch',
          parentId: 'committee-1',
          companyId: 'company-1',
        }),
      ]));

  it('a company branch names its company', () =>
    given([])
      .when(foundCompanyBranch({ companyId: null }))
      .thenThrows(InvalidInput, /companyId/));

  it('a company not delivered here yet is not yet known', () =>
    given([])
      .when(foundCompanyBranch({ companyKnown: false }))
      .thenThrows(NotYetKnown, /property company company-1/));

  it('no other kind names a company', () =>
    given([])
      .when(foundBranch({ companyId: 'company-1', companyKnown: true }))
      .thenThrows(InvalidInput, /no company/));

  it('its parent is the community committee', () =>
    given([])
      .when(foundCompanyBranch({ parent: branch }))
      .thenThrows(WrongKind));
});

import { InvalidInput, InvalidTransition, NotFound } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type ChangeHeadcount,
  type CompanyEvent,
  type RegisterCompany,
  type RedPropertyRule,
  type RuleStatus,
  DEFAULT_RED_PROPERTY_THRESHOLDS,
  companyDecider,
} from './company';
import { isUnifiedCreditCode } from './unified-credit-code';

const given = deciderSpecification(companyDecider);
const NOW = '2025-03-01T08:00:00.000Z';
const LATER = '2025-04-01T08:00:00.000Z';
const CODE = '91350100M000100Y43';
const thresholds = DEFAULT_RED_PROPERTY_THRESHOLDS;

const register = (overrides: Partial<RegisterCompany['data']> = {}): RegisterCompany => ({
  type: 'RegisterCompany',
  data: {
    companyId: 'company-1',
    name: 'Green Shade Property',
    unifiedCreditCode: CODE,
    staffCount: 20,
    fullPartyMemberCount: 2,
    thresholds,
    now: NOW,
    ...overrides,
  },
});
const registered = (headcount = { staffCount: 20, fullPartyMemberCount: 2 }): CompanyEvent => ({
  type: 'CompanyRegistered',
  data: {
    companyId: 'company-1',
    name: 'Green Shade Property',
    unifiedCreditCode: CODE,
    ...headcount,
    registeredAt: NOW,
  },
});
const assessed = (rule: RedPropertyRule, status: RuleStatus, since = NOW): CompanyEvent => ({
  type: 'RedPropertyRuleAssessed',
  data: { companyId: 'company-1', rule, status, since },
});
const changeHeadcount = (staffCount: number, fullPartyMemberCount: number): ChangeHeadcount => ({
  type: 'ChangeHeadcount',
  data: { companyId: 'company-1', staffCount, fullPartyMemberCount, thresholds, now: LATER },
});
const headcountChanged = (staffCount: number, fullPartyMemberCount: number): CompanyEvent => ({
  type: 'HeadcountChanged',
  data: { companyId: 'company-1', staffCount, fullPartyMemberCount, changedAt: LATER },
});
const smallCompany = () => [
  registered(),
  assessed('party-organization', 'not-applicable'),
  assessed('party-members', 'not-applicable'),
];

describe('unified social credit code (统一社会信用代码)', () => {
  it('accepts a code whose check character fits', () => expect(isUnifiedCreditCode(CODE)).toBe(true));
  it('refuses a wrong check character, a wrong length and letters outside the alphabet', () => {
    expect(isUnifiedCreditCode('91350100M000100Y44')).toBe(false);
    expect(isUnifiedCreditCode('91350100M000100Y4')).toBe(false);
    expect(isUnifiedCreditCode('91350100M000100I43')).toBe(false);
  });
});

describe('property company: registration and headcount', () => {
  it('a company is registered and each red-property rule assessed once', () =>
    given([]).when(register()).then(smallCompany()));

  it('a company with 3 full Party members starts with the Party-organization rule not met', () =>
    given([])
      .when(register({ fullPartyMemberCount: 3 }))
      .then([
        registered({ staffCount: 20, fullPartyMemberCount: 3 }),
        assessed('party-organization', 'not-met'),
        assessed('party-members', 'not-applicable'),
      ]));

  it('a company with 50 staff and no Party member does not meet the Party-members rule', () =>
    given([])
      .when(register({ staffCount: 50, fullPartyMemberCount: 0 }))
      .then([
        registered({ staffCount: 50, fullPartyMemberCount: 0 }),
        assessed('party-organization', 'not-applicable'),
        assessed('party-members', 'not-met'),
      ]));

  it('a bad credit code is refused', () =>
    given([])
      .when(register({ unifiedCreditCode: '91350100M000100Y44' }))
      .thenThrows(InvalidInput, /credit code/));

  it('more full Party members than staff is refused', () =>
    given([])
      .when(register({ staffCount: 2, fullPartyMemberCount: 3 }))
      .thenThrows(InvalidInput, /exceed/));

  it('a company is registered once', () =>
    given(smallCompany())
      .when(register())
      .thenThrows(InvalidTransition, /already registered/));

  it('going from 2 to 3 full Party members without a Party organization: the rule is not met since then', () =>
    given(smallCompany())
      .when(changeHeadcount(20, 3))
      .then([headcountChanged(20, 3), assessed('party-organization', 'not-met', LATER)]));

  it('a headcount that changes no rule records only the headcount', () =>
    given(smallCompany())
      .when(changeHeadcount(25, 2))
      .then([headcountChanged(25, 2)]));

  it('the same headcount again is nothing new', () =>
    given(smallCompany()).when(changeHeadcount(20, 2)).thenNothingHappens());

  it('thresholds are configuration', () =>
    given(smallCompany())
      .when({
        ...changeHeadcount(20, 2),
        data: {
          ...changeHeadcount(20, 2).data,
          staffCount: 21,
          thresholds: { partyOrganizationFromMembers: 2, partyMembersFromStaff: 50 },
        },
      })
      .then([headcountChanged(21, 2), assessed('party-organization', 'not-met', LATER)]));

  it('a company growing to 50 staff without Party members does not meet the Party-members rule; a first member meets it', () => {
    const grown = [...smallCompany(), headcountChanged(50, 0), assessed('party-members', 'not-met', LATER)];
    given(smallCompany())
      .when(changeHeadcount(50, 0))
      .then([headcountChanged(50, 0), assessed('party-members', 'not-met', LATER)]);
    given(grown)
      .when(changeHeadcount(50, 1))
      .then([headcountChanged(50, 1), assessed('party-members', 'met', LATER)]);
  });

  it('an unknown company cannot change its headcount', () =>
    given([])
      .when(changeHeadcount(20, 3))
      .thenThrows(NotFound, /property company company-1 not found/));
});

describe('property company: its Party organization', () => {
  const withThreeMembers = () => [
    ...smallCompany(),
    headcountChanged(20, 3),
    assessed('party-organization', 'not-met', LATER),
  ];
  const LATEST = '2025-05-01T08:00:00.000Z';

  it('founding its company branch makes the Party-organization rule met', () =>
    given(withThreeMembers())
      .when({
        type: 'RecordPartyOrganization',
        data: { companyId: 'company-1', organizationId: 'org-1', thresholds, now: LATEST },
      })
      .then([
        {
          type: 'PartyOrganizationRecorded',
          data: { companyId: 'company-1', organizationId: 'org-1', recordedAt: LATEST },
        },
        assessed('party-organization', 'met', LATEST),
      ]));

  it('the same organization delivered again is nothing new', () =>
    given([
      ...withThreeMembers(),
      {
        type: 'PartyOrganizationRecorded',
        data: { companyId: 'company-1', organizationId: 'org-1', recordedAt: LATEST },
      },
      assessed('party-organization', 'met', LATEST),
    ])
      .when({
        type: 'RecordPartyOrganization',
        data: { companyId: 'company-1', organizationId: 'org-1', thresholds, now: LATEST },
      })
      .thenNothingHappens());
});

describe('property company: contracts', () => {
  const contract = {
    contractId: 'contract-1',
    compoundId: 'compound-1',
    communityId: 'community-1',
    startsOn: '2025-01-01',
    endsOn: '2027-12-31',
  };
  it('a reserved contract is recorded on the company', () =>
    given(smallCompany())
      .when({ type: 'RecordContract', data: { ...contract, companyId: 'company-1', now: LATER } })
      .then([
        { type: 'ContractRecorded', data: { ...contract, companyId: 'company-1', recordedAt: LATER } },
      ]));

  it('recording the same contract again is nothing new', () =>
    given([
      ...smallCompany(),
      { type: 'ContractRecorded', data: { ...contract, companyId: 'company-1', recordedAt: LATER } },
    ])
      .when({ type: 'RecordContract', data: { ...contract, companyId: 'company-1', now: LATER } })
      .thenNothingHappens());

  const abandon = {
    type: 'AbandonContract' as const,
    data: { companyId: 'company-1', contractId: 'contract-1', now: LATER },
  };
  const contractAbandoned: CompanyEvent = {
    type: 'ContractAbandoned',
    data: { companyId: 'company-1', contractId: 'contract-1', abandonedAt: LATER },
  };

  it('a contract that reserved its term and was never recorded is abandoned, once', () => {
    given(smallCompany()).when(abandon).then([contractAbandoned]);
    given([...smallCompany(), contractAbandoned])
      .when(abandon)
      .thenNothingHappens();
  });

  it('an abandoned contract is never recorded', () =>
    given([...smallCompany(), contractAbandoned])
      .when({ type: 'RecordContract', data: { ...contract, companyId: 'company-1', now: LATER } })
      .thenThrows(InvalidTransition, /abandoned/));

  it('a recorded contract is not abandoned', () =>
    given([
      ...smallCompany(),
      { type: 'ContractRecorded', data: { ...contract, companyId: 'company-1', recordedAt: LATER } },
    ])
      .when(abandon)
      .thenNothingHappens());
});

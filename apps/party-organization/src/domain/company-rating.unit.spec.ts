import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import { InvalidInput, NotYetKnown, RuleViolation, WrongKind } from '@cogov/decider';
import { parsePeriod } from '@cogov/contracts';
import {
  CompanyRatingExists,
  type CompanyRatingEvent,
  type RateCompany,
  companyRatingDecider,
} from './company-rating';
import type { OrganizationSummary } from './organization';

const given = deciderSpecification(companyRatingDecider);
const NOW = '2026-12-20T08:00:00.000Z';
const committee: OrganizationSummary = {
  exists: true,
  organizationId: 'o1',
  kind: 'community-committee',
  communityId: 'm1',
  parentId: null,
  compoundIds: [],
  buildingIds: [],
};
const rate = (data: Partial<RateCompany['data']> = {}): RateCompany => ({
  type: 'RateCompany',
  data: {
    ratingId: 'x1',
    organization: committee,
    companyId: 'p1',
    companyKnown: true,
    contracts: [{ startsOn: '2025-01-01', endsOn: '2027-12-31' }],
    period: parsePeriod('2026-Q4', 'quarter'),
    periodText: '2026-Q4',
    score: 88,
    comment: null,
    ratedBy: 'staff-1',
    now: NOW,
    ...data,
  },
});
const rated: CompanyRatingEvent = {
  type: 'CompanyRated',
  data: {
    ratingId: 'x1',
    organizationId: 'o1',
    communityId: 'm1',
    companyId: 'p1',
    period: '2026-Q4',
    score: 88,
    comment: null,
    ratedBy: 'staff-1',
    ratedAt: NOW,
  },
};

describe('the community Party organization’s rating of a property company', () => {
  it('is recorded once per company and period', () => given([]).when(rate()).then([rated]));

  it('a second rating of the same company and period is refused', () =>
    given([rated]).when(rate()).thenThrows(CompanyRatingExists));

  it('only the community committee rates, not a branch', () =>
    given([])
      .when(rate({ organization: { ...committee, kind: 'branch' } }))
      .thenThrows(WrongKind));

  it('a company not heard of yet is not yet known', () =>
    given([])
      .when(rate({ companyKnown: false }))
      .thenThrows(NotYetKnown));

  it('a company serving no compound of the community in the period is refused', () =>
    given([])
      .when(rate({ contracts: [{ startsOn: '2027-01-01', endsOn: '2027-12-31' }] }))
      .thenThrows(RuleViolation, /serves no compound of community m1/));

  it('a score out of range or a period of another kind is refused', () => {
    given([])
      .when(rate({ score: 101 }))
      .thenThrows(InvalidInput, /score/);
    given([])
      .when(rate({ period: parsePeriod('2026', 'quarter'), periodText: '2026' }))
      .thenThrows(InvalidInput, /period/);
  });
});

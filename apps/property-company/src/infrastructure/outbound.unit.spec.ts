import { publishedBy } from '@cogov/context-kit/testing/published-by';
import type { CompanyEvent } from '../domain/company';
import type { CompanyEvaluationEvent } from '../domain/company-evaluation';
import { propertyCompanyOutbound } from './outbound';

/** The contracts and payloads the mapping published, each checked against its schema. */
const published = publishedBy<CompanyEvent | CompanyEvaluationEvent>(propertyCompanyOutbound);

const NOW = '2026-12-01T08:00:00.000Z';

describe('what the property company publishes', () => {
  it('a red-property rule’s status, for the company’s partner system and anyone else', () => {
    const data = {
      companyId: 'c1',
      rule: 'party-organization',
      status: 'not-met',
      since: '2026-12-02T08:00:00.000Z',
    } as const;
    expect(published({ type: 'RedPropertyRuleAssessed', data })).toEqual([
      { type: 'property-company.red-property-rule-assessed', version: 1, key: 'c1', data, violations: [] },
    ]);
  });

  it('nothing of the headcount itself', () =>
    expect(
      published({
        type: 'HeadcountChanged',
        data: { companyId: 'c1', staffCount: 3, fullPartyMemberCount: 1, changedAt: '2026-12-02T08:00:00Z' },
      }),
    ).toEqual([]));

  it('a contract: who serves which compound when', () =>
    expect(
      published({
        type: 'ContractRecorded',
        data: {
          contractId: 't1',
          companyId: 'p1',
          compoundId: 'k1',
          communityId: 'm1',
          startsOn: '2025-01-01',
          endsOn: '2027-12-31',
          recordedAt: NOW,
        },
      }),
    ).toEqual([
      {
        type: 'property-company.contract-recorded',
        version: 1,
        key: 'p1',
        data: {
          contractId: 't1',
          companyId: 'p1',
          compoundId: 'k1',
          communityId: 'm1',
          startsOn: '2025-01-01',
          endsOn: '2027-12-31',
          recordedAt: NOW,
        },
        violations: [],
      },
    ]));

  it('a period’s new grade, with its score and parts', () =>
    expect(
      published({
        type: 'EvaluationGraded',
        data: {
          companyId: 'p1',
          period: '2026-Q4',
          grade: 'C',
          gradedAt: NOW,
          score: 74.5,
          ownersSatisfaction: 77.5,
          committeeMean: 80,
          orderRatingsScaled: 75,
          orderRatingCount: 1,
          partyRating: null,
          complaints: 0,
        },
      }),
    ).toEqual([
      {
        type: 'property-company.evaluation-graded',
        version: 1,
        key: 'p1',
        data: {
          companyId: 'p1',
          period: '2026-Q4',
          grade: 'C',
          score: 74.5,
          ownersSatisfaction: 77.5,
          partyRating: null,
          complaints: 0,
          gradedAt: NOW,
        },
        violations: [],
      },
    ]));
});

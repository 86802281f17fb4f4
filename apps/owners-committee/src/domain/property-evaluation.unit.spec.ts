import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import { InvalidInput, NotYetKnown, RuleViolation } from '@cogov/decider';
import { parsePeriod } from '@cogov/contracts';
import {
  PropertyEvaluationExists,
  type PropertyEvaluationEvent,
  type RecordPropertyEvaluation,
  propertyEvaluationDecider,
} from './property-evaluation';

const given = deciderSpecification(propertyEvaluationDecider);
const NOW = '2026-12-20T08:00:00.000Z';
const scores = { cleaning: 80, security: 90, greenery: 70, repairs: 60, feesTransparency: 100 };
const committee = { committeeId: 'c1', compoundId: 'k1', communityId: 'm1' };
const contract = { contractId: 't1', startsOn: '2025-01-01', endsOn: '2027-12-31' };

const evaluate = (data: Partial<RecordPropertyEvaluation['data']> = {}): RecordPropertyEvaluation => ({
  type: 'RecordPropertyEvaluation',
  data: {
    evaluationId: 'e1',
    committee,
    companyId: 'p1',
    period: parsePeriod('2026-Q4', 'quarter'),
    periodText: '2026-Q4',
    scores,
    comment: 'Repairs slow',
    contracts: [contract],
    now: NOW,
    ...data,
  },
});
const recorded: PropertyEvaluationEvent = {
  type: 'PropertyEvaluationRecorded',
  data: {
    evaluationId: 'e1',
    ...committee,
    companyId: 'p1',
    period: '2026-Q4',
    scores,
    meanScore: 80,
    comment: 'Repairs slow',
    recordedAt: NOW,
  },
};

describe('the owners’ committee’s evaluation of the property service', () => {
  it('is recorded with the items’ mean', () => given([]).when(evaluate()).then([recorded]));

  it('a second evaluation of the same company for the same period is refused', () =>
    given([recorded])
      .when(evaluate())
      .thenThrows(PropertyEvaluationExists, /already evaluated/));

  it('a period not of the configured kind is refused', () =>
    given([])
      .when(evaluate({ period: parsePeriod('2026-11', 'quarter'), periodText: '2026-11' }))
      .thenThrows(InvalidInput, /not an evaluation period/));

  it('an item score that is no whole number from 0 to 100 is refused', () =>
    given([])
      .when(evaluate({ scores: { ...scores, repairs: 101 } }))
      .thenThrows(InvalidInput, /repairs/));

  it('a company with no contract for the compound known here is not yet known', () =>
    given([])
      .when(evaluate({ contracts: [] }))
      .thenThrows(NotYetKnown));

  it('a company whose contracts do not cover the period does not serve the compound then', () =>
    given([])
      .when(evaluate({ contracts: [{ ...contract, endsOn: '2026-09-30' }] }))
      .thenThrows(RuleViolation, /does not serve compound k1 in 2026-Q4/));

  it('a contract covering part of the period is enough', () =>
    given([])
      .when(evaluate({ contracts: [{ ...contract, startsOn: '2026-12-01' }] }))
      .thenMatches([{ type: 'PropertyEvaluationRecorded' }]));
});

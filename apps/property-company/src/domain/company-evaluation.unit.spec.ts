import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import { InvalidInput } from '@cogov/decider';
import {
  type CompanyEvaluationEvent,
  companyEvaluationDecider,
  DEFAULT_EVALUATION_POLICY as policy,
  gradeOf,
  periodScore,
} from './company-evaluation';

const given = deciderSpecification(companyEvaluationDecider);
const NOW = '2026-11-20T08:00:00.000Z';
const base = { companyId: 'p1', period: '2026-Q4' };

const committee = (evaluationId: string, meanScore: number) => ({
  type: 'RecordCommitteeEvaluation' as const,
  data: { ...base, evaluationId, committeeId: 'c1', meanScore, recordedAt: NOW, policy, now: NOW },
});
const party = (ratingId: string, score: number) => ({
  type: 'RecordPartyRating' as const,
  data: { ...base, ratingId, organizationId: 'o1', score, ratedAt: NOW, policy, now: NOW },
});
const order = (orderId: string, score: number, round = 1) => ({
  type: 'RecordOrderRating' as const,
  data: { ...base, orderId, round, score, ratedAt: NOW, policy, now: NOW },
});
const committeeRecorded = (evaluationId: string, meanScore: number): CompanyEvaluationEvent => ({
  type: 'CommitteeEvaluationRecorded',
  data: { ...base, evaluationId, committeeId: 'c1', meanScore, recordedAt: NOW },
});
const orderRecorded = (orderId: string, score: number, round = 1): CompanyEvaluationEvent => ({
  type: 'OrderRatingRecorded',
  data: { ...base, orderId, round, score, ratedAt: NOW },
});
const graded = (grade: 'A' | 'B' | 'C' | 'D'): CompanyEvaluationEvent => ({
  type: 'EvaluationGraded',
  data: {
    ...base,
    grade,
    gradedAt: NOW,
    score: 0,
    ownersSatisfaction: null,
    committeeMean: null,
    orderRatingsScaled: null,
    orderRatingCount: 0,
    partyRating: null,
    complaints: 0,
  },
});

describe('a property company’s evaluation per period', () => {
  it('the first fact of a period is recorded and earns the period its first grade', () =>
    given([])
      .when(committee('e1', 92))
      .thenMatches([
        { type: 'CommitteeEvaluationRecorded', data: { evaluationId: 'e1', meanScore: 92 } },
        {
          type: 'EvaluationGraded',
          data: { grade: 'A', score: 92, ownersSatisfaction: 92, partyRating: null },
        },
      ]));

  it('a fact that leaves the grade as it was is only recorded', () =>
    given([committeeRecorded('e1', 92), graded('A')])
      .when(party('r1', 95))
      .thenMatches([{ type: 'PartyRatingRecorded', data: { ratingId: 'r1', score: 95 } }]));

  it('a fact that changes the grade records the new grade with the score behind it', () =>
    given([committeeRecorded('e1', 92), graded('A')])
      .when(party('r1', 50))
      // 0.6 × 92 + 0.4 × 50 = 75.2
      .thenMatches([
        { type: 'PartyRatingRecorded' },
        { type: 'EvaluationGraded', data: { grade: 'B', score: 75.2, partyRating: 50 } },
      ]));

  it('a redelivered fact records nothing', () => {
    given([committeeRecorded('e1', 92), graded('A')])
      .when(committee('e1', 92))
      .thenNothingHappens();
    given([orderRecorded('o1', 5), graded('A')])
      .when(order('o1', 5))
      .thenNothingHappens();
  });

  it('a rating of another round of the same order is another fact', () =>
    // Ratings 5 and 1 average 3, scaled 50: from A to D.
    given([orderRecorded('o1', 5), graded('A')])
      .when(order('o1', 1, 2))
      .thenMatches([{ type: 'OrderRatingRecorded', data: { round: 2 } }, { type: 'EvaluationGraded' }]));

  it('a score out of range is refused', () => {
    given([])
      .when(order('o1', 6))
      .thenThrows(InvalidInput, /between 1 and 5/);
    given([])
      .when(party('r1', 101))
      .thenThrows(InvalidInput, /between 0 and 100/);
  });

  it('periods are kept apart', () =>
    given([committeeRecorded('e1', 40), graded('D')])
      .when({ ...committee('e2', 95), data: { ...committee('e2', 95).data, period: '2027-Q1' } })
      .thenMatches([
        { type: 'CommitteeEvaluationRecorded', data: { period: '2027-Q1' } },
        { type: 'EvaluationGraded', data: { period: '2027-Q1', grade: 'A' } },
      ]));
});

describe('the period score', () => {
  const facts = (
    committeeEvaluations: Record<string, number>,
    orderRatings: Record<string, number>,
    partyRatings: Record<string, number>,
  ) => ({ committeeEvaluations, orderRatings, partyRatings, grade: null });

  it('owners’ satisfaction is half the committees’ mean, half the order ratings scaled 1→0, 5→100', () =>
    expect(periodScore(facts({ e1: 80 }, { 'o1#1': 5, 'o2#1': 3 }, { r1: 90 }), policy)).toEqual({
      // orders: mean 4 → 75; owners: (80 + 75) / 2 = 77.5; score: 0.6 × 77.5 + 0.4 × 90 = 82.5
      score: 82.5,
      ownersSatisfaction: 77.5,
      committeeMean: 80,
      orderRatingsScaled: 75,
      orderRatingCount: 2,
      partyRating: 90,
      complaints: 0,
    }));

  it('a missing part leaves its weight to the parts present', () => {
    expect(periodScore(facts({}, { 'o1#1': 5 }, {}), policy)).toMatchObject({
      score: 100,
      ownersSatisfaction: 100,
      committeeMean: null,
      partyRating: null,
    });
    expect(periodScore(facts({}, {}, { r1: 70 }), policy)).toMatchObject({
      score: 70,
      ownersSatisfaction: null,
    });
  });

  it('ratings at or below the complaint threshold count as complaints', () =>
    expect(periodScore(facts({}, { 'o1#1': 1, 'o2#1': 2, 'o3#1': 3 }, {}), policy).complaints).toBe(2));

  it('grades from the configured bands: A ≥ 90, B ≥ 75, C ≥ 60, D below', () =>
    expect([90, 89.9, 75, 60, 59.9].map((s) => gradeOf(s, policy))).toEqual(['A', 'B', 'B', 'C', 'D']));
});

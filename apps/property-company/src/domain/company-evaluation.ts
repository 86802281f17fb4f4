import { type Decider, InvalidInput, assertNever } from '@cogov/decider';

/**
 * 物业服务质量考核评价、信用评价: what the company is evaluated on, per period. The stream holds the
 * facts the company received (the owners' committees' evaluations, the community Party
 * organization's ratings, the residents' ratings of the orders it executed), each recorded once;
 * the period's score is derived from them by {@link periodScore}, and the grade that score earns
 * is recorded whenever it changes, because partners are told of it.
 */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

/** Configuration; the defaults are in docs/domain-model.md ("Evaluation and credit"). */
export interface EvaluationPolicy {
  /** The owners' satisfaction's weight; the Party rating's is the rest (1 − this). */
  readonly ownersWeight: number;
  /** Within the owners' satisfaction, the order ratings' share; the committees' is the rest. */
  readonly ordersShareOfOwners: number;
  /** The lowest score of each grade but D (which is everything below C). */
  readonly bands: { readonly A: number; readonly B: number; readonly C: number };
  /** A resident's rating (1–5) at or below which the order counts as a complaint. */
  readonly complaintAtMost: number;
}
export const DEFAULT_EVALUATION_POLICY: EvaluationPolicy = {
  ownersWeight: 0.6,
  ordersShareOfOwners: 0.5,
  bands: { A: 90, B: 75, C: 60 },
  complaintAtMost: 2,
};

export interface PeriodFacts {
  /** The owners' committees' evaluations (their item means, 0–100), by evaluation id. */
  readonly committeeEvaluations: Readonly<Record<string, number>>;
  /** The Party organizations' ratings (0–100), by rating id. */
  readonly partyRatings: Readonly<Record<string, number>>;
  /** Residents' ratings (1–5) of the orders the company executed, by `<orderId>#<round>`. */
  readonly orderRatings: Readonly<Record<string, number>>;
  readonly grade: Grade | null;
}

export type CompanyEvaluation = {
  readonly companyId: string | null;
  readonly periods: Readonly<Record<string, PeriodFacts>>;
};

interface Fact {
  companyId: string;
  period: string;
  policy: EvaluationPolicy;
  now: string;
}
export type RecordCommitteeEvaluation = {
  type: 'RecordCommitteeEvaluation';
  data: Fact & { evaluationId: string; committeeId: string; meanScore: number; recordedAt: string };
};
export type RecordPartyRating = {
  type: 'RecordPartyRating';
  data: Fact & { ratingId: string; organizationId: string; score: number; ratedAt: string };
};
export type RecordOrderRating = {
  type: 'RecordOrderRating';
  data: Fact & { orderId: string; round: number; score: number; ratedAt: string };
};
export type CompanyEvaluationCommand = RecordCommitteeEvaluation | RecordPartyRating | RecordOrderRating;

export type CommitteeEvaluationRecorded = {
  type: 'CommitteeEvaluationRecorded';
  data: {
    companyId: string;
    period: string;
    evaluationId: string;
    committeeId: string;
    meanScore: number;
    recordedAt: string;
  };
};
export type PartyRatingRecorded = {
  type: 'PartyRatingRecorded';
  data: {
    companyId: string;
    period: string;
    ratingId: string;
    organizationId: string;
    score: number;
    ratedAt: string;
  };
};
export type OrderRatingRecorded = {
  type: 'OrderRatingRecorded';
  data: { companyId: string; period: string; orderId: string; round: number; score: number; ratedAt: string };
};
/** The period's grade changed (or was first earned), with the score behind it. */
export type EvaluationGraded = {
  type: 'EvaluationGraded';
  data: PeriodScore & { companyId: string; period: string; grade: Grade; gradedAt: string };
};
export type CompanyEvaluationEvent =
  CommitteeEvaluationRecorded | PartyRatingRecorded | OrderRatingRecorded | EvaluationGraded;

export const initialState = (): CompanyEvaluation => ({ companyId: null, periods: {} });

const EMPTY: PeriodFacts = { committeeEvaluations: {}, partyRatings: {}, orderRatings: {}, grade: null };

export function decide(
  command: CompanyEvaluationCommand,
  state: CompanyEvaluation,
): CompanyEvaluationEvent[] {
  const d = command.data;
  const facts = state.periods[d.period] ?? EMPTY;
  let recorded: CompanyEvaluationEvent;
  switch (command.type) {
    case 'RecordCommitteeEvaluation': {
      const c = command.data;
      // A redelivered fact.
      if (c.evaluationId in facts.committeeEvaluations) return [];
      checkScore(c.meanScore, 0, 100, 'meanScore');
      recorded = {
        type: 'CommitteeEvaluationRecorded',
        data: {
          companyId: c.companyId,
          period: c.period,
          evaluationId: c.evaluationId,
          committeeId: c.committeeId,
          meanScore: c.meanScore,
          recordedAt: c.recordedAt,
        },
      };
      break;
    }
    case 'RecordPartyRating': {
      const c = command.data;
      if (c.ratingId in facts.partyRatings) return [];
      checkScore(c.score, 0, 100, 'score');
      recorded = {
        type: 'PartyRatingRecorded',
        data: {
          companyId: c.companyId,
          period: c.period,
          ratingId: c.ratingId,
          organizationId: c.organizationId,
          score: c.score,
          ratedAt: c.ratedAt,
        },
      };
      break;
    }
    case 'RecordOrderRating': {
      const c = command.data;
      if (orderRatingKey(c) in facts.orderRatings) return [];
      checkScore(c.score, 1, 5, 'score');
      recorded = {
        type: 'OrderRatingRecorded',
        data: {
          companyId: c.companyId,
          period: c.period,
          orderId: c.orderId,
          round: c.round,
          score: c.score,
          ratedAt: c.ratedAt,
        },
      };
      break;
    }
    default:
      return assertNever(command);
  }
  const after = evolve(state, recorded).periods[d.period]!;
  const score = periodScore(after, d.policy);
  const grade = gradeOf(score.score, d.policy);
  if (grade === facts.grade) return [recorded];
  return [
    recorded,
    {
      type: 'EvaluationGraded',
      data: { companyId: d.companyId, period: d.period, grade, gradedAt: d.now, ...score },
    },
  ];
}

export function evolve(state: CompanyEvaluation, event: CompanyEvaluationEvent): CompanyEvaluation {
  const { companyId, period } = event.data;
  const facts = state.periods[period] ?? EMPTY;
  const next = (changed: Partial<PeriodFacts>): CompanyEvaluation => ({
    companyId,
    periods: { ...state.periods, [period]: { ...facts, ...changed } },
  });
  switch (event.type) {
    case 'CommitteeEvaluationRecorded':
      return next({
        committeeEvaluations: {
          ...facts.committeeEvaluations,
          [event.data.evaluationId]: event.data.meanScore,
        },
      });
    case 'PartyRatingRecorded':
      return next({ partyRatings: { ...facts.partyRatings, [event.data.ratingId]: event.data.score } });
    case 'OrderRatingRecorded':
      return next({
        orderRatings: { ...facts.orderRatings, [orderRatingKey(event.data)]: event.data.score },
      });
    case 'EvaluationGraded':
      return next({ grade: event.data.grade });
    default:
      return assertNever(event);
  }
}

export const companyEvaluationDecider: Decider<
  CompanyEvaluationCommand,
  CompanyEvaluation,
  CompanyEvaluationEvent
> = { initialState, decide, evolve };

export interface PeriodScore {
  /** 0–100, one decimal. */
  readonly score: number;
  /** The owners' part, 0–100; null when neither a committee nor a resident has spoken. */
  readonly ownersSatisfaction: number | null;
  /** The committees' evaluations' mean, 0–100; null without one. */
  readonly committeeMean: number | null;
  /** The order ratings' mean scaled to 0–100 (1 → 0, 5 → 100); null without one. */
  readonly orderRatingsScaled: number | null;
  readonly orderRatingCount: number;
  /** The Party organizations' ratings' mean, 0–100; null without one. */
  readonly partyRating: number | null;
  /** Orders the company executed that residents rated at or below the complaint threshold. */
  readonly complaints: number;
}

/**
 * The period's score. Each part is a mean of what was given; a missing part leaves its weight to
 * the others (the score is what is known, and the view says which part is missing), so a period
 * with one fact already has a grade.
 */
export function periodScore(facts: PeriodFacts, policy: EvaluationPolicy): PeriodScore {
  const committeeMean = mean(Object.values(facts.committeeEvaluations));
  const ratings = Object.values(facts.orderRatings);
  const orderMean = mean(ratings);
  const orderRatingsScaled = orderMean === null ? null : ((orderMean - 1) / 4) * 100;
  const ownersSatisfaction = weighted([
    [committeeMean, 1 - policy.ordersShareOfOwners],
    [orderRatingsScaled, policy.ordersShareOfOwners],
  ]);
  const partyRating = mean(Object.values(facts.partyRatings));
  const score = weighted([
    [ownersSatisfaction, policy.ownersWeight],
    [partyRating, 1 - policy.ownersWeight],
  ]);
  return {
    score: round1(score ?? 0),
    ownersSatisfaction: nullableRound(ownersSatisfaction),
    committeeMean: nullableRound(committeeMean),
    orderRatingsScaled: nullableRound(orderRatingsScaled),
    orderRatingCount: ratings.length,
    partyRating: nullableRound(partyRating),
    complaints: ratings.filter((r) => r <= policy.complaintAtMost).length,
  };
}

export function gradeOf(score: number, policy: EvaluationPolicy): Grade {
  if (score >= policy.bands.A) return 'A';
  if (score >= policy.bands.B) return 'B';
  if (score >= policy.bands.C) return 'C';
  return 'D';
}

function orderRatingKey(r: { orderId: string; round: number }): string {
  return `${r.orderId}#${r.round}`;
}

function checkScore(value: number, min: number, max: number, field: string): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InvalidInput(`${field} must be between ${min} and ${max}`, { [field]: value });
  }
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The weighted mean of the parts present; null when none is. */
function weighted(parts: ReadonlyArray<readonly [number | null, number]>): number | null {
  const present = parts.filter((p): p is readonly [number, number] => p[0] !== null && p[1] > 0);
  const total = present.reduce((sum, [, w]) => sum + w, 0);
  if (present.length === 0 || total === 0) {
    // A part present with no weight still counts when it is all there is.
    const only = parts.find((p) => p[0] !== null);
    return only ? only[0] : null;
  }
  return present.reduce((sum, [v, w]) => sum + v * w, 0) / total;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const nullableRound = (n: number | null) => (n === null ? null : round1(n));

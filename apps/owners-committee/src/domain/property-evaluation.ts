import {
  type Decider,
  DomainError,
  InvalidInput,
  NotYetKnown,
  RuleViolation,
  assertNever,
} from '@cogov/decider';
import {
  type EvaluationPeriod,
  PROPERTY_EVALUATION_ITEMS,
  type PropertyEvaluationItem,
} from '@cogov/contracts';

/**
 * 监督物业服务: the owners' committee's evaluation of the property company serving its compound,
 * for one period. One stream per committee, company and period (its id derived from the three),
 * so a second evaluation of the same is refused by the stream itself, however concurrent.
 */
export type ItemScores = Readonly<Record<PropertyEvaluationItem, number>>;

/** A contract of the company for the committee's compound, as the property company published it. */
export interface KnownContract {
  readonly contractId: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

export type RecordPropertyEvaluation = {
  type: 'RecordPropertyEvaluation';
  data: {
    evaluationId: string;
    committee: { committeeId: string; compoundId: string; communityId: string };
    companyId: string;
    /** The period the request named, as the configured kind reads it; null when it is none. */
    period: EvaluationPeriod | null;
    periodText: string;
    scores: ItemScores;
    comment: string | null;
    /** The company's contracts for the committee's compound that reached us. */
    contracts: readonly KnownContract[];
    now: string;
  };
};
export type PropertyEvaluationCommand = RecordPropertyEvaluation;

export type PropertyEvaluationRecorded = {
  type: 'PropertyEvaluationRecorded';
  data: {
    evaluationId: string;
    committeeId: string;
    compoundId: string;
    communityId: string;
    companyId: string;
    period: string;
    scores: ItemScores;
    meanScore: number;
    comment: string | null;
    recordedAt: string;
  };
};
export type PropertyEvaluationEvent = PropertyEvaluationRecorded;

export type PropertyEvaluation =
  | { status: 'absent' }
  | (Omit<PropertyEvaluationRecorded['data'], 'recordedAt'> & { status: 'recorded'; recordedAt: string });

/** The committee already evaluated this company for this period. */
export class PropertyEvaluationExists extends DomainError {
  readonly code = 'property-evaluation-exists';
  constructor(evaluationId: string, committeeId: string, companyId: string, period: string) {
    super(
      `owners committee ${committeeId} already evaluated company ${companyId} for ${period} (evaluation ${evaluationId})`,
      { evaluationId, committeeId, companyId, period },
    );
  }
}

export const initialState = (): PropertyEvaluation => ({ status: 'absent' });

export function decide(
  command: PropertyEvaluationCommand,
  state: PropertyEvaluation,
): PropertyEvaluationEvent[] {
  switch (command.type) {
    case 'RecordPropertyEvaluation': {
      const d = command.data;
      if (state.status === 'recorded') {
        throw new PropertyEvaluationExists(
          state.evaluationId,
          state.committeeId,
          state.companyId,
          state.period,
        );
      }
      if (d.period === null) {
        throw new InvalidInput(`${d.periodText} is not an evaluation period of the configured kind`, {
          period: d.periodText,
        });
      }
      for (const item of PROPERTY_EVALUATION_ITEMS) {
        const score = d.scores[item];
        if (!Number.isInteger(score) || score < 0 || score > 100) {
          throw new InvalidInput(`${item} must be a whole number from 0 to 100`, { [item]: score });
        }
      }
      const { committeeId, compoundId, communityId } = d.committee;
      if (d.contracts.length === 0) {
        // The property company may not have delivered the contract yet (ADR 21).
        throw new NotYetKnown(
          'property contract',
          d.companyId,
          `no contract of property company ${d.companyId} for compound ${compoundId} is known here yet; try again shortly`,
        );
      }
      const period = d.period;
      if (!d.contracts.some((c) => c.startsOn <= period.endsOn && period.startsOn <= c.endsOn)) {
        throw new RuleViolation(
          `property company ${d.companyId} does not serve compound ${compoundId} in ${period.period}`,
          { companyId: d.companyId, compoundId, period: period.period },
        );
      }
      const values = PROPERTY_EVALUATION_ITEMS.map((item) => d.scores[item]);
      const meanScore = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
      return [
        {
          type: 'PropertyEvaluationRecorded',
          data: {
            evaluationId: d.evaluationId,
            committeeId,
            compoundId,
            communityId,
            companyId: d.companyId,
            period: period.period,
            scores: pickScores(d.scores),
            meanScore,
            comment: d.comment,
            recordedAt: d.now,
          },
        },
      ];
    }
    default:
      return assertNever(command.type);
  }
}

export function evolve(state: PropertyEvaluation, event: PropertyEvaluationEvent): PropertyEvaluation {
  switch (event.type) {
    case 'PropertyEvaluationRecorded':
      return { status: 'recorded', ...event.data };
    default:
      return assertNever(event.type);
  }
}

export const propertyEvaluationDecider: Decider<
  PropertyEvaluationCommand,
  PropertyEvaluation,
  PropertyEvaluationEvent
> = { initialState, decide, evolve };

/** Only the items, whatever else the input carried. */
function pickScores(scores: ItemScores): ItemScores {
  return Object.fromEntries(PROPERTY_EVALUATION_ITEMS.map((item) => [item, scores[item]])) as ItemScores;
}

import { Injectable } from '@nestjs/common';
import { type PeriodKind, periodKindFrom } from '@cogov/contracts';
import { DEFAULT_EVALUATION_POLICY, type EvaluationPolicy } from '../domain/company-evaluation';

/**
 * How a company's period is scored and graded, from the environment, defaults in brackets:
 * `EVALUATION_OWNERS_WEIGHT` (0.6; the Party rating weighs the rest), `EVALUATION_ORDERS_SHARE_OF_OWNERS`
 * (0.5; the committees' evaluations weigh the rest of the owners' part), `EVALUATION_GRADE_BANDS`
 * (`A:90,B:75,C:60`), `EVALUATION_COMPLAINT_AT_MOST` (2 of 5) and `EVALUATION_PERIOD` (`quarter`).
 * A value that makes no sense stops the start, instead of grading by a rule nobody set.
 */
@Injectable()
export class EvaluationPolicyConfig {
  readonly periodKind: PeriodKind = periodKindFrom(process.env.EVALUATION_PERIOD);
  readonly policy: EvaluationPolicy = {
    ownersWeight: fraction('EVALUATION_OWNERS_WEIGHT', DEFAULT_EVALUATION_POLICY.ownersWeight),
    ordersShareOfOwners: fraction(
      'EVALUATION_ORDERS_SHARE_OF_OWNERS',
      DEFAULT_EVALUATION_POLICY.ordersShareOfOwners,
    ),
    bands: bands(process.env.EVALUATION_GRADE_BANDS),
    complaintAtMost: complaintAtMost(process.env.EVALUATION_COMPLAINT_AT_MOST),
  };
}

function fraction(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`${name} must be a number from 0 to 1, not ${raw}`);
  }
  return value;
}

function bands(raw: string | undefined): EvaluationPolicy['bands'] {
  if (raw === undefined || raw === '') return DEFAULT_EVALUATION_POLICY.bands;
  const entries = new Map(
    raw.split(',').map((part) => {
      const [grade = '', from = ''] = part.split(':');
      return [grade.trim(), from.trim()] as const;
    }),
  );
  const froms = (['A', 'B', 'C'] as const).map((g) => Number(entries.get(g)));
  const [A, B, C] = froms;
  const valid = froms.every((n) => Number.isFinite(n) && n >= 0 && n <= 100);
  if (!valid || !(A! > B! && B! > C!)) {
    throw new Error(`EVALUATION_GRADE_BANDS must be like A:90,B:75,C:60 (descending, 0–100), not ${raw}`);
  }
  return { A: A!, B: B!, C: C! };
}

function complaintAtMost(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_EVALUATION_POLICY.complaintAtMost;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new Error(`EVALUATION_COMPLAINT_AT_MOST must be a whole number from 1 to 5, not ${raw}`);
  }
  return value;
}

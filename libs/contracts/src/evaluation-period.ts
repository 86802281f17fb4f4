/**
 * The periods of the property service evaluation (物业服务质量考核评价), part of the published
 * language: the owners' committee, the Party organization and the property company name a period
 * the same way, `2026-Q4` (quarter), `2026-11` (month) or `2026` (year). Which kind is in use is
 * configuration (`EVALUATION_PERIOD`, quarter by default); every context reads the same setting.
 */
export type PeriodKind = 'quarter' | 'month' | 'year';
export const PERIOD_KINDS: readonly PeriodKind[] = ['quarter', 'month', 'year'];

export interface EvaluationPeriod {
  readonly period: string;
  readonly kind: PeriodKind;
  /** ISO dates, both included. */
  readonly startsOn: string;
  readonly endsOn: string;
}

const PATTERNS: Record<PeriodKind, RegExp> = {
  quarter: /^(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  year: /^(\d{4})$/,
};

/** The period a text names, if it is one of the kind; null otherwise. */
export function parsePeriod(text: string, kind: PeriodKind): EvaluationPeriod | null {
  const match = PATTERNS[kind].exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const unit = Number(match[2]);
  const firstMonth = kind === 'year' ? 1 : kind === 'quarter' ? (unit - 1) * 3 + 1 : unit;
  const months = { year: 12, quarter: 3, month: 1 }[kind];
  const lastMonth = firstMonth + months - 1;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    period: text,
    kind,
    startsOn: `${match[1]}-${pad(firstMonth)}-01`,
    endsOn: `${match[1]}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

/** The period an instant falls in (UTC). */
export function periodOf(at: string, kind: PeriodKind): string {
  const date = new Date(at);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = date.getUTCMonth() + 1;
  if (kind === 'year') return year;
  if (kind === 'month') return `${year}-${pad(month)}`;
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** `EVALUATION_PERIOD` read from the given environment; a value that is no kind is refused at start. */
export function periodKindFrom(raw: string | undefined): PeriodKind {
  if (raw === undefined || raw === '') return 'quarter';
  if (!(PERIOD_KINDS as readonly string[]).includes(raw)) {
    throw new Error(`EVALUATION_PERIOD must be one of ${PERIOD_KINDS.join(', ')}, not ${raw}`);
  }
  return raw as PeriodKind;
}

/** The JSON Schema of a period of any kind. */
export const periodSchema = {
  type: 'string',
  pattern: '^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$',
} as const;

const pad = (n: number) => String(n).padStart(2, '0');

import { contract, idSchema, timeSchema } from '../contract';
import { periodSchema } from '../evaluation-period';
import type { IntegrationEvent } from '../integration-event';

const daySchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/**
 * A contract by which the company serves a compound was recorded: who serves which compound
 * when, for the contexts that check it (the owners' committee evaluates only the company serving
 * its compound).
 */
export type ContractRecordedV1 = IntegrationEvent<
  'property-company.contract-recorded',
  {
    contractId: string;
    companyId: string;
    compoundId: string;
    communityId: string;
    startsOn: string;
    endsOn: string;
    recordedAt: string;
  }
>;
export const contractRecordedV1 = contract<ContractRecordedV1>('property-company.contract-recorded', 1, {
  type: 'object',
  required: ['contractId', 'companyId', 'compoundId', 'communityId', 'startsOn', 'endsOn', 'recordedAt'],
  properties: {
    contractId: idSchema,
    companyId: idSchema,
    compoundId: idSchema,
    communityId: idSchema,
    startsOn: daySchema,
    endsOn: daySchema,
    recordedAt: timeSchema,
  },
});

/**
 * 物业服务质量考核评价: the grade of a company for a period changed (or was first given), with the
 * score behind it. `score` and its parts are 0–100 with one decimal; a part nobody gave yet is null.
 */
export type EvaluationGradedV1 = IntegrationEvent<
  'property-company.evaluation-graded',
  {
    companyId: string;
    period: string;
    grade: 'A' | 'B' | 'C' | 'D';
    score: number;
    ownersSatisfaction: number | null;
    partyRating: number | null;
    complaints: number;
    gradedAt: string;
  }
>;
const scoreSchema = { type: 'number', minimum: 0, maximum: 100 } as const;
export const evaluationGradedV1 = contract<EvaluationGradedV1>('property-company.evaluation-graded', 1, {
  type: 'object',
  required: [
    'companyId',
    'period',
    'grade',
    'score',
    'ownersSatisfaction',
    'partyRating',
    'complaints',
    'gradedAt',
  ],
  properties: {
    companyId: idSchema,
    period: periodSchema,
    grade: { type: 'string', enum: ['A', 'B', 'C', 'D'] },
    score: scoreSchema,
    ownersSatisfaction: { ...scoreSchema, nullable: true },
    partyRating: { ...scoreSchema, nullable: true },
    complaints: { type: 'integer', minimum: 0 },
    gradedAt: timeSchema,
  },
});

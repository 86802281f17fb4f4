import { contract, idSchema, timeSchema } from '../contract';
import { periodSchema } from '../evaluation-period';
import type { IntegrationEvent } from '../integration-event';

/** The items the owners' committee scores the property service on (监督物业服务). */
export const PROPERTY_EVALUATION_ITEMS = [
  'cleaning',
  'security',
  'greenery',
  'repairs',
  'feesTransparency',
] as const;
export type PropertyEvaluationItem = (typeof PROPERTY_EVALUATION_ITEMS)[number];

const itemSchema = { type: 'integer', minimum: 0, maximum: 100 } as const;

/**
 * The owners' committee evaluated the company serving its compound for a period: the item
 * scores (0–100) and their mean. The comment stays inside (free text of people).
 */
export type PropertyEvaluationRecordedV1 = IntegrationEvent<
  'owners-committee.property-evaluation-recorded',
  {
    evaluationId: string;
    committeeId: string;
    compoundId: string;
    communityId: string;
    companyId: string;
    period: string;
    scores: Record<PropertyEvaluationItem, number>;
    meanScore: number;
    recordedAt: string;
  }
>;
export const propertyEvaluationRecordedV1 = contract<PropertyEvaluationRecordedV1>(
  'owners-committee.property-evaluation-recorded',
  1,
  {
    type: 'object',
    required: [
      'evaluationId',
      'committeeId',
      'compoundId',
      'communityId',
      'companyId',
      'period',
      'scores',
      'meanScore',
      'recordedAt',
    ],
    properties: {
      evaluationId: idSchema,
      committeeId: idSchema,
      compoundId: idSchema,
      communityId: idSchema,
      companyId: idSchema,
      period: periodSchema,
      scores: {
        type: 'object',
        required: [...PROPERTY_EVALUATION_ITEMS],
        properties: Object.fromEntries(PROPERTY_EVALUATION_ITEMS.map((item) => [item, itemSchema])),
      },
      meanScore: { type: 'number', minimum: 0, maximum: 100 },
      recordedAt: timeSchema,
    },
  },
);

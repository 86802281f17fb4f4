import { contract, idSchema, nameSchema, textSchema, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';

export * from './order-work';
export * from './leader';
export * from './mediation';

export const BUILDING_LEADERS = 'building-leaders';

/** The kinds of need a building leader refers: the residents' committee's order categories. */
export const NEED_CATEGORIES = [
  'repair',
  'elderly-care',
  'neighbour-dispute',
  'environment',
  'safety',
  'other',
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

/**
 * A building leader (楼门长) referred a need found on a visit, for an order to be placed on the
 * resident's behalf. Ids, the category and the need's title and description; no name or phone.
 */
export type NeedReferredV1 = IntegrationEvent<
  'building-leaders.need-referred',
  {
    referralId: string;
    leaderId: string;
    residentId: string;
    communityId: string;
    compoundId: string;
    buildingId: string;
    category: NeedCategory;
    title: string;
    description: string;
    referredAt: string;
  }
>;
export const needReferredV1 = contract<NeedReferredV1>('building-leaders.need-referred', 1, {
  type: 'object',
  required: [
    'referralId',
    'leaderId',
    'residentId',
    'communityId',
    'compoundId',
    'buildingId',
    'category',
    'title',
    'description',
    'referredAt',
  ],
  properties: {
    referralId: idSchema,
    leaderId: idSchema,
    residentId: idSchema,
    communityId: idSchema,
    compoundId: idSchema,
    buildingId: idSchema,
    category: { type: 'string', enum: NEED_CATEGORIES },
    title: nameSchema,
    description: { ...textSchema, minLength: 1 },
    referredAt: timeSchema,
  },
});

/**
 * A building leader (楼门长) reported an opinion up, for the compound's board and a joint
 * meeting's agenda. Its topic only: the text and the residents concerned stay with the building
 * leaders (they may name or describe people).
 */
export type OpinionReportedV1 = IntegrationEvent<
  'building-leaders.opinion-reported',
  {
    opinionId: string;
    leaderId: string;
    communityId: string;
    compoundId: string;
    topic: string;
    reportedAt: string;
  }
>;
export const opinionReportedV1 = contract<OpinionReportedV1>('building-leaders.opinion-reported', 1, {
  type: 'object',
  required: ['opinionId', 'leaderId', 'communityId', 'compoundId', 'topic', 'reportedAt'],
  properties: {
    opinionId: idSchema,
    leaderId: idSchema,
    communityId: idSchema,
    compoundId: idSchema,
    topic: nameSchema,
    reportedAt: timeSchema,
  },
});

import { contract, idListSchema, idSchema, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';

/**
 * 组织考察: a building leader was vetted and approved. Only an approved leader works on orders, so
 * the residents' committee dispatches only to a leader it has heard of this way, in the order's
 * community. Ids only.
 */
export type LeaderApprovedV1 = IntegrationEvent<
  'building-leaders.leader-approved',
  { leaderId: string; communityId: string; compoundId: string; buildingIds: string[]; approvedAt: string }
>;
export const leaderApprovedV1 = contract<LeaderApprovedV1>('building-leaders.leader-approved', 1, {
  type: 'object',
  required: ['leaderId', 'communityId', 'compoundId', 'buildingIds', 'approvedAt'],
  properties: {
    leaderId: idSchema,
    communityId: idSchema,
    compoundId: idSchema,
    buildingIds: idListSchema,
    approvedAt: timeSchema,
  },
});

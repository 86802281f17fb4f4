import { contract, idSchema, nameSchema, textSchema, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';

/**
 * 矛盾调解: a neighbour dispute a building leader mediated could not be settled and is escalated,
 * for the residents' committee to place an order of category `neighbour-dispute` on behalf of
 * `residentId` (one of its parties). The order takes the mediation's id, so the building leaders
 * recognise its `order-placed` without a lookup. No party's name, no session notes.
 */
export type MediationEscalatedV1 = IntegrationEvent<
  'building-leaders.mediation-escalated',
  {
    mediationId: string;
    leaderId: string;
    residentId: string;
    communityId: string;
    compoundId: string;
    buildingId: string;
    title: string;
    description: string;
    escalatedAt: string;
  }
>;
export const mediationEscalatedV1 = contract<MediationEscalatedV1>(
  'building-leaders.mediation-escalated',
  1,
  {
    type: 'object',
    required: [
      'mediationId',
      'leaderId',
      'residentId',
      'communityId',
      'compoundId',
      'buildingId',
      'title',
      'description',
      'escalatedAt',
    ],
    properties: {
      mediationId: idSchema,
      leaderId: idSchema,
      residentId: idSchema,
      communityId: idSchema,
      compoundId: idSchema,
      buildingId: idSchema,
      title: nameSchema,
      description: { ...textSchema, minLength: 1 },
      escalatedAt: timeSchema,
    },
  },
);

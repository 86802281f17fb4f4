import { contract, idSchema, nameSchema, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';

export const POINTS_BANK = 'points-bank';

/**
 * Points (爱心币) redeemed at a community's service station for an item of its catalogue: who,
 * where, what and for how many points, and which streets' deposits paid. Ids and numbers only.
 */
export type PointsRedeemedV1 = IntegrationEvent<
  'points-bank.points-redeemed',
  {
    redemptionId: string;
    personId: string;
    communityId: string;
    streetId: string;
    itemId: string;
    itemName: string;
    points: number;
    debits: Array<{ streetId: string; points: number }>;
    redeemedAt: string;
  }
>;
export const pointsRedeemedV1 = contract<PointsRedeemedV1>('points-bank.points-redeemed', 1, {
  type: 'object',
  required: [
    'redemptionId',
    'personId',
    'communityId',
    'streetId',
    'itemId',
    'itemName',
    'points',
    'debits',
    'redeemedAt',
  ],
  properties: {
    redemptionId: idSchema,
    personId: idSchema,
    communityId: idSchema,
    streetId: idSchema,
    itemId: idSchema,
    itemName: nameSchema,
    points: { type: 'integer', minimum: 1 },
    debits: {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['streetId', 'points'],
        properties: { streetId: idSchema, points: { type: 'integer', minimum: 1 } },
      },
    },
    redeemedAt: timeSchema,
  },
});

import { pointsRedeemedV1 } from '@cogov/contracts';
import type { OutboundMapping } from '@cogov/context-kit';
import type { AccountEvent } from '../domain/account';
import type { CatalogueEvent } from '../domain/catalogue';
import type { StreetStandardsEvent } from '../domain/standards';

/** What the points bank tells the others: each redemption at a service station. */
export const pointsBankOutbound: OutboundMapping<AccountEvent | CatalogueEvent | StreetStandardsEvent> = (
  event,
  out,
) => {
  switch (event.type) {
    case 'PointsRedeemed': {
      const d = event.data;
      return out.publish(pointsRedeemedV1, d.personId, {
        redemptionId: d.redemptionId,
        personId: d.personId,
        communityId: d.communityId,
        streetId: d.streetId,
        itemId: d.itemId,
        itemName: d.itemName,
        points: d.points,
        debits: d.debits.map((debit) => ({ streetId: debit.streetId, points: debit.points })),
        redeemedAt: d.redeemedAt,
      });
    }
    default:
      return [];
  }
};

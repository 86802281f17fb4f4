import { defineContext } from '@cogov/context-kit';
import { PLACE_ENTITIES } from './places/places.entities';
import { placesHandlers, placesInbound } from './places/places.inbound';
import { placesScopes } from './places/places.scopes';
import { ORDER_FACT_ENTITIES } from './orders/order-facts.entities';
import { ORDER_ROLLUP_ENTITIES } from './orders/order-rollups.entities';
import { OrderRollupsBackfill } from './orders/order-rollups';
import { orderFactsHandlers, orderFactsInbound } from './orders/order-facts.inbound';
import { LINKAGE_ENTITIES } from './linkage/linkage.entities';
import { linkageHandlers, linkageInbound } from './linkage/linkage.inbound';
import { LinkageController } from './linkage/api/linkage.controller';
import { linkageQueryHandlers } from './linkage/linkage.queries';
import { RatesController } from './rates/rates.controller';
import { RatesHandler } from './rates/rates.query';
import { RatesPlacesInQuery } from './rates/rates.scope';

/**
 * The boards (看板) a street or community leader governs by: the six-party linkage (六方联动)
 * of each compound, community and street, and the three rates (三率) with their rankings. A
 * read-side context: it decides nothing and owns no stream; every row is built from the five
 * contexts' published integration events (never their tables), so it runs the same embedded and
 * as its own app in the cluster (ADR 30).
 */
export const boards = defineContext({
  name: 'boards',
  port: 3006,
  aggregates: {},
  consumes: [...placesInbound, ...orderFactsInbound, ...linkageInbound],
  scopes: [...placesScopes, RatesPlacesInQuery],
  entities: [...PLACE_ENTITIES, ...ORDER_FACT_ENTITIES, ...ORDER_ROLLUP_ENTITIES, ...LINKAGE_ENTITIES],
  controllers: [LinkageController, RatesController],
  handlers: [
    ...placesHandlers,
    ...orderFactsHandlers,
    OrderRollupsBackfill,
    ...linkageHandlers,
    ...linkageQueryHandlers,
    RatesHandler,
  ],
});

import type { IntegrationEventContract } from '../contract';
import { buildingLeadersOrderWorkV1 } from '../building-leaders/order-work';
import { partyOrganizationOrderWorkV1 } from '../party-organization';
import { propertyCompanyOrderWorkV1 } from '../property-company';
import { residentsCommitteeOrderWorkV1 } from '../residents-committee/whistle';
import type { OrderWorkV1 } from './index';

/**
 * Every context's `order-work` v1: whoever follows the work on orders (the order itself, the
 * three-ones process, the boards) consumes them all. A new executor context adds its contract here.
 */
export const ORDER_WORK_CONTRACTS: ReadonlyArray<IntegrationEventContract<OrderWorkV1>> = [
  partyOrganizationOrderWorkV1,
  propertyCompanyOrderWorkV1,
  buildingLeadersOrderWorkV1,
  residentsCommitteeOrderWorkV1,
];

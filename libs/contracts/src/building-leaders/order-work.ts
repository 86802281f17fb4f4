import { orderWorkV1, type OrderWorkV1 } from '../order-work';

/** 楼门长: a building leader's work on an order dispatched to them, in the order-work language (ADR 13). */
export type BuildingLeadersOrderWorkV1 = OrderWorkV1<'building-leaders.order-work'>;
export const buildingLeadersOrderWorkV1 = orderWorkV1('building-leaders');

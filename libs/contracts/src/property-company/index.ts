import { orderWorkV1, type OrderWorkV1 } from '../order-work';

export const PROPERTY_COMPANY = 'property-company';

/** 物业服务企业: a property company's work on an order dispatched to it, in the order-work language. */
export type PropertyCompanyOrderWorkV1 = OrderWorkV1<'property-company.order-work'>;
export const propertyCompanyOrderWorkV1 = orderWorkV1(PROPERTY_COMPANY);

export type PropertyCompanyEvent = PropertyCompanyOrderWorkV1;

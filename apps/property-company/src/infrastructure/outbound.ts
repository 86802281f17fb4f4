import type { OutboundMapping } from '@cogov/context-kit';
import type { CompanyEvent } from '../domain/company';

/** Nothing the property company decides is published yet (its order work comes next). */
export const propertyCompanyOutbound: OutboundMapping<CompanyEvent> = () => [];

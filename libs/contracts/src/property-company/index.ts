import { contract, idSchema, nameSchema, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';
import { orderWorkV1, type OrderWorkV1 } from '../order-work';

export const PROPERTY_COMPANY = 'property-company';

/** 物业服务企业: a property company's work on an order dispatched to it, in the order-work language. */
export type PropertyCompanyOrderWorkV1 = OrderWorkV1<'property-company.order-work'>;
export const propertyCompanyOrderWorkV1 = orderWorkV1(PROPERTY_COMPANY);

/** A property company was registered: others may name it (its Party organization, dispatch). */
export type CompanyRegisteredV1 = IntegrationEvent<
  'property-company.company-registered',
  { companyId: string; name: string; registeredAt: string }
>;
export const companyRegisteredV1 = contract<CompanyRegisteredV1>('property-company.company-registered', 1, {
  type: 'object',
  required: ['companyId', 'name', 'registeredAt'],
  properties: { companyId: idSchema, name: nameSchema, registeredAt: timeSchema },
});

/** A red-property (红色物业) rule of a company changed status (or was first assessed). */
export type RedPropertyRuleAssessedV1 = IntegrationEvent<
  'property-company.red-property-rule-assessed',
  {
    companyId: string;
    rule: 'party-organization' | 'party-members';
    status: 'met' | 'not-met' | 'not-applicable';
    since: string;
  }
>;
export const redPropertyRuleAssessedV1 = contract<RedPropertyRuleAssessedV1>(
  'property-company.red-property-rule-assessed',
  1,
  {
    type: 'object',
    required: ['companyId', 'rule', 'status', 'since'],
    properties: {
      companyId: idSchema,
      rule: { type: 'string', enum: ['party-organization', 'party-members'] },
      status: { type: 'string', enum: ['met', 'not-met', 'not-applicable'] },
      since: timeSchema,
    },
  },
);

export type PropertyCompanyEvent =
  PropertyCompanyOrderWorkV1 | CompanyRegisteredV1 | RedPropertyRuleAssessedV1;

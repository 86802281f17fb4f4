import { defineContext } from '@cogov/context-kit';
import { PartnerKeysController } from '@cogov/security';
import { CompanyController } from './api/company.controller';
import { PartnerController } from './api/partner.controller';
import { propertyCompanyScopes } from './api/scopes';
import { GetCompanyHandler } from './application/company-queries';
import { PartnerCompanyCheck } from './application/partner-company-check';
import { EvaluationPolicyConfig } from './application/evaluation-policy';
import { RecordCompoundHandler } from './application/record-compound';
import {
  RecordCommitteeEvaluationHandler,
  RecordOrderRatingHandler,
  RecordPartyRatingHandler,
} from './application/record-evaluation-facts';
import { RecordPartyOrganizationHandler } from './application/record-party-organization';
import { RedPropertyPolicy } from './application/red-property-policy';
import { ChangeHeadcountHandler, RegisterCompanyHandler } from './application/register-company';
import {
  ListDeliveriesHandler,
  ListWebhooksHandler,
  RedeliverHandler,
  RegisterWebhookHandler,
  RemoveWebhookHandler,
  WebhooksOfRevokedKeys,
} from './application/partner-webhooks';
import { SignContractHandler } from './application/sign-contract';
import { WebhookPolicy } from './application/webhook-policy';
import {
  RecordDispatchHandler,
  RecordOrderCompoundHandler,
  WorkOnOrderHandler,
} from './application/work-on-order';
import {
  companyAggregate,
  companyEvaluationAggregate,
  companyOrderAggregate,
  compoundServiceAggregate,
  creditCodeAggregate,
} from './infrastructure/aggregates';
import { companyOrdersProjection } from './infrastructure/company-orders/company-orders.projection';
import { CompoundDirectoryEntry } from './infrastructure/directory/compound-directory.entity';
import { OrderDirectoryEntry } from './infrastructure/directory/order-directory.entity';
import { propertyCompanyInbound } from './infrastructure/inbound';
import { propertyCompanyOutbound } from './infrastructure/outbound';
import { PartnerWebhook } from './infrastructure/webhooks/webhook.entity';
import { WebhookAttemptRow, WebhookDeliveryRow } from './infrastructure/webhooks/webhook-delivery.entity';
import { WebhookFeed } from './infrastructure/webhooks/webhook-feed';
import { WebhookSender } from './infrastructure/webhooks/webhook-sender';

/**
 * The property company (物业服务企业) context, the executor: its registration and headcount,
 * the contracts by which it serves compounds (one company per compound at a time), and the
 * red-property (红色物业) rules, its work on the orders dispatched to it, and its evaluation and
 * credit (物业服务质量考核评价、信用评价) per period (ADR 24); and its partner system's
 * integration: signed webhooks of the company's events, and CloudEvents in (ADR 23).
 */
export const propertyCompany = defineContext({
  name: 'property-company',
  port: 3004,
  aggregates: {
    company: companyAggregate,
    compoundService: compoundServiceAggregate,
    companyOrder: companyOrderAggregate,
    companyEvaluation: companyEvaluationAggregate,
    creditCode: creditCodeAggregate,
  },
  publishes: propertyCompanyOutbound,
  consumes: propertyCompanyInbound,
  projections: [companyOrdersProjection],
  scopes: propertyCompanyScopes,
  entities: [
    CompoundDirectoryEntry,
    OrderDirectoryEntry,
    PartnerWebhook,
    WebhookDeliveryRow,
    WebhookAttemptRow,
  ],
  // Partner keys are issued where the company lives: in the cluster a key is kept in the schema of
  // the app its partner calls, and only this context knows which companies exist.
  controllers: [CompanyController, PartnerController, PartnerKeysController],
  handlers: [
    RedPropertyPolicy,
    RegisterCompanyHandler,
    ChangeHeadcountHandler,
    SignContractHandler,
    RecordCompoundHandler,
    RecordPartyOrganizationHandler,
    GetCompanyHandler,
    WorkOnOrderHandler,
    RecordDispatchHandler,
    PartnerCompanyCheck,
    WebhooksOfRevokedKeys,
    WebhookPolicy,
    WebhookFeed,
    WebhookSender,
    RegisterWebhookHandler,
    ListWebhooksHandler,
    RemoveWebhookHandler,
    ListDeliveriesHandler,
    RedeliverHandler,
    EvaluationPolicyConfig,
    RecordCommitteeEvaluationHandler,
    RecordPartyRatingHandler,
    RecordOrderRatingHandler,
    RecordOrderCompoundHandler,
  ],
});

/** The sender of partner webhooks, for a host or a test that drives it with a clock of its own. */
export { WebhookSender } from './infrastructure/webhooks/webhook-sender';
export { hasValidSignature } from './infrastructure/webhooks/signature';

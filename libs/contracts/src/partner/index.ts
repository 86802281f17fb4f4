import { textSchema, urlListSchema } from '../contract';

/**
 * The language a partner property company's system speaks with the platform, beside the topics:
 * what it is sent by webhook, how that is signed, and the CloudEvents it may send back.
 */

/** The published event types a company's webhooks receive (those about the company). */
export const WEBHOOK_EVENT_TYPES = [
  'residents-committee.order-dispatched',
  'property-company.order-work',
  'property-company.company-registered',
  'property-company.red-property-rule-assessed',
  'property-company.contract-recorded',
  'property-company.evaluation-graded',
  'owners-committee.property-evaluation-recorded',
  'party-organization.company-rated',
] as const;

/**
 * The headers of a webhook delivery. The signature is `v1=` and the hex HMAC-SHA256, keyed by
 * the webhook's secret (its UTF-8 bytes), of `${timestamp}.${body}`, the timestamp in Unix
 * seconds and the body byte for byte as sent.
 */
export const WEBHOOK_HEADERS = {
  eventId: 'x-cogov-event-id',
  eventType: 'x-cogov-event-type',
  timestamp: 'x-cogov-timestamp',
  signature: 'x-cogov-signature',
} as const;

/** The CloudEvents `type`s a partner sends to `POST /api/partner/events`. */
export const PARTNER_EVENT_TYPES = [
  'order-work.accepted',
  'order-work.arrived',
  'order-work.completed',
  'order-work.handed-back',
] as const;
export type PartnerEventType = (typeof PARTNER_EVENT_TYPES)[number];

const orderId = { type: 'string', format: 'uuid' } as const;
const note = { ...textSchema, minLength: 1, maxLength: 1000 } as const;

/** The `data` of each partner CloudEvent type, as JSON Schema. */
export const PARTNER_EVENT_DATA_SCHEMAS: Record<PartnerEventType, Record<string, unknown>> = {
  'order-work.accepted': {
    type: 'object',
    required: ['orderId'],
    additionalProperties: false,
    properties: { orderId, note },
  },
  'order-work.arrived': {
    type: 'object',
    required: ['orderId'],
    additionalProperties: false,
    properties: { orderId, note },
  },
  'order-work.completed': {
    type: 'object',
    required: ['orderId', 'resultNote'],
    additionalProperties: false,
    properties: {
      orderId,
      resultNote: { ...textSchema, minLength: 1 },
      evidence: { ...urlListSchema, maxItems: 20 },
    },
  },
  'order-work.handed-back': {
    type: 'object',
    required: ['orderId', 'reason'],
    additionalProperties: false,
    properties: { orderId, reason: note },
  },
};

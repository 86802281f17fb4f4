import * as contracts from '@cogov/contracts';
import {
  type IntegrationEventContract,
  PARTNER_EVENT_DATA_SCHEMAS,
  PARTNER_EVENT_TYPES,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_HEADERS,
} from '@cogov/contracts';

type Doc = { [key: string]: unknown };

/** Every published contract version, from the contracts' index: what the document must describe. */
export function publishedContracts(): IntegrationEventContract[] {
  return Object.values(contracts as Record<string, unknown>)
    .filter(isContract)
    .sort((a, b) => (a.type === b.type ? a.version - b.version : a.type < b.type ? -1 : 1));
}

function isContract(value: unknown): value is IntegrationEventContract {
  if (value === null || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return typeof c.type === 'string' && typeof c.version === 'number' && typeof c.schema === 'object';
}

const sourceOf = (type: string) => type.slice(0, type.indexOf('.'));
export const messageKeyOf = (c: Pick<IntegrationEventContract, 'type' | 'version'>) =>
  `${c.type}.v${c.version}`;
const channelKeyOf = (source: string) => `${source}.events`;

/**
 * ajv's `nullable` is not JSON Schema: the document says `type: [t, "null"]` instead, and drops
 * nothing else.
 */
function standard(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(standard);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const out: Doc = {};
  for (const [key, value] of Object.entries(rest)) out[key] = standard(value);
  if (nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}

/** The envelope every topic message and webhook body has (libs/contracts/src/integration-event.ts). */
function envelope(c: IntegrationEventContract): Doc {
  const id = { type: 'string', minLength: 1 };
  return {
    type: 'object',
    required: [
      'type',
      'version',
      'eventId',
      'source',
      'key',
      'occurredAt',
      'actorId',
      'onBehalfOf',
      'correlationId',
      'causationId',
      'data',
    ],
    properties: {
      type: { const: c.type },
      version: { const: c.version },
      eventId: { ...id, description: 'Unique; the same on every redelivery: de-duplicate by it' },
      source: { const: sourceOf(c.type) },
      key: { ...id, description: 'The aggregate the fact is about; the Kafka message key' },
      occurredAt: { type: 'string', format: 'date-time' },
      actorId: id,
      onBehalfOf: { type: ['string', 'null'] },
      correlationId: id,
      causationId: { type: ['string', 'null'] },
      data: standard(c.schema),
    },
  };
}

/**
 * The AsyncAPI 3 document of what the platform publishes and the partner integration: one Kafka
 * topic per publishing context with every contract version on it, the partner webhook (the same
 * messages, signed) and the CloudEvents partners send. Built from the contracts, so a new
 * contract is in it as soon as it is exported; `docs/asyncapi.yaml` is this, written by
 * `npm run asyncapi:write`, and a test fails when the file lags behind the contracts.
 */
export function asyncApiDocument(): Doc {
  const published = publishedContracts();
  const sources = [...new Set(published.map((c) => sourceOf(c.type)))].sort();
  const schemas: Doc = {};
  const messages: Doc = {};
  for (const c of published) {
    const key = messageKeyOf(c);
    schemas[key] = envelope(c);
    messages[key] = {
      name: key,
      title: `${c.type} v${c.version}`,
      contentType: 'application/json',
      payload: { $ref: `#/components/schemas/${key}` },
    };
  }
  const webhookContracts = published.filter((c) =>
    (WEBHOOK_EVENT_TYPES as readonly string[]).includes(c.type),
  );
  for (const c of webhookContracts) {
    const key = messageKeyOf(c);
    messages[`webhook.${key}`] = {
      name: `webhook.${key}`,
      title: `${c.type} v${c.version}, by webhook`,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/webhookHeaders' },
      payload: { $ref: `#/components/schemas/${key}` },
    };
  }
  for (const type of PARTNER_EVENT_TYPES) {
    schemas[`cloudevent.${type}`] = cloudEvent(type);
    messages[`cloudevent.${type}`] = {
      name: `cloudevent.${type}`,
      title: `CloudEvent ${type}`,
      contentType: 'application/cloudevents+json',
      payload: { $ref: `#/components/schemas/cloudevent.${type}` },
    };
  }
  schemas.webhookHeaders = webhookHeaders();

  const channels: Doc = {};
  const operations: Doc = {};
  for (const source of sources) {
    const channel = channelKeyOf(source);
    const keys = published.filter((c) => sourceOf(c.type) === source).map(messageKeyOf);
    channels[channel] = {
      address: `{namespace}.${source}.events`,
      title: `The ${source} context's integration events`,
      description: `One topic per publishing context; the message key is the aggregate id, so one aggregate's events keep their order. Where it runs Kafka, a partner may read it directly.`,
      servers: [{ $ref: '#/servers/kafka' }],
      parameters: { namespace: { $ref: '#/components/parameters/namespace' } },
      messages: Object.fromEntries(keys.map((k) => [k, { $ref: `#/components/messages/${k}` }])),
    };
    operations[`publish.${source}`] = {
      action: 'send',
      title: `${source} publishes its facts`,
      channel: { $ref: `#/channels/${channel}` },
      messages: keys.map((k) => ({ $ref: `#/channels/${channel}/messages/${k}` })),
    };
  }
  const webhookKeys = webhookContracts.map((c) => `webhook.${messageKeyOf(c)}`);
  channels.partnerWebhook = {
    address: null,
    title: 'A partner company’s webhook',
    description: [
      'The URL a partner system registered with POST /api/partner/webhooks. Each event about its',
      'company is POSTed as the JSON envelope of the topics, signed (the headers), retried with',
      'exponential backoff until a 2xx; GET /api/partner/webhooks/deliveries lists the attempts.',
    ].join(' '),
    servers: [{ $ref: '#/servers/partnerReceiver' }],
    messages: Object.fromEntries(webhookKeys.map((k) => [k, { $ref: `#/components/messages/${k}` }])),
  };
  operations.deliverPartnerWebhook = {
    action: 'send',
    title: 'The platform delivers the company’s events to its webhook',
    channel: { $ref: '#/channels/partnerWebhook' },
    messages: webhookKeys.map((k) => ({ $ref: `#/channels/partnerWebhook/messages/${k}` })),
  };
  const cloudEventKeys = PARTNER_EVENT_TYPES.map((t) => `cloudevent.${t}`);
  channels.partnerEvents = {
    address: '/api/partner/events',
    title: 'CloudEvents from partner systems',
    description: [
      'POST, structured mode (application/cloudevents+json or application/json), with the',
      'partner key in X-Api-Key. Each type runs the same command as the company’s HTTP route;',
      'the same id from the same source twice is applied once.',
    ].join(' '),
    servers: [{ $ref: '#/servers/platform' }],
    messages: Object.fromEntries(cloudEventKeys.map((k) => [k, { $ref: `#/components/messages/${k}` }])),
  };
  operations.receivePartnerEvent = {
    action: 'receive',
    title: 'The platform receives a partner’s work on an order',
    channel: { $ref: '#/channels/partnerEvents' },
    messages: cloudEventKeys.map((k) => ({ $ref: `#/channels/partnerEvents/messages/${k}` })),
  };

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Community co-governance platform: integration events',
      version: '1.0.0',
      description: [
        'What the contexts publish (one Kafka topic each, every payload version) and how a partner',
        'property company integrates: signed webhooks out, CloudEvents in. Generated from',
        'libs/contracts by `npm run asyncapi:write`; do not edit by hand.',
      ].join(' '),
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: {
        host: 'localhost:9092',
        protocol: 'kafka',
        description: 'The cluster’s broker (KAFKA_BROKERS).',
      },
      platform: {
        host: 'localhost:3000',
        protocol: 'http',
        description: 'The platform’s API (https behind the ingress in production).',
        security: [{ $ref: '#/components/securitySchemes/partnerKey' }],
      },
      partnerReceiver: {
        host: '{host}',
        protocol: 'https',
        description: 'The partner’s receiver, at the URL it registered (http to loopback in development).',
        variables: { host: { default: 'partner.example', description: 'The registered URL’s host' } },
      },
    },
    channels,
    operations,
    components: {
      schemas,
      messages,
      parameters: {
        namespace: {
          default: 'cogov',
          description: 'KAFKA_NAMESPACE: the prefix of topics and consumer groups.',
        },
      },
      securitySchemes: {
        partnerKey: {
          type: 'httpApiKey',
          name: 'X-Api-Key',
          in: 'header',
          description: 'The partner key a platform admin issued (cgk_…).',
        },
      },
    },
  };
}

function webhookHeaders(): Doc {
  const h = WEBHOOK_HEADERS;
  return {
    type: 'object',
    required: [h.eventId, h.eventType, h.timestamp, h.signature],
    properties: {
      [h.eventId]: { type: 'string', description: 'The envelope’s eventId: de-duplicate by it' },
      [h.eventType]: { type: 'string', description: 'The envelope’s type' },
      [h.timestamp]: {
        type: 'string',
        pattern: '^[0-9]+$',
        description: 'When this attempt was signed, in Unix seconds; refuse one too old (5 minutes)',
      },
      [h.signature]: {
        type: 'string',
        pattern: '^v1=[0-9a-f]{64}$',
        description:
          'v1= and the hex HMAC-SHA256, keyed by the webhook secret (its UTF-8 bytes), of `${timestamp}.${body}` (the raw body as received); compare in constant time',
      },
    },
  };
}

function cloudEvent(type: (typeof PARTNER_EVENT_TYPES)[number]): Doc {
  return {
    type: 'object',
    required: ['specversion', 'id', 'source', 'type', 'data'],
    properties: {
      specversion: { const: '1.0' },
      id: {
        type: 'string',
        minLength: 1,
        maxLength: 128,
        description: 'With source, unique: the idempotency key of the event',
      },
      source: { type: 'string', minLength: 1, maxLength: 500, format: 'uri-reference' },
      type: { const: type },
      time: { type: 'string', format: 'date-time' },
      subject: { type: 'string' },
      datacontenttype: { const: 'application/json' },
      dataschema: { type: 'string', format: 'uri' },
      data: standard(PARTNER_EVENT_DATA_SCHEMAS[type]),
    },
  };
}

/**
 * The document as YAML. Strings are written double-quoted (JSON's escapes are YAML's), so no
 * value is ever read back as another type; keys are quoted when they are not plain words.
 */
export function toYaml(value: unknown, indent = 0): string {
  return `${render(value, indent).replace(/^\n/, '')}\n`;
}

function render(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    return value
      .map((item) => {
        const inner = render(item, indent + 2);
        return inner.startsWith('\n') ? `\n${pad}-${inner.replace(/^\n\s*/, ' ')}` : `\n${pad}-${inner}`;
      })
      .join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Doc);
    if (entries.length === 0) return ' {}';
    return entries.map(([key, v]) => `\n${pad}${yamlKey(key)}:${render(v, indent + 2)}`).join('');
  }
  if (typeof value === 'string') return ` ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return ` ${String(value)}`;
  return ' null';
}

const yamlKey = (key: string) => (/^[A-Za-z_$][A-Za-z0-9_.$-]*$/.test(key) ? key : JSON.stringify(key));

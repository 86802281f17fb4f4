import { randomUUID } from 'node:crypto';

/**
 * A partner system's side of the API, with its key (PARTNER_KEY):
 *   register <url>                       register a webhook; prints the secret (shown once)
 *   webhooks | remove <webhookId>        the company's webhooks; remove one (to rotate a secret)
 *   deliveries                           the delivery log
 *   redeliver <deliveryId>               send a delivery again
 *   accepted|arrived <orderId> [note]    a CloudEvent of the company's work on an order
 *   completed <orderId> <resultNote> [evidence-url ...]
 *   handed-back <orderId> <reason>
 * EVENT_ID sets the CloudEvent's id (send the same one twice: it is applied once).
 */
const base = (process.env.PLATFORM_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const key = process.env.PARTNER_KEY;
if (!key) {
  console.error('set PARTNER_KEY to the key a platform admin issued (cgk_…)');
  process.exit(1);
}

async function call(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  contentType = 'application/json',
) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'x-api-key': key!, ...(body === undefined ? {} : { 'content-type': contentType }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  console.log(`${response.status} ${text}`);
  if (!response.ok) process.exitCode = 1;
}

function cloudEvent(step: string, orderId: string, rest: string[]) {
  const data: Record<string, unknown> = { orderId };
  if ((step === 'accepted' || step === 'arrived') && rest[0]) data.note = rest[0];
  if (step === 'completed') Object.assign(data, { resultNote: rest[0], evidence: rest.slice(1) });
  if (step === 'handed-back') data.reason = rest[0];
  return {
    specversion: '1.0',
    id: process.env.EVENT_ID ?? randomUUID(),
    source: process.env.EVENT_SOURCE ?? 'urn:example:partner-tickets',
    type: `order-work.${step}`,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
  };
}

async function main(argv: string[]): Promise<void> {
  const [command, arg, ...rest] = argv;
  switch (command) {
    case 'register':
      return call('POST', '/api/partner/webhooks', { url: arg });
    case 'webhooks':
      return call('GET', '/api/partner/webhooks');
    case 'remove':
      return call('DELETE', `/api/partner/webhooks/${arg}`);
    case 'deliveries':
      return call('GET', '/api/partner/webhooks/deliveries');
    case 'redeliver':
      return call('POST', `/api/partner/webhooks/deliveries/${arg}/redeliver`, {});
    case 'accepted':
    case 'arrived':
    case 'completed':
    case 'handed-back':
      if (!arg) throw new Error(`${command} needs an order id`);
      return call(
        'POST',
        '/api/partner/events',
        cloudEvent(command, arg, rest),
        'application/cloudevents+json',
      );
    default:
      throw new Error(
        'usage: sender register <url> | deliveries | redeliver <id> | accepted|arrived|completed|handed-back <orderId> …',
      );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

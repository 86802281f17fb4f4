import { createHmac, randomBytes } from 'node:crypto';
import { WEBHOOK_HEADERS } from '@cogov/contracts';

/** The headers of a signed delivery (docs/security.md, "Partner webhooks"). */
export const SIGNATURE_HEADERS = WEBHOOK_HEADERS;

/** 32 random bytes, prefixed so a leaked one is recognisable in a scanner's rules. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * `v1=` and the hex HMAC-SHA256, keyed by the secret's UTF-8 bytes, of `${timestamp}.${body}`,
 * the timestamp in Unix seconds. Binding the timestamp lets a receiver refuse a replayed
 * delivery older than its tolerance.
 */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

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

/**
 * What a receiver checks: the signature given is the one the secret makes of this timestamp and
 * body, compared in constant time. The platform's tests and the demo receive as a partner would.
 */
export function hasValidSignature(secret: string, timestamp: string, body: string, given: string): boolean {
  const expected = Buffer.from(signatureOf(secret, Number(timestamp), body));
  const actual = Buffer.from(given);
  return /^\d+$/.test(timestamp) && actual.length === expected.length && timingSafeEqual(actual, expected);
}

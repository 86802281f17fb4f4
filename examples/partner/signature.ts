import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a signed delivery stays acceptable: older ones may be replays. */
export const TOLERANCE_SECONDS = 300;

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks a delivery the way docs/security.md ("Partner webhooks") says: the timestamp is recent,
 * and `x-cogov-signature` is `v1=` and the hex HMAC-SHA256, keyed by the secret, of
 * `${timestamp}.${body}` over the raw body as received (never a re-serialised one).
 */
export function verify(
  secret: string,
  timestampHeader: string | undefined,
  signatureHeader: string | undefined,
  rawBody: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Verdict {
  if (!timestampHeader || !/^\d+$/.test(timestampHeader)) return { ok: false, reason: 'no timestamp' };
  const timestamp = Number(timestampHeader);
  if (Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) return { ok: false, reason: 'stale timestamp' };
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
  const actual = signatureHeader ?? '';
  // A different length would make timingSafeEqual throw; it is a mismatch like any other.
  if (actual.length !== expected.length || !timingSafeEqual(Buffer.from(actual), Buffer.from(expected)))
    return { ok: false, reason: 'bad signature' };
  return { ok: true };
}

import { Injectable } from '@nestjs/common';
import { DEFAULT_WEBHOOK_RETRY, type RetryPolicy } from '../domain/webhook-delivery';

/**
 * How partner webhooks are checked and delivered, from the environment (docs/operations.md):
 * `WEBHOOK_REQUIRE_PUBLIC_HTTPS` (`true` when `NODE_ENV=production`, else `false`): URLs must be
 * https and resolve to public addresses only; `WEBHOOK_POLL_MS` (1000; 0 stops the background
 * sender, for tests that drive it); `WEBHOOK_TIMEOUT_MS` (10000); `WEBHOOK_MAX_ATTEMPTS` (8),
 * `WEBHOOK_FIRST_RETRY_MS` (10000) and `WEBHOOK_MAX_RETRY_MS` (3600000) for the backoff.
 */
@Injectable()
export class WebhookPolicy {
  readonly requirePublicHttps = flag('WEBHOOK_REQUIRE_PUBLIC_HTTPS', process.env.NODE_ENV === 'production');
  readonly pollMs = whole('WEBHOOK_POLL_MS', 1000, 0);
  readonly timeoutMs = whole('WEBHOOK_TIMEOUT_MS', 10_000, 1);
  readonly retry: RetryPolicy = {
    maxAttempts: whole('WEBHOOK_MAX_ATTEMPTS', DEFAULT_WEBHOOK_RETRY.maxAttempts, 1),
    firstDelayMs: whole('WEBHOOK_FIRST_RETRY_MS', DEFAULT_WEBHOOK_RETRY.firstDelayMs, 1),
    maxDelayMs: whole('WEBHOOK_MAX_RETRY_MS', DEFAULT_WEBHOOK_RETRY.maxDelayMs, 1),
  };
}

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new Error(`${name} must be true or false, not ${raw}`);
}

function whole(name: string, fallback: number, minimum: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum)
    throw new Error(`${name} must be a whole number ≥ ${minimum}, not ${raw}`);
  return value;
}

import { WEBHOOK_HEADERS } from '@cogov/contracts';
import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CLOCK, type Clock } from '@cogov/decider';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { afterAttempt, type AttemptOutcome, type Delivery } from '../../domain/webhook-delivery';
import { WebhookPolicy } from '../../application/webhook-policy';
import { checkWebhookUrl } from '../../application/webhook-url';
import { signatureOf } from './signature';
import { PartnerWebhook } from './webhook.entity';
import { WebhookAttemptRow, WebhookDeliveryRow } from './webhook-delivery.entity';

const BATCH = 20;

/**
 * Sends the due deliveries of the outbox, signed, and records every attempt. A delivery is
 * claimed before it is sent (its next attempt moved past the timeout, compared and set on its
 * attempt count), so two senders (two processes of the context, or the loop and a test) never
 * send it together, and one that dies mid-send leaves it due again once the claim runs out.
 */
@Injectable()
export class WebhookSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookSender');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly policy: WebhookPolicy,
  ) {}

  onApplicationBootstrap(): void {
    if (this.policy.pollMs === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.deliverDue()
        .catch((error: unknown) => {
          this.logger.warn(`webhook deliveries failed: ${String(error)}`);
          return 0;
        })
        .finally(() => (this.running = null));
    }, this.policy.pollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Sends every delivery due at `now`; answers how many were attempted. */
  async deliverDue(now: Date = this.clock.now()): Promise<number> {
    const due = await this.db.readSource
      .getRepository(WebhookDeliveryRow)
      .createQueryBuilder('d')
      .where('d.status = :status AND d.nextAttemptAt <= :now', { status: 'pending', now: now.toISOString() })
      .orderBy('d.nextAttemptAt', 'ASC')
      .limit(BATCH)
      .getMany();
    let attempted = 0;
    for (const row of due) {
      if (!(await this.claim(row, now))) continue;
      attempted++;
      const webhook = await this.db.readSource
        .getRepository(PartnerWebhook)
        .findOne({ where: { webhookId: row.webhookId } });
      const outcome = webhook ? await this.send(webhook, row, now) : gone;
      await this.record(row, outcome, now);
    }
    return attempted;
  }

  private async claim(row: WebhookDeliveryRow, now: Date): Promise<boolean> {
    const until = new Date(now.getTime() + 2 * this.policy.timeoutMs).toISOString();
    const result = await this.db.transaction((m) =>
      m
        .createQueryBuilder()
        .update(WebhookDeliveryRow)
        .set({ nextAttemptAt: until })
        .where('deliveryId = :id AND attempts = :attempts AND status = :status AND nextAttemptAt = :at', {
          id: row.deliveryId,
          attempts: row.attempts,
          status: 'pending',
          at: row.nextAttemptAt,
        })
        .execute(),
    );
    return result.affected === 1;
  }

  private async send(
    webhook: PartnerWebhook,
    row: WebhookDeliveryRow,
    now: Date,
  ): Promise<AttemptOutcome & { status: number | null }> {
    try {
      const url = await checkWebhookUrl(webhook.url, this.policy.requirePublicHttps);
      const timestamp = Math.floor(now.getTime() / 1000);
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'error',
        signal: AbortSignal.timeout(this.policy.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'cogov-webhooks/1',
          [WEBHOOK_HEADERS.eventId]: row.eventId,
          [WEBHOOK_HEADERS.eventType]: row.eventType,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signatureOf(webhook.secret, timestamp, row.body),
        },
        body: row.body,
      });
      await response.body?.cancel();
      return response.ok
        ? { ok: true, status: response.status }
        : { ok: false, error: `answered ${response.status}`, status: response.status };
    } catch (error) {
      return { ok: false, error: describe(error), status: null };
    }
  }

  private async record(
    row: WebhookDeliveryRow,
    outcome: AttemptOutcome & { status: number | null },
    now: Date,
  ): Promise<void> {
    const next: Delivery = afterAttempt(row, outcome, now, this.policy.retry);
    await this.db.transaction(async (m) => {
      await m.getRepository(WebhookDeliveryRow).update(
        { deliveryId: row.deliveryId },
        {
          status: next.status,
          attempts: next.attempts,
          roundAttempts: next.roundAttempts,
          lastError: next.lastError,
          nextAttemptAt: next.nextAttemptAt,
          deliveredAt: next.deliveredAt,
        },
      );
      await m.getRepository(WebhookAttemptRow).insert({
        attemptId: randomUUID(),
        deliveryId: row.deliveryId,
        attempt: next.attempts,
        at: now.toISOString(),
        responseStatus: outcome.status,
        error: outcome.ok ? null : outcome.error,
      });
    });
  }
}

const gone = { ok: false, error: 'the webhook was removed', status: null } as const;

/** What went wrong, without the URL's query (it may hold a partner's token). */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.name === 'TimeoutError' ? 'timed out' : error.message}${detail}`.slice(0, 500);
  }
  return String(error).slice(0, 500);
}

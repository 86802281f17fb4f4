import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { PartnerCompanies } from '@cogov/security';
import {
  Command,
  CommandHandler,
  type ICommandHandler,
  type IQueryHandler,
  Query,
  QueryHandler,
} from '@nestjs/cqrs';
import { CLOCK, type Clock, NotFound, RuleViolation } from '@cogov/decider';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { redeliver } from '../domain/webhook-delivery';
import { newWebhookSecret } from '../infrastructure/webhooks/signature';
import { PartnerWebhook } from '../infrastructure/webhooks/webhook.entity';
import { WebhookDeliveryRow } from '../infrastructure/webhooks/webhook-delivery.entity';
import { WebhookPolicy } from './webhook-policy';
import { checkWebhookUrl } from './webhook-url';

export const MAX_WEBHOOKS_PER_COMPANY = 10;

export interface RegisteredWebhook {
  readonly webhookId: string;
  readonly url: string;
  /** Shown in this answer only. */
  readonly secret: string;
  readonly createdAt: string;
}

/** A partner system registers where its company's events go. */
export class RegisterWebhookCommand extends Command<RegisteredWebhook> {
  constructor(
    readonly companyId: string,
    readonly url: string,
    /** The partner key it was registered with, when it was (an admin's token has none). */
    readonly keyId: string | null,
  ) {
    super();
  }
}

@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly policy: WebhookPolicy,
  ) {}

  async execute({ companyId, url, keyId }: RegisterWebhookCommand): Promise<RegisteredWebhook> {
    const checked = await checkWebhookUrl(url, this.policy.requirePublicHttps);
    // Every event is sent to every webhook of the company: a bound on the fan-out one key can ask for.
    const existing = await this.db.readSource.getRepository(PartnerWebhook).count({ where: { companyId } });
    if (existing >= MAX_WEBHOOKS_PER_COMPANY) {
      throw new RuleViolation(
        `a company has at most ${MAX_WEBHOOKS_PER_COMPANY} webhooks; remove one first`,
        { companyId, limit: MAX_WEBHOOKS_PER_COMPANY },
      );
    }
    const webhook: PartnerWebhook = {
      webhookId: randomUUID(),
      companyId,
      url: checked.toString(),
      secret: newWebhookSecret(),
      createdAt: this.clock.now().toISOString(),
      keyId,
    };
    await this.db.transaction((m) => m.getRepository(PartnerWebhook).insert(webhook));
    return {
      webhookId: webhook.webhookId,
      url: webhook.url,
      secret: webhook.secret,
      createdAt: webhook.createdAt,
    };
  }
}

export interface WebhookView {
  readonly webhookId: string;
  readonly url: string;
  readonly createdAt: string;
}

/** The company's webhooks, without their secrets. */
export class ListWebhooksQuery extends Query<WebhookView[]> {
  constructor(readonly companyId: string) {
    super();
  }
}

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ companyId }: ListWebhooksQuery): Promise<WebhookView[]> {
    const rows = await this.db.readSource
      .getRepository(PartnerWebhook)
      .find({ where: { companyId }, order: { createdAt: 'ASC', webhookId: 'ASC' } });
    return rows.map(({ webhookId, url, createdAt }) => ({ webhookId, url, createdAt }));
  }
}

/**
 * Removes a webhook (to rotate its secret: register a new one, then remove the old). Its pending
 * deliveries fail at once instead of being retried against a URL nobody vouches for any more.
 */
export class RemoveWebhookCommand extends Command<void> {
  constructor(
    readonly companyId: string,
    readonly webhookId: string,
  ) {
    super();
  }
}

@CommandHandler(RemoveWebhookCommand)
export class RemoveWebhookHandler implements ICommandHandler<RemoveWebhookCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ companyId, webhookId }: RemoveWebhookCommand): Promise<void> {
    await this.db.transaction(async (m) => {
      const { affected } = await m.getRepository(PartnerWebhook).delete({ webhookId, companyId });
      // Another company's webhook is answered as one that does not exist.
      if (!affected) throw new NotFound('webhook', webhookId);
      await m
        .getRepository(WebhookDeliveryRow)
        .update(
          { webhookId, status: 'pending' },
          { status: 'failed', nextAttemptAt: null, lastError: 'the webhook was removed' },
        );
    });
  }
}

export interface DeliveryView {
  readonly deliveryId: string;
  readonly webhookId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly status: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly createdAt: string;
}

/** The delivery log of one company's webhooks, newest first. */
export class ListDeliveriesQuery extends Query<DeliveryView[]> {
  constructor(
    readonly companyId: string,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(ListDeliveriesQuery)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveriesQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ companyId, limit }: ListDeliveriesQuery): Promise<DeliveryView[]> {
    const rows = await this.db.readSource.getRepository(WebhookDeliveryRow).find({
      where: { companyId },
      order: { createdAt: 'DESC', deliveryId: 'ASC' },
      take: limit,
    });
    return rows.map(view);
  }
}

/** Sends a delivery again, at once and with a fresh round of attempts. */
export class RedeliverCommand extends Command<DeliveryView> {
  constructor(
    readonly companyId: string,
    readonly deliveryId: string,
    readonly freshRound: boolean,
  ) {
    super();
  }
}

@CommandHandler(RedeliverCommand)
export class RedeliverHandler implements ICommandHandler<RedeliverCommand> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ companyId, deliveryId, freshRound }: RedeliverCommand): Promise<DeliveryView> {
    return this.db.transaction(async (m) => {
      const deliveries = m.getRepository(WebhookDeliveryRow);
      // Another company's delivery is answered as one that does not exist.
      const row = await deliveries.findOne({ where: { deliveryId, companyId } });
      if (!row) throw new NotFound('webhook delivery', deliveryId);
      const next = redeliver(row, this.clock.now(), freshRound);
      await deliveries.update(
        { deliveryId },
        { status: next.status, roundAttempts: next.roundAttempts, nextAttemptAt: next.nextAttemptAt },
      );
      return view({ ...row, ...next });
    });
  }
}

function view(row: WebhookDeliveryRow): DeliveryView {
  return {
    deliveryId: row.deliveryId,
    webhookId: row.webhookId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
  };
}

/**
 * A revoked partner key takes its webhooks with it: whoever held the key must not go on
 * receiving the company's events. Their pending deliveries fail, as when a webhook is removed.
 */
@Injectable()
export class WebhooksOfRevokedKeys implements OnModuleInit {
  constructor(
    private readonly companies: PartnerCompanies,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  onModuleInit(): void {
    this.companies.whenKeyRevoked((keyId) =>
      this.db.transaction(async (m) => {
        const webhooks = await m.getRepository(PartnerWebhook).findBy({ keyId });
        for (const { webhookId } of webhooks) {
          await m.getRepository(PartnerWebhook).delete({ webhookId });
          await m.getRepository(WebhookDeliveryRow).update(
            { webhookId, status: 'pending' },
            {
              status: 'failed',
              nextAttemptAt: null,
              lastError: 'the partner key that registered the webhook was revoked',
            },
          );
        }
      }),
    );
  }
}

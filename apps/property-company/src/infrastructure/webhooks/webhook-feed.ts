import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import type { IntegrationEvent } from '@cogov/contracts';
import { CLOCK, type Clock } from '@cogov/decider';
import { INTEGRATION_EVENT_BUS, type IntegrationEventBus } from '@cogov/messaging';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { concernedCompany, newDelivery, WEBHOOK_EVENT_TYPES } from '../../domain/webhook-delivery';
import { PartnerWebhook } from './webhook.entity';
import { WebhookDeliveryRow } from './webhook-delivery.entity';

/** The consumer group whose checkpoint says which published events have their deliveries queued. */
export const WEBHOOK_FEED_GROUP = 'property-company-webhooks';
const DELIVERY_NAMESPACE = '6f1c2a9e-3b4d-4c5e-9f80-7a1b2c3d4e5f';

/**
 * Feeds the delivery outbox from the published integration events, as any consumer would read
 * them (a consumer group of its own, on the in-process bus or Kafka): a partner receives exactly
 * what the topics carry. An event about a company becomes one pending delivery per webhook the
 * company has when the event is consumed; the row is committed before the bus moves past the
 * event, and a redelivered event finds its rows already there.
 */
@Injectable()
export class WebhookFeed implements OnModuleInit {
  constructor(
    @Inject(INTEGRATION_EVENT_BUS) private readonly bus: IntegrationEventBus,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const handle = { versions: [1], handle: (event: IntegrationEvent) => this.enqueue(event) };
    this.bus.subscribe({
      group: WEBHOOK_FEED_GROUP,
      handlers: Object.fromEntries(WEBHOOK_EVENT_TYPES.map((type) => [type, handle])),
    });
  }

  async enqueue(event: IntegrationEvent): Promise<void> {
    const companyId = concernedCompany(event);
    if (!companyId) return;
    await this.db.transaction(async (m) => {
      const webhooks = await m.getRepository(PartnerWebhook).find({ where: { companyId } });
      if (webhooks.length === 0) return;
      const now = this.clock.now().toISOString();
      const body = JSON.stringify(event);
      const rows = webhooks.map((webhook) => ({
        deliveryId: uuidv5(`${webhook.webhookId}|${event.eventId}`, DELIVERY_NAMESPACE),
        webhookId: webhook.webhookId,
        companyId,
        eventId: event.eventId,
        eventType: event.type,
        body,
        createdAt: now,
        ...newDelivery(now),
      }));
      await m.createQueryBuilder().insert().into(WebhookDeliveryRow).values(rows).orIgnore().execute();
    });
  }
}

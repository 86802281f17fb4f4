import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeliveryStatus } from '../../domain/webhook-delivery';

/**
 * The delivery outbox: one row per published event and webhook, written by the webhook feed (a
 * consumer group of the published events) before the bus moves on, so a restart loses nothing:
 * what is pending is here, and the sender picks it up again.
 */
@Entity({ name: 'pc_webhook_deliveries' })
@Index(['status', 'nextAttemptAt'])
@Index(['companyId', 'createdAt'])
export class WebhookDeliveryRow {
  /** Derived from the webhook and the event id: a redelivered event makes no second row. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  deliveryId!: string;

  @Column({ type: 'varchar', length: 36 })
  webhookId!: string;

  @Column({ type: 'varchar', length: 36 })
  companyId!: string;

  @Column({ type: 'varchar', length: 100 })
  eventId!: string;

  @Column({ type: 'varchar', length: 200 })
  eventType!: string;

  /** The exact bytes sent every time, so the signature is over what the partner receives. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: DeliveryStatus;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'integer' })
  roundAttempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  nextAttemptAt!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  deliveredAt!: string | null;

  @Column({ type: 'varchar', length: 40 })
  createdAt!: string;
}

/** The delivery log: every attempt, with what the partner's system answered. */
@Entity({ name: 'pc_webhook_attempts' })
@Index(['deliveryId'])
export class WebhookAttemptRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  attemptId!: string;

  @Column({ type: 'varchar', length: 36 })
  deliveryId!: string;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ type: 'varchar', length: 40 })
  at!: string;

  @Column({ type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}

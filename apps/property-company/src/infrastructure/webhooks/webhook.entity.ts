import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A partner system's webhook: where its company's events go, and the secret they are signed
 * with. The secret is kept as it was issued (the platform must sign with it, so a hash would not
 * do), in this table only, never in an event, a log line or a response after the first (ADR 23).
 */
@Entity({ name: 'pc_partner_webhooks' })
@Index(['companyId'])
export class PartnerWebhook {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  webhookId!: string;

  @Column({ type: 'varchar', length: 36 })
  companyId!: string;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'varchar', length: 100 })
  secret!: string;

  @Column({ type: 'varchar', length: 40 })
  createdAt!: string;

  /** The partner key that registered it: revoking the key removes the webhook. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  @Index()
  keyId!: string | null;
}

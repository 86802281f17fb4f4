import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What the points bank keeps of others' facts (ids, categories, scores: no personal data), each
 * table written only by the facts that name its columns, so facts of different publishers may
 * arrive in any order.
 */
@Entity({ name: 'pb_street' })
export class StreetEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) streetId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
}

@Entity({ name: 'pb_community' })
@Index(['streetId'])
export class CommunityEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) communityId!: string;
  /** Null: the community lies in no street (every community-registered v1). */
  @Column({ type: 'varchar', length: 100, nullable: true }) streetId!: string | null;
}

/** An order: its placement, the branch's priority, and whether its points are settled. */
@Entity({ name: 'pb_order' })
@Index(['communityId'])
export class OrderEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) orderId!: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) communityId!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) category!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) priority!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) reviewedAt!: string | null;
  /** `earned` or `nothing` once decided; null while the order waits (for a fact or a standard). */
  @Column({ type: 'varchar', length: 20, nullable: true }) outcome!: string | null;
}

/** Who completed an order's round (the `completed` step of any context's order-work). */
@Entity({ name: 'pb_order_completion' })
export class OrderCompletionEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) orderId!: string;
  @PrimaryColumn({ type: 'integer' }) round!: number;
  @Column({ type: 'varchar', length: 40 }) executorKind!: string;
  @Column({ type: 'varchar', length: 100 }) executorId!: string;
  @Column({ type: 'varchar', length: 40 }) completedAt!: string;
}

@Entity({ name: 'pb_order_rating' })
export class OrderRatingEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) orderId!: string;
  @PrimaryColumn({ type: 'integer' }) round!: number;
  @Column({ type: 'integer' }) score!: number;
  @Column({ type: 'boolean' }) reopened!: boolean;
}

/** A confirmed volunteer activity, kept until its participants' points are settled. */
@Entity({ name: 'pb_activity' })
@Index(['communityId'])
export class ActivityEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) activityId!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) streetId!: string | null;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  @Column({ type: 'varchar', length: 10 }) date!: string;
  @Column({ type: 'double precision' }) hours!: number;
  @Column({ type: 'simple-json' }) participantIds!: string[];
  @Column({ type: 'varchar', length: 20, nullable: true }) outcome!: string | null;
}

export const POINTS_BANK_ENTITIES = [
  StreetEntry,
  CommunityEntry,
  OrderEntry,
  OrderCompletionEntry,
  OrderRatingEntry,
  ActivityEntry,
];

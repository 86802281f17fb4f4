import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per order, as its publishers told it: where it lies (order-placed), the branch's review
 * (party-organization.order-reviewed), who it went to (order-dispatched, order-whistled) and who
 * works on it (each executor's order-work; how it ended is in {@link OrderRating}). Each group of
 * columns is written by one kind of fact, so facts of different publishers, which no bus orders
 * among themselves, may arrive in any order; the work, which comes from every executor's
 * publisher, is only overwritten by a step of the same or a later round (and, within a round,
 * time). Every column but the id may be null: any fact may be the first heard of an order.
 */
@Entity({ name: 'bd_order' })
@Index(['communityId', 'placedAt'])
@Index(['compoundId'])
@Index(['gridId'])
@Index(['placedAt'])
export class OrderFacts {
  @PrimaryColumn({ type: 'varchar', length: 100 }) orderId!: string;

  // residents-committee.order-placed
  @Column({ type: 'varchar', length: 100, nullable: true }) communityId!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) compoundId!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) buildingId!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) gridId!: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) category!: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) channel!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) placedAt!: string | null;

  // party-organization.order-reviewed
  @Column({ type: 'varchar', length: 100, nullable: true }) branchId!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) reviewDecision!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) priority!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) reviewedAt!: string | null;

  // residents-committee.order-dispatched and order-whistled (one publisher, in order): whom the
  // current round went to
  @Column({ type: 'integer', nullable: true }) assignedRound!: number | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) assignedAt!: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) assigneeKind!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) assigneeId!: string | null;

  // residents-committee.order-whistled: the last whistle (吹哨), if any
  @Column({ type: 'integer', nullable: true }) whistleRound!: number | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) whistledAt!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) departmentId!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) whistleLevel!: string | null;

  // <executor context>.order-work: the latest step of the latest round
  @Column({ type: 'integer', nullable: true }) workRound!: number | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) workAt!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) workStep!: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) executorKind!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) executorId!: string | null;
}

/**
 * Every rating of an order, round by round: satisfaction counts ratings, not orders, and an order
 * whose rating did not reopen it is closed (the chain ended).
 */
@Entity({ name: 'bd_order_rating' })
@Index(['ratedAt'])
@Index(['reopened', 'orderId'])
export class OrderRating {
  @PrimaryColumn({ type: 'varchar', length: 100 }) orderId!: string;
  @PrimaryColumn({ type: 'integer' }) round!: number;
  @Column({ type: 'integer' }) score!: number;
  @Column({ type: 'boolean' }) reopened!: boolean;
  @Column({ type: 'varchar', length: 40 }) ratedAt!: string;
}

/**
 * The service level of one stage of one track of an order (the committee's three-ones process,
 * `residents-committee.service-level-*`): when it was due, whether and when it was reached, and
 * its breach. All from one publisher and one key (the order), so in order.
 */
@Entity({ name: 'bd_service_level' })
@Index(['dueAt'])
// Every column the rates read of a period's deadlines, so the index alone answers (docs/rates.md).
@Index(['track', 'dueAt', 'stage', 'orderId', 'reachedAt', 'inTime', 'breachedAt', 'startedAt'])
export class StageServiceLevel {
  @PrimaryColumn({ type: 'varchar', length: 100 }) orderId!: string;
  /** `community` (the three ones) or `department` (a whistled order's department). */
  @PrimaryColumn({ type: 'varchar', length: 20 }) track!: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) stage!: string;
  @Column({ type: 'integer', nullable: true }) round!: number | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) departmentId!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) startedAt!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) dueAt!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) reachedAt!: string | null;
  @Column({ type: 'boolean', nullable: true }) inTime!: boolean | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) breachedAt!: string | null;
  @Column({ type: 'float', nullable: true }) lateByMs!: number | null;
}

export const ORDER_FACT_ENTITIES = [OrderFacts, OrderRating, StageServiceLevel];

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What the scheduler reads: per order, the deadlines still open on each track (null once reached,
 * breached or ended) and the earliest of them. In the database, so a restart forgets no deadline.
 */
@Entity({ name: 'rc_service_level_due' })
@Index(['nextDueAt'])
export class DueDeadline {
  @PrimaryColumn({ type: 'varchar', length: 36 }) orderId!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) acceptDueAt!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) onSiteDueAt!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) completeDueAt!: string | null;
  /** The department's track, once the order is whistled: report in, on site, complete. */
  @Column({ type: 'varchar', length: 40, nullable: true }) departmentAcceptDueAt!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) departmentOnSiteDueAt!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) departmentCompleteDueAt!: string | null;
  /** ISO times sort as text: the sweep asks for `nextDueAt < now`. */
  @Column({ type: 'varchar', length: 40, nullable: true }) nextDueAt!: string | null;
}

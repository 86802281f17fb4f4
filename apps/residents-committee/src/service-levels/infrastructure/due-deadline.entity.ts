import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What the scheduler reads: per order, the deadlines still open (null once reached, breached or
 * ended) and the earliest of them. In the database, so a restart forgets no deadline.
 */
@Entity({ name: 'rc_service_level_due' })
@Index(['nextDueAt'])
export class DueDeadline {
  @PrimaryColumn({ type: 'varchar', length: 36 }) orderId!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) acceptDueAt!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) onSiteDueAt!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) completeDueAt!: string | null;
  /** ISO times sort as text: the sweep asks for `nextDueAt < now`. */
  @Column({ type: 'varchar', length: 40, nullable: true }) nextDueAt!: string | null;
}

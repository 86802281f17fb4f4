import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 督办: one row per matter to supervise (a missed deadline, an order that went back). */
@Entity({ name: 'rc_supervision_item' })
@Index(['communityId', 'raisedAt'])
export class SupervisionItem {
  /** The id of the process event that raised it: one item per breach or return, however often replayed. */
  @PrimaryColumn({ type: 'varchar', length: 36 }) itemId!: string;
  @Column({ type: 'varchar', length: 36 }) orderId!: string;
  @Column({ type: 'varchar', length: 36 }) communityId!: string;
  @Column({ type: 'varchar', length: 36 }) compoundId!: string;
  /** The grid the order fell in, for a grid's list; null outside grids. */
  @Column({ type: 'varchar', length: 36, nullable: true }) gridId!: string | null;
  /** Whose deadline or return it is: the community's, or the department's the order was whistled to. */
  @Column({ type: 'varchar', length: 20, default: 'community' }) track!: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) departmentId!: string | null;
  /** `accept`, `on-site`, `complete` for a breach; `reopened` for an order handed back or rated low. */
  @Column({ type: 'varchar', length: 20 }) stage!: string;
  @Column({ type: 'varchar', length: 40 }) reason!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) dueAt!: string | null;
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: {
      to: (v: number | null) => v,
      from: (v: string | number | null) => (v === null ? null : Number(v)),
    },
  })
  lateByMs!: number | null;
  @Column({ type: 'varchar', length: 40 }) raisedAt!: string;
  @Column({ type: 'varchar', length: 20 }) status!: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) supervisorId!: string | null;
  @Column({ type: 'integer', default: 0 }) noteCount!: number;
  @Column({ type: 'varchar', length: 1000, nullable: true }) lastNote!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) resolvedAt!: string | null;
}

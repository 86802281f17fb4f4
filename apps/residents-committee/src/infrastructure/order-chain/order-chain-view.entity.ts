import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One step of the chain as the view shows it. */
export interface ChainStep {
  readonly stage: string;
  readonly round: number;
  readonly at: string;
  readonly actorId: string;
  readonly note: string | null;
  /** Time since the previous step; null for the first. */
  readonly tookMs: number | null;
  readonly eventType: string;
  readonly globalPosition: number;
}

/** The five-order chain view (五单服务 链条视图): one row per order, its stage and whole history. */
@Entity({ name: 'rc_order_chain_view' })
@Index(['stage', 'placedAt'])
@Index(['compoundId', 'placedAt'])
export class OrderChainView {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  orderId!: string;

  @Column({ type: 'varchar', length: 120 })
  streamId!: string;

  @Column({ type: 'varchar', length: 36 })
  communityId!: string;

  @Column({ type: 'varchar', length: 36 })
  compoundId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  buildingId!: string | null;

  @Column({ type: 'varchar', length: 36 })
  residentId!: string;

  @Column({ type: 'varchar', length: 40 })
  category!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 40 })
  channel!: string;

  @Column({ type: 'varchar', length: 20 })
  stage!: string;

  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  priority!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  assigneeKind!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  takenBy!: string | null;

  @Column({ type: 'integer', nullable: true })
  lastScore!: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastComment!: string | null;

  @Column({ type: 'varchar', length: 40 })
  placedAt!: string;

  @Column({ type: 'varchar', length: 40 })
  updatedAt!: string;

  @Column({ type: 'simple-json' })
  history!: ChainStep[];

  /** Guards against applying an event twice. */
  @Column({ type: 'bigint' })
  lastPosition!: string | number;
}

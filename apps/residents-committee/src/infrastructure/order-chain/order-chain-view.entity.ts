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

/**
 * One round of work on the order: to whom it went and when each step of the work happened (the
 * times the service-level clocks measure). A hand-back empties the current assignment and keeps
 * a record of it; the next dispatch in the round fills it again.
 */
export interface ChainRound {
  readonly round: number;
  dispatchedAt: string | null;
  assignee: { kind: string; id: string } | null;
  /** Who accepted it: the assignee, or a member of the branch pool it went to. */
  acceptedBy: { kind: string; id: string } | null;
  acceptedAt: string | null;
  arrivedAt: string | null;
  completedAt: string | null;
  handBacks: Array<{ executor: { kind: string; id: string }; reason: string; at: string }>;
  /** 吹哨: the departments the round was whistled to, in order (a hand-back may lead to another). */
  whistles: ChainWhistle[];
}

export interface ChainWhistle {
  readonly departmentId: string;
  readonly level: string;
  readonly reason: string;
  readonly whistlerId: string;
  readonly whistledAt: string;
}

/** The five-order chain view (五单服务 链条视图): one row per order, its stage and whole history. */
@Entity({ name: 'rc_order_chain_view' })
@Index(['stage', 'placedAt'])
@Index(['compoundId', 'placedAt'])
// A department's (or company's) in-tray: what is with it now.
@Index(['assigneeKind', 'assigneeId', 'placedAt'])
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

  /** The basic grid or grid the order fell in when placed; null when none covered it. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  gridId!: string | null;

  /** Null for a patrol finding, which no resident placed. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  residentId!: string | null;

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

  // A default, so that synchronising an older table can add the column before the rebuild fills it.
  @Column({ type: 'simple-json', default: () => "'[]'" })
  rounds!: ChainRound[];

  /** Guards against applying an event twice. */
  @Column({ type: 'bigint' })
  lastPosition!: string | number;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The rates' counts (docs/rates.md) of one row of a level, summed over its orders, for one UTC day
 * or month (`span`, `start` its first day) and the community the orders lie in ('' when not yet
 * known). Kept by `order-rollups.ts` from the order facts, in their transactions; a year's table
 * reads about twelve of these per row instead of every deadline, rating and order of the year.
 * Milliseconds are doubles: a sum of a year of stage times passes 2³¹. On SQLite the rows live in
 * their key's order (`WITHOUT ROWID`): a period's range is read in one pass, not a lookup per row
 * (a year's month rows of 2,000 members: 51 ms with a rowid, 32 without).
 */
@Entity({ name: 'bd_rate_bucket', withoutRowid: true })
export class RateBucket {
  @PrimaryColumn({ type: 'varchar', length: 30 }) level!: string;
  @PrimaryColumn({ type: 'varchar', length: 10 }) span!: string;
  @PrimaryColumn({ type: 'varchar', length: 10 }) start!: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) communityId!: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) rowId!: string;
  @Column({ type: 'integer', default: 0 }) entries!: number;
  @Column({ type: 'integer', default: 0 }) orders!: number;
  @Column({ type: 'integer', default: 0 }) ratings!: number;
  @Column({ type: 'integer', default: 0 }) satisfied!: number;
  @Column({ type: 'integer', default: 0 }) acceptDue!: number;
  @Column({ type: 'integer', default: 0 }) acceptInTime!: number;
  @Column({ type: 'integer', default: 0 }) completeDue!: number;
  @Column({ type: 'integer', default: 0 }) resolved!: number;
  @Column({ type: 'integer', default: 0 }) breachedAccept!: number;
  @Column({ type: 'integer', default: 0 }) breachedOnSite!: number;
  @Column({ type: 'integer', default: 0 }) breachedComplete!: number;
  @Column({ type: 'integer', default: 0 }) reachedAccept!: number;
  @Column({ type: 'integer', default: 0 }) reachedOnSite!: number;
  @Column({ type: 'integer', default: 0 }) reachedComplete!: number;
  @Column({ type: 'float', default: 0 }) reachedMsAccept!: number;
  @Column({ type: 'float', default: 0 }) reachedMsOnSite!: number;
  @Column({ type: 'float', default: 0 }) reachedMsComplete!: number;
}

/**
 * A compound's orders on its linkage board, summed: open ones by the party they wait on (`kind`),
 * closed ones by executor and grid (so whether the executor holds a post reaching the grid, which
 * changes with the posts, is judged when the board is read). '' stands for "none".
 */
@Entity({ name: 'bd_order_tally' })
export class OrderTallyLine {
  @PrimaryColumn({ type: 'varchar', length: 100 }) compoundId!: string;
  @PrimaryColumn({ type: 'varchar', length: 10 }) facet!: string;
  @PrimaryColumn({ type: 'varchar', length: 30 }) kind!: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) holder!: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) gridId!: string;
  @Column({ type: 'integer', default: 0 }) orders!: number;
  @Column({ type: 'integer', default: 0 }) overdue!: number;
  @Column({ type: 'integer', default: 0 }) escalated!: number;
}

export const ORDER_ROLLUP_ENTITIES = [RateBucket, OrderTallyLine];

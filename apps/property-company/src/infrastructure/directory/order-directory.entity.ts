import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The compound of each order, from the residents' committee's `order-placed` (the dispatch does
 * not name it): enough to check that a company accepting an order serves its compound. Never
 * written by commands.
 */
@Entity({ name: 'pc_order_directory' })
export class OrderDirectoryEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  orderId!: string;

  @Column({ type: 'varchar', length: 36 })
  compoundId!: string;
}

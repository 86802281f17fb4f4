import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An order in the hands of a property company: the company's list of orders to work on. */
@Entity({ name: 'pc_company_orders' })
@Index(['companyId', 'open'])
export class CompanyOrderView {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  orderId!: string;

  /** The company its current round went to; null once it went to another kind of executor. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  companyId!: string | null;

  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'varchar', length: 20 })
  stage!: string;

  @Column({ type: 'boolean' })
  open!: boolean;

  @Column({ type: 'varchar', length: 40 })
  dispatchedAt!: string;
}

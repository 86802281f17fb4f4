import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The property service contracts the owners' committee knows, from the property company's
 * `contract-recorded`: which company serves which compound when, to check that a committee
 * evaluates the company serving its compound. Never written by commands.
 */
@Entity({ name: 'oc_service_contracts' })
@Index(['compoundId', 'companyId'])
export class ServiceContractEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  contractId!: string;

  @Column({ type: 'varchar', length: 100 })
  companyId!: string;

  @Column({ type: 'varchar', length: 100 })
  compoundId!: string;

  /** ISO dates, both included. */
  @Column({ type: 'varchar', length: 10 })
  startsOn!: string;

  @Column({ type: 'varchar', length: 10 })
  endsOn!: string;
}

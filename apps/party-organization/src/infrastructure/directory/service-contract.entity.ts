import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The property service contracts the Party organization knows, from the property company's
 * `contract-recorded`: which company serves a compound of which community when, so that a
 * community rates only the companies serving it. Never written by commands.
 */
@Entity({ name: 'po_service_contracts' })
@Index(['communityId', 'companyId'])
export class ServiceContractEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  contractId!: string;

  @Column({ type: 'varchar', length: 100 })
  companyId!: string;

  @Column({ type: 'varchar', length: 100 })
  communityId!: string;

  @Column({ type: 'varchar', length: 10 })
  startsOn!: string;

  @Column({ type: 'varchar', length: 10 })
  endsOn!: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The property companies the residents' committee has heard of, from the property company
 * context's published registrations: a dispatch must go to a company that exists, or the order
 * would wait for nobody. Never written by commands.
 */
@Entity({ name: 'rc_company_directory' })
export class CompanyDirectoryEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  registeredAt!: string;
}

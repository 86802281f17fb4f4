import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The property companies the Party organization knows, from the property company context's
 * `company-registered`: enough to found a company's own Party branch. Never written by commands.
 */
@Entity({ name: 'po_company_directory' })
export class CompanyDirectoryEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  companyId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;
}

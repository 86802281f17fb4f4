import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The compounds the property company knows, from the residents' committee's `compound-registered`:
 * enough to check that a contract names a real compound and to know its community. Never written
 * by commands.
 */
@Entity({ name: 'pc_compound_directory' })
export class CompoundDirectoryEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  compoundId!: string;

  @Column({ type: 'varchar', length: 36 })
  communityId!: string;
}

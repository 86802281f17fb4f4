import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the owners' committee knows of others' facts, ids only: compounds and residents from the
 * residents' committee, Party members from the Party organization. Never written by commands.
 */
@Entity({ name: 'oc_directory' })
export class DirectoryEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id!: string;

  /** `compound`, `resident` or `party-member`. */
  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  @Column({ type: 'varchar', length: 100 })
  communityId!: string;

  /** The compound a resident lives in; null otherwise. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  compoundId!: string | null;

  /** A resident's `owner`, `tenant` or `unknown` (not asked); null for the others. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  tenure!: string | null;
}

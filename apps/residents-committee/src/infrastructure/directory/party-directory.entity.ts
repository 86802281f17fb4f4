import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the residents' committee knows of the Party organization, from its published events:
 * enough to check that a dispatch goes to a real member or branch. Never written by commands.
 */
@Entity({ name: 'rc_party_directory' })
export class PartyDirectoryEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** `member`, or the organization kind: `community-committee`, `branch`, `group`. */
  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ type: 'varchar', length: 36 })
  communityId!: string;

  /** For a member, the branch it belongs to (directly or through its group). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  branchId!: string | null;
}

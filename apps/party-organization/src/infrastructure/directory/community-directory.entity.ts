import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What the Party organization knows of the community structure, from the residents' committee's
 * published events: enough to check that a branch covers real compounds and a group real
 * buildings. Never written by commands.
 */
@Entity({ name: 'po_community_directory' })
@Index(['communityId', 'kind'])
export class CommunityDirectoryEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** `community`, `compound`, `building` or `resident`. */
  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  @Column({ type: 'varchar', length: 36 })
  communityId!: string;

  /** The compound of a building or a resident; null otherwise. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  compoundId!: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The approved building leaders the residents' committee has heard of, from the building leaders'
 * published approvals: a dispatch must go to a vetted leader of the order's community, or the
 * order would wait for nobody. Never written by commands.
 */
@Entity({ name: 'rc_leader_directory' })
export class LeaderDirectoryEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  communityId!: string;

  @Column({ type: 'varchar', length: 36 })
  compoundId!: string;

  @Column({ type: 'varchar', length: 40 })
  approvedAt!: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The opinions building leaders reported up, from their published facts (ids and topic only):
 * enough for a joint meeting's agenda to name a real opinion of its compound. Never written by
 * commands.
 */
@Entity({ name: 'po_opinion_directory' })
export class OpinionDirectoryEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) opinionId!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'varchar', length: 100 }) compoundId!: string;
  @Column({ type: 'varchar', length: 200 }) topic!: string;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An opinion a building leader reported, as the compound's board shows it. */
@Entity({ name: 'bl_opinion_view' })
@Index(['compoundId', 'reportedAt'])
export class OpinionView {
  @PrimaryColumn({ type: 'varchar', length: 36 }) opinionId!: string;
  @Column({ type: 'varchar', length: 36 }) leaderId!: string;
  @Column({ type: 'varchar', length: 36 }) communityId!: string;
  @Column({ type: 'varchar', length: 36 }) compoundId!: string;
  @Column({ type: 'varchar', length: 200 }) topic!: string;
  @Column({ type: 'text' }) text!: string;
  /** The residents the opinion concerns, as a JSON array of ids. */
  @Column({ type: 'simple-json' }) residentIds!: string[];
  @Column({ type: 'varchar', length: 40 }) reportedAt!: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The owners' committees' evaluations of the property service, from their published facts (ids,
 * company and period): enough for a joint meeting's agenda to name a real evaluation of its
 * compound. Never written by commands.
 */
@Entity({ name: 'po_evaluation_directory' })
export class EvaluationDirectoryEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) evaluationId!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'varchar', length: 100 }) compoundId!: string;
  @Column({ type: 'varchar', length: 100 }) companyId!: string;
  @Column({ type: 'varchar', length: 20 }) period!: string;
}

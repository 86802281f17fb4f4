import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Each evaluation of the property service a committee recorded, for the committee's view. */
@Entity({ name: 'oc_committee_evaluations' })
@Index(['committeeId'])
export class CommitteeEvaluationRow {
  @PrimaryColumn({ type: 'varchar', length: 100 }) evaluationId!: string;
  @Column({ type: 'varchar', length: 100 }) committeeId!: string;
  @Column({ type: 'varchar', length: 100 }) companyId!: string;
  @Column({ type: 'varchar', length: 20 }) period!: string;
  @Column({ type: 'double precision' }) meanScore!: number;
  @Column({ type: 'varchar', length: 40 }) recordedAt!: string;
}

/** Each survey a committee put to the owners, with how many answered so far. */
@Entity({ name: 'oc_committee_surveys' })
@Index(['committeeId'])
export class CommitteeSurveyRow {
  @PrimaryColumn({ type: 'varchar', length: 100 }) surveyId!: string;
  @Column({ type: 'varchar', length: 100 }) committeeId!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'varchar', length: 40 }) closesAt!: string;
  @Column({ type: 'integer' }) responses!: number;
}

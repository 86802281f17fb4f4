import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 志愿活动: the volunteer activities of the communities, for the list by community, team and day. */
@Entity({ name: 'rc_volunteer_activity_view' })
@Index(['communityId', 'date'])
@Index(['teamId', 'date'])
export class VolunteerActivityView {
  @PrimaryColumn({ type: 'varchar', length: 36 }) activityId!: string;
  @Column({ type: 'varchar', length: 36 }) communityId!: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) streetId!: string | null;
  @Column({ type: 'varchar', length: 36 }) teamId!: string;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  /** `YYYY-MM-DD`: compared as text, which orders days. */
  @Column({ type: 'varchar', length: 10 }) date!: string;
  @Column({ type: 'float' }) hours!: number;
  @Column({ type: 'simple-json' }) participantIds!: string[];
  @Column({ type: 'varchar', length: 40 }) recordedAt!: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) confirmedBy!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) confirmedAt!: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One earning of one person (an order or an activity), for the leaderboards. */
@Entity({ name: 'pb_earning' })
@Index(['communityId', 'earnedOn'])
@Index(['streetId', 'earnedOn'])
export class EarningRow {
  /** The stored event's id. */
  @PrimaryColumn({ type: 'varchar', length: 100 }) eventId!: string;
  @Column({ type: 'varchar', length: 100 }) personId!: string;
  @Column({ type: 'varchar', length: 20 }) kind!: string;
  @Column({ type: 'varchar', length: 100 }) causeId!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'varchar', length: 100 }) streetId!: string;
  @Column({ type: 'integer' }) points!: number;
  /** `YYYY-MM-DD`, China's calendar. */
  @Column({ type: 'varchar', length: 10 }) earnedOn!: string;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Which street each community lies in: how a street's callers find what they may list. */
@Entity({ name: 'rc_community_street' })
@Index(['streetId'])
export class CommunityStreet {
  @PrimaryColumn({ type: 'varchar', length: 36 }) communityId!: string;
  /** Null: a community registered without a street. */
  @Column({ type: 'varchar', length: 36, nullable: true }) streetId!: string | null;
}

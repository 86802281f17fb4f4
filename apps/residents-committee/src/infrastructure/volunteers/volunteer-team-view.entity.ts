import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 志愿服务队: the volunteer teams of the communities, for the list; the stream has the members. */
@Entity({ name: 'rc_volunteer_team_view' })
@Index(['communityId', 'name'])
export class VolunteerTeamView {
  @PrimaryColumn({ type: 'varchar', length: 36 }) teamId!: string;
  @Column({ type: 'varchar', length: 36 }) communityId!: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) streetId!: string | null;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  /** Person ids of the members: a set, so an event applied twice changes nothing. */
  @Column({ type: 'simple-json' }) memberIds!: string[];
  @Column({ type: 'varchar', length: 40 }) registeredAt!: string;
}

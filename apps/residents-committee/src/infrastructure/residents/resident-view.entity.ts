import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Residents as the back office looks them up. Holds personal data: shown masked unless the role needs it. */
@Entity({ name: 'rc_resident_view' })
@Index(['compoundId', 'name'])
export class ResidentView {
  @PrimaryColumn({ type: 'varchar', length: 36 }) residentId!: string;
  @Column({ type: 'varchar', length: 36 }) communityId!: string;
  @Column({ type: 'varchar', length: 36 }) compoundId!: string;
  @Column({ type: 'varchar', length: 36 }) buildingId!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 30 }) phone!: string;
  @Column({ type: 'varchar', length: 40 }) registeredAt!: string;
}

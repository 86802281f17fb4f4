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
  /** 关爱对象: the care flags as last set; null before any were (none). Personal data too. */
  @Column({ type: 'simple-json', nullable: true }) flags!: string[] | null;
}

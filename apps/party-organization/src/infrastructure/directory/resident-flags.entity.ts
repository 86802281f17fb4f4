import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The care flags of residents (关爱对象), from the residents' committee's `resident-flags-set`: the
 * whole set as last published, so that a member's pairing (结对) is checked against them. Never
 * written by commands, never shown.
 */
@Entity({ name: 'po_resident_flags' })
export class ResidentFlagsEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  residentId!: string;

  @Column({ type: 'varchar', length: 100 })
  communityId!: string;

  /** The flags, comma-separated (`living-alone-elderly,left-behind-child`); empty for none. */
  @Column({ type: 'varchar', length: 200 })
  flags!: string;

  /** When the set was made: an older set arriving late leaves a newer one as it is. */
  @Column({ type: 'varchar', length: 40 })
  setAt!: string;
}

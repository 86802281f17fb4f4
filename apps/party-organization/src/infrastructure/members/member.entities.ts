import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One Party member, where they are registered and where they reported in (双报到), for the boards. */
@Entity({ name: 'po_member_view' })
@Index(['organizationId'])
@Index(['branchId'])
@Index(['reportInCommunityId', 'reportInStatus'])
export class MemberView {
  @PrimaryColumn({ type: 'varchar', length: 36 }) memberId!: string;
  @Column({ type: 'varchar', length: 36 }) organizationId!: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) branchId!: string | null;
  @Column({ type: 'varchar', length: 36 }) communityId!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 20 }) membership!: string;
  /** The community of the latest report-in, null before any. */
  @Column({ type: 'varchar', length: 36, nullable: true }) reportInCommunityId!: string | null;
  /** `pending`, `confirmed` or `declined`; null before any report-in. */
  @Column({ type: 'varchar', length: 10, nullable: true }) reportInStatus!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) workUnit!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) workUnitOrganization!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) address!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) reportedInAt!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) decidedAt!: string | null;
  @Column({ type: 'text', nullable: true }) declineReason!: string | null;
}

/** One item of a member's "4+1": recorded by party staff, or a confirmed volunteer activity. */
@Entity({ name: 'po_member_duty' })
@Index(['memberId', 'year'])
@Index(['year', 'organizationId'])
export class MemberDutyView {
  @PrimaryColumn({ type: 'varchar', length: 36 }) dutyId!: string;
  @Column({ type: 'varchar', length: 36 }) memberId!: string;
  @Column({ type: 'varchar', length: 36 }) organizationId!: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) branchId!: string | null;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'varchar', length: 20 }) item!: string;
  /** `YYYY-MM-DD`, China's calendar. */
  @Column({ type: 'varchar', length: 10 }) date!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** The resident of a pairing. */
  @Column({ type: 'varchar', length: 100, nullable: true }) residentId!: string | null;
  /** The confirmed volunteer activity a volunteer day came from. */
  @Column({ type: 'varchar', length: 100, nullable: true }) activityId!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) activityTitle!: string | null;
  @Column({ type: 'float', nullable: true }) hours!: number | null;
  /** `recorded` (party staff) or `volunteer-activity` (the residents' committee's confirmation). */
  @Column({ type: 'varchar', length: 20 }) source!: string;
}

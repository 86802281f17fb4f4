import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One task a joint meeting handed out, for the compound's board. */
@Entity({ name: 'po_joint_meeting_task' })
@Index(['compoundId', 'status'])
export class JointMeetingTaskView {
  @PrimaryColumn({ type: 'varchar', length: 36 }) taskId!: string;
  @Column({ type: 'varchar', length: 36 }) meetingId!: string;
  @Column({ type: 'varchar', length: 36 }) decisionId!: string;
  @Column({ type: 'varchar', length: 36 }) communityId!: string;
  @Column({ type: 'varchar', length: 36 }) compoundId!: string;
  @Column({ type: 'text' }) decision!: string;
  @Column({ type: 'varchar', length: 30 }) ownerParty!: string;
  @Column({ type: 'varchar', length: 100 }) ownerId!: string;
  /** `YYYY-MM-DD`: compared as text, which orders days. */
  @Column({ type: 'varchar', length: 10 }) dueOn!: string;
  /** `open` or `done`. */
  @Column({ type: 'varchar', length: 10 }) status!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) doneAt!: string | null;
  @Column({ type: 'text', nullable: true }) lastNote!: string | null;
}

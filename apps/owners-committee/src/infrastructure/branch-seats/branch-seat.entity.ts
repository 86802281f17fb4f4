import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The seats on branch committees, as the Party organization published them (ids only): what
 * 一肩挑 and 交叉任职 are judged from. A vacated seat keeps its row, so "no longer" can be told
 * from "never heard of". Never written by commands.
 */
@Entity({ name: 'oc_branch_seat' })
@Index(['communityId'])
export class BranchSeatEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) seatId!: string;
  @Column({ type: 'varchar', length: 100 }) branchId!: string;
  @Column({ type: 'varchar', length: 30 }) organizationKind!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'simple-json' }) compoundIds!: string[];
  @Column({ type: 'varchar', length: 30 }) seat!: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) holds!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) memberId!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) residentId!: string | null;
  @Column({ type: 'varchar', length: 40 }) filledAt!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) vacatedAt!: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The kind of each department the process has heard of, from the published department-registered:
 * a department's deadlines may differ by kind. Read only by the process, never by the order.
 */
@Entity({ name: 'rc_service_level_department' })
export class ServiceLevelDepartment {
  @PrimaryColumn({ type: 'varchar', length: 36 }) departmentId!: string;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The directory of departments a street can whistle to, for the list; the stream has the staff. */
@Entity({ name: 'rc_department_view' })
@Index(['streetId', 'name'])
export class DepartmentView {
  @PrimaryColumn({ type: 'varchar', length: 36 }) departmentId!: string;
  @Column({ type: 'varchar', length: 36 }) streetId!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  /** Person ids of the staff: a set, so an event applied twice changes nothing. */
  @Column({ type: 'simple-json' }) staffIds!: string[];
  @Column({ type: 'varchar', length: 40 }) registeredAt!: string;
}

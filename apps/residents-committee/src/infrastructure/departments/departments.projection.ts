import { idInStream, inCategory } from '@cogov/context-kit';
import { type Projection, rowPerKeyProjection } from '@cogov/projections';
import type { DepartmentEvent } from '../../domain/department';
import { departmentAggregate } from '../aggregates';
import { DepartmentView } from './department-view.entity';

/** The department directory as a fold over the departments' streams. */
export const departmentsProjection: Projection = rowPerKeyProjection<DepartmentView>({
  name: 'residents-committee.departments',
  version: 1,
  entity: DepartmentView,
  key: 'departmentId',
  handles: (event) => inCategory(departmentAggregate, event.streamId),
  keyOf: (event) => idInStream(departmentAggregate, event.streamId),
  evolve(row, recorded) {
    const event = { type: recorded.type, data: recorded.data } as DepartmentEvent;
    switch (event.type) {
      case 'DepartmentRegistered': {
        if (row) return row;
        const d = event.data;
        return Object.assign(new DepartmentView(), {
          departmentId: d.departmentId,
          streetId: d.streetId,
          name: d.name,
          kind: d.kind,
          staffIds: [],
          registeredAt: d.registeredAt,
        });
      }
      case 'DepartmentStaffAdded':
        if (!row) return null;
        row.staffIds = [...new Set([...row.staffIds, event.data.staffId])];
        return row;
      case 'DepartmentStaffRemoved':
        if (!row) return null;
        row.staffIds = row.staffIds.filter((id) => id !== event.data.staffId);
        return row;
    }
  },
});

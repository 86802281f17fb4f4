import { idInStream, inCategory } from '@cogov/context-kit';
import { rowPerKeyProjection } from '@cogov/projections';
import type { ServiceLevelEvent, ServiceLevelStage, ServiceLevelTrack } from '../domain/service-level';
import { DueDeadline } from './due-deadline.entity';
import { serviceLevelAggregate } from './service-level.aggregate';

type DueColumn = Exclude<keyof DueDeadline, 'orderId' | 'nextDueAt'>;

const COLUMN = {
  community: { accept: 'acceptDueAt', 'on-site': 'onSiteDueAt', complete: 'completeDueAt' },
  department: {
    accept: 'departmentAcceptDueAt',
    'on-site': 'departmentOnSiteDueAt',
    complete: 'departmentCompleteDueAt',
  },
} as const satisfies Record<ServiceLevelTrack, Record<ServiceLevelStage, DueColumn>>;

const ALL_COLUMNS: readonly DueColumn[] = [
  ...Object.values(COLUMN.community),
  ...Object.values(COLUMN.department),
];

const earliest = (row: DueDeadline) =>
  ALL_COLUMNS.map((column) => row[column])
    .filter((t): t is string => t !== null)
    .sort()[0] ?? null;

export const dueDeadlinesProjection = rowPerKeyProjection<DueDeadline>({
  name: 'residents-committee.service-level-due',
  // 2: a whistled order's department track has its own deadlines.
  version: 2,
  entity: DueDeadline,
  key: 'orderId',
  handles: (event) => inCategory(serviceLevelAggregate, event.streamId),
  keyOf: (event) => idInStream(serviceLevelAggregate, event.streamId),
  evolve(row, recorded) {
    const event = { type: recorded.type, data: recorded.data } as ServiceLevelEvent;
    const next: DueDeadline =
      row ??
      Object.assign(new DueDeadline(), {
        orderId: idInStream(serviceLevelAggregate, recorded.streamId),
        ...Object.fromEntries(ALL_COLUMNS.map((column) => [column, null])),
        nextDueAt: null,
      });
    const columns = COLUMN[event.data.track];
    switch (event.type) {
      case 'ServiceLevelStarted':
        // A new department's track replaces the last one's deadlines.
        for (const stage of Object.keys(columns) as ServiceLevelStage[]) next[columns[stage]] = null;
        for (const { stage, dueAt } of event.data.deadlines) next[columns[stage]] = dueAt;
        break;
      case 'ServiceLevelRescheduled':
        for (const { stage, dueAt } of event.data.deadlines) next[columns[stage]] = dueAt;
        break;
      case 'StageReached':
      case 'ServiceLevelBreached':
        next[columns[event.data.stage]] = null;
        break;
      case 'ServiceLevelEnded':
        for (const column of Object.values(columns)) next[column] = null;
        break;
      case 'OrderReturned':
        return null;
    }
    next.nextDueAt = earliest(next);
    return next;
  },
});

import { idInStream, inCategory } from '@cogov/context-kit';
import { rowPerKeyProjection } from '@cogov/projections';
import type { ServiceLevelEvent, ServiceLevelStage } from '../domain/service-level';
import { DueDeadline } from './due-deadline.entity';
import { serviceLevelAggregate } from './service-level.aggregate';

const COLUMN = {
  accept: 'acceptDueAt',
  'on-site': 'onSiteDueAt',
  complete: 'completeDueAt',
} as const satisfies Record<ServiceLevelStage, keyof DueDeadline>;

const earliest = (row: DueDeadline) =>
  [row.acceptDueAt, row.onSiteDueAt, row.completeDueAt].filter((t): t is string => t !== null).sort()[0] ??
  null;

export const dueDeadlinesProjection = rowPerKeyProjection<DueDeadline>({
  name: 'residents-committee.service-level-due',
  version: 1,
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
        acceptDueAt: null,
        onSiteDueAt: null,
        completeDueAt: null,
        nextDueAt: null,
      });
    switch (event.type) {
      case 'ServiceLevelStarted':
      case 'ServiceLevelRescheduled':
        for (const { stage, dueAt } of event.data.deadlines) next[COLUMN[stage]] = dueAt;
        break;
      case 'StageReached':
      case 'ServiceLevelBreached':
        next[COLUMN[event.data.stage]] = null;
        break;
      case 'ServiceLevelEnded':
        next.acceptDueAt = next.onSiteDueAt = next.completeDueAt = null;
        break;
      case 'OrderReturned':
        return null;
    }
    next.nextDueAt = earliest(next);
    return next;
  },
});

import { inCategory } from '@cogov/context-kit';
import { rowPerKeyProjection } from '@cogov/projections';
import type { ServiceLevelEvent } from '../domain/service-level';
import { serviceLevelAggregate } from './service-level.aggregate';
import { SupervisionItem } from './supervision-item.entity';

const RAISES = new Set(['ServiceLevelBreached', 'OrderReturned']);

/** 督办: the supervision list, fed by the process's breaches and returns. */
export const supervisionProjection = rowPerKeyProjection<SupervisionItem>({
  name: 'residents-committee.supervision',
  version: 1,
  entity: SupervisionItem,
  key: 'itemId',
  handles: (event) => inCategory(serviceLevelAggregate, event.streamId) && RAISES.has(event.type),
  keyOf: (event) => event.eventId,
  evolve(row, recorded) {
    if (row !== null) return null; // applied before: an item is raised once
    const event = { type: recorded.type, data: recorded.data } as ServiceLevelEvent;
    const base = { itemId: recorded.eventId, status: 'open' };
    switch (event.type) {
      case 'ServiceLevelBreached': {
        const d = event.data;
        return Object.assign(new SupervisionItem(), {
          ...base,
          orderId: d.orderId,
          communityId: d.communityId,
          compoundId: d.compoundId,
          stage: d.stage,
          reason: 'breached',
          dueAt: d.dueAt,
          lateByMs: d.lateByMs,
          raisedAt: d.breachedAt,
        });
      }
      case 'OrderReturned': {
        const d = event.data;
        return Object.assign(new SupervisionItem(), {
          ...base,
          orderId: d.orderId,
          communityId: d.communityId,
          compoundId: d.compoundId,
          stage: 'reopened',
          reason: d.reason,
          dueAt: null,
          lateByMs: null,
          raisedAt: d.at,
        });
      }
      default:
        return null;
    }
  },
});

import { idInStream, inCategory } from '@cogov/context-kit';
import { rowPerKeyProjection } from '@cogov/projections';
import type { ServiceLevelEvent } from '../domain/service-level';
import type { SupervisionEvent } from '../domain/supervision-item';
import { serviceLevelAggregate, supervisionItemAggregate } from './service-level.aggregate';
import { SupervisionItem } from './supervision-item.entity';

const RAISES = new Set(['ServiceLevelBreached', 'OrderReturned']);

/** 督办: the supervision list, fed by the process's breaches and returns. */
export const supervisionProjection = rowPerKeyProjection<SupervisionItem>({
  name: 'residents-committee.supervision',
  // v2: items carry the order's grid; v3: the track and department.
  version: 3,
  entity: SupervisionItem,
  key: 'itemId',
  handles: (event) =>
    (inCategory(serviceLevelAggregate, event.streamId) && RAISES.has(event.type)) ||
    inCategory(supervisionItemAggregate, event.streamId),
  keyOf: (event) =>
    inCategory(supervisionItemAggregate, event.streamId)
      ? idInStream(supervisionItemAggregate, event.streamId)
      : event.eventId,
  evolve(row, recorded) {
    if (inCategory(supervisionItemAggregate, recorded.streamId)) {
      return row === null
        ? null
        : worked(row, { type: recorded.type, data: recorded.data } as SupervisionEvent);
    }
    if (row !== null) return null; // applied before: an item is raised once
    const event = { type: recorded.type, data: recorded.data } as ServiceLevelEvent;
    const base = {
      itemId: recorded.eventId,
      status: 'open',
      supervisorId: null,
      noteCount: 0,
      lastNote: null,
      resolvedAt: null,
    };
    switch (event.type) {
      case 'ServiceLevelBreached': {
        const d = event.data;
        return Object.assign(new SupervisionItem(), {
          ...base,
          orderId: d.orderId,
          communityId: d.communityId,
          compoundId: d.compoundId,
          gridId: d.gridId ?? null,
          track: d.track,
          departmentId: d.departmentId,
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
          gridId: d.gridId ?? null,
          track: d.track,
          departmentId: d.departmentId,
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

function worked(row: SupervisionItem, event: SupervisionEvent): SupervisionItem {
  switch (event.type) {
    case 'SupervisorAssigned':
      row.supervisorId = event.data.supervisorId;
      return row;
    case 'SupervisionNoteAdded':
      row.noteCount += 1;
      row.lastNote = event.data.note;
      return row;
    case 'SupervisionItemResolved':
      row.status = 'resolved';
      row.noteCount += 1;
      row.lastNote = event.data.note;
      row.resolvedAt = event.data.resolvedAt;
      return row;
  }
}

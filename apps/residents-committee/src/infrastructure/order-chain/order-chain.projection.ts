import type { RecordedEvent } from '@cogov/event-store';
import { type Projection, rowPerKeyProjection } from '@cogov/projections';
import { idInStream, inCategory } from '@cogov/context-kit';
import { type OrderEvent, reviewStage } from '../../domain/order';
import { orderAggregate } from '../aggregates';
import { type ChainRound, type ChainStep, OrderChainView } from './order-chain-view.entity';

/**
 * The chain view as a fold over the order's events: `evolveChainView(row | null, event)`.
 * Pure, so it is tested without a database, and replaying it from zero gives the same rows.
 */
export function evolveChainView(row: OrderChainView | null, recorded: RecordedEvent): OrderChainView | null {
  if (row && Number(row.lastPosition) >= recorded.globalPosition) return row;
  const event = { type: recorded.type, data: recorded.data } as OrderEvent;
  if (event.type === 'OrderPlaced') {
    if (row) return row;
    const d = event.data;
    const view = new OrderChainView();
    Object.assign(view, {
      orderId: d.orderId,
      streamId: recorded.streamId,
      communityId: d.communityId,
      compoundId: d.compoundId,
      buildingId: d.buildingId ?? null,
      gridId: d.gridId ?? null,
      residentId: d.residentId,
      category: d.category,
      title: d.title,
      channel: d.channel,
      stage: 'placed',
      round: 1,
      priority: null,
      assigneeKind: null,
      assigneeId: null,
      takenBy: null,
      lastScore: null,
      lastComment: null,
      placedAt: d.placedAt,
      updatedAt: d.placedAt,
      history: [],
      rounds: [],
      lastPosition: 0,
    } satisfies Partial<OrderChainView>);
    return step(view, recorded, {
      stage: 'placed',
      at: d.placedAt,
      actorId: d.residentId ?? d.reporterId ?? recorded.metadata.actorId,
      note: d.title,
    });
  }
  if (!row) return null; // an order's first event is always OrderPlaced; nothing to attach to
  switch (event.type) {
    case 'BranchReviewRecorded': {
      const d = event.data;
      const stage = reviewStage(d.decision);
      row.priority = d.priority;
      const note = [
        d.note,
        d.reason && `reason: ${d.reason}`,
        d.duplicateOfOrderId && `duplicate of ${d.duplicateOfOrderId}`,
      ]
        .filter(Boolean)
        .join('; ');
      return step(row, recorded, { stage, at: d.reviewedAt, actorId: d.reviewerId, note: note || null });
    }
    case 'OrderDispatched': {
      const d = event.data;
      row.assigneeKind = d.assigneeKind;
      row.assigneeId = d.assigneeId;
      row.takenBy = null;
      withRound(row, d.round, (r) => {
        r.dispatchedAt = d.dispatchedAt;
        r.assignee = { kind: d.assigneeKind, id: d.assigneeId };
        r.acceptedBy = null;
        r.acceptedAt = null;
        r.arrivedAt = null;
        r.completedAt = null;
      });
      return step(row, recorded, {
        stage: 'dispatched',
        at: d.dispatchedAt,
        actorId: d.dispatcherId,
        note: `to ${d.assigneeKind} ${d.assigneeId}`,
      });
    }
    case 'OrderWhistled': {
      const d = event.data;
      const department = { kind: 'department', id: d.departmentId };
      row.assigneeKind = department.kind;
      row.assigneeId = department.id;
      row.takenBy = null;
      withRound(row, d.round, (r) => {
        r.dispatchedAt = d.whistledAt;
        r.assignee = department;
        r.acceptedBy = null;
        r.acceptedAt = null;
        r.arrivedAt = null;
        r.completedAt = null;
        r.whistles = [
          ...r.whistles,
          {
            departmentId: d.departmentId,
            level: d.level,
            reason: d.reason,
            whistlerId: d.whistlerId,
            whistledAt: d.whistledAt,
          },
        ];
      });
      // A step of the history named for what happened; the order's stage is `dispatched`.
      const next = step(row, recorded, {
        stage: 'whistled',
        at: d.whistledAt,
        actorId: d.whistlerId,
        note: `to department ${d.departmentId} (${d.level} level): ${d.reason}`,
      });
      next.stage = 'dispatched';
      return next;
    }
    case 'OrderTakenRecorded': {
      const d = event.data;
      row.takenBy = d.executor.id;
      withRound(row, d.round, (r) => {
        r.acceptedBy = { ...d.executor };
        r.acceptedAt = d.takenAt;
      });
      return step(row, recorded, {
        stage: 'taken',
        at: d.takenAt,
        actorId: d.performedBy,
        note: executorNote(d.executor, d.performedBy),
      });
    }
    case 'ArrivalRecorded': {
      const d = event.data;
      withRound(row, d.round, (r) => {
        r.arrivedAt = d.arrivedAt;
      });
      return step(row, recorded, { stage: 'arrived', at: d.arrivedAt, actorId: d.performedBy, note: d.note });
    }
    case 'OrderCompletionRecorded': {
      const d = event.data;
      withRound(row, d.round, (r) => {
        r.completedAt = d.completedAt;
      });
      return step(row, recorded, {
        stage: 'completed',
        at: d.completedAt,
        actorId: d.performedBy,
        note: d.resultNote,
      });
    }
    case 'OrderHandedBack': {
      const d = event.data;
      row.assigneeKind = null;
      row.assigneeId = null;
      row.takenBy = null;
      withRound(row, d.round, (r) => {
        r.handBacks = [...r.handBacks, { executor: { ...d.executor }, reason: d.reason, at: d.handedBackAt }];
        r.assignee = null;
        r.acceptedBy = null;
        r.acceptedAt = null;
        r.arrivedAt = null;
      });
      return step(row, recorded, {
        stage: 'handed-back',
        at: d.handedBackAt,
        actorId: d.performedBy,
        note: d.reason,
      });
    }
    case 'OrderRated': {
      row.lastScore = event.data.score;
      row.lastComment = event.data.comment;
      row.lastPosition = recorded.globalPosition;
      return row;
    }
    case 'OrderReopened': {
      const d = event.data;
      const note = `rated ${row.lastScore ?? '?'}/5: ${row.lastComment ?? ''}`.trim();
      const rater = row.residentId ?? recorded.metadata.actorId;
      row.round = d.round;
      return step(row, recorded, { stage: 'reopened', at: d.reopenedAt, actorId: rater, note });
    }
    case 'OrderClosed': {
      const d = event.data;
      const note = `rated ${row.lastScore ?? '?'}/5: ${row.lastComment ?? ''}`.trim();
      return step(row, recorded, {
        stage: 'closed',
        at: d.closedAt,
        actorId: row.residentId ?? recorded.metadata.actorId,
        note,
      });
    }
    case 'OrderAcknowledged': {
      // A step of the history, not a stage: the order still waits for the branch's review.
      const d = event.data;
      const stage = row.stage;
      const next = step(row, recorded, {
        stage: 'acknowledged',
        at: d.acknowledgedAt,
        actorId: d.staffId,
        note: null,
      });
      next.stage = stage;
      return next;
    }
    default:
      row.lastPosition = recorded.globalPosition;
      return row;
  }
}

/**
 * The chain view an order's events (oldest first, read through the context's upcasters) give, in
 * memory: the projection's own fold from no row, as the live table holds it once they are applied.
 */
export function chainViewOf(events: readonly RecordedEvent[]): OrderChainView | null {
  return events.reduce<OrderChainView | null>((row, event) => evolveChainView(row, event), null);
}

/** The round's record, created on its first mention; rounds only grow. */
function withRound(row: OrderChainView, round: number, change: (r: ChainRound) => void): void {
  const rounds = [...(row.rounds ?? [])];
  let index = rounds.findIndex((r) => r.round === round);
  if (index < 0) {
    rounds.push({
      round,
      dispatchedAt: null,
      assignee: null,
      acceptedBy: null,
      acceptedAt: null,
      arrivedAt: null,
      completedAt: null,
      handBacks: [],
      whistles: [],
    });
    index = rounds.length - 1;
  }
  const copy = { ...rounds[index]! };
  change(copy);
  rounds[index] = copy;
  row.rounds = rounds;
}

/** Names the executor when the person who acted is someone of theirs (a company's staff, say). */
function executorNote(executor: { kind: string; id: string }, performedBy: string): string | null {
  return executor.id === performedBy ? null : `for ${executor.kind} ${executor.id}`;
}

function step(
  row: OrderChainView,
  recorded: RecordedEvent,
  s: { stage: string; at: string; actorId: string; note: string | null },
): OrderChainView {
  const previous = row.history[row.history.length - 1];
  const entry: ChainStep = {
    stage: s.stage,
    round: row.round,
    at: s.at,
    actorId: s.actorId,
    note: s.note,
    tookMs: previous ? Date.parse(s.at) - Date.parse(previous.at) : null,
    eventType: recorded.type,
    globalPosition: recorded.globalPosition,
  };
  row.history = [...row.history, entry];
  row.stage = s.stage;
  row.updatedAt = s.at;
  row.lastPosition = recorded.globalPosition;
  return row;
}

export const orderChainProjection: Projection = rowPerKeyProjection({
  name: 'residents-committee.order-chain',
  // 2: rounds (who accepted, arrived, completed, handed back, and when), work by any executor.
  // 4: each round's whistles (吹哨) to departments.
  version: 4,
  entity: OrderChainView,
  key: 'orderId',
  handles: (event) => inCategory(orderAggregate, event.streamId),
  keyOf: (event) => idInStream(orderAggregate, event.streamId),
  evolve: evolveChainView,
});

import type { RecordedEvent } from '@cogov/event-store';
import type { OrderEvent } from '../../domain/order';
import { chainViewOf, evolveChainView } from './order-chain.projection';
import type { OrderChainView } from './order-chain-view.entity';

const ORDER = '11111111-1111-4111-8111-111111111111';
let position = 0;
function recorded(event: OrderEvent): RecordedEvent {
  position += 1;
  return {
    eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { actorId: 'someone', correlationId: 'c', causationId: null },
    streamId: `residents-committee.order-${ORDER}`,
    streamRevision: position - 1,
    globalPosition: position,
    recordedAt: new Date(),
  };
}
const at = (minute: number) => `2026-11-22T08:${String(minute).padStart(2, '0')}:00.000Z`;
const member2 = { kind: 'member', id: 'member-2' } as const;
const history: OrderEvent[] = [
  {
    type: 'OrderPlaced',
    data: {
      orderId: ORDER,
      residentId: 'resident-1',
      communityId: 'c1',
      compoundId: 'k1',
      buildingId: null,
      category: 'repair',
      title: 'Leak',
      description: 'd',
      channel: 'hotline',
      placedAt: at(0),
    },
  },
  {
    type: 'BranchReviewRecorded',
    data: {
      orderId: ORDER,
      reviewerId: 'member-1',
      branchId: 'b1',
      decision: 'approve',
      note: 'go',
      priority: 'urgent',
      reason: null,
      duplicateOfOrderId: null,
      reviewedAt: at(1),
    },
  },
  {
    type: 'OrderDispatched',
    data: {
      orderId: ORDER,
      round: 1,
      dispatcherId: 'worker-1',
      assigneeKind: 'member',
      assigneeId: 'member-2',
      dispatchedAt: at(5),
    },
  },
  {
    type: 'OrderTakenRecorded',
    data: { orderId: ORDER, round: 1, executor: member2, performedBy: 'member-2', takenAt: at(6) },
  },
  {
    type: 'ArrivalRecorded',
    data: {
      orderId: ORDER,
      round: 1,
      executor: member2,
      performedBy: 'member-2',
      note: 'on site',
      arrivedAt: at(20),
    },
  },
  {
    type: 'OrderCompletionRecorded',
    data: {
      orderId: ORDER,
      round: 1,
      executor: member2,
      performedBy: 'member-2',
      resultNote: 'fixed',
      evidence: [],
      completedAt: at(30),
    },
  },
  {
    type: 'OrderRated',
    data: {
      orderId: ORDER,
      round: 1,
      raterId: 'resident-1',
      score: 1,
      comment: 'worse',
      reopensOrder: true,
      ratedAt: at(40),
    },
  },
  {
    type: 'OrderReopened',
    data: { orderId: ORDER, previousRound: 1, round: 2, reason: 'low rating', reopenedAt: at(40) },
  },
];

describe('order chain view (projection)', () => {
  const events = history.map(recorded);
  const fold = (list: RecordedEvent[]) =>
    list.reduce<OrderChainView | null>((row, e) => evolveChainView(row, e), null);

  it('shows every stage with its actor, note and the time since the previous step', () => {
    const view = fold(events)!;
    expect(view).toMatchObject({
      stage: 'reopened',
      round: 2,
      priority: 'urgent',
      assigneeId: 'member-2',
      takenBy: 'member-2',
    });
    expect(view.history.map((s) => [s.stage, s.round, s.actorId, s.tookMs])).toEqual([
      ['placed', 1, 'resident-1', null],
      ['approved', 1, 'member-1', 60_000],
      ['dispatched', 1, 'worker-1', 240_000],
      ['taken', 1, 'member-2', 60_000],
      ['arrived', 1, 'member-2', 14 * 60_000],
      ['completed', 1, 'member-2', 10 * 60_000],
      ['reopened', 2, 'resident-1', 10 * 60_000],
    ]);
    expect(view.history[6]!.note).toBe('rated 1/5: worse');
  });

  it('keeps, per round, who accepted, arrived and completed it, and when', () => {
    expect(fold(events)!.rounds).toEqual([
      {
        round: 1,
        dispatchedAt: at(5),
        assignee: member2,
        acceptedBy: member2,
        acceptedAt: at(6),
        arrivedAt: at(20),
        completedAt: at(30),
        handBacks: [],
        whistles: [],
      },
    ]);
  });

  it('records a hand-back and empties the assignment until the next dispatch', () => {
    const upToArrival = history.slice(0, 5).map(recorded);
    const handBack = recorded({
      type: 'OrderHandedBack',
      data: {
        orderId: ORDER,
        round: 1,
        executor: member2,
        performedBy: 'member-2',
        reason: 'needs an electrician',
        handedBackAt: at(25),
      },
    });
    const view = fold([...upToArrival, handBack])!;
    expect(view).toMatchObject({ stage: 'handed-back', assigneeId: null, takenBy: null });
    expect(view.rounds[0]).toMatchObject({
      assignee: null,
      acceptedAt: null,
      arrivedAt: null,
      handBacks: [{ executor: member2, reason: 'needs an electrician', at: at(25) }],
    });
  });

  it('shows a whistle to a department: the round’s assignee, the whistle and a history step', () => {
    const upToReview = history.slice(0, 2).map(recorded);
    const whistle = recorded({
      type: 'OrderWhistled',
      data: {
        orderId: ORDER,
        round: 1,
        communityId: 'c1',
        compoundId: 'k1',
        streetId: 's1',
        departmentId: 'd1',
        level: 'district',
        reason: 'the main has burst',
        whistlerId: 'worker-1',
        whistledAt: at(4),
      },
    });
    const view = fold([...upToReview, whistle])!;
    expect(view).toMatchObject({ stage: 'dispatched', assigneeKind: 'department', assigneeId: 'd1' });
    expect(view.history[2]).toMatchObject({
      stage: 'whistled',
      actorId: 'worker-1',
      note: 'to department d1 (district level): the main has burst',
    });
    expect(view.rounds[0]).toMatchObject({
      dispatchedAt: at(4),
      assignee: { kind: 'department', id: 'd1' },
      whistles: [
        {
          departmentId: 'd1',
          level: 'district',
          reason: 'the main has burst',
          whistlerId: 'worker-1',
          whistledAt: at(4),
        },
      ],
    });
  });

  it('ignores an event it has already applied', () => {
    const once = fold(events)!;
    const snapshot = JSON.parse(JSON.stringify(once)) as OrderChainView;
    expect(evolveChainView(once, events[3]!)).toEqual(snapshot);
  });

  it('has nothing to show for an order whose placement it never saw', () => {
    expect(evolveChainView(null, events[1]!)).toBeNull();
  });
});

describe('the chain view at a past moment (chainViewOf)', () => {
  const events = history.map(recorded);

  it('is, for each prefix of the events, the row the projection holds after applying them', () => {
    let row: OrderChainView | null = null;
    for (let i = 0; i < events.length; i++) {
      row = evolveChainView(row, events[i]!);
      expect(chainViewOf(events.slice(0, i + 1))).toEqual(structuredClone(row));
    }
  });

  it('is no row before the order was placed', () => {
    expect(chainViewOf([])).toBeNull();
  });
});

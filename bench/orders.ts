import type { NewEvent } from '@cogov/event-store';
import type { ExecutorKind, OrderReviewedV1 } from '@cogov/contracts';
import { residentsCommittee } from '../apps/residents-committee/src/residents-committee.context';
import { CATEGORIES, CHANNELS, pick, prng, TITLES, uuidFrom } from './workload';

/**
 * The five-order chain as it is lived: orders of the residents' committee with the stored event
 * shapes of its order aggregate, one append per command (rating appends two events). The work
 * events are written at schema v1 (a member's id), as a store from before v2 holds them: the
 * context's upcasters bring them to v2 on the way into the chain view.
 *
 * Paths: 8% rejected, 4% merged, 3% left awaiting information (2 events each); 70% approved,
 * dispatched, taken, completed, rated well and closed (7 events); 15% rated badly, reopened and
 * run through a second round (12 events). About 7 events per order.
 */
const ORDER_CATEGORY = residentsCommittee.aggregates.order!.category;

/** An order event as stored (the bench writes raw history, below the domain's types). */
type StoredOrderEvent = { type: string; data: Record<string, unknown> };

export interface OrderScript {
  readonly orderId: string;
  readonly streamId: string;
  /** One entry per append, in stream order. */
  readonly appends: readonly (readonly NewEvent[])[];
}

const ASSIGNEES: readonly ExecutorKind[] = ['member', 'branch-pool', 'property-company', 'volunteer-team'];
const COMMENTS_GOOD = ['Fixed the same day, thank you', 'Polite and quick', 'Problem solved'];
const COMMENTS_BAD = ['Nobody came', 'Still leaking', 'Came but did not fix it'];

export interface OrderCorpus {
  readonly scripts: readonly OrderScript[];
  readonly events: number;
  /** Orders whose history ends with OrderClosed. */
  readonly closed: number;
}

export function orderCorpus(totalEvents: number, seed: number): OrderCorpus {
  const random = prng(seed);
  const scripts: OrderScript[] = [];
  let events = 0;
  let closed = 0;
  const start = Date.UTC(2026, 0, 5, 8);
  for (let i = 0; events < totalEvents; i++) {
    const script = orderScript(random, i, start + i * 45_000, scripts[scripts.length - 1]?.orderId ?? null);
    // The last order is cut to hit the total exactly (a valid prefix of its history).
    const appends: NewEvent[][] = [];
    for (const append of script.appends) {
      const room = totalEvents - events;
      if (room <= 0) break;
      const part = append.slice(0, room);
      appends.push(part);
      events += part.length;
    }
    if (appends.flat().some((e) => e.type === 'OrderClosed')) closed++;
    scripts.push({ ...script, appends });
  }
  return { scripts, events, closed };
}

function orderScript(random: () => number, index: number, placedAt: number, previous: string | null) {
  const orderId = uuidFrom(random);
  const streamId = `${ORDER_CATEGORY}-${orderId}`;
  const residentId = `resident-${Math.floor(random() * 5000)}`;
  const compound = Math.floor(random() * 20);
  const appends: NewEvent[][] = [];
  let clock = placedAt;
  const later = (minMinutes: number, maxMinutes: number) => {
    clock += Math.floor((minMinutes + random() * (maxMinutes - minMinutes)) * 60_000);
    return new Date(clock).toISOString();
  };
  const append = (actorId: string, ...events: StoredOrderEvent[]) => {
    const correlationId = uuidFrom(random);
    const causationId = uuidFrom(random);
    appends.push(
      events.map((event) => ({
        eventId: uuidFrom(random),
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: { actorId, onBehalfOf: null, correlationId, causationId },
      })),
    );
  };

  const title = pick(random, TITLES);
  append(residentId, {
    type: 'OrderPlaced',
    data: {
      orderId,
      residentId,
      communityId: 'community-jianxian',
      compoundId: `compound-${compound}`,
      buildingId: random() < 0.9 ? `compound-${compound}-building-${Math.floor(random() * 12)}` : null,
      category: pick(random, CATEGORIES),
      title,
      description: `${title}. Order ${index + 1}; the resident asks to be called before the visit.`,
      channel: pick(random, CHANNELS),
      placedAt: new Date(clock).toISOString(),
    },
  });

  const path = random();
  const decision: OrderReviewedV1['data']['decision'] =
    path < 0.08 ? 'reject' : path < 0.12 && previous ? 'merge' : path < 0.15 ? 'need-info' : 'approve';
  const reviewerId = `member-${Math.floor(random() * 300)}`;
  append(reviewerId, {
    type: 'BranchReviewRecorded',
    data: {
      orderId,
      reviewerId,
      branchId: `branch-${compound % 6}`,
      decision,
      note: decision === 'approve' ? 'Within the committee’s remit; handle this week' : 'See reason',
      priority: random() < 0.1 ? 'urgent' : random() < 0.3 ? 'high' : 'normal',
      reason: decision === 'reject' ? 'Private property matter, refer to the property company' : null,
      duplicateOfOrderId: decision === 'merge' ? previous : null,
      reviewedAt: later(10, 240),
    },
  });
  if (decision !== 'approve') return { orderId, streamId, appends };

  const rounds = random() < 0.15 ? 2 : 1;
  for (let round = 1; round <= rounds; round++) {
    const dispatcherId = `worker-${Math.floor(random() * 12)}`;
    const memberId = `member-${Math.floor(random() * 300)}`;
    append(dispatcherId, {
      type: 'OrderDispatched',
      data: {
        orderId,
        round,
        dispatcherId,
        assigneeKind: pick(random, ASSIGNEES),
        assigneeId: `assignee-${Math.floor(random() * 80)}`,
        dispatchedAt: later(5, 120),
      },
    });
    append(memberId, {
      type: 'OrderTakenRecorded',
      data: { orderId, round, memberId, takenAt: later(5, 600) },
    });
    append(memberId, {
      type: 'OrderCompletionRecorded',
      data: {
        orderId,
        round,
        memberId,
        resultNote: 'Replaced the fitting and cleaned up; the resident was present.',
        evidence: [`https://files.example.org/evidence/${orderId}/${round}.jpg`],
        completedAt: later(30, 2880),
      },
    });
    const reopens = round < rounds;
    const score = reopens ? 1 + Math.floor(random() * 2) : 4 + Math.floor(random() * 2);
    const ratedAt = later(60, 4320);
    append(
      residentId,
      {
        type: 'OrderRated',
        data: {
          orderId,
          round,
          raterId: residentId,
          score,
          comment: pick(random, reopens ? COMMENTS_BAD : COMMENTS_GOOD),
          reopensOrder: reopens,
          ratedAt,
        },
      },
      reopens
        ? {
            type: 'OrderReopened',
            data: {
              orderId,
              previousRound: round,
              round: round + 1,
              reason: 'low rating',
              reopenedAt: ratedAt,
            },
          }
        : { type: 'OrderClosed', data: { orderId, round, closedAt: ratedAt } },
    );
  }
  return { orderId, streamId, appends };
}

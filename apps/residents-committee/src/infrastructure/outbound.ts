import {
  type BuildingRegisteredV1,
  type CommunityRegisteredV1,
  type CompoundRegisteredV1,
  type IntegrationEvent,
  type OrderDispatchedV1,
  type OrderPlacedV1,
  type OrderRatedV1,
  RESIDENTS_COMMITTEE,
} from '@cogov/contracts';
import type { RecordedEvent } from '@cogov/event-store';
import { integrationEventFrom } from '@cogov/messaging';
import type { CommunityEvent } from '../domain/community';
import type { CompoundEvent } from '../domain/compound';
import type { OrderEvent } from '../domain/order';
import { COMMUNITY_CATEGORY, COMPOUND_CATEGORY, ORDER_CATEGORY } from './aggregates';

type Published = CommunityEvent | CompoundEvent | OrderEvent;

/**
 * What the residents' committee tells the others, mapped on purpose from its private events.
 * Residents' names and phone numbers, and workers, stay inside.
 */
export function residentsCommitteeOutbound(recorded: RecordedEvent): IntegrationEvent[] {
  if (!isOwn(recorded.streamId)) return [];
  const event = { type: recorded.type, data: recorded.data } as Published;
  const publish = <E extends IntegrationEvent>(type: E['type'], key: string, data: E['data']) => [
    integrationEventFrom<E>(recorded, { type, version: 1, source: RESIDENTS_COMMITTEE, key, data }),
  ];
  switch (event.type) {
    case 'CommunityRegistered': {
      const d = event.data;
      return publish<CommunityRegisteredV1>('residents-committee.community-registered', d.communityId, {
        communityId: d.communityId,
        name: d.name,
        streetName: d.streetName ?? null,
      });
    }
    case 'CompoundRegistered': {
      const d = event.data;
      return publish<CompoundRegisteredV1>('residents-committee.compound-registered', d.compoundId, {
        compoundId: d.compoundId,
        communityId: d.communityId,
        name: d.name,
      });
    }
    case 'BuildingAdded': {
      const d = event.data;
      return publish<BuildingRegisteredV1>('residents-committee.building-registered', d.compoundId, {
        buildingId: d.buildingId,
        compoundId: d.compoundId,
        communityId: d.communityId,
        name: d.name,
        number: d.number,
      });
    }
    case 'OrderPlaced': {
      const d = event.data;
      return publish<OrderPlacedV1>('residents-committee.order-placed', d.orderId, {
        orderId: d.orderId,
        residentId: d.residentId,
        communityId: d.communityId,
        compoundId: d.compoundId,
        buildingId: d.buildingId ?? null,
        category: d.category,
        title: d.title,
        channel: d.channel,
        placedAt: d.placedAt,
      });
    }
    case 'OrderDispatched': {
      const d = event.data;
      return publish<OrderDispatchedV1>('residents-committee.order-dispatched', d.orderId, {
        orderId: d.orderId,
        round: d.round,
        dispatcherId: d.dispatcherId,
        assigneeKind: d.assigneeKind,
        assigneeId: d.assigneeId,
        dispatchedAt: d.dispatchedAt,
      });
    }
    case 'OrderRated': {
      const d = event.data;
      return publish<OrderRatedV1>('residents-committee.order-rated', d.orderId, {
        orderId: d.orderId,
        round: d.round,
        raterId: d.raterId,
        score: d.score,
        comment: d.comment,
        reopened: d.reopensOrder,
        ratedAt: d.ratedAt,
      });
    }
    default:
      return [];
  }
}

function isOwn(streamId: string): boolean {
  return [COMMUNITY_CATEGORY, COMPOUND_CATEGORY, ORDER_CATEGORY].some((c) => streamId.startsWith(`${c}-`));
}

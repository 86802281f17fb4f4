import type { Provider } from '@nestjs/common';
import { EventSourcedRepository } from '@cogov/event-sourcing';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { communityDecider, type CommunityEvent, type CommunityState } from '../domain/community';
import { compoundDecider, type CompoundEvent, type CompoundState } from '../domain/compound';
import { orderDecider, type OrderEvent, type OrderState } from '../domain/order';
import { residentDecider, type ResidentEvent, type ResidentState } from '../domain/resident';

export const COMMUNITY_CATEGORY = 'residents-committee.community';
export const COMPOUND_CATEGORY = 'residents-committee.compound';
export const RESIDENT_CATEGORY = 'residents-committee.resident';
export const ORDER_CATEGORY = 'residents-committee.order';

export class CommunityRepository extends EventSourcedRepository<CommunityState, CommunityEvent> {}
export class CompoundRepository extends EventSourcedRepository<CompoundState, CompoundEvent> {}
export class ResidentRepository extends EventSourcedRepository<ResidentState, ResidentEvent> {}
export class OrderRepository extends EventSourcedRepository<OrderState, OrderEvent> {}

export const repositoryProviders: Provider[] = [
  {
    provide: CommunityRepository,
    useFactory: (store: EventStore) =>
      new CommunityRepository(store, { category: COMMUNITY_CATEGORY, ...communityDecider }),
    inject: [EVENT_STORE],
  },
  {
    provide: CompoundRepository,
    useFactory: (store: EventStore) =>
      new CompoundRepository(store, { category: COMPOUND_CATEGORY, ...compoundDecider }),
    inject: [EVENT_STORE],
  },
  {
    provide: ResidentRepository,
    useFactory: (store: EventStore) =>
      new ResidentRepository(store, { category: RESIDENT_CATEGORY, ...residentDecider }),
    inject: [EVENT_STORE],
  },
  {
    provide: OrderRepository,
    useFactory: (store: EventStore) =>
      new OrderRepository(store, { category: ORDER_CATEGORY, ...orderDecider }),
    inject: [EVENT_STORE],
  },
];

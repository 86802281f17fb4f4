import { aggregate, type RepositoryOf } from '@cogov/context-kit';
import { communityDecider } from '../domain/community';
import { compoundDecider } from '../domain/compound';
import { orderDecider } from '../domain/order';
import { residentDecider } from '../domain/resident';
import { streetDecider } from '../domain/street';

export const communityAggregate = aggregate('residents-committee.community', communityDecider);
export const compoundAggregate = aggregate('residents-committee.compound', compoundDecider);
export const residentAggregate = aggregate('residents-committee.resident', residentDecider);
export const orderAggregate = aggregate('residents-committee.order', orderDecider);
export const streetAggregate = aggregate('residents-committee.street', streetDecider);

export type CommunityRepository = RepositoryOf<typeof communityAggregate>;
export type CompoundRepository = RepositoryOf<typeof compoundAggregate>;
export type ResidentRepository = RepositoryOf<typeof residentAggregate>;
export type OrderRepository = RepositoryOf<typeof orderAggregate>;
export type StreetRepository = RepositoryOf<typeof streetAggregate>;

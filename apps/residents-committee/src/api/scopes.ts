import { scopeFromAggregate } from '@cogov/context-kit';
import type { CompoundState } from '../domain/compound';
import {
  communityAggregate,
  compoundAggregate,
  orderAggregate,
  residentAggregate,
  streetAggregate,
  gridAggregate,
  departmentAggregate,
} from '../infrastructure/aggregates';

/** Where the residents' committee's resources live, for the access guard (read from their streams). */
export const CommunityInPath = scopeFromAggregate(
  'CommunityInPath',
  communityAggregate,
  { param: 'id' },
  (state, id) =>
    state.status === 'absent' ? null : { communityId: id, compoundId: null, streetId: state.streetId },
);

/** A street is no community's: only the street's own callers (and platform admins) reach it. */
export const StreetInPath = scopeFromAggregate(
  'StreetInPath',
  streetAggregate,
  { param: 'id' },
  (state, id) => (state.status === 'absent' ? null : { communityId: null, compoundId: null, streetId: id }),
);

/** For bodies that name a street (a department entered in its directory). */
export const StreetInBody = scopeFromAggregate(
  'StreetInBody',
  streetAggregate,
  { body: 'streetId' },
  (state, id) => (state.status === 'absent' ? null : { communityId: null, compoundId: null, streetId: id }),
);

/** A department lies in its street: the street's callers (its staff among them) reach it. */
export const DepartmentInPath = scopeFromAggregate(
  'DepartmentInPath',
  departmentAggregate,
  { param: 'id' },
  (state) =>
    state.status === 'absent' ? null : { communityId: null, compoundId: null, streetId: state.streetId },
);

const compoundScope = (state: CompoundState, id: string) =>
  state.status === 'absent' ? null : { communityId: state.communityId, compoundId: id };

export const CompoundInPath = scopeFromAggregate(
  'CompoundInPath',
  compoundAggregate,
  { param: 'id' },
  compoundScope,
);

/** For bodies that name a compound (a resident's registration, an order's placement). */
export const CompoundInBody = scopeFromAggregate(
  'CompoundInBody',
  compoundAggregate,
  { body: 'compoundId' },
  compoundScope,
);

export const OrderInPath = scopeFromAggregate('OrderInPath', orderAggregate, { param: 'id' }, (state) =>
  state.status === 'absent'
    ? null
    : { communityId: state.communityId, compoundId: state.compoundId, ownerId: state.residentId },
);

export const ResidentInPath = scopeFromAggregate(
  'ResidentInPath',
  residentAggregate,
  { param: 'id' },
  (state, id) =>
    state.status === 'absent'
      ? null
      : { communityId: state.communityId, compoundId: state.compoundId, ownerId: id },
);

/** A grid lies in its community, found through its location stream. */
export const GridInPath = scopeFromAggregate('GridInPath', gridAggregate, { param: 'id' }, (state) =>
  state.status === 'absent' ? null : { communityId: state.communityId, compoundId: null },
);

export const residentsCommitteeScopes = [
  CommunityInPath,
  CompoundInPath,
  CompoundInBody,
  OrderInPath,
  ResidentInPath,
  StreetInPath,
  GridInPath,
  StreetInBody,
  DepartmentInPath,
];

import { reachingStreets, scopeFromAggregate } from '@cogov/context-kit';
import type { CommunityState } from '../domain/community';
import type { CompoundState } from '../domain/compound';
import {
  communityAggregate,
  compoundAggregate,
  orderAggregate,
  residentAggregate,
  streetAggregate,
  gridAggregate,
  departmentAggregate,
  volunteerActivityAggregate,
  volunteerTeamAggregate,
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

/** For bodies that name a community (a volunteer team's registration, an activity). */
export const CommunityInBody = scopeFromAggregate(
  'CommunityInBody',
  communityAggregate,
  { body: 'communityId' },
  (state, id) =>
    state.status === 'absent' ? null : { communityId: id, compoundId: null, streetId: state.streetId },
);

/** A volunteer team (志愿服务队) lies in its community, and so in the community's street. */
export const VolunteerTeamInPath = scopeFromAggregate(
  'VolunteerTeamInPath',
  volunteerTeamAggregate,
  { param: 'id' },
  (state) =>
    state.status === 'absent'
      ? null
      : { communityId: state.communityId, compoundId: null, streetId: state.streetId },
);

/** A volunteer activity (志愿活动) lies in its community, and so in the community's street. */
export const VolunteerActivityInPath = scopeFromAggregate(
  'VolunteerActivityInPath',
  volunteerActivityAggregate,
  { param: 'id' },
  (state) =>
    state.status === 'absent'
      ? null
      : { communityId: state.communityId, compoundId: null, streetId: state.streetId },
);

const compoundScope = (state: CompoundState, id: string) =>
  state.status === 'absent' ? null : { communityId: state.communityId, compoundId: id };

const CompoundInPathOnly = scopeFromAggregate(
  'CompoundInPathOnly',
  compoundAggregate,
  { param: 'id' },
  compoundScope,
);

/** For bodies that name a compound (a resident's registration, an order's placement). */
const CompoundInBodyOnly = scopeFromAggregate(
  'CompoundInBodyOnly',
  compoundAggregate,
  { body: 'compoundId' },
  compoundScope,
);

const OrderInPathOnly = scopeFromAggregate('OrderInPathOnly', orderAggregate, { param: 'id' }, (state) =>
  state.status === 'absent'
    ? null
    : { communityId: state.communityId, compoundId: state.compoundId, ownerId: state.residentId },
);

const ResidentInPathOnly = scopeFromAggregate(
  'ResidentInPathOnly',
  residentAggregate,
  { param: 'id' },
  (state, id) =>
    state.status === 'absent'
      ? null
      : { communityId: state.communityId, compoundId: state.compoundId, ownerId: id },
);

/** A grid lies in its community, found through its location stream. */
const GridInPathOnly = scopeFromAggregate('GridInPathOnly', gridAggregate, { param: 'id' }, (state) =>
  state.status === 'absent' ? null : { communityId: state.communityId, compoundId: null },
);

/** What lies in a community lies in its street too: a street's callers reach it (ADR 27). */
const streetOfCommunity = (state: CommunityState) => (state.status === 'absent' ? null : state.streetId);
export const inTheStreet = (name: string, inner: Parameters<typeof reachingStreets>[1]) =>
  reachingStreets(name, inner, communityAggregate, streetOfCommunity);

export const CompoundInPath = inTheStreet('CompoundInPath', CompoundInPathOnly);
export const CompoundInBody = inTheStreet('CompoundInBody', CompoundInBodyOnly);
export const OrderInPath = inTheStreet('OrderInPath', OrderInPathOnly);
export const ResidentInPath = inTheStreet('ResidentInPath', ResidentInPathOnly);
export const GridInPath = inTheStreet('GridInPath', GridInPathOnly);

export const residentsCommitteeScopes = [
  CommunityInPath,
  StreetInPath,
  CompoundInPathOnly,
  CompoundInBodyOnly,
  OrderInPathOnly,
  ResidentInPathOnly,
  GridInPathOnly,
  CompoundInPath,
  CompoundInBody,
  OrderInPath,
  ResidentInPath,
  GridInPath,
  StreetInBody,
  DepartmentInPath,
  CommunityInBody,
  VolunteerTeamInPath,
  VolunteerActivityInPath,
];

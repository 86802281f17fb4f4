import { scopeFromAggregate } from '@cogov/context-kit';
import {
  buildingLeaderAggregate,
  compoundDirectoryAggregate,
  mediationAggregate,
} from '../infrastructure/aggregates';

/**
 * A nomination belongs to the compound it names, in the community the residents' committee
 * published it in. A compound not delivered here yet is only the compound's own (ADR 21): a caller
 * with it in scope hears it is not yet known (409), anyone else cannot tell it from nothing (404).
 */
export const CompoundInBody = scopeFromAggregate(
  'BuildingLeaderCompoundInBody',
  compoundDirectoryAggregate,
  { body: 'compoundId' },
  (state, id) => ({ communityId: state.status === 'absent' ? null : state.communityId, compoundId: id }),
);

export const LeaderInPath = scopeFromAggregate(
  'BuildingLeaderInPath',
  buildingLeaderAggregate,
  { param: 'id' },
  (state) =>
    state.status === 'absent' ? null : { communityId: state.communityId, compoundId: state.compoundId },
);

/** A new mediation lives in its mediator's compound. */
export const MediatorInBody = scopeFromAggregate(
  'MediatorInBody',
  buildingLeaderAggregate,
  { body: 'mediatorId' },
  (state) =>
    state.status === 'absent' ? null : { communityId: state.communityId, compoundId: state.compoundId },
);

export const MediationInPath = scopeFromAggregate(
  'MediationInPath',
  mediationAggregate,
  { param: 'id' },
  (state) =>
    state.status === 'absent' ? null : { communityId: state.communityId, compoundId: state.compoundId },
);

export const buildingLeadersScopes = [CompoundInBody, LeaderInPath, MediatorInBody, MediationInPath];

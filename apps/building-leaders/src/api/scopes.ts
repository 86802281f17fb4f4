import { scopeFromAggregate } from '@cogov/context-kit';
import { buildingLeaderAggregate, compoundDirectoryAggregate } from '../infrastructure/aggregates';

/** A nomination belongs to the compound it names (as the residents' committee published it). */
export const CompoundInBody = scopeFromAggregate(
  'BuildingLeaderCompoundInBody',
  compoundDirectoryAggregate,
  { body: 'compoundId' },
  (state, id) => (state.status === 'absent' ? null : { communityId: state.communityId, compoundId: id }),
);

export const LeaderInPath = scopeFromAggregate(
  'BuildingLeaderInPath',
  buildingLeaderAggregate,
  { param: 'id' },
  (state) =>
    state.status === 'absent' ? null : { communityId: state.communityId, compoundId: state.compoundId },
);

export const buildingLeadersScopes = [CompoundInBody, LeaderInPath];

import { scopeFromAggregate, scopeFromRequest } from '@cogov/context-kit';
import { branchOrderAggregate, organizationAggregate } from '../infrastructure/aggregates';

/** A new organization belongs to the community it names. */
export const CommunityInBody = scopeFromRequest('CommunityInBody', { body: 'communityId' }, (id) => ({
  communityId: id,
  compoundId: null,
}));

/** A new member belongs to the community of the organization it joins. */
export const OrganizationInBody = scopeFromAggregate(
  'OrganizationInBody',
  organizationAggregate,
  { body: 'organizationId' },
  (state) => (state.status === 'absent' ? null : { communityId: state.communityId, compoundId: null }),
);

/** A seat, and whatever else belongs to an organization, lies in the organization's community. */
export const OrganizationInPath = scopeFromAggregate(
  'OrganizationInPath',
  organizationAggregate,
  { param: 'id' },
  (state) => (state.status === 'absent' ? null : { communityId: state.communityId, compoundId: null }),
);

/** The order as the branch knows it (opened when the residents' committee published it). */
export const BranchOrderInPath = scopeFromAggregate(
  'BranchOrderInPath',
  branchOrderAggregate,
  { param: 'id' },
  (state) =>
    state.status === 'absent' ? null : { communityId: state.communityId, compoundId: state.compoundId },
);

export const partyOrganizationScopes = [
  CommunityInBody,
  OrganizationInBody,
  BranchOrderInPath,
  OrganizationInPath,
];

import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { scopeFromAggregate, scopeFromRequest } from '@cogov/context-kit';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { DEFERRED_TO_VALIDATION, idOrNull, type ResourceScope, type ScopeResolver } from '@cogov/security';
import {
  branchOrderAggregate,
  jointMeetingAggregate,
  organizationAggregate,
} from '../infrastructure/aggregates';
import { CommunityDirectoryEntry } from '../infrastructure/directory/community-directory.entity';

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

/** A joint meeting is convened in the community of the branch that leads it. */
export const BranchInBody = scopeFromAggregate(
  'BranchInBody',
  organizationAggregate,
  { body: 'branchId' },
  (state) => (state.status === 'absent' ? null : { communityId: state.communityId, compoundId: null }),
);

/** A joint meeting lies in its compound. */
export const JointMeetingInPath = scopeFromAggregate(
  'JointMeetingInPath',
  jointMeetingAggregate,
  { param: 'id' },
  (state) =>
    state.status === 'absent' ? null : { communityId: state.communityId, compoundId: state.compoundId },
);

/** A compound as the directory has it: its community, from the residents' committee's facts. */
@Injectable()
export class CompoundInPath implements ScopeResolver {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async resolve(request: Request): Promise<ResourceScope | null> {
    const compoundId = idOrNull((request.params as Record<string, unknown>).compoundId);
    if (!compoundId) return DEFERRED_TO_VALIDATION;
    const entry = await this.db.readSource
      .getRepository(CommunityDirectoryEntry)
      .findOneBy({ id: compoundId, kind: 'compound' });
    return entry ? { communityId: entry.communityId, compoundId } : null;
  }
}

export const jointMeetingScopes = [BranchInBody, JointMeetingInPath, CompoundInPath];

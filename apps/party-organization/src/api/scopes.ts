import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { InjectRepository, scopeFromAggregate, scopeFromRequest, scopeFromTables } from '@cogov/context-kit';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import {
  DEFERRED_TO_VALIDATION,
  idOrNull,
  inScope,
  type Principal,
  type ResourceScope,
  type ScopeResolver,
} from '@cogov/security';
import {
  branchOrderAggregate,
  jointMeetingAggregate,
  memberAggregate,
  type MemberRepository,
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

/**
 * A member lies in the community they are registered in, and, once their report-in (双报到) is
 * confirmed, in the community they reported in to as well: the scope is whichever of the two the
 * caller holds (the registration community otherwise, answered 404 outside it). The member is the
 * owner: a party member sees only their own.
 */
@Injectable()
export class MemberInPath implements ScopeResolver {
  constructor(@InjectRepository(memberAggregate) private readonly members: MemberRepository) {}

  async resolve(request: Request, principal: Principal): Promise<ResourceScope | null> {
    const memberId = idOrNull((request.params as Record<string, unknown>).id);
    if (!memberId) return DEFERRED_TO_VALIDATION;
    const { state } = await this.members.load(memberId);
    if (state.status === 'absent') return null;
    const registered = { communityId: state.communityId, compoundId: null, ownerId: memberId };
    const reportIn = state.reportIn;
    if (reportIn?.status === 'confirmed') {
      const reportedIn = { communityId: reportIn.communityId, compoundId: null, ownerId: memberId };
      if (!inScope(principal, registered) && inScope(principal, reportedIn)) return reportedIn;
    }
    return registered;
  }
}

/** A member's own report-in is made in the community they are registered in. */
export const MemberRegistrationInPath = scopeFromAggregate(
  'MemberRegistrationInPath',
  memberAggregate,
  { param: 'id' },
  (state, id) =>
    state.status === 'absent' ? null : { communityId: state.communityId, compoundId: null, ownerId: id },
);

/**
 * A report-in is decided by the Party committee of the community it is to: the scope is that
 * community (the registration community while there is none, where the decision finds nothing).
 */
export const ReportInOfMemberInPath = scopeFromAggregate(
  'ReportInOfMemberInPath',
  memberAggregate,
  { param: 'id' },
  (state) =>
    state.status === 'absent'
      ? null
      : { communityId: state.reportIn?.communityId ?? state.communityId, compoundId: null },
);

/** A community as the directory has it (the residents' committee published it). */
export const CommunityInPath = scopeFromTables('CommunityInPath', { param: 'id' }, async (id, db) => {
  const entry = await db.readSource
    .getRepository(CommunityDirectoryEntry)
    .findOneBy({ id, kind: 'community' });
  return entry ? { communityId: id, compoundId: null } : null;
});

export const memberScopes = [MemberInPath, MemberRegistrationInPath, ReportInOfMemberInPath, CommunityInPath];

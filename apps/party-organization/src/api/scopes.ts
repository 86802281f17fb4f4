import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DEFERRED_TO_VALIDATION, idOrNull, type ResourceScope, type ScopeResolver } from '@cogov/security';
import { BranchOrderRepository, OrganizationRepository } from '../infrastructure/aggregates';

const body = (request: Request) => (request.body ?? {}) as Record<string, unknown>;

/** A new organization belongs to the community it names. */
@Injectable()
export class CommunityInBody implements ScopeResolver {
  resolve(request: Request): Promise<ResourceScope | null> {
    const id = idOrNull(body(request).communityId);
    return Promise.resolve(id ? { communityId: id, compoundId: null } : DEFERRED_TO_VALIDATION);
  }
}

/** A new member belongs to the community of the organization it joins. */
@Injectable()
export class OrganizationInBody implements ScopeResolver {
  constructor(private readonly organizations: OrganizationRepository) {}

  async resolve(request: Request): Promise<ResourceScope | null> {
    const id = idOrNull(body(request).organizationId);
    if (!id) return DEFERRED_TO_VALIDATION;
    const { state } = await this.organizations.load(id);
    return state.status === 'absent' ? null : { communityId: state.communityId, compoundId: null };
  }
}

/** The order as the branch knows it (opened when the residents' committee published it). */
@Injectable()
export class BranchOrderInPath implements ScopeResolver {
  constructor(private readonly orders: BranchOrderRepository) {}

  async resolve(request: Request): Promise<ResourceScope | null> {
    const id = idOrNull(request.params.id);
    if (!id) return DEFERRED_TO_VALIDATION;
    const { state } = await this.orders.load(id);
    return state.status === 'absent'
      ? null
      : { communityId: state.communityId, compoundId: state.compoundId };
  }
}

export const scopeResolvers = [CommunityInBody, OrganizationInBody, BranchOrderInPath];

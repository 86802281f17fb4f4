import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DEFERRED_TO_VALIDATION, idOrNull, type ResourceScope, type ScopeResolver } from '@cogov/security';
import {
  CommunityRepository,
  CompoundRepository,
  OrderRepository,
  ResidentRepository,
} from '../infrastructure/aggregates';

/** Where the residents' committee's resources live, for the access guard (read from their streams). */
@Injectable()
export class CommunityInPath implements ScopeResolver {
  constructor(private readonly communities: CommunityRepository) {}

  async resolve(request: Request): Promise<ResourceScope | null> {
    const id = idOrNull(request.params.id);
    if (!id) return DEFERRED_TO_VALIDATION;
    const { state } = await this.communities.load(id);
    return state.status === 'absent' ? null : { communityId: id, compoundId: null };
  }
}

@Injectable()
export class CompoundScopes {
  constructor(private readonly compounds: CompoundRepository) {}

  async of(compoundId: unknown): Promise<ResourceScope | null> {
    const id = idOrNull(compoundId);
    if (!id) return DEFERRED_TO_VALIDATION;
    const { state } = await this.compounds.load(id);
    return state.status === 'absent' ? null : { communityId: state.communityId, compoundId: id };
  }
}

@Injectable()
export class CompoundInPath implements ScopeResolver {
  constructor(private readonly compounds: CompoundScopes) {}
  resolve(request: Request) {
    return this.compounds.of(request.params.id);
  }
}

/** For bodies that name a compound (a resident's registration, an order's placement). */
@Injectable()
export class CompoundInBody implements ScopeResolver {
  constructor(private readonly compounds: CompoundScopes) {}
  resolve(request: Request) {
    return this.compounds.of((request.body as Record<string, unknown> | undefined)?.compoundId);
  }
}

@Injectable()
export class OrderInPath implements ScopeResolver {
  constructor(private readonly orders: OrderRepository) {}

  async resolve(request: Request): Promise<ResourceScope | null> {
    const id = idOrNull(request.params.id);
    if (!id) return DEFERRED_TO_VALIDATION;
    const { state } = await this.orders.load(id);
    return state.status === 'absent'
      ? null
      : { communityId: state.communityId, compoundId: state.compoundId, ownerId: state.residentId };
  }
}

@Injectable()
export class ResidentInPath implements ScopeResolver {
  constructor(private readonly residents: ResidentRepository) {}

  async resolve(request: Request): Promise<ResourceScope | null> {
    const id = idOrNull(request.params.id);
    if (!id) return DEFERRED_TO_VALIDATION;
    const { state } = await this.residents.load(id);
    return state.status === 'absent'
      ? null
      : { communityId: state.communityId, compoundId: state.compoundId, ownerId: id };
  }
}

export const scopeResolvers = [
  CommunityInPath,
  CompoundScopes,
  CompoundInPath,
  CompoundInBody,
  OrderInPath,
  ResidentInPath,
];

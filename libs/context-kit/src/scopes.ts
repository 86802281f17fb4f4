import { Inject, Injectable, type Type } from '@nestjs/common';
import type { Request } from 'express';
import type { DomainEvent } from '@cogov/decider';
import type { EventSourcedRepository } from '@cogov/event-sourcing';
import {
  DEFERRED_TO_VALIDATION,
  idOrNull,
  inScope,
  type Principal,
  type ResourceScope,
  type ScopeResolver,
} from '@cogov/security';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import type { AggregateDefinition } from './aggregate';

/** Where a request names the resource: a route parameter, a body field or a query parameter. */
export type IdLocation = { readonly param: string } | { readonly body: string } | { readonly query: string };

function idIn(request: Request, where: IdLocation): string | null {
  if ('param' in where) return idOrNull(request.params[where.param]);
  if ('query' in where) return idOrNull(request.query[where.query]);
  return idOrNull(((request.body ?? {}) as Record<string, unknown>)[where.body]);
}

/**
 * A scope resolver read from an aggregate's stream: the access guard asks it where the resource
 * a request names lives (null: it does not exist, answered 404). A missing or malformed id is
 * left to validation, which answers 400.
 */
export function scopeFromAggregate<State>(
  name: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definition: AggregateDefinition<any, State, any>,
  where: IdLocation,
  toScope: (state: State, id: string) => ResourceScope | null,
): Type<ScopeResolver> {
  @Injectable()
  class AggregateScope implements ScopeResolver {
    constructor(
      @Inject(definition.token) private readonly repository: EventSourcedRepository<State, DomainEvent>,
    ) {}

    async resolve(request: Request): Promise<ResourceScope | null> {
      const id = idIn(request, where);
      if (!id) return DEFERRED_TO_VALIDATION;
      return toScope((await this.repository.load(id)).state, id);
    }
  }
  Object.defineProperty(AggregateScope, 'name', { value: name });
  return AggregateScope;
}

/** A scope named directly by the request (e.g. the community a new organization belongs to). */
export function scopeFromRequest(
  name: string,
  where: IdLocation,
  toScope: (id: string) => ResourceScope,
): Type<ScopeResolver> {
  @Injectable()
  class RequestScope implements ScopeResolver {
    resolve(request: Request): Promise<ResourceScope | null> {
      const id = idIn(request, where);
      return Promise.resolve(id ? toScope(id) : DEFERRED_TO_VALIDATION);
    }
  }
  Object.defineProperty(RequestScope, 'name', { value: name });
  return RequestScope;
}

/**
 * A scope resolver read from the context's own tables (a read-side context has no stream to read
 * the resource from: a street, a community, a compound it keeps of others' facts). `find` answers
 * null for an id it does not know, answered 404 like an id that does not exist.
 */
export function scopeFromTables(
  name: string,
  where: IdLocation,
  find: (id: string, db: SqlDatabase) => Promise<ResourceScope | null>,
): Type<ScopeResolver> {
  @Injectable()
  class TableScope implements ScopeResolver {
    constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

    async resolve(request: Request): Promise<ResourceScope | null> {
      const id = idIn(request, where);
      return id ? find(id, this.db) : DEFERRED_TO_VALIDATION;
    }
  }
  Object.defineProperty(TableScope, 'name', { value: name });
  return TableScope;
}

/**
 * A resolver that also names the street its resource's community lies in (read from the
 * community's stream), for a caller whose `streets` claim might reach it: a street office sees
 * its communities' compounds, orders and residents. Only read when the caller has streets and
 * is not already in scope by community or compound, so most requests pay nothing for it.
 */
export function reachingStreets<State>(
  name: string,
  inner: Type<ScopeResolver>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  community: AggregateDefinition<any, State, any>,
  streetOf: (state: State) => string | null,
): Type<ScopeResolver> {
  @Injectable()
  class StreetReachingScope implements ScopeResolver {
    constructor(
      @Inject(inner) private readonly scope: ScopeResolver,
      @Inject(community.token) private readonly communities: EventSourcedRepository<State, DomainEvent>,
    ) {}

    async resolve(request: Request, principal: Principal): Promise<ResourceScope | null> {
      const resource = await this.scope.resolve(request, principal);
      if (
        resource === null ||
        resource.streetId !== undefined ||
        resource.communityId === null ||
        principal.streets.length === 0 ||
        inScope(principal, resource)
      ) {
        return resource;
      }
      const { state } = await this.communities.load(resource.communityId);
      return { ...resource, streetId: streetOf(state) };
    }
  }
  Object.defineProperty(StreetReachingScope, 'name', { value: name });
  return StreetReachingScope;
}

import { Inject, Injectable, type Type } from '@nestjs/common';
import type { Request } from 'express';
import type { DomainEvent } from '@cogov/decider';
import type { EventSourcedRepository } from '@cogov/event-sourcing';
import { DEFERRED_TO_VALIDATION, idOrNull, type ResourceScope, type ScopeResolver } from '@cogov/security';
import type { AggregateDefinition } from './aggregate';

/** Where a request names the resource: a route parameter or a body field. */
export type IdLocation = { readonly param: string } | { readonly body: string };

function idIn(request: Request, where: IdLocation): string | null {
  const raw =
    'param' in where
      ? request.params[where.param]
      : ((request.body ?? {}) as Record<string, unknown>)[where.body];
  return idOrNull(raw);
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

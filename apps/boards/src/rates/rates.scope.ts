import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import {
  DEFERRED_TO_VALIDATION,
  idOrNull,
  inScope,
  type Principal,
  type ResourceScope,
  type ScopeResolver,
} from '@cogov/security';
import { communityScope, streetScope } from '../places/places.scopes';

/**
 * The street and the community a table of rates is cut to (`?streetId=`, `?communityId=`): each
 * one named must be known to the boards and within the caller's scope, or the answer is 404. A
 * table naming neither is cut by the caller's scope instead, row by row (RatesHandler), so there
 * is nothing for the guard to check; a malformed id is validation's (400).
 */
@Injectable()
export class RatesPlacesInQuery implements ScopeResolver {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async resolve(request: Request, caller: Principal): Promise<ResourceScope | null> {
    let named: ResourceScope = DEFERRED_TO_VALIDATION;
    const places = [
      [idOrNull(request.query.streetId), streetScope],
      [idOrNull(request.query.communityId), communityScope],
    ] as const;
    for (const [id, find] of places) {
      if (!id) continue;
      const scope = await find(id, this.db);
      if (!scope || !inScope(caller, scope)) return null;
      named = scope;
    }
    return named;
  }
}

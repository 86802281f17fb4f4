import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { InjectRepository, scopeFromTables } from '@cogov/context-kit';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import {
  DEFERRED_TO_VALIDATION,
  hasRole,
  idOrNull,
  inScope,
  type Principal,
  type ResourceScope,
  type ScopeResolver,
} from '@cogov/security';
import { accountAggregate, type AccountRepository } from '../infrastructure/aggregates';
import { CommunityEntry, StreetEntry } from '../infrastructure/entities';

async function streetScope(streetId: string, db: SqlDatabase): Promise<ResourceScope | null> {
  const street = await db.readSource.getRepository(StreetEntry).findOneBy({ streetId });
  return street ? { communityId: null, compoundId: null, streetId } : null;
}

/** A community lies in its street: a street-scoped caller reaches it. Unknown here: 404. */
async function communityScope(communityId: string, db: SqlDatabase): Promise<ResourceScope | null> {
  const community = await db.readSource.getRepository(CommunityEntry).findOneBy({ communityId });
  return community ? { communityId, compoundId: null, streetId: community.streetId } : null;
}

export const StandardsStreetInPath = scopeFromTables('PointsStreetInPath', { param: 'id' }, streetScope);
export const CatalogueCommunityInPath = scopeFromTables(
  'PointsCommunityInPath',
  { param: 'id' },
  communityScope,
);
export const StationCommunityInBody = scopeFromTables(
  'PointsStationInBody',
  { body: 'communityId' },
  communityScope,
);

/** A correction lies in the community it names, or else in its street. */
@Injectable()
export class CorrectionPlaceInBody implements ScopeResolver {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async resolve(request: Request): Promise<ResourceScope | null> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const communityId = idOrNull(body.communityId);
    if (communityId) return communityScope(communityId, this.db);
    const streetId = idOrNull(body.streetId);
    return streetId ? streetScope(streetId, this.db) : DEFERRED_TO_VALIDATION;
  }
}

/** A leaderboard lies in the community or the street its query names. */
@Injectable()
export class LeaderboardPlaceInQuery implements ScopeResolver {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async resolve(request: Request): Promise<ResourceScope | null> {
    const communityId = idOrNull(request.query.communityId);
    const streetId = idOrNull(request.query.streetId);
    if (communityId && !streetId) return communityScope(communityId, this.db);
    if (streetId && !communityId) return streetScope(streetId, this.db);
    return DEFERRED_TO_VALIDATION;
  }
}

/** The roles that see only their own account. */
export const ACCOUNT_HOLDERS = ['resident', 'party-member'] as const;

/**
 * Where an account lies: in every community its entries were earned or redeemed in, and their
 * streets; the caller's staff see it when one of them is theirs. Its holder sees it wherever
 * they are (a resident or Party member reading their own): their own scope is answered, with
 * them as its owner. An account that does not exist: 404.
 */
@Injectable()
export class AccountInPath implements ScopeResolver {
  constructor(
    @InjectRepository(accountAggregate) private readonly accounts: AccountRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async resolve(request: Request, principal: Principal): Promise<ResourceScope | null> {
    const personId = idOrNull(request.params.personId);
    if (!personId) return DEFERRED_TO_VALIDATION;
    const { state } = await this.accounts.load(personId);
    if (state.status === 'absent') return null;
    if (personId === principal.personId && hasRole(principal, [...ACCOUNT_HOLDERS])) {
      return {
        communityId: principal.communities[0] ?? null,
        compoundId: principal.compounds[0] ?? null,
        streetId: principal.streets[0] ?? null,
        ownerId: personId,
      };
    }
    const places: ResourceScope[] = [];
    for (const communityId of state.communities) {
      const community = await this.db.readSource.getRepository(CommunityEntry).findOneBy({ communityId });
      places.push({
        communityId,
        compoundId: null,
        streetId: community?.streetId ?? null,
        ownerId: personId,
      });
    }
    for (const streetId of state.streets)
      places.push({ communityId: null, compoundId: null, streetId, ownerId: personId });
    return places.find((place) => inScope(principal, place)) ?? places[0] ?? null;
  }
}

export const pointsBankScopes = [
  StandardsStreetInPath,
  CatalogueCommunityInPath,
  StationCommunityInBody,
  CorrectionPlaceInBody,
  LeaderboardPlaceInQuery,
  AccountInPath,
];

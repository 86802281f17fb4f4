import type { IdLocation } from '@cogov/context-kit';
import { scopeFromTables } from '@cogov/context-kit';
import type { SqlDatabase } from '@cogov/persistence';
import type { ResourceScope } from '@cogov/security';
import { CommunityPlace, CompoundPlace, StreetPlace } from './places.entities';

/** Where a street lies: in itself. Unknown to the boards: 404. */
export async function streetScope(streetId: string, db: SqlDatabase): Promise<ResourceScope | null> {
  const street = await db.readSource.getRepository(StreetPlace).findOneBy({ streetId });
  return street ? { communityId: null, compoundId: null, streetId } : null;
}

/** A community lies in its street (if it has one): a street-scoped caller reaches it. */
export async function communityScope(communityId: string, db: SqlDatabase): Promise<ResourceScope | null> {
  const community = await db.readSource.getRepository(CommunityPlace).findOneBy({ communityId });
  return community ? { communityId, compoundId: null, streetId: community.streetId } : null;
}

/** A compound lies in its community, and so in the community's street. */
export async function compoundScope(compoundId: string, db: SqlDatabase): Promise<ResourceScope | null> {
  const compound = await db.readSource.getRepository(CompoundPlace).findOneBy({ compoundId });
  if (!compound) return null;
  const community = await db.readSource
    .getRepository(CommunityPlace)
    .findOneBy({ communityId: compound.communityId });
  return { communityId: compound.communityId, compoundId, streetId: community?.streetId ?? null };
}

export const streetScopeAt = (name: string, where: IdLocation) => scopeFromTables(name, where, streetScope);
export const communityScopeAt = (name: string, where: IdLocation) =>
  scopeFromTables(name, where, communityScope);
export const compoundScopeAt = (name: string, where: IdLocation) =>
  scopeFromTables(name, where, compoundScope);

export const StreetInPath = streetScopeAt('BoardsStreetInPath', { param: 'id' });
export const CommunityInPath = communityScopeAt('BoardsCommunityInPath', { param: 'id' });
export const CompoundInPath = compoundScopeAt('BoardsCompoundInPath', { param: 'id' });

export const placesScopes = [StreetInPath, CommunityInPath, CompoundInPath];

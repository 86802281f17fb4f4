import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { scopeFromAggregate } from '@cogov/context-kit';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { DEFERRED_TO_VALIDATION, idOrNull, type ResourceScope, type ScopeResolver } from '@cogov/security';
import { committeeAggregate } from '../infrastructure/aggregates';
import { DirectoryEntry } from '../infrastructure/directory/directory-entry.entity';

/**
 * A new committee lives in the compound it names, and that compound's community as the
 * directory knows it. A compound not delivered here yet is only the compound's own: the caller
 * with it in scope then hears it is not yet known.
 */
@Injectable()
export class CompoundInBody implements ScopeResolver {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async resolve(request: Request): Promise<ResourceScope | null> {
    const compoundId = idOrNull(((request.body ?? {}) as Record<string, unknown>).compoundId);
    if (!compoundId) return DEFERRED_TO_VALIDATION;
    const entry = await this.db.readSource.getRepository(DirectoryEntry).findOneBy({ id: compoundId });
    return { communityId: entry?.kind === 'compound' ? entry.communityId : null, compoundId };
  }
}

export const CommitteeInPath = scopeFromAggregate(
  'CommitteeInPath',
  committeeAggregate,
  { param: 'id' },
  (state) =>
    state.status !== 'formed' ? null : { communityId: state.communityId, compoundId: state.compoundId },
);

export const ownersCommitteeScopes = [CompoundInBody, CommitteeInPath];

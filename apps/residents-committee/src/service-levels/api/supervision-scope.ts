import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { DEFERRED_TO_VALIDATION, idOrNull, type ResourceScope, type ScopeResolver } from '@cogov/security';
import { inTheStreet } from '../../api/scopes';
import { SupervisionItem } from '../infrastructure/supervision-item.entity';

/** Where a supervision item lives: read from the list, where the process raised it. */
@Injectable()
export class SupervisionItemInPathOnly implements ScopeResolver {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async resolve(request: Request): Promise<ResourceScope | null> {
    const id = idOrNull(request.params.itemId);
    if (!id) return DEFERRED_TO_VALIDATION;
    const row = await this.db.readSource.getRepository(SupervisionItem).findOneBy({ itemId: id });
    return row ? { communityId: row.communityId, compoundId: row.compoundId } : null;
  }
}

/** The item's community's street reaches it too: a street office works its communities' list. */
export const SupervisionItemInPath = inTheStreet('SupervisionItemInPath', SupervisionItemInPathOnly);

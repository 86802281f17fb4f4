import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { type Principal, type VisibleScope, visibleScope } from '@cogov/security';
import { CommunityStreet } from '../infrastructure/communities/community-street.entity';

/**
 * Where a caller may look in a list: `visibleScope`, and for a caller with streets the
 * communities registered in them (a street office lists its communities' orders and residents).
 */
@Injectable()
export class VisibleScopes {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async of(caller: Principal): Promise<VisibleScope> {
    const scope = visibleScope(caller);
    if (scope === 'everywhere' || caller.streets.length === 0) return scope;
    const inStreets = await this.db.readSource
      .getRepository(CommunityStreet)
      .findBy({ streetId: In([...caller.streets]) });
    return {
      ...scope,
      communityIds: [...new Set([...scope.communityIds, ...inStreets.map((c) => c.communityId)])],
    };
  }
}

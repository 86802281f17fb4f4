import { Inject, Injectable } from '@nestjs/common';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { CommunityEntry, StreetEntry } from '../infrastructure/entities';

/** Streets and communities as the residents' committee published them. */
@Injectable()
export class Places {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  /** The community's street: null when it lies in none, undefined when it is not known here. */
  async streetOf(communityId: string): Promise<string | null | undefined> {
    const community = await this.db.readSource.getRepository(CommunityEntry).findOneBy({ communityId });
    return community ? community.streetId : undefined;
  }

  async streetKnown(streetId: string): Promise<boolean> {
    return (await this.db.readSource.getRepository(StreetEntry).countBy({ streetId })) > 0;
  }

  async communitiesOf(streetId: string): Promise<string[]> {
    const rows = await this.db.readSource.getRepository(CommunityEntry).findBy({ streetId });
    return rows.map((r) => r.communityId);
  }
}

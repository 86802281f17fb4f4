import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import type { VisibleScope } from '@cogov/security';
import { withinScope } from '../../application/within-scope';
import { SupervisionItem } from '../infrastructure/supervision-item.entity';

export interface SupervisionList {
  readonly items: SupervisionItem[];
}

export class ListSupervisionQuery extends Query<SupervisionList> {
  constructor(
    readonly filter: {
      communityId?: string;
      gridId?: string;
      stage?: string;
      track?: string;
      departmentId?: string;
      within: VisibleScope;
    },
  ) {
    super();
  }
}

/** 督办: what to supervise within the caller's scope, oldest first (the longest waiting on top). */
@QueryHandler(ListSupervisionQuery)
export class ListSupervisionHandler implements IQueryHandler<ListSupervisionQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: ListSupervisionQuery): Promise<SupervisionList> {
    const where = withinScope<SupervisionItem>(
      {
        ...(filter.communityId ? { communityId: filter.communityId } : {}),
        ...(filter.gridId ? { gridId: filter.gridId } : {}),
        ...(filter.stage ? { stage: filter.stage } : {}),
        ...(filter.track ? { track: filter.track } : {}),
        ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
      },
      filter.within,
    );
    if (where === null) return { items: [] };
    const items = await this.db.readSource.getRepository(SupervisionItem).find({
      where,
      order: { raisedAt: 'ASC', itemId: 'ASC' },
      take: 500,
    });
    return { items };
  }
}

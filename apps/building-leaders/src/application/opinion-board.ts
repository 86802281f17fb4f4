import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type FindOptionsWhere, In } from 'typeorm';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import type { VisibleScope } from '@cogov/security';
import { OpinionView } from '../infrastructure/board/opinion-view.entity';

export interface OpinionPage {
  readonly items: OpinionView[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** The board of opinions reported up, newest first, within the caller's scope. */
export class ListOpinionsQuery extends Query<OpinionPage> {
  constructor(
    readonly filter: { compoundId?: string; page: number; pageSize: number; within: VisibleScope },
  ) {
    super();
  }
}

@QueryHandler(ListOpinionsQuery)
export class ListOpinionsHandler implements IQueryHandler<ListOpinionsQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: ListOpinionsQuery): Promise<OpinionPage> {
    const { page, pageSize } = filter;
    const where = visible(filter.compoundId, filter.within);
    if (where === null) return { items: [], total: 0, page, pageSize };
    const [items, total] = await this.db.readSource.getRepository(OpinionView).findAndCount({
      where,
      order: { reportedAt: 'DESC', opinionId: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageSize };
  }
}

/** Rows in one of the caller's communities or compounds (TypeORM ORs the array), narrowed by the filter. */
function visible(
  compoundId: string | undefined,
  within: VisibleScope,
): FindOptionsWhere<OpinionView> | Array<FindOptionsWhere<OpinionView>> | null {
  const filter: FindOptionsWhere<OpinionView> = compoundId ? { compoundId } : {};
  if (within === 'everywhere') return filter;
  const clauses: Array<FindOptionsWhere<OpinionView>> = [];
  if (within.communityIds.length > 0) clauses.push({ ...filter, communityId: In(within.communityIds) });
  const compounds = compoundId ? within.compoundIds.filter((id) => id === compoundId) : within.compoundIds;
  if (compounds.length > 0) clauses.push({ ...filter, compoundId: In(compounds) });
  return clauses.length > 0 ? clauses : null;
}

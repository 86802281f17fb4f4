import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { In } from 'typeorm';
import { NotFound } from '@cogov/decider';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { maskName, maskPhone } from '@cogov/security';
import { ResidentView } from '../infrastructure/residents/resident-view.entity';

export type ResidentBody = ResidentView & { readonly masked: boolean };

export interface ResidentPage {
  readonly items: ResidentBody[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** `reveal`: whether the caller may see the name and phone in full. */
export class GetResidentQuery extends Query<ResidentBody> {
  constructor(
    readonly residentId: string,
    readonly reveal: boolean,
  ) {
    super();
  }
}

/** Lists are always masked: nobody needs a page of phone numbers. */
export class ListResidentsQuery extends Query<ResidentPage> {
  constructor(
    readonly filter: {
      compoundId?: string;
      page: number;
      pageSize: number;
      within: 'everywhere' | { communityIds: string[]; compoundIds: string[] };
    },
  ) {
    super();
  }
}

@QueryHandler(GetResidentQuery)
export class GetResidentHandler implements IQueryHandler<GetResidentQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ residentId, reveal }: GetResidentQuery): Promise<ResidentBody> {
    const row = await this.db.readSource.getRepository(ResidentView).findOneBy({ residentId });
    if (!row) throw new NotFound('resident', residentId);
    return reveal ? { ...row, masked: false } : masked(row);
  }
}

@QueryHandler(ListResidentsQuery)
export class ListResidentsHandler implements IQueryHandler<ListResidentsQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: ListResidentsQuery): Promise<ResidentPage> {
    const base = filter.compoundId ? { compoundId: filter.compoundId } : {};
    const within = filter.within;
    const where =
      within === 'everywhere'
        ? base
        : [
            ...(within.communityIds.length > 0 ? [{ ...base, communityId: In(within.communityIds) }] : []),
            ...(within.compoundIds.length > 0 ? [{ compoundId: In(within.compoundIds), ...base }] : []),
          ];
    if (Array.isArray(where) && where.length === 0) {
      return { items: [], total: 0, page: filter.page, pageSize: filter.pageSize };
    }
    const [rows, total] = await this.db.readSource.getRepository(ResidentView).findAndCount({
      where,
      order: { registeredAt: 'ASC', residentId: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items: rows.map(masked), total, page: filter.page, pageSize: filter.pageSize };
  }
}

function masked(row: ResidentView): ResidentBody {
  return { ...row, name: maskName(row.name), phone: maskPhone(row.phone), masked: true };
}

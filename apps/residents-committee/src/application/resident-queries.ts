import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@cogov/decider';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { maskName, maskPhone, type VisibleScope } from '@cogov/security';
import { ResidentView } from '../infrastructure/residents/resident-view.entity';
import { withinScope } from './within-scope';

/** `flags` (关爱对象) are personal data: null when masked, as a name is starred out. */
export type ResidentBody = Omit<ResidentView, 'flags'> & {
  readonly flags: string[] | null;
  readonly masked: boolean;
};

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
      /** The caller's scope: residents outside it are not listed, whatever the filter names. */
      within: VisibleScope;
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
    return reveal ? { ...row, flags: row.flags ?? [], masked: false } : masked(row);
  }
}

@QueryHandler(ListResidentsQuery)
export class ListResidentsHandler implements IQueryHandler<ListResidentsQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: ListResidentsQuery): Promise<ResidentPage> {
    const where = withinScope<ResidentView>(
      filter.compoundId ? { compoundId: filter.compoundId } : {},
      filter.within,
    );
    if (where === null) return { items: [], total: 0, page: filter.page, pageSize: filter.pageSize };
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
  return { ...row, name: maskName(row.name), phone: maskPhone(row.phone), flags: null, masked: true };
}

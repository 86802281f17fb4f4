import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { NotFound } from '@cogov/decider';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { isDepartmentStaff } from '../domain/department';
import { departmentAggregate, type DepartmentRepository } from '../infrastructure/aggregates';
import { OrderChainView } from '../infrastructure/order-chain/order-chain-view.entity';
import { type ChainViewBody, type OrderPage, present } from './order-queries';

/** Who asks: a department's staff must be on its register; the street's office need not be. */
export interface DepartmentReader {
  readonly personId: string;
  readonly mustBeStaff: boolean;
}

/** The orders now with a department (whistled to it in their current round), newest first. */
export class ListDepartmentOrdersQuery extends Query<OrderPage> {
  constructor(
    readonly asked: {
      readonly departmentId: string;
      readonly reader: DepartmentReader;
      readonly page: number;
      readonly pageSize: number;
    },
  ) {
    super();
  }
}

/** The chain view of an order whistled to the department at some round. */
export class GetDepartmentOrderQuery extends Query<ChainViewBody> {
  constructor(
    readonly asked: {
      readonly departmentId: string;
      readonly orderId: string;
      readonly reader: DepartmentReader;
    },
  ) {
    super();
  }
}

/** A reader a department's register does not name reads nothing of it (404, as out of scope). */
async function checkReader(
  departments: DepartmentRepository,
  departmentId: string,
  reader: DepartmentReader,
) {
  if (!reader.mustBeStaff) return;
  const { state } = await departments.load(departmentId);
  if (!isDepartmentStaff(state, reader.personId)) {
    throw new NotFound('department staff', reader.personId, { entity: 'department', id: departmentId });
  }
}

@QueryHandler(ListDepartmentOrdersQuery)
export class ListDepartmentOrdersHandler implements IQueryHandler<ListDepartmentOrdersQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @InjectRepository(departmentAggregate) private readonly departments: DepartmentRepository,
  ) {}

  async execute({ asked }: ListDepartmentOrdersQuery): Promise<OrderPage> {
    await checkReader(this.departments, asked.departmentId, asked.reader);
    const [rows, total] = await this.db.readSource.getRepository(OrderChainView).findAndCount({
      where: { assigneeKind: 'department', assigneeId: asked.departmentId },
      order: { placedAt: 'DESC', orderId: 'ASC' },
      skip: (asked.page - 1) * asked.pageSize,
      take: asked.pageSize,
    });
    return { items: rows.map(present), total, page: asked.page, pageSize: asked.pageSize };
  }
}

@QueryHandler(GetDepartmentOrderQuery)
export class GetDepartmentOrderHandler implements IQueryHandler<GetDepartmentOrderQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @InjectRepository(departmentAggregate) private readonly departments: DepartmentRepository,
  ) {}

  async execute({ asked }: GetDepartmentOrderQuery): Promise<ChainViewBody> {
    await checkReader(this.departments, asked.departmentId, asked.reader);
    const row = await this.db.readSource.getRepository(OrderChainView).findOneBy({ orderId: asked.orderId });
    const whistledHere = row?.rounds.some((round) =>
      round.whistles.some((whistle) => whistle.departmentId === asked.departmentId),
    );
    if (!row || !whistledHere) throw new NotFound('order', asked.orderId);
    return present(row);
  }
}

export const departmentOrdersHandlers = [ListDepartmentOrdersHandler, GetDepartmentOrderHandler];

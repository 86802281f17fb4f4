import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@cogov/decider';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import type { VisibleScope } from '@cogov/security';
import { OrderChainView } from '../infrastructure/order-chain/order-chain-view.entity';
import { chainViewOf } from '../infrastructure/order-chain/order-chain.projection';
import { orderAggregate, type OrderRepository } from '../infrastructure/aggregates';
import { InjectRepository } from '@cogov/context-kit';
import { type FindOptionsWhere, In } from 'typeorm';
import { withinScope } from './within-scope';

export type ChainViewBody = Omit<OrderChainView, 'lastPosition'>;

export interface OrderPage {
  readonly items: ChainViewBody[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export class GetOrderChainQuery extends Query<ChainViewBody> {
  constructor(readonly orderId: string) {
    super();
  }
}

/** The chain view as it was at a moment: the projection's fold over the events recorded by then. */
export class GetOrderChainAtQuery extends Query<ChainViewBody> {
  constructor(
    readonly orderId: string,
    readonly at: Date,
  ) {
    super();
  }
}

export class ListOrdersQuery extends Query<OrderPage> {
  constructor(
    readonly filter: {
      stage?: string;
      compoundId?: string;
      page: number;
      pageSize: number;
      /** The caller's scope: orders outside it are not listed. */
      within: VisibleScope;
    },
  ) {
    super();
  }
}

@QueryHandler(GetOrderChainQuery)
export class GetOrderChainHandler implements IQueryHandler<GetOrderChainQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ orderId }: GetOrderChainQuery): Promise<ChainViewBody> {
    const row = await this.db.readSource.getRepository(OrderChainView).findOneBy({ orderId });
    if (!row) throw new NotFound('order', orderId);
    return present(row);
  }
}

@QueryHandler(GetOrderChainAtQuery)
export class GetOrderChainAtHandler implements IQueryHandler<GetOrderChainAtQuery> {
  constructor(@InjectRepository(orderAggregate) private readonly orders: OrderRepository) {}

  /** An order not placed yet at that moment was not there: 404, as for an unknown order. */
  async execute({ orderId, at }: GetOrderChainAtQuery): Promise<ChainViewBody> {
    const loaded = await this.orders.loadUntil(orderId, (e) => e.recordedAt.getTime() <= at.getTime());
    const row = chainViewOf(loaded.events);
    if (!row) throw new NotFound('order', orderId);
    return present(row);
  }
}

@QueryHandler(ListOrdersQuery)
export class ListOrdersHandler implements IQueryHandler<ListOrdersQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: ListOrdersQuery): Promise<OrderPage> {
    const base = {
      ...(filter.stage ? { stage: filter.stage } : {}),
      ...(filter.compoundId ? { compoundId: filter.compoundId } : {}),
    };
    const where = withCompanies(withinScope<OrderChainView>(base, filter.within), base, filter.within);
    if (where === null) return { items: [], total: 0, page: filter.page, pageSize: filter.pageSize };
    const [rows, total] = await this.db.readSource.getRepository(OrderChainView).findAndCount({
      where,
      order: { placedAt: 'DESC', orderId: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items: rows.map(present), total, page: filter.page, pageSize: filter.pageSize };
  }
}

export function present(row: OrderChainView): ChainViewBody {
  const { lastPosition: _, ...body } = row;
  return body;
}

/**
 * A property company's staff (or partner system) also see the orders dispatched to their company,
 * wherever those lie: the company works on them without a community or compound scope of its own.
 */
function withCompanies(
  where: FindOptionsWhere<OrderChainView> | Array<FindOptionsWhere<OrderChainView>> | null,
  base: FindOptionsWhere<OrderChainView>,
  within: VisibleScope,
): FindOptionsWhere<OrderChainView> | Array<FindOptionsWhere<OrderChainView>> | null {
  if (within === 'everywhere' || within.companyIds.length === 0) return where;
  const theirs: FindOptionsWhere<OrderChainView> = {
    ...base,
    assigneeKind: 'property-company',
    assigneeId: In(within.companyIds),
  };
  if (where === null) return [theirs];
  return [...(Array.isArray(where) ? where : [where]), theirs];
}

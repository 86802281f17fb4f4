import { inCategory } from '@cogov/context-kit';
import { rowPerKeyProjection } from '@cogov/projections';
import { type CompanyOrderEvent, evolve as evolveOrder, isOpen } from '../../domain/company-order';
import { companyOrderAggregate } from '../aggregates';
import { CompanyOrderView } from './company-order-view.entity';

/** Each order a company was dispatched, with its stage, folded by the domain's own `evolve`. */
export const companyOrdersProjection = rowPerKeyProjection<CompanyOrderView>({
  name: 'property-company.company-orders',
  version: 1,
  entity: CompanyOrderView,
  key: 'orderId',
  handles: (event) => inCategory(companyOrderAggregate, event.streamId),
  keyOf: (event) => (event.data as { orderId: string }).orderId,
  evolve: (row, recorded) => {
    const event = { type: recorded.type, data: recorded.data } as CompanyOrderEvent;
    const before = row
      ? {
          status: 'known' as const,
          orderId: row.orderId,
          round: row.round,
          companyId: row.companyId,
          stage: row.stage as never,
          dispatchedAt: row.dispatchedAt,
        }
      : { status: 'absent' as const };
    const after = evolveOrder(before, event);
    if (after.status === 'absent') return null;
    return Object.assign(new CompanyOrderView(), {
      orderId: after.orderId,
      companyId: after.companyId,
      round: after.round,
      stage: after.stage,
      open: isOpen(after),
      dispatchedAt: after.dispatchedAt,
    });
  },
});

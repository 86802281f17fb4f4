import { refuse } from '@cogov/http';
import type { WorkOnOrderCommand } from '../application/work-on-order';
import type { PartnerEventDto, PartnerEventType } from './partner-dto';

/** The data fields each type carries; any other is refused rather than dropped. */
const FIELDS: Record<PartnerEventType, { required: string[]; optional: string[] }> = {
  'order-work.accepted': { required: [], optional: ['note'] },
  'order-work.arrived': { required: [], optional: ['note'] },
  'order-work.completed': { required: ['resultNote'], optional: ['evidence'] },
  'order-work.handed-back': { required: ['reason'], optional: [] },
};

/**
 * A partner's CloudEvent as the step of work the HTTP routes of the company run, for its own
 * company: the same command, so the same rules (and the same 409 for another company's order).
 */
export function stepOf(
  event: PartnerEventDto,
  companyId: string,
  performedBy: string,
): WorkOnOrderCommand['step'] {
  // The nested validation passes a missing `data` and an empty array.
  const data: unknown = event.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw refuse([{ field: 'data', problems: ['must be an object'] }]);
  const { required, optional } = FIELDS[event.type];
  const present = Object.entries(event.data)
    .filter(([field, value]) => field !== 'orderId' && value !== undefined)
    .map(([field]) => field);
  const problems = [
    ...required
      .filter((field) => !present.includes(field))
      .map((field) => ({ field: `data.${field}`, problems: [`is required for ${event.type}`] })),
    ...present
      .filter((field) => !required.includes(field) && !optional.includes(field))
      .map((field) => ({ field: `data.${field}`, problems: [`does not belong to ${event.type}`] })),
  ];
  if (problems.length > 0) throw refuse(problems);
  const d = event.data;
  const work = { orderId: d.orderId, companyId, performedBy };
  switch (event.type) {
    case 'order-work.accepted':
      return { type: 'AcceptOrder', data: work };
    case 'order-work.arrived':
      return { type: 'RecordArrival', data: { ...work, note: d.note ?? null } };
    case 'order-work.completed':
      return {
        type: 'CompleteOrder',
        data: { ...work, resultNote: d.resultNote!, evidence: d.evidence ?? [] },
      };
    case 'order-work.handed-back':
      return { type: 'HandBackOrder', data: { ...work, reason: d.reason! } };
  }
}

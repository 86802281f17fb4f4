import {
  contract,
  idSchema,
  roundSchema,
  textSchema,
  timeSchema,
  urlListSchema,
  nullable,
} from '../contract';
import type { IntegrationEvent } from '../integration-event';

/**
 * Who an order is dispatched to (派单对象): a Party member, a branch's member pool, a property
 * company, a volunteer team, a building leader, or a government department reporting in.
 */
export const EXECUTOR_KINDS = [
  'member',
  'branch-pool',
  'property-company',
  'volunteer-team',
  'building-leader',
  'department',
] as const;
export type ExecutorKind = (typeof EXECUTOR_KINDS)[number];

/** Whoever does the work, named the same way by every context. */
export interface Executor {
  readonly kind: ExecutorKind;
  readonly id: string;
}

/**
 * The steps of work on a dispatched order: accepted (受理), arrived on site (到场), completed
 * (办结, with a result note and evidence), handed back (退回: the order returns to dispatch).
 */
export const ORDER_WORK_STEPS = ['accepted', 'arrived', 'completed', 'handed-back'] as const;
export type OrderWorkStep = (typeof ORDER_WORK_STEPS)[number];

/**
 * The published language of work on an order, one shape for every executor context: each of
 * them publishes `<its name>.order-work` v1, and the residents' committee records them all
 * through one path. `resultNote` and `evidence` belong to `completed`, `reason` to
 * `handed-back`, `note` is free (e.g. what was found on arrival).
 */
export type OrderWorkV1<Type extends string = string> = IntegrationEvent<
  Type,
  {
    orderId: string;
    round: number;
    executor: { kind: ExecutorKind; id: string };
    /** The person who did it (a member, a company's staff member …), for the record. */
    performedBy: string;
    step: OrderWorkStep;
    at: string;
    note: string | null;
    resultNote: string | null;
    evidence: string[];
    reason: string | null;
  }
>;

/** The contract of `<source>.order-work` v1: the same schema whoever publishes it. */
export function orderWorkV1<Source extends string>(source: Source) {
  return contract<OrderWorkV1<`${Source}.order-work`>>(`${source}.order-work`, 1, {
    type: 'object',
    required: [
      'orderId',
      'round',
      'executor',
      'performedBy',
      'step',
      'at',
      'note',
      'resultNote',
      'evidence',
      'reason',
    ],
    properties: {
      orderId: idSchema,
      round: roundSchema,
      executor: {
        type: 'object',
        required: ['kind', 'id'],
        properties: { kind: { type: 'string', enum: EXECUTOR_KINDS }, id: idSchema },
      },
      performedBy: idSchema,
      step: { type: 'string', enum: ORDER_WORK_STEPS },
      at: timeSchema,
      note: nullable(textSchema),
      resultNote: nullable(textSchema),
      evidence: urlListSchema,
      reason: nullable(textSchema),
    },
  });
}

/** The details a step carries; the others are null (or no evidence). */
export interface OrderWorkDetails {
  readonly note?: string | null;
  readonly resultNote?: string;
  readonly evidence?: readonly string[];
  readonly reason?: string;
}

/** One step's payload in the order-work language, the same for every executor context. */
export function orderWorkPayload(
  work: { orderId: string; round: number; executor: Executor; performedBy: string },
  step: OrderWorkStep,
  at: string,
  details: OrderWorkDetails,
): OrderWorkV1['data'] {
  return {
    orderId: work.orderId,
    round: work.round,
    executor: { kind: work.executor.kind, id: work.executor.id },
    performedBy: work.performedBy,
    step,
    at,
    note: details.note ?? null,
    resultNote: details.resultNote ?? null,
    evidence: [...(details.evidence ?? [])],
    reason: details.reason ?? null,
  };
}

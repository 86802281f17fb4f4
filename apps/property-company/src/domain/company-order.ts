import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  OutOfScope,
  assertNever,
} from '@cogov/decider';

/**
 * An order as the property company knows it: dispatched to one company for a round (from the
 * residents' committee's `order-dispatched`), then its staff's work on it in the order-work
 * language (ADR 13): accepted (受理), arrived (到场), completed (办结), handed back (退回).
 */
export type CompanyOrderStage =
  'dispatched' | 'accepted' | 'arrived' | 'completed' | 'handed-back' | 'elsewhere';

export type CompanyOrder =
  | { status: 'absent' }
  | {
      status: 'known';
      orderId: string;
      round: number;
      /** The company the current round went to; null when it went to another kind of executor. */
      companyId: string | null;
      stage: CompanyOrderStage;
      dispatchedAt: string;
    };

export type RecordDispatch = {
  type: 'RecordDispatch';
  data: { orderId: string; round: number; companyId: string | null; dispatchedAt: string };
};

interface Work {
  orderId: string;
  /** The company named in the path: it must be the one the order was dispatched to. */
  companyId: string;
  performedBy: string;
  now: string;
}
/**
 * Whether the company serves the order's compound on the day it accepts: a contract of its own
 * for that compound covering the day. Null while the order's compound has not reached us.
 */
export type CompoundServed = { compoundId: string; served: boolean; on: string } | null;
export type AcceptOrder = { type: 'AcceptOrder'; data: Work & { service: CompoundServed } };
export type RecordArrival = { type: 'RecordArrival'; data: Work & { note: string | null } };
export type CompleteOrder = {
  type: 'CompleteOrder';
  data: Work & { resultNote: string; evidence: string[] };
};
export type HandBackOrder = { type: 'HandBackOrder'; data: Work & { reason: string } };
export type CompanyOrderCommand =
  RecordDispatch | AcceptOrder | RecordArrival | CompleteOrder | HandBackOrder;

interface Done {
  orderId: string;
  round: number;
  companyId: string;
  performedBy: string;
}
export type OrderDispatchRecorded = { type: 'OrderDispatchRecorded'; data: RecordDispatch['data'] };
export type OrderAccepted = { type: 'OrderAccepted'; data: Done & { acceptedAt: string } };
export type ArrivalRecorded = {
  type: 'ArrivalRecorded';
  data: Done & { note: string | null; arrivedAt: string };
};
export type OrderCompleted = {
  type: 'OrderCompleted';
  data: Done & { resultNote: string; evidence: string[]; completedAt: string };
};
export type OrderHandedBack = {
  type: 'OrderHandedBack';
  data: Done & { reason: string; handedBackAt: string };
};
export type CompanyOrderEvent =
  OrderDispatchRecorded | OrderAccepted | ArrivalRecorded | OrderCompleted | OrderHandedBack;

export const initialState = (): CompanyOrder => ({ status: 'absent' });

/** Which stage each step needs before it. */
const NEEDS: Record<Exclude<CompanyOrderCommand['type'], 'RecordDispatch'>, CompanyOrderStage> = {
  AcceptOrder: 'dispatched',
  RecordArrival: 'accepted',
  CompleteOrder: 'arrived',
  HandBackOrder: 'accepted',
};

export function decide(command: CompanyOrderCommand, state: CompanyOrder): CompanyOrderEvent[] {
  if (command.type === 'RecordDispatch') {
    const d = command.data;
    // A redelivery, or an older round arriving late.
    if (state.status === 'known' && d.round <= state.round) return [];
    // An order never dispatched to a company is none of ours.
    if (state.status === 'absent' && d.companyId === null) return [];
    return [{ type: 'OrderDispatchRecorded', data: d }];
  }
  const order = ours(state, command.data);
  const done = {
    orderId: order.orderId,
    round: order.round,
    companyId: command.data.companyId,
    performedBy: command.data.performedBy,
  };
  const needed = NEEDS[command.type];
  // Handing back is allowed once accepted, also after arriving.
  const allowed = command.type === 'HandBackOrder' ? ['accepted', 'arrived'] : [needed];
  if (!allowed.includes(order.stage)) {
    throw new InvalidTransition(
      order.stage,
      stepName(command.type),
      `cannot ${stepName(command.type)} an order that is ${order.stage}`,
    );
  }
  const now = command.data.now;
  switch (command.type) {
    case 'AcceptOrder': {
      const { service } = command.data;
      // The order-placed fact names the compound; it may still be on its way (ADR 21).
      if (service === null) throw new NotYetKnown('order compound', order.orderId);
      if (!service.served) {
        throw new OutOfScope(
          'order',
          order.orderId,
          `order ${order.orderId} is of compound ${service.compoundId}, which property company ${command.data.companyId} does not serve on ${service.on}`,
          { compoundId: service.compoundId, companyId: command.data.companyId },
        );
      }
      return [{ type: 'OrderAccepted', data: { ...done, acceptedAt: now } }];
    }
    case 'RecordArrival':
      return [{ type: 'ArrivalRecorded', data: { ...done, note: command.data.note, arrivedAt: now } }];
    case 'CompleteOrder': {
      const { resultNote, evidence } = command.data;
      if (resultNote.trim() === '') throw new InvalidInput('completing an order needs a result note');
      return [{ type: 'OrderCompleted', data: { ...done, resultNote, evidence, completedAt: now } }];
    }
    case 'HandBackOrder': {
      if (command.data.reason.trim() === '') throw new InvalidInput('handing an order back needs a reason');
      return [{ type: 'OrderHandedBack', data: { ...done, reason: command.data.reason, handedBackAt: now } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: CompanyOrder, event: CompanyOrderEvent): CompanyOrder {
  switch (event.type) {
    case 'OrderDispatchRecorded': {
      const { orderId, round, companyId, dispatchedAt } = event.data;
      return {
        status: 'known',
        orderId,
        round,
        companyId,
        stage: companyId ? 'dispatched' : 'elsewhere',
        dispatchedAt,
      };
    }
    case 'OrderAccepted':
      return atStage(state, 'accepted');
    case 'ArrivalRecorded':
      return atStage(state, 'arrived');
    case 'OrderCompleted':
      return atStage(state, 'completed');
    case 'OrderHandedBack':
      return atStage(state, 'handed-back');
    default:
      return assertNever(event);
  }
}

export const companyOrderDecider: Decider<CompanyOrderCommand, CompanyOrder, CompanyOrderEvent> = {
  initialState,
  decide,
  evolve,
};

/** Still to be worked on by the company. */
export function isOpen(state: CompanyOrder): boolean {
  return state.status === 'known' && ['dispatched', 'accepted', 'arrived'].includes(state.stage);
}

/**
 * The company a resident's rating of this round counts for: the one that completed it. Null for a
 * round another kind of executor had, an older round, or one the company did not complete.
 */
export function ratedCompany(state: CompanyOrder, round: number): string | null {
  if (state.status !== 'known' || state.round !== round || state.stage !== 'completed') return null;
  return state.companyId;
}

function ours(state: CompanyOrder, work: Work): Extract<CompanyOrder, { status: 'known' }> {
  if (state.status === 'absent')
    throw new NotFound('order', work.orderId, { entity: 'property company', id: work.companyId });
  if (state.companyId !== work.companyId) {
    throw new OutOfScope(
      'order',
      work.orderId,
      `order ${work.orderId} is not dispatched to property company ${work.companyId} in its round ${state.round}`,
      { round: state.round, companyId: work.companyId },
    );
  }
  return state;
}

function atStage(state: CompanyOrder, stage: CompanyOrderStage): CompanyOrder {
  return state.status === 'known' ? { ...state, stage } : state;
}

function stepName(type: CompanyOrderCommand['type']): string {
  return {
    RecordDispatch: 'dispatch',
    AcceptOrder: 'accept',
    RecordArrival: 'record arrival on',
    CompleteOrder: 'complete',
    HandBackOrder: 'hand back',
  }[type];
}

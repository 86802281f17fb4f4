import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  OutOfScope,
  assertNever,
} from '@cogov/decider';

/**
 * An order as the building leaders know it: dispatched to one leader for a round (from the
 * residents' committee's `order-dispatched`), then that leader's work on it in the order-work
 * language (ADR 13): accepted (受理), arrived (到场), completed (办结), handed back (退回).
 */
export type LeaderOrderStage =
  'dispatched' | 'accepted' | 'arrived' | 'completed' | 'handed-back' | 'elsewhere';

export type LeaderOrder =
  | { status: 'absent' }
  | {
      status: 'known';
      orderId: string;
      round: number;
      /** The leader the current round went to; null when it went to another kind of executor. */
      leaderId: string | null;
      stage: LeaderOrderStage;
      dispatchedAt: string;
    };

export type RecordDispatch = {
  type: 'RecordDispatch';
  data: { orderId: string; round: number; leaderId: string | null; dispatchedAt: string };
};

interface Work {
  orderId: string;
  /** The leader named in the path: it must be the one the order was dispatched to. */
  leaderId: string;
  /**
   * Whether that leader is vetted and approved, from the leader's own stream: the vetting is this
   * context's rule, so it is checked here on every step, not only at dispatch.
   */
  leaderApproved: boolean;
  now: string;
}
export type AcceptOrder = { type: 'AcceptOrder'; data: Work & { note: string | null } };
export type RecordArrival = { type: 'RecordArrival'; data: Work & { note: string | null } };
export type CompleteOrder = {
  type: 'CompleteOrder';
  data: Work & { resultNote: string; evidence: string[] };
};
export type HandBackOrder = { type: 'HandBackOrder'; data: Work & { reason: string } };
export type LeaderOrderCommand = RecordDispatch | AcceptOrder | RecordArrival | CompleteOrder | HandBackOrder;

interface Done {
  orderId: string;
  round: number;
  leaderId: string;
}
export type OrderDispatchRecorded = { type: 'OrderDispatchRecorded'; data: RecordDispatch['data'] };
export type OrderAccepted = {
  type: 'OrderAccepted';
  data: Done & { note: string | null; acceptedAt: string };
};
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
export type LeaderOrderEvent =
  OrderDispatchRecorded | OrderAccepted | ArrivalRecorded | OrderCompleted | OrderHandedBack;

export const initialState = (): LeaderOrder => ({ status: 'absent' });

type Step = Exclude<LeaderOrderCommand['type'], 'RecordDispatch'>;

/** The stages each step may follow. Handing back is allowed once accepted, also after arriving. */
const AFTER: Record<Step, readonly LeaderOrderStage[]> = {
  AcceptOrder: ['dispatched'],
  RecordArrival: ['accepted'],
  CompleteOrder: ['arrived'],
  HandBackOrder: ['accepted', 'arrived'],
};

export function decide(command: LeaderOrderCommand, state: LeaderOrder): LeaderOrderEvent[] {
  if (command.type === 'RecordDispatch') {
    const d = command.data;
    // A redelivery, or an older round arriving late.
    if (state.status === 'known' && d.round <= state.round) return [];
    // An order never dispatched to a building leader is none of ours.
    if (state.status === 'absent' && d.leaderId === null) return [];
    return [{ type: 'OrderDispatchRecorded', data: { ...d } }];
  }
  const order = ours(state, command.data);
  if (!command.data.leaderApproved) {
    throw new InvalidTransition(
      'not approved',
      stepName(command.type),
      `building leader ${command.data.leaderId} is not approved: only a vetted leader works on orders`,
    );
  }
  if (!AFTER[command.type].includes(order.stage)) {
    throw new InvalidTransition(
      order.stage,
      stepName(command.type),
      `cannot ${stepName(command.type)} an order that is ${order.stage}`,
    );
  }
  const done: Done = { orderId: order.orderId, round: order.round, leaderId: command.data.leaderId };
  const now = command.data.now;
  switch (command.type) {
    case 'AcceptOrder':
      return [{ type: 'OrderAccepted', data: { ...done, note: command.data.note, acceptedAt: now } }];
    case 'RecordArrival':
      return [{ type: 'ArrivalRecorded', data: { ...done, note: command.data.note, arrivedAt: now } }];
    case 'CompleteOrder': {
      const resultNote = command.data.resultNote.trim();
      if (resultNote === '') throw new InvalidInput('completing an order needs a result note');
      return [
        {
          type: 'OrderCompleted',
          data: { ...done, resultNote, evidence: [...command.data.evidence], completedAt: now },
        },
      ];
    }
    case 'HandBackOrder': {
      const reason = command.data.reason.trim();
      if (reason === '') throw new InvalidInput('handing an order back needs a reason');
      return [{ type: 'OrderHandedBack', data: { ...done, reason, handedBackAt: now } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: LeaderOrder, event: LeaderOrderEvent): LeaderOrder {
  switch (event.type) {
    case 'OrderDispatchRecorded': {
      const { orderId, round, leaderId, dispatchedAt } = event.data;
      return {
        status: 'known',
        orderId,
        round,
        leaderId,
        stage: leaderId ? 'dispatched' : 'elsewhere',
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

export const leaderOrderDecider: Decider<LeaderOrderCommand, LeaderOrder, LeaderOrderEvent> = {
  initialState,
  decide,
  evolve,
};

function ours(state: LeaderOrder, work: Work): Extract<LeaderOrder, { status: 'known' }> {
  // An order never dispatched to a leader is, to this leader, one that does not exist.
  if (state.status === 'absent')
    throw new NotFound('order', work.orderId, { entity: 'building leader', id: work.leaderId });
  if (state.leaderId !== work.leaderId) {
    throw new OutOfScope(
      'order',
      work.orderId,
      `order ${work.orderId} is not dispatched to building leader ${work.leaderId} in its round ${state.round}`,
      { round: state.round, leaderId: work.leaderId },
    );
  }
  return state;
}

function atStage(state: LeaderOrder, stage: LeaderOrderStage): LeaderOrder {
  return state.status === 'known' ? { ...state, stage } : state;
}

function stepName(type: LeaderOrderCommand['type']): string {
  return {
    RecordDispatch: 'dispatch',
    AcceptOrder: 'accept',
    RecordArrival: 'record arrival on',
    CompleteOrder: 'complete',
    HandBackOrder: 'hand back',
  }[type];
}

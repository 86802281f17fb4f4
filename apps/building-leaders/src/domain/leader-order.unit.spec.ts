import { InvalidInput, InvalidTransition, NotFound, OutOfScope } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import { type LeaderOrderEvent, leaderOrderDecider } from './leader-order';

const given = deciderSpecification(leaderOrderDecider);
const NOW = '2025-03-01T08:00:00.000Z';
const work = { orderId: 'order-1', leaderId: 'leader-1', leaderApproved: true, now: NOW };
const done = { orderId: 'order-1', round: 1, leaderId: 'leader-1' };
const dispatch = (leaderId: string | null = 'leader-1', round = 1) =>
  ({ type: 'RecordDispatch', data: { orderId: 'order-1', round, leaderId, dispatchedAt: NOW } }) as const;
const dispatched = (leaderId: string | null = 'leader-1', round = 1): LeaderOrderEvent => ({
  type: 'OrderDispatchRecorded',
  data: { orderId: 'order-1', round, leaderId, dispatchedAt: NOW },
});
const accepted: LeaderOrderEvent = { type: 'OrderAccepted', data: { ...done, note: null, acceptedAt: NOW } };
const arrived: LeaderOrderEvent = {
  type: 'ArrivalRecorded',
  data: { ...done, note: 'On site', arrivedAt: NOW },
};
const accept = { type: 'AcceptOrder', data: { ...work, note: null } } as const;

describe('leader order: work on orders dispatched to a building leader', () => {
  it('a dispatch to a leader is recorded', () => given([]).when(dispatch()).then([dispatched()]));

  it('a dispatch elsewhere of an order no leader ever had is none of ours', () =>
    given([]).when(dispatch(null)).thenNothingHappens());

  it('a redelivered or late dispatch is nothing new', () =>
    given([dispatched(null, 2)])
      .when(dispatch('leader-1', 1))
      .thenNothingHappens());

  it('a later round dispatched elsewhere takes the order out of the leader’s hands', () =>
    given([dispatched(), dispatched(null, 2)])
      .when(accept)
      .thenThrows(OutOfScope, /not dispatched to building leader leader-1 in its round 2/));

  it('the leader accepts, arrives, completes with a result note and evidence', () => {
    given([dispatched()]).when(accept).then([accepted]);
    given([dispatched(), accepted])
      .when({ type: 'RecordArrival', data: { ...work, note: 'On site' } })
      .then([arrived]);
    given([dispatched(), accepted, arrived])
      .when({
        type: 'CompleteOrder',
        data: { ...work, resultNote: 'Rail fitted', evidence: ['https://evidence.example/1.jpg'] },
      })
      .then([
        {
          type: 'OrderCompleted',
          data: {
            ...done,
            resultNote: 'Rail fitted',
            evidence: ['https://evidence.example/1.jpg'],
            completedAt: NOW,
          },
        },
      ]);
  });

  it('steps come in order: no arrival before accepting, no completion before arriving', () => {
    given([dispatched()])
      .when({ type: 'RecordArrival', data: { ...work, note: null } })
      .thenThrows(InvalidTransition, /that is dispatched/);
    given([dispatched(), accepted])
      .when({ type: 'CompleteOrder', data: { ...work, resultNote: 'x', evidence: [] } })
      .thenThrows(InvalidTransition, /cannot complete an order that is accepted/);
    given([dispatched(), accepted]).when(accept).thenThrows(InvalidTransition);
  });

  it('a completion needs a result note, a hand-back a reason', () => {
    given([dispatched(), accepted, arrived])
      .when({ type: 'CompleteOrder', data: { ...work, resultNote: '  ', evidence: [] } })
      .thenThrows(InvalidInput, /result note/);
    given([dispatched(), accepted])
      .when({ type: 'HandBackOrder', data: { ...work, reason: ' ' } })
      .thenThrows(InvalidInput, /reason/);
  });

  it('an accepted order, also once arrived, is handed back with a reason', () => {
    const handedBack: LeaderOrderEvent = {
      type: 'OrderHandedBack',
      data: { ...done, reason: 'Needs a plumber', handedBackAt: NOW },
    };
    given([dispatched(), accepted])
      .when({ type: 'HandBackOrder', data: { ...work, reason: 'Needs a plumber' } })
      .then([handedBack]);
    given([dispatched(), accepted, arrived])
      .when({ type: 'HandBackOrder', data: { ...work, reason: 'Needs a plumber' } })
      .then([handedBack]);
  });

  it('only the leader the order was dispatched to works on it', () =>
    given([dispatched('leader-2')])
      .when(accept)
      .thenThrows(OutOfScope, /leader-1/));

  it('an order never dispatched to a leader is not found', () =>
    given([])
      .when(accept)
      .thenThrows(NotFound, /order order-1/));

  it('only an approved (vetted) leader works on orders', () =>
    given([dispatched()])
      .when({ type: 'AcceptOrder', data: { ...work, leaderApproved: false, note: null } })
      .thenThrows(InvalidTransition, /not approved/));
});

import { InvalidInput, InvalidTransition, NotFound, NotYetKnown, OutOfScope } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import { type CompanyOrderEvent, companyOrderDecider, evolve, initialState, isOpen } from './company-order';

const given = deciderSpecification(companyOrderDecider);
const NOW = '2025-03-01T08:00:00.000Z';
const work = { orderId: 'order-1', companyId: 'company-1', performedBy: 'staff-1', now: NOW };
const service = { compoundId: 'compound-1', served: true, on: '2025-03-01' };
const done = { orderId: 'order-1', round: 1, companyId: 'company-1', performedBy: 'staff-1' };
const dispatched = (companyId: string | null = 'company-1', round = 1): CompanyOrderEvent => ({
  type: 'OrderDispatchRecorded',
  data: { orderId: 'order-1', round, companyId, dispatchedAt: NOW },
});
const accepted: CompanyOrderEvent = { type: 'OrderAccepted', data: { ...done, acceptedAt: NOW } };
const arrived: CompanyOrderEvent = { type: 'ArrivalRecorded', data: { ...done, note: null, arrivedAt: NOW } };

describe('company order: work on orders dispatched to the company', () => {
  it('a dispatch to the company is recorded', () =>
    given([])
      .when({
        type: 'RecordDispatch',
        data: { orderId: 'order-1', round: 1, companyId: 'company-1', dispatchedAt: NOW },
      })
      .then([dispatched()]));

  it('a dispatch elsewhere of an order the company never had is none of its business', () =>
    given([])
      .when({
        type: 'RecordDispatch',
        data: { orderId: 'order-1', round: 1, companyId: null, dispatchedAt: NOW },
      })
      .thenNothingHappens());

  it('a redelivered dispatch is nothing new', () =>
    given([dispatched()])
      .when({
        type: 'RecordDispatch',
        data: { orderId: 'order-1', round: 1, companyId: 'company-1', dispatchedAt: NOW },
      })
      .thenNothingHappens());

  it('the company accepts, arrives, completes', () => {
    given([dispatched()])
      .when({ type: 'AcceptOrder', data: { ...work, service } })
      .then([accepted]);
    given([dispatched(), accepted])
      .when({ type: 'RecordArrival', data: { ...work, note: null } })
      .then([arrived]);
    given([dispatched(), accepted, arrived])
      .when({ type: 'CompleteOrder', data: { ...work, resultNote: 'Fixed', evidence: [] } })
      .then([
        { type: 'OrderCompleted', data: { ...done, resultNote: 'Fixed', evidence: [], completedAt: NOW } },
      ]);
  });

  it('completing before arriving is refused', () =>
    given([dispatched(), accepted])
      .when({ type: 'CompleteOrder', data: { ...work, resultNote: 'Fixed', evidence: [] } })
      .thenThrows(InvalidTransition, /cannot complete an order that is accepted/));

  it('an accepted order may be handed back with a reason, not without', () => {
    given([dispatched(), accepted])
      .when({ type: 'HandBackOrder', data: { ...work, reason: 'Needs the gas company' } })
      .then([
        { type: 'OrderHandedBack', data: { ...done, reason: 'Needs the gas company', handedBackAt: NOW } },
      ]);
    given([dispatched(), accepted])
      .when({ type: 'HandBackOrder', data: { ...work, reason: ' ' } })
      .thenThrows(InvalidInput);
  });

  it('another company cannot work on the order', () =>
    given([dispatched('company-2')])
      .when({ type: 'AcceptOrder', data: { ...work, service } })
      .thenThrows(OutOfScope, /not dispatched to property company company-1/));

  it('an order re-dispatched elsewhere is no longer the company’s', () =>
    given([dispatched(), accepted, dispatched(null, 2)])
      .when({ type: 'RecordArrival', data: { ...work, note: null } })
      .thenThrows(OutOfScope));

  it('an order the company never had is not found', () =>
    given([])
      .when({ type: 'AcceptOrder', data: { ...work, service } })
      .thenThrows(NotFound, /order order-1 not found/));

  it('the company accepts only an order of a compound it serves that day', () =>
    given([dispatched()])
      .when({ type: 'AcceptOrder', data: { ...work, service: { ...service, served: false } } })
      .thenThrows(
        OutOfScope,
        /compound compound-1, which property company company-1 does not serve on 2025-03-01/,
      ));

  it('an order whose compound has not reached the company yet is not yet known', () =>
    given([dispatched()])
      .when({ type: 'AcceptOrder', data: { ...work, service: null } })
      .thenThrows(NotYetKnown));

  it('an order is open until completed or handed back', () => {
    const state = (events: CompanyOrderEvent[]) => events.reduce(evolve, initialState());
    expect(isOpen(state([dispatched(), accepted]))).toBe(true);
    expect(
      isOpen(
        state([
          dispatched(),
          accepted,
          arrived,
          { type: 'OrderCompleted', data: { ...done, resultNote: 'F', evidence: [], completedAt: NOW } },
        ]),
      ),
    ).toBe(false);
  });
});

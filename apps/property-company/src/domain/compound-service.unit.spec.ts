import { InvalidInput, NotYetKnown } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type ReserveTerm,
  type TermReserved,
  ContractsOverlap,
  compoundServiceDecider,
  reservationHasLapsed,
} from './compound-service';

const given = deciderSpecification(compoundServiceDecider);
const NOW = '2025-03-01T08:00:00.000Z';

const reserve = (overrides: Partial<ReserveTerm['data']> = {}): ReserveTerm => ({
  type: 'ReserveTerm',
  data: {
    compoundId: 'compound-1',
    communityId: 'community-1',
    contractId: 'contract-2',
    companyId: 'company-2',
    startsOn: '2028-01-01',
    endsOn: '2030-12-31',
    abandoned: [],
    now: NOW,
    ...overrides,
  },
});
const reserved = (overrides: Partial<TermReserved['data']> = {}): TermReserved => ({
  type: 'TermReserved',
  data: {
    compoundId: 'compound-1',
    communityId: 'community-1',
    contractId: 'contract-1',
    companyId: 'company-1',
    startsOn: '2025-01-01',
    endsOn: '2027-12-31',
    reservedAt: NOW,
    ...overrides,
  },
});

const secondReserved = reserved({
  contractId: 'contract-2',
  companyId: 'company-2',
  startsOn: '2028-01-01',
  endsOn: '2030-12-31',
});

describe('compound service: one property company at a time', () => {
  it('a free compound reserves the term', () => given([]).when(reserve()).then([secondReserved]));

  it('a term after the current one is reserved', () =>
    given([reserved()]).when(reserve()).then([secondReserved]));

  it('a term sharing even one day with another contract is refused, naming it', () =>
    given([reserved()])
      .when(reserve({ startsOn: '2027-12-31' }))
      .thenThrows(
        ContractsOverlap,
        /served by company company-1 from 2025-01-01 to 2027-12-31 \(contract contract-1\)/,
      ));

  it('the same company cannot overlap its own contract either', () =>
    given([reserved()])
      .when(reserve({ companyId: 'company-1', startsOn: '2026-01-01' }))
      .thenThrows(ContractsOverlap));

  it('the same reservation again is nothing new', () =>
    given([reserved()])
      .when(reserve({ contractId: 'contract-1' }))
      .thenNothingHappens());

  it('a released term frees the compound', () =>
    given([
      reserved(),
      { type: 'TermReleased', data: { compoundId: 'compound-1', contractId: 'contract-1', releasedAt: NOW } },
    ])
      .when(reserve({ startsOn: '2026-01-01' }))
      .then([
        reserved({
          contractId: 'contract-2',
          companyId: 'company-2',
          startsOn: '2026-01-01',
          endsOn: '2030-12-31',
        }),
      ]));

  it('a contract ending before it starts is refused', () =>
    given([])
      .when(reserve({ startsOn: '2030-01-01', endsOn: '2029-01-01' }))
      .thenThrows(InvalidInput, /before it starts/));

  it('an impossible date is refused', () =>
    given([])
      .when(reserve({ endsOn: '2030-02-30' }))
      .thenThrows(InvalidInput, /YYYY-MM-DD/));

  it('a compound not delivered here yet is not yet known', () =>
    given([])
      .when(reserve({ communityId: null }))
      .thenThrows(NotYetKnown, /compound compound-1/));

  it('a holder whose contract was abandoned gives its overlapping term way', () =>
    given([reserved()])
      .when(reserve({ startsOn: '2027-01-01', abandoned: ['contract-1'] }))
      .then([
        {
          type: 'TermReleased',
          data: { compoundId: 'compound-1', contractId: 'contract-1', releasedAt: NOW },
        },
        reserved({
          contractId: 'contract-2',
          companyId: 'company-2',
          startsOn: '2027-01-01',
          endsOn: '2030-12-31',
        }),
      ]));

  it('a reservation lapses after 30 s', () => {
    expect(reservationHasLapsed({ reservedAt: NOW }, '2025-03-01T08:00:29.999Z')).toBe(false);
    expect(reservationHasLapsed({ reservedAt: NOW }, '2025-03-01T08:00:30.000Z')).toBe(true);
  });
});

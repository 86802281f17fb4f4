import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  CommitteeTermOverlaps,
  type TermReserved,
  compoundTermsDecider,
  reservationHasLapsed,
} from './compound-terms';

const given = deciderSpecification(compoundTermsDecider);
const NOW = '2025-03-01T08:00:00.000Z';

const reserve = (committeeId: string, termStart: string, termEnd: string, abandoned: string[] = []) => ({
  type: 'ReserveTerm' as const,
  data: { compoundId: 'compound-1', committeeId, termStart, termEnd, abandoned, now: NOW },
});
const reserved = (committeeId: string, termStart: string, termEnd: string): TermReserved => ({
  type: 'TermReserved',
  data: { compoundId: 'compound-1', committeeId, termStart, termEnd, reservedAt: NOW },
});

describe('compound terms: one owners committee per compound per term', () => {
  it('the first committee reserves its term', () =>
    given([])
      .when(reserve('c1', '2025-01-01', '2029-12-31'))
      .then([reserved('c1', '2025-01-01', '2029-12-31')]));

  it('another committee over an overlapping term is refused', () =>
    given([reserved('c1', '2025-01-01', '2029-12-31')])
      .when(reserve('c2', '2029-12-31', '2034-12-31'))
      .thenThrows(CommitteeTermOverlaps, /c1/));

  it('the next term after the last day is free', () =>
    given([reserved('c1', '2025-01-01', '2029-12-31')])
      .when(reserve('c2', '2030-01-01', '2034-12-31'))
      .then([reserved('c2', '2030-01-01', '2034-12-31')]));

  it('a retry by the same committee reserves nothing new', () =>
    given([reserved('c1', '2025-01-01', '2029-12-31')])
      .when(reserve('c1', '2025-01-01', '2029-12-31'))
      .thenNothingHappens());

  it('a holder whose formation was abandoned gives its term way', () =>
    given([reserved('c1', '2025-01-01', '2029-12-31')])
      .when(reserve('c2', '2025-01-01', '2029-12-31', ['c1']))
      .then([
        { type: 'TermReleased', data: { compoundId: 'compound-1', committeeId: 'c1', releasedAt: NOW } },
        reserved('c2', '2025-01-01', '2029-12-31'),
      ]));

  it('only an abandoned holder gives way, not another overlapping one', () =>
    given([reserved('c1', '2025-01-01', '2026-12-31'), reserved('c3', '2027-01-01', '2029-12-31')])
      .when(reserve('c2', '2025-01-01', '2029-12-31', ['c1']))
      .thenThrows(CommitteeTermOverlaps, /c3/));

  it('a reservation lapses after 30 s', () => {
    const term = { committeeId: 'c1', termStart: '2025-01-01', termEnd: '2029-12-31', reservedAt: NOW };
    expect(reservationHasLapsed(term, '2025-03-01T08:00:29.999Z')).toBe(false);
    expect(reservationHasLapsed(term, '2025-03-01T08:00:30.000Z')).toBe(true);
  });

  it('a released term is free again', () =>
    given([
      reserved('c1', '2025-01-01', '2029-12-31'),
      { type: 'TermReleased', data: { compoundId: 'compound-1', committeeId: 'c1', releasedAt: NOW } },
    ])
      .when(reserve('c2', '2025-01-01', '2029-12-31'))
      .then([reserved('c2', '2025-01-01', '2029-12-31')]));

  it('releasing what is not reserved does nothing', () =>
    given([])
      .when({ type: 'ReleaseTerm', data: { compoundId: 'compound-1', committeeId: 'c1', now: NOW } })
      .thenNothingHappens());
});

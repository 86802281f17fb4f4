import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import { CommitteeTermOverlaps, type TermReserved, compoundTermsDecider } from './compound-terms';

const given = deciderSpecification(compoundTermsDecider);
const NOW = '2025-03-01T08:00:00.000Z';

const reserve = (committeeId: string, termStart: string, termEnd: string) => ({
  type: 'ReserveTerm' as const,
  data: { compoundId: 'compound-1', committeeId, termStart, termEnd, now: NOW },
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

import { type Decider, DomainError, assertNever } from '@cogov/decider';

/**
 * One owners' committee per compound per term. Each compound has a small stream of its own, the
 * reservation of its terms (as ADR 15 keeps one Party branch per compound): a committee reserves
 * its term there, appended with the revision read, before it is formed, so of two committees
 * formed at once over overlapping terms only one gets it. The committee's own stream could not
 * say "no other committee of this compound overlaps": that is a fact about every committee.
 *
 * A formation refused after its reservation gives the term back. A crash between the two leaves
 * the term reserved by a committee that does not exist: once that reservation has lapsed
 * ({@link reservationHasLapsed}), the next formation over the term first abandons the holder's
 * formation on the holder's own stream (which succeeds only while it was never formed, and then
 * forbids forming it forever) and then takes the term over. So a late formation and a takeover
 * can never both succeed.
 */
export interface ReservedTerm {
  readonly committeeId: string;
  readonly termStart: string;
  readonly termEnd: string;
  readonly reservedAt: string;
}

export type CompoundTerms = { readonly compoundId: string | null; readonly terms: readonly ReservedTerm[] };

export type ReserveTerm = {
  type: 'ReserveTerm';
  data: {
    compoundId: string;
    committeeId: string;
    termStart: string;
    termEnd: string;
    /** Holders of overlapping terms whose formation the handler found abandoned on their streams. */
    abandoned: readonly string[];
    now: string;
  };
};

export type ReleaseTerm = {
  type: 'ReleaseTerm';
  data: { compoundId: string; committeeId: string; now: string };
};

export type CompoundTermsCommand = ReserveTerm | ReleaseTerm;

export type TermReserved = {
  type: 'TermReserved';
  data: { compoundId: string; committeeId: string; termStart: string; termEnd: string; reservedAt: string };
};

export type TermReleased = {
  type: 'TermReleased';
  data: { compoundId: string; committeeId: string; releasedAt: string };
};

export type CompoundTermsEvent = TermReserved | TermReleased;

/** Another committee of the compound already holds a term overlapping this one. */
export class CommitteeTermOverlaps extends DomainError {
  readonly code = 'committee-term-overlaps';
  constructor(
    readonly compoundId: string,
    readonly committeeId: string,
  ) {
    super(`compound ${compoundId} already has owners committee ${committeeId} for an overlapping term`, {
      compoundId,
      committeeId,
    });
  }
}

export const initialState = (): CompoundTerms => ({ compoundId: null, terms: [] });

/** How long a reservation by a committee that was never formed holds before another may take it. */
export const RESERVATION_LAPSES_AFTER_MS = 30_000;

/** The other committees holding terms that overlap this one. */
export function overlappingHolders(
  state: CompoundTerms,
  term: { committeeId: string; termStart: string; termEnd: string },
): ReservedTerm[] {
  return state.terms.filter((t) => t.committeeId !== term.committeeId && overlaps(term, t));
}

export function reservationHasLapsed(term: ReservedTerm, now: string): boolean {
  return Date.parse(now) - Date.parse(term.reservedAt) >= RESERVATION_LAPSES_AFTER_MS;
}

/** Terms are whole days, `YYYY-MM-DD`, the end included. */
const overlaps = (a: { termStart: string; termEnd: string }, b: ReservedTerm) =>
  a.termStart <= b.termEnd && b.termStart <= a.termEnd;

export function decide(command: CompoundTermsCommand, state: CompoundTerms): CompoundTermsEvent[] {
  switch (command.type) {
    case 'ReserveTerm': {
      const d = command.data;
      if (state.terms.some((t) => t.committeeId === d.committeeId)) return [];
      const holders = overlappingHolders(state, d);
      // Only a holder whose formation was abandoned gives way.
      const standing = holders.find((t) => !d.abandoned.includes(t.committeeId));
      if (standing) throw new CommitteeTermOverlaps(d.compoundId, standing.committeeId);
      return [
        ...holders.map((t): TermReleased => ({
          type: 'TermReleased',
          data: { compoundId: d.compoundId, committeeId: t.committeeId, releasedAt: d.now },
        })),
        {
          type: 'TermReserved',
          data: {
            compoundId: d.compoundId,
            committeeId: d.committeeId,
            termStart: d.termStart,
            termEnd: d.termEnd,
            reservedAt: d.now,
          },
        },
      ];
    }
    case 'ReleaseTerm': {
      const d = command.data;
      if (!state.terms.some((t) => t.committeeId === d.committeeId)) return [];
      return [
        {
          type: 'TermReleased',
          data: { compoundId: d.compoundId, committeeId: d.committeeId, releasedAt: d.now },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: CompoundTerms, event: CompoundTermsEvent): CompoundTerms {
  switch (event.type) {
    case 'TermReserved': {
      const { compoundId, committeeId, termStart, termEnd, reservedAt } = event.data;
      return { compoundId, terms: [...state.terms, { committeeId, termStart, termEnd, reservedAt }] };
    }
    case 'TermReleased':
      return { ...state, terms: state.terms.filter((t) => t.committeeId !== event.data.committeeId) };
    default:
      return assertNever(event);
  }
}

export const compoundTermsDecider: Decider<CompoundTermsCommand, CompoundTerms, CompoundTermsEvent> = {
  initialState,
  decide,
  evolve,
};

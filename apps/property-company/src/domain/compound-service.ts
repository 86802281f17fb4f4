import { type Decider, DomainError, InvalidInput, NotYetKnown, assertNever } from '@cogov/decider';

/**
 * A compound has at most one property company at a time. That is a fact about every company at
 * once, so no company's stream can guarantee it: each compound has a small stream of its own
 * holding the terms of the contracts that serve it (like the compound coverage of the Party
 * organization, ADR 15), and a contract reserves its term there, appended with the revision read,
 * before the company records it. Of two overlapping contracts signed at once only one gets in.
 *
 * A contract refused after reserving gives its term back. A crash between the two leaves the term
 * reserved by a contract that was never recorded: once that reservation has lapsed
 * ({@link reservationHasLapsed}, as the owners' committee's terms do), the next contract over the
 * term first abandons the holder's contract on the holder company's stream (which succeeds only
 * while it was never recorded, and then forbids recording it forever) and then takes the term.
 */
export interface ContractTerm {
  readonly contractId: string;
  readonly companyId: string;
  /** ISO dates (YYYY-MM-DD), both days included. */
  readonly startsOn: string;
  readonly endsOn: string;
}

export type CompoundService = { terms: Array<ContractTerm & { reservedAt: string }> };

/** How long a reservation by a contract that was never recorded holds before another may take it. */
export const RESERVATION_LAPSES_AFTER_MS = 30_000;

export function reservationHasLapsed(term: { reservedAt: string }, now: string): boolean {
  return Date.parse(now) - Date.parse(term.reservedAt) >= RESERVATION_LAPSES_AFTER_MS;
}

export type ReserveTerm = {
  type: 'ReserveTerm';
  data: ContractTerm & {
    compoundId: string;
    /** The community of the compound, from the directory; null when it has not reached us yet. */
    communityId: string | null;
    /** Holders of overlapping terms whose contract the handler found abandoned on their company's stream. */
    abandoned: readonly string[];
    now: string;
  };
};
/** A contract that failed to be recorded on its company's stream gives its term back. */
export type ReleaseTerm = {
  type: 'ReleaseTerm';
  data: { compoundId: string; contractId: string; now: string };
};
export type CompoundServiceCommand = ReserveTerm | ReleaseTerm;

export type TermReserved = {
  type: 'TermReserved';
  data: ContractTerm & { compoundId: string; communityId: string; reservedAt: string };
};
export type TermReleased = {
  type: 'TermReleased';
  data: { compoundId: string; contractId: string; releasedAt: string };
};
export type CompoundServiceEvent = TermReserved | TermReleased;

/** The compound is served by another contract for part of the term asked for. */
export class ContractsOverlap extends DomainError {
  readonly code = 'contracts-overlap';
  constructor(compoundId: string, existing: ContractTerm) {
    super(
      `compound ${compoundId} is served by company ${existing.companyId} from ${existing.startsOn} to ${existing.endsOn} (contract ${existing.contractId})`,
      { compoundId, contractId: existing.contractId, companyId: existing.companyId },
    );
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const initialState = (): CompoundService => ({ terms: [] });

export function decide(command: CompoundServiceCommand, state: CompoundService): CompoundServiceEvent[] {
  switch (command.type) {
    case 'ReserveTerm':
      return reserve(command.data, state);
    case 'ReleaseTerm': {
      const { compoundId, contractId, now } = command.data;
      if (!state.terms.some((t) => t.contractId === contractId)) return [];
      return [{ type: 'TermReleased', data: { compoundId, contractId, releasedAt: now } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: CompoundService, event: CompoundServiceEvent): CompoundService {
  switch (event.type) {
    case 'TermReserved': {
      const { contractId, companyId, startsOn, endsOn, reservedAt } = event.data;
      return { terms: [...state.terms, { contractId, companyId, startsOn, endsOn, reservedAt }] };
    }
    case 'TermReleased':
      return { terms: state.terms.filter((t) => t.contractId !== event.data.contractId) };
    default:
      return assertNever(event);
  }
}

export const compoundServiceDecider: Decider<CompoundServiceCommand, CompoundService, CompoundServiceEvent> =
  {
    initialState,
    decide,
    evolve,
  };

/** Two terms share at least one day. */
export function overlaps(
  a: Pick<ContractTerm, 'startsOn' | 'endsOn'>,
  b: Pick<ContractTerm, 'startsOn' | 'endsOn'>,
) {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

function reserve(d: ReserveTerm['data'], state: CompoundService): CompoundServiceEvent[] {
  if (!isDate(d.startsOn) || !isDate(d.endsOn)) {
    throw new InvalidInput('startsOn and endsOn must be dates (YYYY-MM-DD)');
  }
  if (d.endsOn < d.startsOn) {
    throw new InvalidInput(`a contract cannot end (${d.endsOn}) before it starts (${d.startsOn})`);
  }
  if (d.communityId === null) throw new NotYetKnown('compound', d.compoundId);
  const same = state.terms.find((t) => t.contractId === d.contractId);
  // A retry of the same reservation.
  if (same) return [];
  const holders = state.terms.filter((t) => overlaps(t, d));
  // Only a holder whose contract was abandoned gives way.
  const clash = holders.find((t) => !d.abandoned.includes(t.contractId));
  if (clash) throw new ContractsOverlap(d.compoundId, clash);
  return [
    ...holders.map((t): TermReleased => ({
      type: 'TermReleased',
      data: { compoundId: d.compoundId, contractId: t.contractId, releasedAt: d.now },
    })),
    {
      type: 'TermReserved',
      data: {
        compoundId: d.compoundId,
        communityId: d.communityId,
        contractId: d.contractId,
        companyId: d.companyId,
        startsOn: d.startsOn,
        endsOn: d.endsOn,
        reservedAt: d.now,
      },
    },
  ];
}

function isDate(value: string): boolean {
  return (
    ISO_DATE.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  );
}

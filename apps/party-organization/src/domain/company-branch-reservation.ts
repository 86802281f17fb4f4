import { type Decider, DomainError, assertNever } from '@cogov/decider';
import { CLAIM_LAPSES_AFTER_MS, type ClaimHolder } from './compound-coverage';

/**
 * 红色物业: a property company sets up one Party organization of its own. Like a compound's
 * coverage (compound-coverage.ts, ADR 15), "no other company branch belongs to this company" is a
 * fact about every organization at once, so each company has a small stream of its own where the
 * company branch being founded claims it first, appended with the revision read: of two
 * foundings at once only one gets it. A claim by a founding that died lapses the same way.
 */
export type CompanyBranchReservation =
  { status: 'unclaimed' } | { status: 'claimed'; companyId: string; branchId: string; claimedAt: string };

export type ClaimCompany = {
  type: 'ClaimCompany';
  data: { companyId: string; branchId: string; holder: ClaimHolder | null; now: string };
};

export type ReleaseCompanyClaim = {
  type: 'ReleaseCompanyClaim';
  data: { companyId: string; branchId: string; now: string };
};

export type CompanyBranchReservationCommand = ClaimCompany | ReleaseCompanyClaim;

export type CompanyClaimed = {
  type: 'CompanyClaimed';
  data: { companyId: string; branchId: string; takenOverFrom: string | null; claimedAt: string };
};

export type CompanyClaimReleased = {
  type: 'CompanyClaimReleased';
  data: { companyId: string; branchId: string; releasedAt: string };
};

export type CompanyBranchReservationEvent = CompanyClaimed | CompanyClaimReleased;

/** The company already has its Party organization, or one is being founded. */
export class CompanyAlreadyHasBranch extends DomainError {
  readonly code = 'company-already-has-branch';
  constructor(
    readonly companyId: string,
    readonly branchId: string,
  ) {
    super(`property company ${companyId} already has company branch ${branchId}`, { companyId, branchId });
  }
}

export const initialState = (): CompanyBranchReservation => ({ status: 'unclaimed' });

export function decide(
  command: CompanyBranchReservationCommand,
  state: CompanyBranchReservation,
): CompanyBranchReservationEvent[] {
  switch (command.type) {
    case 'ClaimCompany':
      return claim(command.data, state);
    case 'ReleaseCompanyClaim': {
      const { companyId, branchId, now } = command.data;
      if (state.status !== 'claimed' || state.branchId !== branchId) return [];
      return [{ type: 'CompanyClaimReleased', data: { companyId, branchId, releasedAt: now } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(
  state: CompanyBranchReservation,
  event: CompanyBranchReservationEvent,
): CompanyBranchReservation {
  switch (event.type) {
    case 'CompanyClaimed': {
      const { companyId, branchId, claimedAt } = event.data;
      return { status: 'claimed', companyId, branchId, claimedAt };
    }
    case 'CompanyClaimReleased':
      return { status: 'unclaimed' };
    default:
      return assertNever(event);
  }
}

export const companyBranchReservationDecider: Decider<
  CompanyBranchReservationCommand,
  CompanyBranchReservation,
  CompanyBranchReservationEvent
> = { initialState, decide, evolve };

export function otherCompanyClaimant(state: CompanyBranchReservation, branchId: string): string | null {
  return state.status === 'claimed' && state.branchId !== branchId ? state.branchId : null;
}

export function companyClaimHasLapsed(state: CompanyBranchReservation, now: string): boolean {
  return state.status === 'claimed' && Date.parse(now) - Date.parse(state.claimedAt) >= CLAIM_LAPSES_AFTER_MS;
}

function claim(d: ClaimCompany['data'], state: CompanyBranchReservation): CompanyBranchReservationEvent[] {
  const claimed = (takenOverFrom: string | null): CompanyBranchReservationEvent[] => [
    {
      type: 'CompanyClaimed',
      data: { companyId: d.companyId, branchId: d.branchId, takenOverFrom, claimedAt: d.now },
    },
  ];
  if (state.status === 'unclaimed') return claimed(null);
  if (state.branchId === d.branchId) return [];
  // Only a claimant whose founding was abandoned gives way (see compound-coverage.ts).
  if (d.holder?.branchId === state.branchId && d.holder.status === 'abandoned') {
    return claimed(state.branchId);
  }
  throw new CompanyAlreadyHasBranch(d.companyId, state.branchId);
}

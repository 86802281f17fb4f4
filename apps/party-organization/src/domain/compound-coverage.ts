import { type Decider, DomainError, assertNever } from '@cogov/decider';

/**
 * 一个小区一个支部: one branch answers for each compound's orders. Each compound has a small
 * stream of its own, the reservation of its coverage, and a branch claims every compound it will
 * cover there (appended with the revision read, so of two branches claiming at once only one
 * gets it) before it is founded. Its organization stream alone could not say "no other branch
 * covers this compound": that is a fact about every organization at once.
 *
 * A founding that crashed between its claims and its `OrganizationFounded` leaves a claim by a
 * branch that does not exist. Once the claim has lapsed ({@link claimHasLapsed}), the next branch
 * claiming the compound first abandons the claimant's founding on the claimant's own stream
 * (which succeeds only while it was never founded, and then forbids founding it forever), and
 * then takes the claim over. So a late founding and a takeover can never both succeed.
 */
export type CompoundCoverage =
  { status: 'unclaimed' } | { status: 'claimed'; compoundId: string; branchId: string; claimedAt: string };

/** What the handler found of the branch holding the claim, from that branch's own stream. */
export interface ClaimHolder {
  readonly branchId: string;
  readonly status: 'founded' | 'absent' | 'abandoned';
}

export type ClaimCompound = {
  type: 'ClaimCompound';
  data: { compoundId: string; branchId: string; holder: ClaimHolder | null; now: string };
};

/** A founding that failed after claiming gives its claims back. */
export type ReleaseCompoundClaim = {
  type: 'ReleaseCompoundClaim';
  data: { compoundId: string; branchId: string; now: string };
};

export type CompoundCoverageCommand = ClaimCompound | ReleaseCompoundClaim;

export type CompoundClaimed = {
  type: 'CompoundClaimed';
  data: {
    compoundId: string;
    branchId: string;
    /** The branch whose founding was abandoned, when the claim was taken over from it. */
    takenOverFrom: string | null;
    claimedAt: string;
  };
};

export type CompoundClaimReleased = {
  type: 'CompoundClaimReleased';
  data: { compoundId: string; branchId: string; releasedAt: string };
};

export type CompoundCoverageEvent = CompoundClaimed | CompoundClaimReleased;

/** How long a claim by a branch that was never founded holds before another branch may take it. */
export const CLAIM_LAPSES_AFTER_MS = 30_000;

/** Another branch already covers the compound, or is being founded over it. */
export class CompoundAlreadyCovered extends DomainError {
  readonly code = 'compound-already-covered';
  constructor(
    readonly compoundId: string,
    readonly branchId: string,
  ) {
    super(`compound ${compoundId} is already covered by branch ${branchId}`, { compoundId, branchId });
  }
}

export const initialState = (): CompoundCoverage => ({ status: 'unclaimed' });

export function decide(command: CompoundCoverageCommand, state: CompoundCoverage): CompoundCoverageEvent[] {
  switch (command.type) {
    case 'ClaimCompound':
      return claim(command.data, state);
    case 'ReleaseCompoundClaim': {
      const { compoundId, branchId, now } = command.data;
      if (state.status !== 'claimed' || state.branchId !== branchId) return [];
      return [{ type: 'CompoundClaimReleased', data: { compoundId, branchId, releasedAt: now } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: CompoundCoverage, event: CompoundCoverageEvent): CompoundCoverage {
  switch (event.type) {
    case 'CompoundClaimed': {
      const { compoundId, branchId, claimedAt } = event.data;
      return { status: 'claimed', compoundId, branchId, claimedAt };
    }
    case 'CompoundClaimReleased':
      return { status: 'unclaimed' };
    default:
      return assertNever(event);
  }
}

export const compoundCoverageDecider: Decider<
  CompoundCoverageCommand,
  CompoundCoverage,
  CompoundCoverageEvent
> = { initialState, decide, evolve };

/** The branch holding the claim, if any other than `branchId`. */
export function otherClaimant(state: CompoundCoverage, branchId: string): string | null {
  return state.status === 'claimed' && state.branchId !== branchId ? state.branchId : null;
}

/** A claim old enough that, if its branch was never founded, its founding is taken to have died. */
export function claimHasLapsed(state: CompoundCoverage, now: string): boolean {
  return state.status === 'claimed' && Date.parse(now) - Date.parse(state.claimedAt) >= CLAIM_LAPSES_AFTER_MS;
}

function claim(d: ClaimCompound['data'], state: CompoundCoverage): CompoundCoverageEvent[] {
  const claimed = (takenOverFrom: string | null): CompoundCoverageEvent[] => [
    {
      type: 'CompoundClaimed',
      data: { compoundId: d.compoundId, branchId: d.branchId, takenOverFrom, claimedAt: d.now },
    },
  ];
  if (state.status === 'unclaimed') return claimed(null);
  // A retry of the same founding: the claim is already its own.
  if (state.branchId === d.branchId) return [];
  // Only a claimant whose founding was abandoned gives way; what the handler saw of another
  // claimant (the claim changed hands since) proves nothing.
  if (d.holder?.branchId === state.branchId && d.holder.status === 'abandoned') {
    return claimed(state.branchId);
  }
  throw new CompoundAlreadyCovered(d.compoundId, state.branchId);
}

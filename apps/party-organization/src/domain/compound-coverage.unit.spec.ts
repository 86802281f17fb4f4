import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  CLAIM_LAPSES_AFTER_MS,
  type ClaimCompound,
  type CompoundClaimed,
  CompoundAlreadyCovered,
  claimHasLapsed,
  compoundCoverageDecider,
  evolve,
  initialState,
  otherClaimant,
} from './compound-coverage';

const given = deciderSpecification(compoundCoverageDecider);
const NOW = '2025-03-01T08:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

const claim = (overrides: Partial<ClaimCompound['data']> = {}): ClaimCompound => ({
  type: 'ClaimCompound',
  data: { compoundId: 'compound-1', branchId: 'branch-2', holder: null, now: later(1000), ...overrides },
});
const claimed = (overrides: Partial<CompoundClaimed['data']> = {}): CompoundClaimed => ({
  type: 'CompoundClaimed',
  data: { compoundId: 'compound-1', branchId: 'branch-1', takenOverFrom: null, claimedAt: NOW, ...overrides },
});

describe('compound coverage: one branch answers for each compound', () => {
  it('an unclaimed compound is claimed by the branch being founded over it', () =>
    given([])
      .when(claim())
      .then([claimed({ branchId: 'branch-2', claimedAt: later(1000) })]));

  it('a compound claimed by another branch refuses, naming the compound and that branch', () =>
    given([claimed()])
      .when(claim({ holder: { branchId: 'branch-1', status: 'founded' } }))
      .thenThrows(CompoundAlreadyCovered, /^compound compound-1 is already covered by branch branch-1$/));

  it('a claim whose branch is still being founded refuses too', () =>
    given([claimed()])
      .when(claim({ holder: { branchId: 'branch-1', status: 'absent' } }))
      .thenThrows(CompoundAlreadyCovered, /branch branch-1/));

  it('a claim whose branch’s founding was abandoned is taken over', () =>
    given([claimed()])
      .when(claim({ holder: { branchId: 'branch-1', status: 'abandoned' } }))
      .then([claimed({ branchId: 'branch-2', takenOverFrom: 'branch-1', claimedAt: later(1000) })]));

  it('what was seen of a claimant the claim has since passed from proves nothing', () =>
    given([claimed(), claimed({ branchId: 'branch-3', takenOverFrom: 'branch-1' })])
      .when(claim({ holder: { branchId: 'branch-1', status: 'abandoned' } }))
      .thenThrows(CompoundAlreadyCovered, /branch branch-3/));

  it('the same branch claiming again (a retry of its founding) changes nothing', () =>
    given([claimed()])
      .when(claim({ branchId: 'branch-1' }))
      .thenNothingHappens());

  it('a founding that failed releases its own claim, and the compound is free again', () => {
    given([claimed()])
      .when({
        type: 'ReleaseCompoundClaim',
        data: { compoundId: 'compound-1', branchId: 'branch-1', now: NOW },
      })
      .then([
        {
          type: 'CompoundClaimReleased',
          data: { compoundId: 'compound-1', branchId: 'branch-1', releasedAt: NOW },
        },
      ]);
    given([
      claimed(),
      {
        type: 'CompoundClaimReleased',
        data: { compoundId: 'compound-1', branchId: 'branch-1', releasedAt: NOW },
      },
    ])
      .when(claim())
      .then([claimed({ branchId: 'branch-2', claimedAt: later(1000) })]);
  });

  it('a branch cannot release another branch’s claim', () =>
    given([claimed()])
      .when({
        type: 'ReleaseCompoundClaim',
        data: { compoundId: 'compound-1', branchId: 'branch-2', now: NOW },
      })
      .thenNothingHappens());

  it(`a claim lapses ${CLAIM_LAPSES_AFTER_MS / 1000} s after it was made`, () => {
    const state = evolve(initialState(), claimed());
    expect(claimHasLapsed(state, later(CLAIM_LAPSES_AFTER_MS - 1))).toBe(false);
    expect(claimHasLapsed(state, later(CLAIM_LAPSES_AFTER_MS))).toBe(true);
    expect(claimHasLapsed(initialState(), later(CLAIM_LAPSES_AFTER_MS))).toBe(false);
  });

  it('names the other claimant, not the branch asking', () => {
    const state = evolve(initialState(), claimed());
    expect(otherClaimant(state, 'branch-2')).toBe('branch-1');
    expect(otherClaimant(state, 'branch-1')).toBeNull();
    expect(otherClaimant(initialState(), 'branch-2')).toBeNull();
  });
});

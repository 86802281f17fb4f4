import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type ClaimCompany,
  type CompanyClaimed,
  CompanyAlreadyHasBranch,
  companyBranchReservationDecider,
} from './company-branch-reservation';

const given = deciderSpecification(companyBranchReservationDecider);
const NOW = '2025-03-01T08:00:00.000Z';
const LATER = '2025-03-01T08:00:01.000Z';

const claim = (overrides: Partial<ClaimCompany['data']> = {}): ClaimCompany => ({
  type: 'ClaimCompany',
  data: { companyId: 'company-1', branchId: 'branch-2', holder: null, now: LATER, ...overrides },
});
const claimed = (overrides: Partial<CompanyClaimed['data']> = {}): CompanyClaimed => ({
  type: 'CompanyClaimed',
  data: { companyId: 'company-1', branchId: 'branch-1', takenOverFrom: null, claimedAt: NOW, ...overrides },
});

describe('company branch reservation: one Party organization per property company', () => {
  it('a company without a branch is claimed by the company branch being founded', () =>
    given([])
      .when(claim())
      .then([claimed({ branchId: 'branch-2', claimedAt: LATER })]));

  it('a company that has its branch refuses a second, naming the company and the branch', () =>
    given([claimed()])
      .when(claim({ holder: { branchId: 'branch-1', status: 'founded' } }))
      .thenThrows(
        CompanyAlreadyHasBranch,
        /^property company company-1 already has company branch branch-1$/,
      ));

  it('a retry of the same founding claims nothing more', () =>
    given([claimed()])
      .when(claim({ branchId: 'branch-1' }))
      .then([]));

  it('a claim whose founding was abandoned is taken over', () =>
    given([claimed()])
      .when(claim({ holder: { branchId: 'branch-1', status: 'abandoned' } }))
      .then([claimed({ branchId: 'branch-2', takenOverFrom: 'branch-1', claimedAt: LATER })]));

  it('a released claim leaves the company free', () =>
    given([
      claimed(),
      {
        type: 'CompanyClaimReleased',
        data: { companyId: 'company-1', branchId: 'branch-1', releasedAt: NOW },
      },
    ])
      .when(claim())
      .then([claimed({ branchId: 'branch-2', claimedAt: LATER })]));
});

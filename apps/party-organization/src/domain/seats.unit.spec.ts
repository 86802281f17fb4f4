import { NotFound, NotYetKnown, OutOfScope, RuleViolation, WrongKind } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type FillSeat,
  type OrganizationFounded,
  type SeatFilled,
  type SeatVacated,
  organizationDecider,
} from './organization';

const given = deciderSpecification(organizationDecider);
const NOW = '2025-03-01T08:00:00.000Z';

const branchFounded = (overrides: Partial<OrganizationFounded['data']> = {}): OrganizationFounded => ({
  type: 'OrganizationFounded',
  data: {
    organizationId: 'branch-1',
    kind: 'branch',
    name: 'Compound Branch',
    communityId: 'community-1',
    parentId: 'committee-1',
    compoundIds: ['compound-1'],
    buildingIds: [],
    companyId: null,
    foundedAt: NOW,
    ...overrides,
  },
});
const member = (id = 'member-1', organizationId: string | null = 'branch-1') =>
  ({ id, known: true, communityId: 'community-1', organizationId, branchId: organizationId }) as const;
const resident = (id = 'resident-1', communityId = 'community-1') =>
  ({ id, known: true, communityId, organizationId: null, branchId: null }) as const;

const fill = (overrides: Partial<FillSeat['data']> = {}): FillSeat => ({
  type: 'FillSeat',
  data: {
    organizationId: 'branch-1',
    seatId: 'seat-1',
    personName: 'Li Hua',
    member: member(),
    resident: resident(),
    seat: 'secretary',
    holds: 'owners-committee-chair',
    now: NOW,
    ...overrides,
  },
});
const filled = (overrides: Partial<SeatFilled['data']> = {}): SeatFilled => ({
  type: 'SeatFilled',
  data: {
    organizationId: 'branch-1',
    organizationKind: 'branch',
    communityId: 'community-1',
    compoundIds: ['compound-1'],
    seatId: 'seat-1',
    personName: 'Li Hua',
    memberId: 'member-1',
    residentId: 'resident-1',
    seat: 'secretary',
    holds: 'owners-committee-chair',
    filledAt: NOW,
    ...overrides,
  },
});

const vacated: SeatVacated = {
  type: 'SeatVacated',
  data: { organizationId: 'branch-1', communityId: 'community-1', seatId: 'seat-1', vacatedAt: NOW },
};

describe('branch committee seats', () => {
  it('a seat is filled by a member of the branch who is a resident of its community', () =>
    given([branchFounded()]).when(fill()).then([filled()]));

  it('a person with neither id may sit, recognised by nobody elsewhere', () =>
    given([branchFounded()])
      .when(fill({ member: null, resident: null, seat: 'committee-member', holds: 'community-police' }))
      .then([
        filled({ memberId: null, residentId: null, seat: 'committee-member', holds: 'community-police' }),
      ]));

  it('one secretary at a time', () =>
    given([branchFounded(), filled()])
      .when(fill({ seatId: 'seat-2', member: member('member-2'), resident: null, holds: null }))
      .thenThrows(RuleViolation, /one secretary at a time/));

  it('a vacated secretary’s seat can be filled again', () =>
    given([branchFounded(), filled(), vacated])
      .when(fill({ seatId: 'seat-2', member: member('member-2'), resident: null, holds: null }))
      .then([filled({ seatId: 'seat-2', memberId: 'member-2', residentId: null, holds: null })]));

  it('the same person, recognised by an id, sits once', () =>
    given([branchFounded(), filled()])
      .when(fill({ seatId: 'seat-2', member: null, seat: 'committee-member', holds: null }))
      .thenThrows(RuleViolation, /already sits on the committee in seat seat-1/));

  it('a retry of the same seat fills nothing more', () =>
    given([branchFounded(), filled()]).when(fill()).thenNothingHappens());

  it('a member of another organization is out of scope', () =>
    given([branchFounded()])
      .when(fill({ member: member('member-1', 'branch-9') }))
      .thenThrows(OutOfScope, /not a member of organization branch-1/));

  it('a member of one of the branch’s building groups may sit on the branch committee', () =>
    given([branchFounded()])
      .when(fill({ member: { ...member(), organizationId: 'group-1', branchId: 'branch-1' } }))
      .then([filled()]));

  it('a member nobody registered is not found', () =>
    given([branchFounded()])
      .when(fill({ member: { id: 'member-9', known: false } }))
      .thenThrows(NotFound, /member member-9 not found/));

  it('a resident not heard of yet is not yet known', () =>
    given([branchFounded()])
      .when(fill({ resident: { id: 'resident-9', known: false } }))
      .thenThrows(NotYetKnown, /resident resident-9/));

  it('a resident of another community is out of scope', () =>
    given([branchFounded()])
      .when(fill({ resident: resident('resident-1', 'community-2') }))
      .thenThrows(OutOfScope, /not of community community-1/));

  it('a building Party group has no committee', () =>
    given([branchFounded({ kind: 'group', compoundIds: [], buildingIds: ['building-1'] })])
      .when(fill())
      .thenThrows(WrongKind, /group/));

  it('an organization not founded has no seats', () =>
    given([])
      .when(fill())
      .thenThrows(NotFound, /organization branch-1 not found/));

  it('vacating a seat it does not have is not found', () =>
    given([branchFounded()])
      .when({ type: 'VacateSeat', data: { organizationId: 'branch-1', seatId: 'seat-9', now: NOW } })
      .thenThrows(NotFound, /seat seat-9 not found in organization branch-1/));

  it('a filled seat is vacated', () =>
    given([branchFounded(), filled()])
      .when({ type: 'VacateSeat', data: { organizationId: 'branch-1', seatId: 'seat-1', now: NOW } })
      .then([vacated]));
});

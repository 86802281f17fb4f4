import { type BranchSeat, type Chair, linkage } from './linkage';

const T0 = '2025-03-01T08:00:00.000Z';
const T1 = '2025-03-02T08:00:00.000Z';
const T2 = '2025-03-03T08:00:00.000Z';

const chair: Chair = { residentId: 'resident-1', partyMemberId: 'member-1', joinedAt: T1 };
const seat = (overrides: Partial<BranchSeat> = {}): BranchSeat => ({
  seatId: 'seat-1',
  branchId: 'branch-1',
  compoundIds: ['compound-1'],
  seat: 'secretary',
  holds: 'owners-committee-chair',
  memberId: 'member-1',
  residentId: null,
  filledAt: T0,
  vacatedAt: null,
  ...overrides,
});

describe('one shoulder and cross-appointment, from the branch’s seats', () => {
  it('given no seat heard of for a branch covering the compound, every fact is unknown', () => {
    const facts = linkage('compound-1', chair, [seat({ compoundIds: ['compound-2'] })]);
    expect(facts.oneShoulder.status).toBe('unknown');
    expect(facts.crossAppointment.propertyManager.status).toBe('unknown');
  });

  it('given a committee without a chair, the chair’s facts are unknown', () => {
    const facts = linkage('compound-1', null, [seat()]);
    expect(facts.oneShoulder).toMatchObject({ status: 'unknown', branchId: 'branch-1' });
    expect(facts.crossAppointment.chair.status).toBe('unknown');
  });

  it('given the chair is the secretary by Party member id, one shoulder holds since both were so', () => {
    expect(linkage('compound-1', chair, [seat()]).oneShoulder).toEqual({
      status: 'holds',
      branchId: 'branch-1',
      seatId: 'seat-1',
      person: { memberId: 'member-1', residentId: null },
      since: T1,
    });
  });

  it('given the chair is recognised by resident id alone, the chair sits on the branch committee', () => {
    const facts = linkage('compound-1', { ...chair, partyMemberId: null }, [
      seat({ seat: 'committee-member', memberId: null, residentId: 'resident-1', filledAt: T2 }),
    ]);
    expect(facts.oneShoulder.status).toBe('does-not-hold');
    expect(facts.crossAppointment.chair).toMatchObject({ status: 'holds', seatId: 'seat-1', since: T2 });
  });

  it('given another person is secretary, one shoulder does not hold', () => {
    const facts = linkage('compound-1', chair, [seat({ memberId: 'member-2' })]);
    expect(facts.oneShoulder).toMatchObject({ status: 'does-not-hold', since: T1 });
    expect(facts.crossAppointment.chair.status).toBe('does-not-hold');
  });

  it('given the secretary’s seat was vacated, one shoulder does not hold since then', () => {
    const facts = linkage('compound-1', chair, [seat({ vacatedAt: T2 })]);
    expect(facts.oneShoulder).toMatchObject({ status: 'does-not-hold', since: T2 });
  });

  it('given seats for the property manager and not the police, one holds and the other does not', () => {
    const facts = linkage('compound-1', chair, [
      seat(),
      seat({
        seatId: 'seat-2',
        seat: 'committee-member',
        holds: 'property-manager',
        memberId: null,
        filledAt: T2,
      }),
    ]);
    expect(facts.crossAppointment.propertyManager).toMatchObject({
      status: 'holds',
      seatId: 'seat-2',
      since: T2,
    });
    expect(facts.crossAppointment.communityPolice).toMatchObject({ status: 'does-not-hold', since: T0 });
  });
});

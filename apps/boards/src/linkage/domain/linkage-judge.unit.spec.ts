import { type CommitteeChair, type CoveringSeat, judgeLinkage } from './linkage-judge';

const T0 = '2026-03-01T08:00:00.000Z';
const T1 = '2026-03-02T08:00:00.000Z';
const T2 = '2026-03-03T08:00:00.000Z';

const chair: CommitteeChair = { residentId: 'resident-1', partyMemberId: 'member-1', seatedAt: T1 };
const seat = (overrides: Partial<CoveringSeat> = {}): CoveringSeat => ({
  seatId: 'seat-1',
  branchId: 'branch-1',
  seat: 'secretary',
  holds: 'owners-committee-chair',
  memberId: 'member-1',
  residentId: null,
  filledAt: T0,
  vacatedAt: null,
  ...overrides,
});

describe('one shoulder and cross-appointment on the boards, from the published seats and chair', () => {
  it('given no seat of a covering branch heard of, every fact is unknown, not a no', () => {
    const facts = judgeLinkage(chair, []);
    expect(facts.oneShoulder).toEqual({
      status: 'unknown',
      branchId: null,
      seatId: null,
      person: null,
      since: null,
    });
    expect(facts.crossAppointment.propertyManager.status).toBe('unknown');
    expect(facts.crossAppointment.communityPolice.status).toBe('unknown');
  });

  it('given no chair, the chair’s facts are unknown while the posts are judged', () => {
    const facts = judgeLinkage(null, [
      seat(),
      seat({ seatId: 'seat-2', seat: 'committee-member', holds: 'property-manager' }),
    ]);
    expect(facts.oneShoulder).toMatchObject({ status: 'unknown', branchId: 'branch-1' });
    expect(facts.crossAppointment.chair.status).toBe('unknown');
    expect(facts.crossAppointment.propertyManager).toMatchObject({
      status: 'holds',
      seatId: 'seat-2',
      since: T0,
    });
  });

  it('given the chair is the secretary by Party member id, one shoulder holds since both were so', () =>
    expect(judgeLinkage(chair, [seat()]).oneShoulder).toEqual({
      status: 'holds',
      branchId: 'branch-1',
      seatId: 'seat-1',
      person: { memberId: 'member-1', residentId: null },
      since: T1,
    }));

  it('given the chair sits on the committee by resident id, cross-appointment holds and one shoulder does not', () => {
    const facts = judgeLinkage({ ...chair, partyMemberId: null }, [
      seat({ seat: 'committee-member', memberId: null, residentId: 'resident-1', filledAt: T2 }),
    ]);
    expect(facts.oneShoulder.status).toBe('does-not-hold');
    expect(facts.crossAppointment.chair).toMatchObject({ status: 'holds', seatId: 'seat-1', since: T2 });
  });

  it('given the secretary’s seat was vacated, one shoulder does not hold since then', () => {
    const facts = judgeLinkage(chair, [seat({ vacatedAt: T2 })]);
    expect(facts.oneShoulder).toMatchObject({ status: 'does-not-hold', branchId: 'branch-1', since: T2 });
    expect(facts.crossAppointment.chair.status).toBe('does-not-hold');
  });

  it('given a property manager’s seat was left, the post is not held since it was left', () =>
    expect(
      judgeLinkage(chair, [seat(), seat({ seatId: 'seat-2', holds: 'property-manager', vacatedAt: T2 })])
        .crossAppointment.propertyManager,
    ).toMatchObject({ status: 'does-not-hold', since: T2 }));

  it('given a community police post never held, it is not held as long as the branch’s seats are known', () =>
    expect(
      judgeLinkage(chair, [seat({ filledAt: T1 }), seat({ seatId: 's0', holds: null, filledAt: T0 })])
        .crossAppointment.communityPolice,
    ).toMatchObject({ status: 'does-not-hold', since: T0 }));

  it('given an old branch whose seats are all vacated and one with a filled seat, the filled one covers', () =>
    expect(
      judgeLinkage(chair, [
        seat({ branchId: 'old', vacatedAt: T1 }),
        seat({ seatId: 'seat-2', branchId: 'new', memberId: 'member-9', filledAt: T2 }),
      ]).oneShoulder,
    ).toMatchObject({ status: 'does-not-hold', branchId: 'new' }));
});

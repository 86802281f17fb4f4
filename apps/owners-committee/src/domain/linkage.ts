/**
 * 一肩挑 and 交叉任职, as the owners' committee can tell them: from the seats of the branch
 * covering its compound (the Party organization's published facts) and its own chair. The same
 * person is recognised by a resident id or a Party member id, never by a name.
 */

export type SeatKind = 'secretary' | 'deputy-secretary' | 'committee-member';
export type Holds = 'owners-committee-chair' | 'property-manager' | 'community-police';

/** A seat on a branch committee as the Party organization published it; vacated ones stay. */
export interface BranchSeat {
  readonly seatId: string;
  readonly branchId: string;
  readonly compoundIds: readonly string[];
  readonly seat: SeatKind;
  readonly holds: Holds | null;
  readonly memberId: string | null;
  readonly residentId: string | null;
  readonly filledAt: string;
  readonly vacatedAt: string | null;
}

export interface Chair {
  readonly residentId: string;
  readonly partyMemberId: string | null;
  readonly joinedAt: string;
}

/**
 * `unknown`: the committee has no chair, or nothing has been heard of the seats of a branch
 * covering the compound: the facts may not have reached us, which is not a "no".
 */
export type FactStatus = 'holds' | 'does-not-hold' | 'unknown';

export interface PersonIds {
  readonly memberId: string | null;
  readonly residentId: string | null;
}

export interface LinkageFact {
  readonly status: FactStatus;
  readonly branchId: string | null;
  /** The seat that makes the fact hold; null otherwise. */
  readonly seatId: string | null;
  /** The person in that seat, by ids. */
  readonly person: PersonIds | null;
  /** Since when the fact is as it is, as far as the recorded seats and chair tell; null when unknown. */
  readonly since: string | null;
}

export interface Linkage {
  /** Whether the chair is the secretary of the branch covering the compound. */
  readonly oneShoulder: LinkageFact;
  /** Whether the chair, a property manager and a community police officer sit on that branch's committee. */
  readonly crossAppointment: {
    readonly chair: LinkageFact;
    readonly propertyManager: LinkageFact;
    readonly communityPolice: LinkageFact;
  };
}

export function linkage(compoundId: string, chair: Chair | null, seats: readonly BranchSeat[]): Linkage {
  const covering = seats.filter((s) => s.compoundIds.includes(compoundId));
  // One branch covers a compound (ADR 15); the one whose seats are filled now is that one.
  const branchId =
    covering.find((s) => s.vacatedAt === null)?.branchId ??
    [...covering].sort((a, b) => later(a.filledAt, b.filledAt))[0]?.branchId ??
    null;
  const branchSeats = covering.filter((s) => s.branchId === branchId);
  const current = branchSeats.filter((s) => s.vacatedAt === null);
  if (branchId === null) {
    const unknown = unknownFact(null);
    return {
      oneShoulder: unknown,
      crossAppointment: { chair: unknown, propertyManager: unknown, communityPolice: unknown },
    };
  }
  const isChair = (s: BranchSeat) =>
    chair !== null &&
    (s.residentId === chair.residentId ||
      (chair.partyMemberId !== null && s.memberId === chair.partyMemberId));
  const lastChange = (of: readonly BranchSeat[]) => latest(of.flatMap((s) => [s.filledAt, s.vacatedAt]));
  const chairFact = (matches: (s: BranchSeat) => boolean, relevant: readonly BranchSeat[]): LinkageFact => {
    if (chair === null) return unknownFact(branchId);
    const seat = current.find((s) => matches(s) && isChair(s));
    if (seat) return held(branchId, seat, latest([chair.joinedAt, seat.filledAt]));
    return notHeld(branchId, latest([chair.joinedAt, lastChange(relevant)]));
  };
  const holderFact = (holds: Holds): LinkageFact => {
    const seat = current.find((s) => s.holds === holds);
    if (seat) return held(branchId, seat, seat.filledAt);
    const vacated = branchSeats.filter((s) => s.holds === holds);
    return notHeld(branchId, vacated.length > 0 ? lastChange(vacated) : earliest(branchSeats));
  };
  return {
    oneShoulder: chairFact(
      (s) => s.seat === 'secretary',
      branchSeats.filter((s) => s.seat === 'secretary'),
    ),
    crossAppointment: {
      chair: chairFact(() => true, branchSeats),
      propertyManager: holderFact('property-manager'),
      communityPolice: holderFact('community-police'),
    },
  };
}

function unknownFact(branchId: string | null): LinkageFact {
  return { status: 'unknown', branchId, seatId: null, person: null, since: null };
}

function held(branchId: string, seat: BranchSeat, since: string | null): LinkageFact {
  const person = { memberId: seat.memberId, residentId: seat.residentId };
  return { status: 'holds', branchId, seatId: seat.seatId, person, since };
}

function notHeld(branchId: string, since: string | null): LinkageFact {
  return { status: 'does-not-hold', branchId, seatId: null, person: null, since };
}

/** For a sort: the later time first. */
function later(a: string, b: string): number {
  return Date.parse(b) - Date.parse(a);
}

function latest(times: ReadonlyArray<string | null>): string | null {
  const known = times.filter((t): t is string => t !== null);
  return known.length === 0 ? null : [...known].sort(later)[0]!;
}

function earliest(seats: readonly BranchSeat[]): string | null {
  const times = seats.map((s) => s.filledAt).sort(later);
  return times[times.length - 1] ?? null;
}

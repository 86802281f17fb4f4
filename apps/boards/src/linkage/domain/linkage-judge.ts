/**
 * 一肩挑 (one shoulder: the owners' committee chair is the secretary of the branch covering the
 * compound) and 交叉任职 (cross-appointment: the chair, the property manager and the community
 * police officer sit on that branch's committee), judged at read time from the published seats
 * and the published chair, by the rule of ADR 26 (restated here: the boards import no other
 * context's code). A person is the same when a resident id or a Party member id is; never a name.
 */

export type SeatKind = 'secretary' | 'deputy-secretary' | 'committee-member';
export type Holds = 'owners-committee-chair' | 'property-manager' | 'community-police';

/** A seat on the committee of a branch covering the compound; a vacated one keeps its row. */
export interface CoveringSeat {
  readonly seatId: string;
  readonly branchId: string;
  readonly seat: SeatKind;
  readonly holds: Holds | null;
  readonly memberId: string | null;
  readonly residentId: string | null;
  readonly filledAt: string;
  readonly vacatedAt: string | null;
}

/** The chair of the compound's current owners' committee, by ids. */
export interface CommitteeChair {
  readonly residentId: string;
  readonly partyMemberId: string | null;
  readonly seatedAt: string;
}

/**
 * `unknown`: no chair, or no seat heard of for a branch covering the compound; the facts may not
 * have reached the boards, which is not a "no".
 */
export type FactStatus = 'holds' | 'does-not-hold' | 'unknown';

export interface PersonIds {
  readonly memberId: string | null;
  readonly residentId: string | null;
}

export interface LinkageFact {
  readonly status: FactStatus;
  readonly branchId: string | null;
  /** The seat that makes it hold; null otherwise. */
  readonly seatId: string | null;
  readonly person: PersonIds | null;
  /** Since when it is as it is, as far as the seats and the chair tell; null when unknown. */
  readonly since: string | null;
}

export interface LinkageFacts {
  readonly oneShoulder: LinkageFact;
  readonly crossAppointment: {
    readonly chair: LinkageFact;
    readonly propertyManager: LinkageFact;
    readonly communityPolice: LinkageFact;
  };
}

export function judgeLinkage(chair: CommitteeChair | null, covering: readonly CoveringSeat[]): LinkageFacts {
  const branchId = coveringBranch(covering);
  if (branchId === null) {
    const unknown = fact('unknown', null);
    return {
      oneShoulder: unknown,
      crossAppointment: { chair: unknown, propertyManager: unknown, communityPolice: unknown },
    };
  }
  const ofBranch = covering.filter((s) => s.branchId === branchId);
  const filled = ofBranch.filter((s) => s.vacatedAt === null);
  const isTheChair = (s: CoveringSeat) =>
    chair !== null &&
    (s.residentId === chair.residentId ||
      (chair.partyMemberId !== null && s.memberId === chair.partyMemberId));

  const chairIn = (relevant: readonly CoveringSeat[]): LinkageFact => {
    if (chair === null) return fact('unknown', branchId);
    const seat = relevant.find((s) => s.vacatedAt === null && isTheChair(s));
    if (seat) return heldBy(branchId, seat, newest([chair.seatedAt, seat.filledAt]));
    return fact('does-not-hold', branchId, newest([chair.seatedAt, ...changesOf(relevant)]));
  };
  const postHeld = (holds: Holds): LinkageFact => {
    const seat = filled.find((s) => s.holds === holds);
    if (seat) return heldBy(branchId, seat, seat.filledAt);
    const former = ofBranch.filter((s) => s.holds === holds);
    // Never held: as long as the branch's seats are known; no longer held: since it was left.
    const since = former.length > 0 ? newest(changesOf(former)) : oldest(ofBranch.map((s) => s.filledAt));
    return fact('does-not-hold', branchId, since);
  };
  return {
    oneShoulder: chairIn(ofBranch.filter((s) => s.seat === 'secretary')),
    crossAppointment: {
      chair: chairIn(ofBranch),
      propertyManager: postHeld('property-manager'),
      communityPolice: postHeld('community-police'),
    },
  };
}

/**
 * One branch covers a compound (ADR 15): the one with a filled seat, else the one whose seat was
 * filled last (all its seats vacated), else none heard of.
 */
export function coveringBranch(covering: readonly CoveringSeat[]): string | null {
  const current = covering.find((s) => s.vacatedAt === null);
  if (current) return current.branchId;
  const [last] = [...covering].sort((a, b) => Date.parse(b.filledAt) - Date.parse(a.filledAt));
  return last?.branchId ?? null;
}

function fact(status: FactStatus, branchId: string | null, since: string | null = null): LinkageFact {
  return { status, branchId, seatId: null, person: null, since };
}

function heldBy(branchId: string, seat: CoveringSeat, since: string | null): LinkageFact {
  return {
    status: 'holds',
    branchId,
    seatId: seat.seatId,
    person: { memberId: seat.memberId, residentId: seat.residentId },
    since,
  };
}

function changesOf(seats: readonly CoveringSeat[]): string[] {
  return seats.flatMap((s) => (s.vacatedAt === null ? [s.filledAt] : [s.filledAt, s.vacatedAt]));
}

function newest(times: readonly string[]): string | null {
  return times.reduce<string | null>((a, t) => (a === null || Date.parse(t) > Date.parse(a) ? t : a), null);
}

function oldest(times: readonly string[]): string | null {
  return times.reduce<string | null>((a, t) => (a === null || Date.parse(t) < Date.parse(a) ? t : a), null);
}

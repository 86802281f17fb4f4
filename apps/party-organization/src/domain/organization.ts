import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  OutOfScope,
  RuleViolation,
  WrongKind,
  assertNever,
} from '@cogov/decider';

/**
 * 社区大党委 `community-committee` leads the community; 网格/小区党支部 `branch` covers compounds;
 * 楼栋党小组 `group` covers buildings of its branch's compounds; a property company's own Party
 * organization `company-branch` (物业企业党支部, 红色物业) belongs to its company and covers nothing.
 */
export type OrganizationKind = 'community-committee' | 'branch' | 'group' | 'company-branch';

/**
 * What another decision needs to know of an organization. The application layer builds it with
 * `summarize` from the organization's stream and passes it in the command, so deciders never load.
 */
export type OrganizationSummary =
  | { exists: false; organizationId: string }
  | {
      exists: true;
      organizationId: string;
      kind: OrganizationKind;
      communityId: string;
      parentId: string | null;
      compoundIds: string[];
      buildingIds: string[];
    };

export type FoundOrganization = {
  type: 'FoundOrganization';
  data: {
    organizationId: string;
    kind: OrganizationKind;
    name: string;
    communityId: string;
    /** Whether the community directory (replicated from the residents' committee) knows the community. */
    communityKnown: boolean;
    parent: OrganizationSummary | null;
    /** Only for a branch. */
    compoundIds: string[];
    /** Only for a group. */
    buildingIds: string[];
    /** Only for a company branch: the property company it belongs to. */
    companyId: string | null;
    /** Whether the company directory (replicated from the property company context) knows it. */
    companyKnown: boolean;
    /** Compound ids the community directory knows for `communityId`. */
    compoundsInCommunity: string[];
    /** Known building ids of each compound in `compoundsInCommunity`. */
    buildingsByCompound: Record<string, string[]>;
    /**
     * Of the compounds and buildings named, those the community directory knows in any community.
     * The others may have been registered a moment ago and not have reached us yet.
     */
    knownAnywhere: string[];
    now: string;
  };
};

/**
 * The founding of a branch died between claiming its compounds and being founded (see
 * compound-coverage.ts): it is called off, so that its lapsed claims may be taken over.
 */
export type AbandonFounding = {
  type: 'AbandonFounding';
  data: { organizationId: string; now: string };
};

export const SEATS = ['secretary', 'deputy-secretary', 'committee-member'] as const;
/** 书记 / 副书记 / 委员 of an organization's committee. */
export type SeatKind = (typeof SEATS)[number];

export const HOLDS = ['owners-committee-chair', 'property-manager', 'community-police'] as const;
/**
 * 交叉任职: the other post the person holds, for which they sit on the branch committee (the
 * owners' committee chair, the property manager, the community police officer).
 */
export type Holds = (typeof HOLDS)[number];

/** What the directory knows of an id a seat names, loaded by the handler. */
export type PersonLookup =
  | { id: string; known: false }
  | {
      id: string;
      known: true;
      communityId: string;
      /** A member's organization, and the branch it answers to; null for a resident. */
      organizationId: string | null;
      branchId: string | null;
    };

export type FillSeat = {
  type: 'FillSeat';
  data: {
    organizationId: string;
    seatId: string;
    personName: string;
    /** The Party member this person is, as the member's stream has it; null when none is named. */
    member: PersonLookup | null;
    /** The resident this person is, as the directory has it; null when none is named. */
    resident: PersonLookup | null;
    seat: SeatKind;
    holds: Holds | null;
    now: string;
  };
};

export type VacateSeat = {
  type: 'VacateSeat';
  data: { organizationId: string; seatId: string; now: string };
};

export type OrganizationCommand = FoundOrganization | AbandonFounding | FillSeat | VacateSeat;

export type OrganizationFounded = {
  type: 'OrganizationFounded';
  data: {
    organizationId: string;
    kind: OrganizationKind;
    name: string;
    communityId: string;
    parentId: string | null;
    compoundIds: string[];
    buildingIds: string[];
    /** The property company of a company branch; null for the others. */
    companyId: string | null;
    foundedAt: string;
  };
};

export type FoundingAbandoned = {
  type: 'FoundingAbandoned';
  data: { organizationId: string; abandonedAt: string };
};

/** The person's name stays in this stream; the published contract carries their ids only. */
export type SeatFilled = {
  type: 'SeatFilled';
  data: {
    organizationId: string;
    /** Of the organization when the seat was filled: what the published fact carries. */
    organizationKind: Exclude<OrganizationKind, 'group'>;
    communityId: string;
    compoundIds: string[];
    seatId: string;
    personName: string;
    memberId: string | null;
    residentId: string | null;
    seat: SeatKind;
    holds: Holds | null;
    filledAt: string;
  };
};

export type SeatVacated = {
  type: 'SeatVacated';
  data: { organizationId: string; communityId: string; seatId: string; vacatedAt: string };
};

export type OrganizationEvent = OrganizationFounded | FoundingAbandoned | SeatFilled | SeatVacated;

export type CommitteeSeat = Omit<
  SeatFilled['data'],
  'organizationId' | 'organizationKind' | 'communityId' | 'compoundIds'
>;

export type Organization =
  /** `abandoned`: its founding was called off, and it can never be founded. */
  | { status: 'absent'; abandoned?: boolean }
  | {
      status: 'founded';
      organizationId: string;
      kind: OrganizationKind;
      name: string;
      communityId: string;
      parentId: string | null;
      compoundIds: string[];
      buildingIds: string[];
      companyId: string | null;
      foundedAt: string;
      /** The seats of its committee now filled. */
      seats: readonly CommitteeSeat[];
    };

export const initialState = (): Organization => ({ status: 'absent' });

export function decide(command: OrganizationCommand, state: Organization): OrganizationEvent[] {
  switch (command.type) {
    case 'FoundOrganization':
      return found(command.data, state);
    case 'FillSeat':
      return fillSeat(command.data, state);
    case 'VacateSeat': {
      const { organizationId, seatId, now } = command.data;
      const organization = founded(state, organizationId);
      if (!organization.seats.some((s) => s.seatId === seatId)) {
        throw new NotFound('seat', seatId, { entity: 'organization', id: organizationId });
      }
      const { communityId } = organization;
      return [{ type: 'SeatVacated', data: { organizationId, communityId, seatId, vacatedAt: now } }];
    }
    case 'AbandonFounding':
      // Only a founding that never happened can be called off; calling it off twice is a retry.
      if (state.status !== 'absent' || state.abandoned) return [];
      return [
        {
          type: 'FoundingAbandoned',
          data: { organizationId: command.data.organizationId, abandonedAt: command.data.now },
        },
      ];
    default:
      return assertNever(command);
  }
}

export function evolve(state: Organization, event: OrganizationEvent): Organization {
  switch (event.type) {
    case 'OrganizationFounded':
      return { status: 'founded', ...event.data, seats: [] };
    case 'FoundingAbandoned':
      return { status: 'absent', abandoned: true };
    case 'SeatFilled': {
      if (state.status !== 'founded') return state;
      const { seatId, personName, memberId, residentId, seat, holds, filledAt } = event.data;
      return {
        ...state,
        seats: [...state.seats, { seatId, personName, memberId, residentId, seat, holds, filledAt }],
      };
    }
    case 'SeatVacated':
      if (state.status !== 'founded') return state;
      return { ...state, seats: state.seats.filter((s) => s.seatId !== event.data.seatId) };
    default:
      return assertNever(event);
  }
}

export const organizationDecider: Decider<OrganizationCommand, Organization, OrganizationEvent> = {
  initialState,
  decide,
  evolve,
};

/** Whether the organization was founded, is not (yet), or can never be: what a claim on a compound rests on. */
export function foundingStatus(state: Organization): 'founded' | 'absent' | 'abandoned' {
  if (state.status === 'founded') return 'founded';
  return state.abandoned ? 'abandoned' : 'absent';
}

/** Only branches cover compounds: the committee leads them all, a group holds buildings. */
export function covers(state: Organization, compoundId: string): boolean {
  return state.status === 'founded' && state.kind === 'branch' && state.compoundIds.includes(compoundId);
}

/** The branch a member of this organization answers to for reviewing and taking orders. */
export function branchIdOf(state: Organization): string | null {
  if (state.status === 'absent') return null;
  switch (state.kind) {
    case 'community-committee':
      return null;
    case 'branch':
      return state.organizationId;
    case 'group':
      return state.parentId;
    case 'company-branch':
      // It answers for its company, not for the community's orders.
      return null;
    default:
      return assertNever(state.kind);
  }
}

export function summarize(organizationId: string, state: Organization): OrganizationSummary {
  if (state.status === 'absent') return { exists: false, organizationId };
  const { kind, communityId, parentId, compoundIds, buildingIds } = state;
  return { exists: true, organizationId, kind, communityId, parentId, compoundIds, buildingIds };
}

type FoundData = FoundOrganization['data'];
type Founded = Extract<Organization, { status: 'founded' }>;

function founded(state: Organization, organizationId: string): Founded {
  if (state.status !== 'founded') throw new NotFound('organization', organizationId);
  return state;
}

/**
 * A seat on the committee of a community committee, branch or company branch (a group has a
 * leader, not a committee). The person is recognised across contexts by their ids, never by name:
 * a Party member of this organization, a resident of its community.
 */
function fillSeat(d: FillSeat['data'], state: Organization): OrganizationEvent[] {
  const organization = founded(state, d.organizationId);
  // A retry of the same request derives the same seat: it is already filled.
  if (organization.seats.some((s) => s.seatId === d.seatId)) return [];
  const { kind } = organization;
  if (kind === 'group') {
    throw new WrongKind('organization with a committee', organization.organizationId, kind);
  }
  if (d.personName.trim() === '') throw new InvalidInput('a seat needs the name of the person in it');
  const memberId = d.member ? checkSeatMember(d.member, organization) : null;
  const residentId = d.resident ? checkSeatResident(d.resident, organization) : null;
  const samePerson = (s: CommitteeSeat) =>
    (memberId !== null && s.memberId === memberId) || (residentId !== null && s.residentId === residentId);
  const sitting = organization.seats.find(samePerson);
  if (sitting) {
    throw new RuleViolation(`this person already sits on the committee in seat ${sitting.seatId}`, {
      seatId: sitting.seatId,
    });
  }
  const secretary = organization.seats.find((s) => s.seat === 'secretary');
  if (d.seat === 'secretary' && secretary) {
    throw new RuleViolation('one secretary at a time: vacate the secretary’s seat first', {
      seatId: secretary.seatId,
    });
  }
  return [
    {
      type: 'SeatFilled',
      data: {
        organizationId: organization.organizationId,
        organizationKind: kind,
        communityId: organization.communityId,
        compoundIds: [...organization.compoundIds],
        seatId: d.seatId,
        personName: d.personName,
        memberId,
        residentId,
        seat: d.seat,
        holds: d.holds,
        filledAt: d.now,
      },
    },
  ];
}

function checkSeatMember(member: PersonLookup, organization: Founded): string {
  // The member's own stream answers, so an unknown member is nobody (404), not one on its way.
  if (!member.known) throw new NotFound('member', member.id);
  // A member of one of the branch's building groups is the branch's too.
  const { organizationId } = organization;
  if (member.organizationId !== organizationId && member.branchId !== organizationId) {
    throw new OutOfScope(
      'member',
      member.id,
      `member ${member.id} is not a member of organization ${organization.organizationId}`,
      { organizationId: member.organizationId, expectedOrganizationId: organization.organizationId },
    );
  }
  return member.id;
}

function checkSeatResident(resident: PersonLookup, organization: Founded): string {
  // Residents reach us from the residents' committee: one not heard of may be on its way.
  if (!resident.known) throw new NotYetKnown('resident', resident.id);
  if (resident.communityId !== organization.communityId) {
    throw new OutOfScope(
      'resident',
      resident.id,
      `resident ${resident.id} is not of community ${organization.communityId}`,
      { communityId: resident.communityId, expectedCommunityId: organization.communityId },
    );
  }
  return resident.id;
}
type ExistingOrganization = Extract<OrganizationSummary, { exists: true }>;

function found(command: FoundData, state: Organization): OrganizationEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(
      state.status,
      'found',
      `organization ${state.organizationId} was already founded`,
    );
  }
  if (state.abandoned) {
    throw new InvalidTransition(
      'abandoned',
      'found',
      `the founding of organization ${command.organizationId} was abandoned after its claim on a compound lapsed; found it again`,
    );
  }
  // The directory is a replica of the residents' committee's: what it lacks may be on its way.
  if (!command.communityKnown) throw new NotYetKnown('community', command.communityId);
  if (command.name.trim() === '') throw new InvalidInput('an organization needs a name');
  const parent = checkParent(command);
  checkCoverage(command, parent);
  checkCompany(command);
  return [
    {
      type: 'OrganizationFounded',
      data: {
        organizationId: command.organizationId,
        kind: command.kind,
        name: command.name,
        communityId: command.communityId,
        parentId: parent?.organizationId ?? null,
        compoundIds: command.compoundIds,
        buildingIds: command.buildingIds,
        companyId: command.companyId,
        foundedAt: command.now,
      },
    },
  ];
}

const PARENT_KIND: Record<OrganizationKind, OrganizationKind | null> = {
  'community-committee': null,
  branch: 'community-committee',
  group: 'branch',
  'company-branch': 'community-committee',
};

/** A company branch names its company, which must have reached us; nothing else names one. */
function checkCompany({ kind, companyId, companyKnown }: FoundData): void {
  if (kind !== 'company-branch') {
    if (companyId !== null) throw new InvalidInput(`a ${kind} belongs to no company; a company-branch does`);
    return;
  }
  if (companyId === null)
    throw new InvalidInput('a company-branch needs the companyId of its property company');
  if (!companyKnown) throw new NotYetKnown('property company', companyId);
}

function checkParent({ kind, parent, communityId }: FoundData): ExistingOrganization | null {
  const expected = PARENT_KIND[kind];
  if (expected === null) {
    if (parent !== null) throw new InvalidInput('a community committee has no parent organization');
    return null;
  }
  if (parent === null) throw new InvalidInput(`a ${kind} needs a parent ${expected}`);
  if (!parent.exists) throw new NotFound('organization', parent.organizationId);
  if (parent.kind !== expected) throw new WrongKind(expected, parent.organizationId, parent.kind);
  if (parent.communityId !== communityId) {
    throw new OutOfScope(
      'organization',
      parent.organizationId,
      `parent ${parent.organizationId} belongs to community ${parent.communityId}, not ${communityId}`,
      { communityId: parent.communityId, expectedCommunityId: communityId },
    );
  }
  return parent;
}

function checkCoverage(command: FoundData, parent: ExistingOrganization | null): void {
  const { kind, compoundIds, buildingIds } = command;
  // Coverage sits at exactly one level so that one branch answers for each compound's orders.
  if (kind !== 'branch' && compoundIds.length > 0) {
    throw new InvalidInput(`a ${kind} covers no compounds; a branch does`);
  }
  if (kind !== 'group' && buildingIds.length > 0) {
    throw new InvalidInput(`a ${kind} covers no buildings; a group does`);
  }
  if (kind === 'branch') checkBranchCompounds(command);
  if (kind === 'group' && parent !== null) checkGroupBuildings(command, parent);
}

function checkBranchCompounds({
  compoundIds,
  compoundsInCommunity,
  communityId,
  knownAnywhere,
}: FoundData): void {
  if (compoundIds.length === 0) throw new InvalidInput('a branch covers at least one compound');
  rejectDuplicates('compoundIds', compoundIds);
  rejectNotYetKnown('compound', compoundIds, knownAnywhere);
  const elsewhere = compoundIds.filter((id) => !compoundsInCommunity.includes(id));
  if (elsewhere.length > 0) {
    throw new OutOfScope(
      'compound',
      elsewhere[0]!,
      `compounds not in community ${communityId}: ${elsewhere.join(', ')}`,
      { compoundIds: elsewhere, expectedCommunityId: communityId },
    );
  }
}

function checkGroupBuildings(
  { buildingIds, buildingsByCompound, knownAnywhere }: FoundData,
  branch: ExistingOrganization,
): void {
  if (buildingIds.length === 0) throw new InvalidInput('a group covers at least one building');
  rejectDuplicates('buildingIds', buildingIds);
  rejectNotYetKnown('building', buildingIds, knownAnywhere);
  const outside = buildingIds.filter(
    (buildingId) => !branch.compoundIds.some((c) => (buildingsByCompound[c] ?? []).includes(buildingId)),
  );
  if (outside.length > 0) {
    throw new OutOfScope(
      'building',
      outside[0]!,
      `buildings not in a compound covered by branch ${branch.organizationId}: ${outside.join(', ')}`,
      { buildingIds: outside, branchId: branch.organizationId },
    );
  }
}

function rejectDuplicates(field: string, ids: string[]): void {
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (duplicates.length > 0) {
    throw new InvalidInput(`${field} lists ${duplicates.join(', ')} more than once`, { [field]: duplicates });
  }
}

/** Names every id the directory has not received yet; the details carry the first. */
function rejectNotYetKnown(entity: 'compound' | 'building', ids: string[], knownAnywhere: string[]): void {
  const missing = ids.filter((id) => !knownAnywhere.includes(id));
  if (missing.length === 0) return;
  throw new NotYetKnown(
    entity,
    missing[0]!,
    `${entity}${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not known to the Party organization yet; try again shortly`,
  );
}

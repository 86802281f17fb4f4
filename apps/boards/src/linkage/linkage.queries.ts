import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { In, IsNull, Not } from 'typeorm';
import { JOINT_MEETING_PARTIES, WORKER_ROLES } from '@cogov/contracts';
import { CLOCK, type Clock, NotFound } from '@cogov/decider';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { BuildingPlace, CommunityPlace, CompoundPlace, StreetPlace } from '../places/places.entities';
import {
  type Settlement,
  type OpenByParty,
  type RedPropertyStatus,
  addSettlements,
  noOrders,
  redPropertyStatus,
} from './domain/linkage-figures';
import {
  type CoveringSeat,
  type Holds,
  type LinkageFacts,
  type SeatKind,
  judgeLinkage,
} from './domain/linkage-judge';
import { type BoardScope, type CompoundFigures, compoundFigures } from './linkage.figures.sql';
import {
  BuildingLeaderPost,
  CommitteeWorker,
  CompanyEntry,
  GridEntry,
  GridPostEntry,
  JointMeetingTaskEntry,
  OrganizationCompound,
  OwnersCommitteeEntry,
  OwnersCommitteeMember,
  PartyOrganizationEntry,
  RedPropertyRuleEntry,
  SeatEntry,
  ServiceContractEntry,
} from './linkage.entities';

/** The compliance counts a community or street board rolls its compounds up into. */
export interface ComplianceCounts {
  compounds: number;
  compoundsWithBranch: number;
  committees: number;
  committeesMeetingPartyShare: number;
  companies: number;
  companiesMeetingRedProperty: number;
  buildings: number;
  buildingsWithLeader: number;
}

export interface OrderFigures {
  open: number;
  overdue: number;
  openByParty: OpenByParty;
  settlement: Settlement;
}

export interface TaskFigures {
  open: number;
  overdue: number;
}

/** The UTC day of the injected clock (ADR 26: "today" is the UTC day). */
const dayOf = (clock: Clock) => clock.now().toISOString().slice(0, 10);

function rollUp(compounds: readonly CompoundFigures[]): {
  compliance: ComplianceCounts;
  orders: OrderFigures;
  jointMeetingTasks: TaskFigures;
} {
  // A company serving several compounds is counted once: the rules are the company's.
  const companies = new Map<string, RedPropertyStatus>();
  for (const k of compounds) {
    if (k.propertyCompany) companies.set(k.propertyCompany.companyId, k.propertyCompany.redProperty);
  }
  const sum = (f: (k: CompoundFigures) => number) => compounds.reduce((n, k) => n + f(k), 0);
  const byParty = noOrders();
  for (const k of compounds) {
    for (const party of Object.keys(byParty) as Array<keyof OpenByParty>)
      byParty[party] += k.orders.openByParty[party];
  }
  return {
    compliance: {
      compounds: compounds.length,
      compoundsWithBranch: sum((k) => (k.branch ? 1 : 0)),
      committees: sum((k) => (k.ownersCommittee ? 1 : 0)),
      committeesMeetingPartyShare: sum((k) => (k.ownersCommittee?.partyShare === 'compliant' ? 1 : 0)),
      companies: companies.size,
      companiesMeetingRedProperty: [...companies.values()].filter((s) => s === 'met').length,
      buildings: sum((k) => k.buildings),
      buildingsWithLeader: sum((k) => k.buildingsWithLeader),
    },
    orders: {
      open: sum((k) => k.orders.open),
      overdue: sum((k) => k.orders.overdue),
      openByParty: byParty,
      settlement: addSettlements(compounds.map((k) => k.orders.settlement)),
    },
    jointMeetingTasks: {
      open: sum((k) => k.jointMeetingTasks.open),
      overdue: sum((k) => k.jointMeetingTasks.overdue),
    },
  };
}

// ---- the compound -------------------------------------------------------------------------------

export interface CompoundLinkage {
  compound: { compoundId: string; name: string; communityId: string; streetId: string | null };
  parties: {
    partyOrganization: {
      branch: { organizationId: string; name: string | null } | null;
      secretary: SeatHolder | null;
      seats: SeatHolder[];
    };
    residentsCommittee: {
      workers: Array<{ workerId: string; role: string; appointedAt: string }>;
      gridPosts: Array<{
        gridId: string;
        gridName: string;
        level: string;
        postId: string;
        post: string;
        holderKind: string;
        holderId: string;
        filledAt: string | null;
      }>;
    };
    ownersCommittee: {
      committeeId: string;
      termStart: string | null;
      termEnd: string | null;
      chair: {
        memberId: string;
        residentId: string | null;
        partyMemberId: string | null;
        seatedAt: string | null;
      } | null;
      members: number;
      partyMembers: number;
      partyShare: {
        status: 'compliant' | 'non-compliant';
        minimumPartySharePercent: number | null;
        since: string | null;
      };
    } | null;
    propertyCompany: {
      companyId: string;
      name: string | null;
      contractId: string;
      startsOn: string;
      endsOn: string;
      partyOrganizationId: string | null;
      redProperty: {
        status: RedPropertyStatus;
        rules: Array<{ rule: string; status: string; since: string }>;
      };
      /** The property manager known to the linkage: the seat holding `property-manager` on the branch. */
      manager: LinkageFacts['crossAppointment']['propertyManager'];
    } | null;
    buildingLeaders: {
      buildings: Array<{ buildingId: string; name: string; number: string; leaderIds: string[] }>;
      withoutLeader: string[];
    };
    serviceStation: { staff: Array<{ workerId: string; appointedAt: string }> };
  };
  linkage: LinkageFacts;
  compliance: {
    hasBranch: boolean;
    partyShareMet: boolean | null;
    redPropertyMet: boolean | null;
    buildings: number;
    buildingsWithLeader: number;
  };
  orders: OrderFigures;
  jointMeetingTasks: TaskFigures & { openByParty: Record<string, number> };
}

export interface SeatHolder {
  seatId: string;
  seat: string | null;
  holds: string | null;
  memberId: string | null;
  residentId: string | null;
  filledAt: string | null;
}

export class GetCompoundLinkageQuery extends Query<CompoundLinkage> {
  constructor(readonly compoundId: string) {
    super();
  }
}

/** 六方联动 of one compound: who holds each post of the six parties, and how they work together. */
@QueryHandler(GetCompoundLinkageQuery)
export class GetCompoundLinkageHandler implements IQueryHandler<GetCompoundLinkageQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ compoundId }: GetCompoundLinkageQuery): Promise<CompoundLinkage> {
    const read = this.db.readSource;
    const compound = await read.getRepository(CompoundPlace).findOneBy({ compoundId });
    if (!compound) throw new NotFound('compound', compoundId);
    const today = dayOf(this.clock);
    const { communityId } = compound;
    const [community, [figures], covering, workers, grids, buildings, leaders, openTasks] = await Promise.all(
      [
        read.getRepository(CommunityPlace).findOneBy({ communityId }),
        compoundFigures(this.db, { level: 'compound', id: compoundId }, today),
        read.getRepository(OrganizationCompound).findBy({ compoundId, kind: 'branch' }),
        read.getRepository(CommitteeWorker).find({ where: { communityId }, order: { appointedAt: 'ASC' } }),
        read.getRepository(GridEntry).findBy({ communityId }),
        read.getRepository(BuildingPlace).find({ where: { compoundId }, order: { number: 'ASC' } }),
        read.getRepository(BuildingLeaderPost).findBy({ compoundId }),
        read.getRepository(JointMeetingTaskEntry).findBy({ compoundId, doneAt: IsNull() }),
      ],
    );
    if (!figures) throw new NotFound('compound', compoundId);

    const branchIds = covering.map((c) => c.organizationId);
    const seats = branchIds.length
      ? await read
          .getRepository(SeatEntry)
          .find({ where: { organizationId: In(branchIds), filledAt: Not(IsNull()) } })
      : [];
    const coveringSeats: CoveringSeat[] = seats.map((s) => ({
      seatId: s.seatId,
      branchId: s.organizationId,
      seat: s.seat as SeatKind,
      holds: s.holds as Holds | null,
      memberId: s.memberId,
      residentId: s.residentId,
      filledAt: s.filledAt!,
      vacatedAt: s.vacatedAt,
    }));

    const committee = figures.ownersCommittee
      ? await read
          .getRepository(OwnersCommitteeEntry)
          .findOneBy({ committeeId: figures.ownersCommittee.committeeId })
      : null;
    const members = committee
      ? await read.getRepository(OwnersCommitteeMember).findBy({
          committeeId: committee.committeeId,
          leftAt: IsNull(),
          seatedAt: Not(IsNull()),
        })
      : [];
    const chair = members.find((m) => m.role === 'chair') ?? null;
    const linkage = judgeLinkage(
      chair
        ? { residentId: chair.residentId!, partyMemberId: chair.partyMemberId, seatedAt: chair.seatedAt! }
        : null,
      coveringSeats,
    );

    const company = figures.propertyCompany
      ? await this.company(figures.propertyCompany.companyId, compoundId, today)
      : null;

    const gridsHere = grids.filter((g) => g.compoundIds.includes(compoundId));
    const posts = gridsHere.length
      ? await read.getRepository(GridPostEntry).find({
          where: { gridId: In(gridsHere.map((g) => g.gridId)), vacatedAt: IsNull(), filledAt: Not(IsNull()) },
          order: { filledAt: 'ASC' },
        })
      : [];
    const gridById = new Map(gridsHere.map((g) => [g.gridId, g]));
    const branch = figures.branch;
    const current = seats
      .filter((s) => s.vacatedAt === null && branch !== null && s.organizationId === branch.organizationId)
      .map(seatHolder);
    const leadersOf = (buildingId: string) =>
      leaders
        .filter((l) => l.buildingId === buildingId)
        .map((l) => l.leaderId)
        .sort();
    const tasksByParty = countsOf(
      JOINT_MEETING_PARTIES,
      openTasks.map((task) => task.party),
    );

    return {
      compound: { compoundId, name: compound.name, communityId, streetId: community?.streetId ?? null },
      parties: {
        partyOrganization: {
          branch,
          secretary: current.find((s) => s.seat === 'secretary') ?? null,
          seats: current,
        },
        residentsCommittee: {
          workers: workers
            .filter((w) => w.role !== 'service-station')
            .map((w) => ({ workerId: w.workerId, role: w.role, appointedAt: w.appointedAt })),
          gridPosts: posts.map((p) => ({
            gridId: p.gridId,
            gridName: gridById.get(p.gridId)!.name,
            level: gridById.get(p.gridId)!.level,
            postId: p.postId,
            post: p.post,
            holderKind: p.holderKind,
            holderId: p.holderId,
            filledAt: p.filledAt,
          })),
        },
        ownersCommittee: committee
          ? {
              committeeId: committee.committeeId,
              termStart: committee.termStart,
              termEnd: committee.termEnd,
              chair: chair
                ? {
                    memberId: chair.memberId,
                    residentId: chair.residentId,
                    partyMemberId: chair.partyMemberId,
                    seatedAt: chair.seatedAt,
                  }
                : null,
              members: members.length,
              partyMembers: members.filter((m) => m.partyMemberId !== null).length,
              partyShare: {
                status: figures.ownersCommittee!.partyShare,
                minimumPartySharePercent: committee.minimumPartySharePercent,
                since: committee.partyShareSince,
              },
            }
          : null,
        propertyCompany: company ? { ...company, manager: linkage.crossAppointment.propertyManager } : null,
        buildingLeaders: {
          buildings: buildings.map((b) => ({
            buildingId: b.buildingId,
            name: b.name,
            number: b.number,
            leaderIds: leadersOf(b.buildingId),
          })),
          withoutLeader: buildings
            .filter((b) => leadersOf(b.buildingId).length === 0)
            .map((b) => b.buildingId),
        },
        serviceStation: {
          staff: workers
            .filter((w) => w.role === 'service-station')
            .map((w) => ({ workerId: w.workerId, appointedAt: w.appointedAt })),
        },
      },
      linkage,
      compliance: {
        hasBranch: branch !== null,
        partyShareMet: figures.ownersCommittee ? figures.ownersCommittee.partyShare === 'compliant' : null,
        redPropertyMet:
          figures.propertyCompany && figures.propertyCompany.redProperty !== 'unknown'
            ? figures.propertyCompany.redProperty === 'met'
            : null,
        buildings: figures.buildings,
        buildingsWithLeader: figures.buildingsWithLeader,
      },
      orders: figures.orders,
      jointMeetingTasks: { ...figures.jointMeetingTasks, openByParty: tasksByParty },
    };
  }

  /** The company serving the compound today, its name, rules and own Party organization. */
  private async company(companyId: string, compoundId: string, today: string) {
    const read = this.db.readSource;
    const [entry, contracts, rules, branch] = await Promise.all([
      read.getRepository(CompanyEntry).findOneBy({ companyId }),
      read
        .getRepository(ServiceContractEntry)
        .find({ where: { companyId, compoundId }, order: { startsOn: 'DESC' } }),
      read.getRepository(RedPropertyRuleEntry).find({ where: { companyId }, order: { rule: 'ASC' } }),
      read.getRepository(PartyOrganizationEntry).findOneBy({ companyId, kind: 'company-branch' }),
    ]);
    const contract = contracts.find((c) => c.startsOn <= today && c.endsOn >= today)!;
    return {
      companyId,
      name: entry?.name ?? null,
      contractId: contract.contractId,
      startsOn: contract.startsOn,
      endsOn: contract.endsOn,
      partyOrganizationId: branch?.organizationId ?? null,
      redProperty: {
        status: redPropertyStatus(rules),
        rules: rules.map((r) => ({ rule: r.rule, status: r.status, since: r.since })),
      },
    };
  }
}

/** How many of each key, every key listed (a board shows a zero, not a gap). */
function countsOf(keys: readonly string[], values: ReadonlyArray<string | null>): Record<string, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
  for (const v of values) if (v !== null) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

function seatHolder(s: SeatEntry): SeatHolder {
  return {
    seatId: s.seatId,
    seat: s.seat,
    holds: s.holds,
    memberId: s.memberId,
    residentId: s.residentId,
    filledAt: s.filledAt,
  };
}

// ---- the community and the street -------------------------------------------------------------

export interface CommunityLinkage {
  community: { communityId: string; name: string; streetId: string | null };
  /** The community Party committee (社区"大党委") and its secretary, which lead the branches. */
  partyCommittee: { organizationId: string; name: string | null; secretary: SeatHolder | null } | null;
  /** The residents' committee's workers and the service station's staff, by post. */
  workers: Record<string, number>;
  compliance: ComplianceCounts;
  orders: OrderFigures;
  jointMeetingTasks: TaskFigures;
  compounds: CompoundFigures[];
}

export class GetCommunityLinkageQuery extends Query<CommunityLinkage> {
  constructor(readonly communityId: string) {
    super();
  }
}

/** A community's compounds side by side, and rolled up into its compliance counts. */
@QueryHandler(GetCommunityLinkageQuery)
export class GetCommunityLinkageHandler implements IQueryHandler<GetCommunityLinkageQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ communityId }: GetCommunityLinkageQuery): Promise<CommunityLinkage> {
    const read = this.db.readSource;
    const community = await read.getRepository(CommunityPlace).findOneBy({ communityId });
    if (!community) throw new NotFound('community', communityId);
    const [compounds, workers, committee] = await Promise.all([
      compoundFigures(this.db, { level: 'community', id: communityId }, dayOf(this.clock)),
      read.getRepository(CommitteeWorker).findBy({ communityId }),
      read.getRepository(PartyOrganizationEntry).findOneBy({ communityId, kind: 'community-committee' }),
    ]);
    const secretary = committee
      ? await read.getRepository(SeatEntry).findOneBy({
          organizationId: committee.organizationId,
          seat: 'secretary',
          filledAt: Not(IsNull()),
          vacatedAt: IsNull(),
        })
      : null;
    const byRole = countsOf(
      WORKER_ROLES,
      workers.map((w) => w.role),
    );
    return {
      community: { communityId, name: community.name, streetId: community.streetId },
      partyCommittee: committee
        ? {
            organizationId: committee.organizationId,
            name: committee.name,
            secretary: secretary ? seatHolder(secretary) : null,
          }
        : null,
      workers: byRole,
      ...rollUp(compounds),
      compounds,
    };
  }
}

export interface StreetLinkage {
  street: { streetId: string; name: string };
  compliance: ComplianceCounts;
  orders: OrderFigures;
  jointMeetingTasks: TaskFigures;
  communities: Array<{
    communityId: string;
    name: string;
    compliance: ComplianceCounts;
    orders: OrderFigures;
    jointMeetingTasks: TaskFigures;
  }>;
}

export class GetStreetLinkageQuery extends Query<StreetLinkage> {
  constructor(readonly streetId: string) {
    super();
  }
}

/** A street's communities side by side, each rolled up from its compounds, and the street's total. */
@QueryHandler(GetStreetLinkageQuery)
export class GetStreetLinkageHandler implements IQueryHandler<GetStreetLinkageQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ streetId }: GetStreetLinkageQuery): Promise<StreetLinkage> {
    const read = this.db.readSource;
    const street = await read.getRepository(StreetPlace).findOneBy({ streetId });
    if (!street) throw new NotFound('street', streetId);
    const scope: BoardScope = { level: 'street', id: streetId };
    const [compounds, communities] = await Promise.all([
      compoundFigures(this.db, scope, dayOf(this.clock)),
      read
        .getRepository(CommunityPlace)
        .find({ where: { streetId }, order: { name: 'ASC', communityId: 'ASC' } }),
    ]);
    return {
      street: { streetId, name: street.name },
      ...rollUp(compounds),
      communities: communities.map((m) => ({
        communityId: m.communityId,
        name: m.name,
        ...rollUp(compounds.filter((k) => k.communityId === m.communityId)),
      })),
    };
  }
}

export const linkageQueryHandlers = [
  GetCompoundLinkageHandler,
  GetCommunityLinkageHandler,
  GetStreetLinkageHandler,
];

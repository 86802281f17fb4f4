import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { In } from 'typeorm';
import { InjectRepository } from '@cogov/context-kit';
import { CLOCK, type Clock, NotFound } from '@cogov/decider';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { DUTY_ITEMS, type DutyItem, summarizeDuties, yearInChina } from '../domain/member-duties';
import { organizationAggregate, type OrganizationRepository } from '../infrastructure/aggregates';
import { MemberDutyView, MemberView } from '../infrastructure/members/member.entities';

/** What shows an item done: a recorded item, or the confirmed volunteer activity it came from. */
export interface DutyEvidence {
  dutyId: string;
  date: string;
  source: string;
  note: string | null;
  residentId: string | null;
  activityId: string | null;
  activityTitle: string | null;
  hours: number | null;
}

export interface MemberDutiesOfYear {
  memberId: string;
  year: number;
  /** All five items done. */
  complete: boolean;
  items: Array<{ item: DutyItem; done: boolean; evidence: DutyEvidence[] }>;
}

/** The members a board reads at most. */
const MAX_MEMBERS = 5000;

const evidenceOf = (d: MemberDutyView): DutyEvidence => ({
  dutyId: d.dutyId,
  date: d.date,
  source: d.source,
  note: d.note,
  residentId: d.residentId,
  activityId: d.activityId,
  activityTitle: d.activityTitle,
  hours: d.hours,
});

function ofYear(memberId: string, year: number, rows: readonly MemberDutyView[]): MemberDutiesOfYear {
  const byId = new Map(rows.map((r) => [r.dutyId, r]));
  const items = summarizeDuties(rows).map(({ item, done, dutyIds }) => ({
    item,
    done,
    evidence: dutyIds.map((id) => evidenceOf(byId.get(id)!)),
  }));
  return { memberId, year, complete: items.every((i) => i.done), items };
}

async function dutiesOf(db: SqlDatabase, memberIds: readonly string[], year: number) {
  if (memberIds.length === 0) return new Map<string, MemberDutyView[]>();
  const rows = await db.readSource.getRepository(MemberDutyView).find({
    where: { memberId: In([...memberIds]), year },
    order: { date: 'ASC', dutyId: 'ASC' },
  });
  const byMember = new Map<string, MemberDutyView[]>();
  for (const row of rows) byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), row]);
  return byMember;
}

const yearOr = (year: number | null, clock: Clock) => year ?? yearInChina(clock.now());

export class GetMemberDutiesQuery extends Query<MemberDutiesOfYear> {
  constructor(
    readonly memberId: string,
    readonly year: number | null,
  ) {
    super();
  }
}

/** A member's "4+1" of a year (China's; this year by default): each item done or missing. */
@QueryHandler(GetMemberDutiesQuery)
export class GetMemberDutiesHandler implements IQueryHandler<GetMemberDutiesQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ memberId, year }: GetMemberDutiesQuery): Promise<MemberDutiesOfYear> {
    // The route's scope has read the member's stream: a member that does not exist answered 404.
    const y = yearOr(year, this.clock);
    return ofYear(memberId, y, (await dutiesOf(this.db, [memberId], y)).get(memberId) ?? []);
  }
}

export interface OrganizationDutiesBoard {
  organizationId: string;
  year: number;
  members: number;
  /** Members with all five items done. */
  complete: number;
  /** `complete ÷ members`; null for an organization without members. */
  completionRate: number | null;
  items: Array<{ item: DutyItem; done: number; missing: Array<{ memberId: string; name: string }> }>;
}

export class GetOrganizationDutiesQuery extends Query<OrganizationDutiesBoard> {
  constructor(
    readonly organizationId: string,
    readonly year: number | null,
  ) {
    super();
  }
}

/** The branch's board: how many of its members did all five, and who is missing each item. */
@QueryHandler(GetOrganizationDutiesQuery)
export class GetOrganizationDutiesHandler implements IQueryHandler<GetOrganizationDutiesQuery> {
  constructor(
    @InjectRepository(organizationAggregate) private readonly organizations: OrganizationRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ organizationId, year }: GetOrganizationDutiesQuery): Promise<OrganizationDutiesBoard> {
    const { state } = await this.organizations.load(organizationId);
    if (state.status === 'absent') throw new NotFound('organization', organizationId);
    const y = yearOr(year, this.clock);
    // A branch's members and those of its groups; a group's or a committee's own.
    const members = await this.db.readSource.getRepository(MemberView).find({
      where: [{ organizationId }, { branchId: organizationId }],
      order: { name: 'ASC', memberId: 'ASC' },
      take: MAX_MEMBERS,
    });
    const duties = await dutiesOf(
      this.db,
      members.map((m) => m.memberId),
      y,
    );
    const done = new Map(
      members.map((m) => [m.memberId, new Set((duties.get(m.memberId) ?? []).map((d) => d.item))]),
    );
    const complete = members.filter((m) => DUTY_ITEMS.every((i) => done.get(m.memberId)!.has(i))).length;
    return {
      organizationId,
      year: y,
      members: members.length,
      complete,
      completionRate: members.length === 0 ? null : complete / members.length,
      items: DUTY_ITEMS.map((item) => {
        const missing = members.filter((m) => !done.get(m.memberId)!.has(item));
        return {
          item,
          done: members.length - missing.length,
          missing: missing.map((m) => ({ memberId: m.memberId, name: m.name })),
        };
      }),
    };
  }
}

export interface ReportedInMember {
  memberId: string;
  name: string;
  /** The community the member is registered in. */
  registeredCommunityId: string;
  status: 'pending' | 'confirmed';
  workUnit: string;
  workUnitOrganization: string;
  address: string;
  reportedInAt: string;
  confirmedAt: string | null;
  duties: MemberDutiesOfYear;
}

export class GetReportedInMembersQuery extends Query<{
  communityId: string;
  year: number;
  members: ReportedInMember[];
}> {
  constructor(
    readonly communityId: string,
    readonly year: number | null,
  ) {
    super();
  }
}

/** 双报到: the members who reported in to the community (pending or confirmed), with their "4+1". */
@QueryHandler(GetReportedInMembersQuery)
export class GetReportedInMembersHandler implements IQueryHandler<GetReportedInMembersQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ communityId, year }: GetReportedInMembersQuery) {
    const y = yearOr(year, this.clock);
    const members = await this.db.readSource.getRepository(MemberView).find({
      where: { reportInCommunityId: communityId, reportInStatus: In(['pending', 'confirmed']) },
      order: { name: 'ASC', memberId: 'ASC' },
      take: MAX_MEMBERS,
    });
    const duties = await dutiesOf(
      this.db,
      members.map((m) => m.memberId),
      y,
    );
    return {
      communityId,
      year: y,
      members: members.map((m): ReportedInMember => ({
        memberId: m.memberId,
        name: m.name,
        registeredCommunityId: m.communityId,
        status: m.reportInStatus as 'pending' | 'confirmed',
        workUnit: m.workUnit!,
        workUnitOrganization: m.workUnitOrganization!,
        address: m.address!,
        reportedInAt: m.reportedInAt!,
        confirmedAt: m.reportInStatus === 'confirmed' ? m.decidedAt : null,
        duties: ofYear(m.memberId, y, duties.get(m.memberId) ?? []),
      })),
    };
  }
}

import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  committeeFormedV1,
  companyBranchFoundedV1,
  companyRegisteredV1,
  contractRecordedV1,
  gridDefinedV1,
  type GridPostFilledV1,
  type GridPostVacatedV1,
  gridPostFilledV1,
  gridPostVacatedV1,
  jointMeetingTaskProgressedV1,
  jointMeetingTasksAssignedV1,
  leaderApprovedV1,
  memberLeftV1,
  memberSeatedV1,
  organizationFoundedV1,
  partyShareComplianceChangedV1,
  redPropertyRuleAssessedV1,
  seatFilledV1,
  seatVacatedV1,
  workerAppointedV1,
} from '@cogov/contracts';
import { consume, directoryOf } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
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

const companyBranches = directoryOf(PartyOrganizationEntry, 'organizationId', { name: 'CompanyBranch' });
const seats = directoryOf(SeatEntry, 'seatId');
const workers = directoryOf(CommitteeWorker, 'workerId');
const grids = directoryOf(GridEntry, 'gridId');
const gridPosts = directoryOf(GridPostEntry, 'postId');
const committees = directoryOf(OwnersCommitteeEntry, 'committeeId', { name: 'OwnersCommitteeFormed' });
const partyShares = directoryOf(OwnersCommitteeEntry, 'committeeId', { name: 'OwnersCommitteePartyShare' });
const committeeMembers = directoryOf(OwnersCommitteeMember, 'memberId');
const companies = directoryOf(CompanyEntry, 'companyId');
const contracts = directoryOf(ServiceContractEntry, 'contractId');
const redPropertyRules = directoryOf(RedPropertyRuleEntry, ['companyId', 'rule']);
const leaders = directoryOf(BuildingLeaderPost, ['leaderId', 'buildingId']);
const tasks = directoryOf(JointMeetingTaskEntry, 'taskId');

/** The post and its holder, which both a filling and a vacancy name. */
const gridPost = (d: GridPostFilledV1['data'] | GridPostVacatedV1['data']) => ({
  postId: d.postId,
  gridId: d.gridId,
  communityId: d.communityId,
  post: d.post,
  holderKind: d.holderKind,
  holderId: d.holderId,
});

/**
 * One `organization-founded` names the organization and the compounds it covers: two tables, so
 * one command writes both, in one transaction (a fact is one command of ours).
 */
export class RecordOrganizationCommand extends Command<void> {
  constructor(
    readonly organization: PartyOrganizationEntry,
    readonly compoundIds: readonly string[],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordOrganizationCommand)
export class RecordOrganizationHandler implements ICommandHandler<RecordOrganizationCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ organization, compoundIds }: RecordOrganizationCommand): Promise<void> {
    const covered = compoundIds.map((compoundId): OrganizationCompound => ({
      organizationId: organization.organizationId,
      compoundId,
      kind: organization.kind,
    }));
    // Upserts by their keys: a redelivered fact writes the same rows again.
    await this.db.transaction(async (m) => {
      await m.getRepository(PartyOrganizationEntry).upsert(organization, ['organizationId']);
      if (covered.length > 0) {
        await m.getRepository(OrganizationCompound).upsert(covered, ['organizationId', 'compoundId']);
      }
    });
  }
}

export const linkageHandlers = [
  RecordOrganizationHandler,
  companyBranches.Handler,
  seats.Handler,
  workers.Handler,
  grids.Handler,
  gridPosts.Handler,
  committees.Handler,
  partyShares.Handler,
  committeeMembers.Handler,
  companies.Handler,
  contracts.Handler,
  redPropertyRules.Handler,
  leaders.Handler,
  tasks.Handler,
];

/**
 * What the linkage views keep of the six parties' facts, each fact one command writing its own
 * columns, named field by field.
 */
export const linkageInbound = [
  // 社区党组织: the community's organizations, the company branches, and their committees' seats.
  consume(
    organizationFoundedV1,
    ({ data: d }, context) =>
      new RecordOrganizationCommand(
        {
          organizationId: d.organizationId,
          kind: d.kind,
          name: d.name,
          communityId: d.communityId,
          parentId: d.parentId,
          companyId: null,
        },
        d.compoundIds,
        context,
      ),
  ),
  consume(
    companyBranchFoundedV1,
    ({ data: d }, context) =>
      new companyBranches.Record(
        {
          organizationId: d.organizationId,
          kind: 'company-branch',
          name: null,
          communityId: d.communityId,
          parentId: d.parentId,
          companyId: d.companyId,
        },
        context,
      ),
  ),
  // A seat id is filled once: its filling leaves `vacatedAt` alone, so a late redelivery of the
  // filling cannot empty a vacancy.
  consume(
    seatFilledV1,
    ({ data: d }, context) =>
      new seats.Record(
        {
          seatId: d.seatId,
          organizationId: d.organizationId,
          communityId: d.communityId,
          organizationKind: d.organizationKind,
          seat: d.seat,
          holds: d.holds,
          memberId: d.memberId,
          residentId: d.residentId,
          filledAt: d.filledAt,
        } as SeatEntry,
        context,
      ),
  ),
  consume(
    seatVacatedV1,
    ({ data: d }, context) =>
      new seats.Record(
        {
          seatId: d.seatId,
          organizationId: d.organizationId,
          communityId: d.communityId,
          vacatedAt: d.vacatedAt,
        } as SeatEntry,
        context,
      ),
  ),
  // 居委会 and 社区服务站: the committee's workers, its grids and who holds their posts.
  consume(
    workerAppointedV1,
    ({ data: d }, context) =>
      new workers.Record(
        { workerId: d.workerId, communityId: d.communityId, role: d.role, appointedAt: d.appointedAt },
        context,
      ),
  ),
  consume(
    gridDefinedV1,
    ({ data: d }, context) =>
      new grids.Record(
        {
          gridId: d.gridId,
          communityId: d.communityId,
          name: d.name,
          level: d.level,
          parentId: d.parentId,
          compoundIds: [...d.compoundIds],
        },
        context,
      ),
  ),
  consume(
    gridPostFilledV1,
    ({ data: d }, context) =>
      new gridPosts.Record({ ...gridPost(d), filledAt: d.filledAt, vacatedAt: null }, context),
  ),
  consume(
    gridPostVacatedV1,
    ({ data: d }, context) =>
      new gridPosts.Record({ ...gridPost(d), vacatedAt: d.vacatedAt } as GridPostEntry, context),
  ),
  // 业委会: the committee, its Party share as it judged it, and who sits on it.
  consume(
    committeeFormedV1,
    ({ data: d }, context) =>
      new committees.Record(
        {
          committeeId: d.committeeId,
          compoundId: d.compoundId,
          communityId: d.communityId,
          termStart: d.termStart,
          termEnd: d.termEnd,
        } as OwnersCommitteeEntry,
        context,
      ),
  ),
  consume(
    partyShareComplianceChangedV1,
    ({ data: d }, context) =>
      new partyShares.Record(
        {
          committeeId: d.committeeId,
          partyShareCompliant: d.compliant,
          minimumPartySharePercent: d.minimumPartySharePercent,
          partyShareSince: d.since,
        } as OwnersCommitteeEntry,
        context,
      ),
  ),
  consume(
    memberSeatedV1,
    ({ data: d }, context) =>
      new committeeMembers.Record(
        {
          memberId: d.memberId,
          committeeId: d.committeeId,
          residentId: d.residentId,
          role: d.role,
          partyMemberId: d.partyMemberId,
          seatedAt: d.seatedAt,
        } as OwnersCommitteeMember,
        context,
      ),
  ),
  consume(
    memberLeftV1,
    ({ data: d }, context) =>
      new committeeMembers.Record(
        { memberId: d.memberId, committeeId: d.committeeId, leftAt: d.leftAt } as OwnersCommitteeMember,
        context,
      ),
  ),
  // 物业服务企业: the company, whom it serves when, and its red-property rules.
  consume(
    companyRegisteredV1,
    ({ data: d }, context) => new companies.Record({ companyId: d.companyId, name: d.name }, context),
  ),
  consume(
    contractRecordedV1,
    ({ data: d }, context) =>
      new contracts.Record(
        {
          contractId: d.contractId,
          companyId: d.companyId,
          compoundId: d.compoundId,
          communityId: d.communityId,
          startsOn: d.startsOn,
          endsOn: d.endsOn,
          recordedAt: d.recordedAt,
        },
        context,
      ),
  ),
  consume(
    redPropertyRuleAssessedV1,
    ({ data: d }, context) =>
      new redPropertyRules.Record(
        { companyId: d.companyId, rule: d.rule, status: d.status, since: d.since },
        context,
      ),
  ),
  // 楼门长: the buildings each approved leader answers for.
  consume(
    leaderApprovedV1,
    ({ data: d }, context) =>
      new leaders.Record(
        d.buildingIds.map((buildingId) => ({
          leaderId: d.leaderId,
          buildingId,
          compoundId: d.compoundId,
          communityId: d.communityId,
          approvedAt: d.approvedAt,
        })),
        context,
      ),
  ),
  // 联席会议: the tasks handed out, and when each was done.
  consume(
    jointMeetingTasksAssignedV1,
    ({ data: d }, context) =>
      new tasks.Record(
        d.tasks.map(
          (t) =>
            ({
              taskId: t.taskId,
              meetingId: d.meetingId,
              compoundId: d.compoundId,
              communityId: d.communityId,
              party: t.party,
              dueOn: t.dueOn,
            }) as JointMeetingTaskEntry,
        ),
        context,
      ),
  ),
  // Progress that is not done changes nothing the boards show: the command writes no row.
  consume(
    jointMeetingTaskProgressedV1,
    ({ data: d }, context) =>
      new tasks.Record(
        d.done
          ? [{ taskId: d.taskId, meetingId: d.meetingId, doneAt: d.recordedAt } as JointMeetingTaskEntry]
          : [],
        context,
      ),
  ),
];

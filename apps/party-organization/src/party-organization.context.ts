import { defineContext } from '@cogov/context-kit';
import { BranchOrderController, PartyController } from './api/party.controller';
import { CompanyRatingController, OrganizationInPath } from './api/company-rating.controller';
import {
  partyEvaluationPeriodKindProvider,
  RateCompanyHandler,
  RecordServiceContractHandler,
} from './application/rate-company';
import { companyRatingAggregate } from './infrastructure/company-rating-aggregate';
import { ServiceContractEntry } from './infrastructure/directory/service-contract.entity';
import { JointMeetingController } from './api/joint-meeting.controller';
import { jointMeetingScopes, partyOrganizationScopes } from './api/scopes';
import { GetCompoundBoardHandler, GetJointMeetingHandler } from './application/joint-meeting-queries';
import {
  AddAgendaItemHandler,
  ConveneMeetingHandler,
  RecordDecisionHandler,
  UpdateMeetingHandler,
} from './application/joint-meetings';
import { RecordEvaluationHandler, RecordOpinionHandler } from './application/record-opinion';
import { jointMeetingTasksProjection } from './infrastructure/board/joint-meeting-tasks.projection';
import { EvaluationDirectoryEntry } from './infrastructure/directory/evaluation-directory.entity';
import { OpinionDirectoryEntry } from './infrastructure/directory/opinion-directory.entity';
import { CompanyClaims } from './application/company-claims';
import { FillSeatHandler, VacateSeatHandler } from './application/committee-seats';
import { CompoundClaims } from './application/compound-claims';
import { CompleteOrderHandler } from './application/complete-order';
import { FoundOrganizationHandler } from './application/found-organization';
import { RecordCommunityDirectoryEntryHandler } from './application/record-community-directory-entry';
import { RecordCompanyDirectoryEntryHandler } from './application/record-company-directory-entry';
import { RecordOrderLifecycleHandler } from './application/record-order-lifecycle';
import { RegisterMemberHandler } from './application/register-member';
import { ReviewOrderHandler } from './application/review-order';
import { TakeOrderHandler } from './application/take-order';
import { HandBackOrderHandler, RecordArrivalHandler } from './application/work-on-order';
import {
  branchOrderAggregate,
  companyBranchReservationAggregate,
  compoundCoverageAggregate,
  jointMeetingAggregate,
  memberAggregate,
  memberDutiesAggregate,
  organizationAggregate,
} from './infrastructure/aggregates';
import { CommunityDirectoryEntry } from './infrastructure/directory/community-directory.entity';
import { CompanyDirectoryEntry } from './infrastructure/directory/company-directory.entity';
import { partyOrganizationUpcasters } from './domain/upcasters';
import { partyOrganizationInbound } from './infrastructure/inbound';
import { partyOrganizationOutbound } from './infrastructure/outbound';
import { MemberDutiesController } from './api/member-duties.controller';
import { memberScopes } from './api/scopes';
import {
  GetMemberDutiesHandler,
  GetOrganizationDutiesHandler,
  GetReportedInMembersHandler,
} from './application/duty-queries';
import {
  CreditVolunteerActivityHandler,
  RecordDutyHandler,
  RecordResidentFlagsHandler,
} from './application/record-duty';
import { DecideReportInHandler, ReportInHandler } from './application/report-in';
import { ResidentFlagsEntry } from './infrastructure/directory/resident-flags.entity';
import { membersProjection } from './infrastructure/members/members.projection';

/**
 * The community Party organization (社区党组织) context: the Party committee, branches and building
 * groups, Party members, branch review, and members' work on the orders dispatched to them; in-service
 * members' double report-in (双报到) and every member's "4+1" of the year.
 */
export const partyOrganization = defineContext({
  name: 'party-organization',
  port: 3002,
  aggregates: {
    organization: organizationAggregate,
    member: memberAggregate,
    branchOrder: branchOrderAggregate,
    compoundCoverage: compoundCoverageAggregate,
    companyRating: companyRatingAggregate,
    companyBranchReservation: companyBranchReservationAggregate,
    jointMeeting: jointMeetingAggregate,
    memberDuties: memberDutiesAggregate,
  },
  upcasters: partyOrganizationUpcasters,
  publishes: partyOrganizationOutbound,
  consumes: partyOrganizationInbound,
  projections: [jointMeetingTasksProjection, membersProjection],
  scopes: [...partyOrganizationScopes, OrganizationInPath, ...jointMeetingScopes, ...memberScopes],
  entities: [
    CommunityDirectoryEntry,
    CompanyDirectoryEntry,
    ServiceContractEntry,
    OpinionDirectoryEntry,
    EvaluationDirectoryEntry,
    ResidentFlagsEntry,
  ],
  controllers: [
    PartyController,
    BranchOrderController,
    CompanyRatingController,
    JointMeetingController,
    MemberDutiesController,
  ],
  handlers: [
    CompoundClaims,
    CompanyClaims,
    FillSeatHandler,
    VacateSeatHandler,
    ConveneMeetingHandler,
    AddAgendaItemHandler,
    RecordDecisionHandler,
    UpdateMeetingHandler,
    GetJointMeetingHandler,
    GetCompoundBoardHandler,
    RecordOpinionHandler,
    RecordEvaluationHandler,
    FoundOrganizationHandler,
    RegisterMemberHandler,
    ReviewOrderHandler,
    TakeOrderHandler,
    RecordArrivalHandler,
    CompleteOrderHandler,
    HandBackOrderHandler,
    RecordOrderLifecycleHandler,
    RecordCommunityDirectoryEntryHandler,
    RecordCompanyDirectoryEntryHandler,
    partyEvaluationPeriodKindProvider,
    RecordServiceContractHandler,
    RateCompanyHandler,
    ReportInHandler,
    DecideReportInHandler,
    RecordDutyHandler,
    CreditVolunteerActivityHandler,
    RecordResidentFlagsHandler,
    GetMemberDutiesHandler,
    GetOrganizationDutiesHandler,
    GetReportedInMembersHandler,
  ],
});

import { defineContext } from '@cogov/context-kit';
import { CommunityController } from './api/community.controller';
import { OrderController } from './api/order.controller';
import { OrderAuditController } from './api/order-audit.controller';
import { ResidentController } from './api/resident.controller';
import { StreetController } from './api/street.controller';
import { GridController } from './api/grid.controller';
import { DepartmentController } from './api/department.controller';
import { departmentOrdersHandlers } from './application/department-orders';
import { VolunteerActivityController, VolunteerTeamController } from './api/volunteer.controller';
import {
  AddVolunteerTeamMemberHandler,
  GetVolunteerTeamHandler,
  ListVolunteerTeamsHandler,
  RecordVolunteerTeamWorkHandler,
  RegisterVolunteerTeamHandler,
  RemoveVolunteerTeamMemberHandler,
  VolunteerLookups,
} from './application/volunteer-teams';
import {
  ConfirmVolunteerActivityHandler,
  GetVolunteerActivityHandler,
  ListVolunteerActivitiesHandler,
  RecordVolunteerActivityHandler,
} from './application/volunteer-activities';
import {
  volunteerActivitiesProjection,
  volunteerTeamsProjection,
} from './infrastructure/volunteers/volunteers.projection';
import { RecordDepartmentWorkHandler } from './application/department-work';
import {
  AddDepartmentStaffHandler,
  GetDepartmentHandler,
  ListDepartmentsHandler,
  RegisterDepartmentHandler,
  RemoveDepartmentStaffHandler,
} from './application/departments';
import { WhistleOrderHandler } from './application/whistle-order';
import { departmentsProjection } from './infrastructure/departments/departments.projection';
import { communityStreetsProjection } from './infrastructure/communities/community-streets.projection';
import { VisibleScopes } from './application/visible-scope';
import { residentsCommitteeScopes } from './api/scopes';
import { AddBuildingHandler } from './application/add-building';
import { AppointWorkerHandler } from './application/appoint-worker';
import { DispatchOrderHandler } from './application/dispatch-order';
import { GetOrderChainAtHandler, GetOrderChainHandler, ListOrdersHandler } from './application/order-queries';
import { PlaceOrderHandler } from './application/place-order';
import { RateOrderHandler } from './application/rate-order';
import { RecordOrderProgressHandler } from './application/record-order-progress';
import { RecordCompanyDirectoryEntryHandler } from './application/record-company-directory-entry';
import { RecordLeaderDirectoryEntryHandler } from './application/record-leader-directory-entry';
import { RecordPartyDirectoryEntryHandler } from './application/record-party-directory-entry';
import { RegisterCommunityHandler } from './application/register-community';
import { RegisterCompoundHandler } from './application/register-compound';
import {
  RecordTenureHandler,
  RegisterResidentHandler,
  SetResidentFlagsHandler,
} from './application/register-resident';
import { GetStreetHandler, RegisterStreetHandler } from './application/register-street';
import {
  DefineGridHandler,
  FillGridPostHandler,
  GetGridHandler,
  GetGridTreeHandler,
  RecordPatrolFindingHandler,
  VacateGridPostHandler,
} from './application/grids';
import { GetResidentHandler, ListResidentsHandler } from './application/resident-queries';
import { residentsCommitteeUpcasters } from './domain/upcasters';
import {
  communityAggregate,
  compoundAggregate,
  orderAggregate,
  residentAggregate,
  streetAggregate,
  gridAggregate,
  gridPlanAggregate,
  departmentAggregate,
  volunteerActivityAggregate,
  volunteerTeamAggregate,
} from './infrastructure/aggregates';
import { CompanyDirectoryEntry } from './infrastructure/directory/company-directory.entity';
import { LeaderDirectoryEntry } from './infrastructure/directory/leader-directory.entity';
import { PartyDirectoryEntry } from './infrastructure/directory/party-directory.entity';
import { residentsCommitteeInbound } from './infrastructure/inbound';
import { orderChainProjection } from './infrastructure/order-chain/order-chain.projection';
import { residentsCommitteeOutbound } from './infrastructure/outbound';
import { residentsProjection } from './infrastructure/residents/residents.projection';
import { AcknowledgeOrderHandler } from './application/acknowledge-order';
import { SupervisionController } from './service-levels/api/supervision.controller';
import { AdvanceServiceLevelHandler } from './service-levels/application/advance-service-level';
import { ListSupervisionHandler } from './service-levels/application/supervision-queries';
import { WorkSupervisionItemHandler } from './service-levels/application/work-supervision-item';
import { SupervisionItemInPath, SupervisionItemInPathOnly } from './service-levels/api/supervision-scope';
import { dueDeadlinesProjection } from './service-levels/infrastructure/due-deadlines.projection';
import {
  serviceLevelAggregate,
  supervisionItemAggregate,
} from './service-levels/infrastructure/service-level.aggregate';
import { serviceLevelProviders } from './service-levels/infrastructure/service-level-wiring';
import { supervisionProjection } from './service-levels/infrastructure/supervision.projection';
import { ServiceLevelDepartment } from './service-levels/infrastructure/department-kind.entity';
import { RecordDepartmentKindHandler } from './service-levels/application/record-department-kind';

/**
 * The residents' committee (居委会) context: community structure, residents, order intake,
 * dispatch and rating, the five-order chain view, the departments a street whistles to, and the
 * community's volunteer teams (志愿服务队) and their activities.
 */
export const residentsCommittee = defineContext({
  name: 'residents-committee',
  port: 3001,
  aggregates: {
    community: communityAggregate,
    compound: compoundAggregate,
    resident: residentAggregate,
    order: orderAggregate,
    serviceLevel: serviceLevelAggregate,
    supervisionItem: supervisionItemAggregate,
    street: streetAggregate,
    gridPlan: gridPlanAggregate,
    grid: gridAggregate,
    department: departmentAggregate,
    volunteerTeam: volunteerTeamAggregate,
    volunteerActivity: volunteerActivityAggregate,
  },
  upcasters: residentsCommitteeUpcasters,
  publishes: residentsCommitteeOutbound,
  consumes: residentsCommitteeInbound,
  projections: [
    orderChainProjection,
    residentsProjection,
    dueDeadlinesProjection,
    supervisionProjection,
    departmentsProjection,
    communityStreetsProjection,
    volunteerTeamsProjection,
    volunteerActivitiesProjection,
  ],
  scopes: [...residentsCommitteeScopes, SupervisionItemInPathOnly, SupervisionItemInPath],
  entities: [PartyDirectoryEntry, CompanyDirectoryEntry, LeaderDirectoryEntry, ServiceLevelDepartment],
  controllers: [
    CommunityController,
    OrderController,
    OrderAuditController,
    ResidentController,
    SupervisionController,
    StreetController,
    GridController,
    DepartmentController,
    VolunteerTeamController,
    VolunteerActivityController,
  ],
  handlers: [
    VisibleScopes,
    RegisterCommunityHandler,
    AppointWorkerHandler,
    RegisterCompoundHandler,
    AddBuildingHandler,
    RegisterResidentHandler,
    RecordTenureHandler,
    SetResidentFlagsHandler,
    PlaceOrderHandler,
    DispatchOrderHandler,
    RateOrderHandler,
    RecordOrderProgressHandler,
    RecordPartyDirectoryEntryHandler,
    RecordCompanyDirectoryEntryHandler,
    GetOrderChainHandler,
    GetOrderChainAtHandler,
    ListOrdersHandler,
    GetResidentHandler,
    ListResidentsHandler,
    RecordLeaderDirectoryEntryHandler,
    AcknowledgeOrderHandler,
    AdvanceServiceLevelHandler,
    ListSupervisionHandler,
    WorkSupervisionItemHandler,
    RecordDepartmentKindHandler,
    ...serviceLevelProviders,
    RegisterStreetHandler,
    GetStreetHandler,
    DefineGridHandler,
    FillGridPostHandler,
    VacateGridPostHandler,
    GetGridHandler,
    GetGridTreeHandler,
    RecordPatrolFindingHandler,
    RegisterDepartmentHandler,
    AddDepartmentStaffHandler,
    RemoveDepartmentStaffHandler,
    GetDepartmentHandler,
    ListDepartmentsHandler,
    WhistleOrderHandler,
    RecordDepartmentWorkHandler,
    ...departmentOrdersHandlers,
    VolunteerLookups,
    RegisterVolunteerTeamHandler,
    AddVolunteerTeamMemberHandler,
    RemoveVolunteerTeamMemberHandler,
    GetVolunteerTeamHandler,
    ListVolunteerTeamsHandler,
    RecordVolunteerTeamWorkHandler,
    RecordVolunteerActivityHandler,
    ConfirmVolunteerActivityHandler,
    GetVolunteerActivityHandler,
    ListVolunteerActivitiesHandler,
  ],
});

import { ApiProperty, type ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import { ORDER_PARTIES } from '../domain/linkage-figures';

/* What the linkage routes answer, for the OpenAPI document (the e2e contract check holds them to it). */

/**
 * A nullable object of a named schema: a nullable `$ref` (or `allOf`) would still apply the
 * referred schema to null, so null is the other alternative.
 */
function nullable(model: () => abstract new () => unknown, description: string): ApiPropertyOptions {
  return {
    type: 'object',
    nullable: true,
    selfRequired: true,
    additionalProperties: true,
    anyOf: [{ $ref: getSchemaPath(model()) }, { type: 'object', nullable: true, enum: [null] }],
    description,
  };
}

const uuid = (description?: string): ApiPropertyOptions => ({ format: 'uuid', description });
const uuidOrNull = (description?: string): ApiPropertyOptions => ({
  type: String,
  format: 'uuid',
  nullable: true,
  description,
});
const timeOrNull = (description?: string): ApiPropertyOptions => ({
  type: String,
  format: 'date-time',
  nullable: true,
  description,
});
const COUNT: ApiPropertyOptions = { type: 'integer', minimum: 0 };

export class PersonIdsView {
  @ApiProperty(uuidOrNull()) memberId!: string | null;
  @ApiProperty(uuidOrNull()) residentId!: string | null;
}

/** One linkage fact (ADR 26), judged at read time from the published seats and chair. */
export class LinkageFactView {
  @ApiProperty({
    enum: ['holds', 'does-not-hold', 'unknown'],
    description: 'unknown: no chair, or no seat of a covering branch heard of yet (not a "no")',
  })
  status!: string;
  @ApiProperty(uuidOrNull('The covering branch')) branchId!: string | null;
  @ApiProperty(uuidOrNull('The seat that makes it hold')) seatId!: string | null;
  @ApiProperty(nullable(() => PersonIdsView, 'The person in that seat, by ids'))
  person!: PersonIdsView | null;
  @ApiProperty(timeOrNull()) since!: string | null;
}

export class CrossAppointmentView {
  @ApiProperty({ type: LinkageFactView, description: 'The chair sits on the branch committee' })
  chair!: LinkageFactView;
  @ApiProperty({ type: LinkageFactView, description: 'A property manager sits on it' })
  propertyManager!: LinkageFactView;
  @ApiProperty({ type: LinkageFactView, description: 'A community police officer sits on it' })
  communityPolice!: LinkageFactView;
}

export class LinkageFactsView {
  @ApiProperty({ type: LinkageFactView, description: '一肩挑: the chair is the covering branch’s secretary' })
  oneShoulder!: LinkageFactView;
  @ApiProperty({ type: CrossAppointmentView, description: '交叉任职' })
  crossAppointment!: CrossAppointmentView;
}

export class OpenByPartyView {
  @ApiProperty({ ...COUNT, description: 'A Party member or a branch’s member pool' })
  'party-organization'!: number;
  @ApiProperty(COUNT) 'property-company'!: number;
  @ApiProperty(COUNT) 'building-leaders'!: number;
  @ApiProperty({ ...COUNT, description: 'A volunteer team' }) 'service-station'!: number;
  @ApiProperty({ ...COUNT, description: 'Whistled to a department (吹哨)' }) department!: number;
  @ApiProperty({ ...COUNT, description: 'Not dispatched yet' }) 'residents-committee'!: number;
}

const SHARE: ApiPropertyOptions = { type: Number, minimum: 0, maximum: 1, nullable: true };

export class SettlementSharesView {
  @ApiProperty(SHARE) withinGrid!: number | null;
  @ApiProperty(SHARE) withinCommunity!: number | null;
  @ApiProperty(SHARE) escalated!: number | null;
}

/** 小事不出网格、大事不出社区: how the closed orders were settled. */
export class SettlementView {
  @ApiProperty({ ...COUNT, description: 'Rated, and the rating did not reopen them' }) closed!: number;
  @ApiProperty({
    ...COUNT,
    description: 'Closed by whoever holds a post on the order’s grid (or one over or under)',
  })
  withinGrid!: number;
  @ApiProperty({ ...COUNT, description: 'The rest: closed in the community, not whistled' })
  withinCommunity!: number;
  @ApiProperty({ ...COUNT, description: 'Whistled to a department' }) escalated!: number;
  @ApiProperty({ type: SettlementSharesView, description: 'Each over the closed; null when none closed' })
  shares!: SettlementSharesView;
}

export class OrderFiguresView {
  @ApiProperty({ ...COUNT, description: 'Placed, not rejected or merged, no closing rating' }) open!: number;
  @ApiProperty({ ...COUNT, description: 'Open, with a breached service level on any track' })
  overdue!: number;
  @ApiProperty({
    type: OpenByPartyView,
    description: `Open orders by the party they are with: ${ORDER_PARTIES.join(', ')}`,
  })
  openByParty!: OpenByPartyView;
  @ApiProperty({ type: SettlementView }) settlement!: SettlementView;
}

export class TaskFiguresView {
  @ApiProperty({ ...COUNT, description: 'Joint-meeting tasks not done' }) open!: number;
  @ApiProperty({ ...COUNT, description: 'Open, and due before today (UTC)' }) overdue!: number;
}

export class TasksByPartyView {
  @ApiProperty(COUNT) branch!: number;
  @ApiProperty(COUNT) 'owners-committee'!: number;
  @ApiProperty(COUNT) 'property-company'!: number;
  @ApiProperty(COUNT) 'residents-committee'!: number;
  @ApiProperty(COUNT) 'building-leaders'!: number;
}

export class CompoundTasksView extends TaskFiguresView {
  @ApiProperty({ type: TasksByPartyView }) openByParty!: TasksByPartyView;
}

// ---- the compound ------------------------------------------------------------------------------

export class CompoundRefView {
  @ApiProperty(uuid()) compoundId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(uuid()) communityId!: string;
  @ApiProperty(uuidOrNull()) streetId!: string | null;
}

export class BranchRefView {
  @ApiProperty(uuid()) organizationId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class SeatHolderView {
  @ApiProperty(uuid()) seatId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['secretary', 'deputy-secretary', 'committee-member', null],
  })
  seat!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['owners-committee-chair', 'property-manager', 'community-police', null],
  })
  holds!: string | null;
  @ApiProperty(uuidOrNull()) memberId!: string | null;
  @ApiProperty(uuidOrNull()) residentId!: string | null;
  @ApiProperty(timeOrNull()) filledAt!: string | null;
}

export class PartyOrganizationView {
  @ApiProperty(nullable(() => BranchRefView, 'The branch covering the compound'))
  branch!: BranchRefView | null;
  @ApiProperty(nullable(() => SeatHolderView, 'Its secretary')) secretary!: SeatHolderView | null;
  @ApiProperty({ type: [SeatHolderView], description: 'The branch committee’s filled seats' })
  seats!: SeatHolderView[];
}

export class WorkerView {
  @ApiProperty(uuid()) workerId!: string;
  @ApiProperty({ enum: ['director', 'deputy', 'grid-worker'] }) role!: string;
  @ApiProperty({ format: 'date-time' }) appointedAt!: string;
}

export class GridPostView {
  @ApiProperty(uuid()) gridId!: string;
  @ApiProperty() gridName!: string;
  @ApiProperty({ enum: ['zone', 'grid', 'basic-grid'] }) level!: string;
  @ApiProperty(uuid()) postId!: string;
  @ApiProperty({ enum: ['grid-leader', 'full-time-worker', 'part-time-worker'] }) post!: string;
  @ApiProperty({ enum: ['worker', 'member', 'building-leader', 'volunteer'] }) holderKind!: string;
  @ApiProperty() holderId!: string;
  @ApiProperty(timeOrNull()) filledAt!: string | null;
}

export class ResidentsCommitteeView {
  @ApiProperty({ type: [WorkerView], description: 'The community’s residents’ committee (居委会)' })
  workers!: WorkerView[];
  @ApiProperty({ type: [GridPostView], description: 'Filled posts of the grids covering the compound' })
  gridPosts!: GridPostView[];
}

export class ChairView {
  @ApiProperty(uuid('The seat')) memberId!: string;
  @ApiProperty(uuidOrNull()) residentId!: string | null;
  @ApiProperty(uuidOrNull()) partyMemberId!: string | null;
  @ApiProperty(timeOrNull()) seatedAt!: string | null;
}

export class PartyShareView {
  @ApiProperty({ enum: ['compliant', 'non-compliant'], description: 'As the owners’ committee judged it' })
  status!: string;
  @ApiProperty({ type: Number, nullable: true }) minimumPartySharePercent!: number | null;
  @ApiProperty(timeOrNull('null: compliant since its formation, no change published')) since!: string | null;
}

export class OwnersCommitteeView {
  @ApiProperty(uuid()) committeeId!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) termStart!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) termEnd!: string | null;
  @ApiProperty(nullable(() => ChairView, 'Its chair (主任)')) chair!: ChairView | null;
  @ApiProperty(COUNT) members!: number;
  @ApiProperty(COUNT) partyMembers!: number;
  @ApiProperty({ type: PartyShareView }) partyShare!: PartyShareView;
}

export class RedPropertyRuleView {
  @ApiProperty({ enum: ['party-organization', 'party-members'] }) rule!: string;
  @ApiProperty({ enum: ['met', 'not-met', 'not-applicable'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

export class RedPropertyView {
  @ApiProperty({ enum: ['met', 'not-met', 'unknown'] }) status!: string;
  @ApiProperty({ type: [RedPropertyRuleView] }) rules!: RedPropertyRuleView[];
}

export class PropertyCompanyView {
  @ApiProperty(uuid()) companyId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty(uuid('The service contract with today in it')) contractId!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty(uuidOrNull('The company’s own Party organization')) partyOrganizationId!: string | null;
  @ApiProperty({ type: RedPropertyView, description: '红色物业' }) redProperty!: RedPropertyView;
  @ApiProperty({
    type: LinkageFactView,
    description:
      'The property manager known to the linkage: the seat holding property-manager on the covering branch ' +
      '(the property company publishes no manager of its own)',
  })
  manager!: LinkageFactView;
}

export class BuildingView {
  @ApiProperty(uuid()) buildingId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ type: [String], description: 'Approved building leaders (楼门长)' }) leaderIds!: string[];
}

export class BuildingLeadersView {
  @ApiProperty({ type: [BuildingView] }) buildings!: BuildingView[];
  @ApiProperty({ type: [String], description: 'Buildings without a leader' }) withoutLeader!: string[];
}

export class StationStaffView {
  @ApiProperty(uuid()) workerId!: string;
  @ApiProperty({ format: 'date-time' }) appointedAt!: string;
}

export class ServiceStationView {
  @ApiProperty({ type: [StationStaffView], description: '社区服务站: the committee’s workers posted there' })
  staff!: StationStaffView[];
}

export class SixPartiesView {
  @ApiProperty({ type: PartyOrganizationView }) partyOrganization!: PartyOrganizationView;
  @ApiProperty({ type: ResidentsCommitteeView }) residentsCommittee!: ResidentsCommitteeView;
  @ApiProperty(nullable(() => OwnersCommitteeView, 'The committee whose term has today in it'))
  ownersCommittee!: OwnersCommitteeView | null;
  @ApiProperty(nullable(() => PropertyCompanyView, 'The company whose contract has today in it'))
  propertyCompany!: PropertyCompanyView | null;
  @ApiProperty({ type: BuildingLeadersView }) buildingLeaders!: BuildingLeadersView;
  @ApiProperty({ type: ServiceStationView }) serviceStation!: ServiceStationView;
}

export class CompoundComplianceView {
  @ApiProperty() hasBranch!: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: no owners’ committee now' })
  partyShareMet!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: no company now, or not assessed' })
  redPropertyMet!: boolean | null;
  @ApiProperty(COUNT) buildings!: number;
  @ApiProperty(COUNT) buildingsWithLeader!: number;
}

/** 六方联动 of one compound. */
export class CompoundLinkageResponse {
  @ApiProperty({ type: CompoundRefView }) compound!: CompoundRefView;
  @ApiProperty({ type: SixPartiesView }) parties!: SixPartiesView;
  @ApiProperty({ type: LinkageFactsView }) linkage!: LinkageFactsView;
  @ApiProperty({ type: CompoundComplianceView }) compliance!: CompoundComplianceView;
  @ApiProperty({ type: OrderFiguresView }) orders!: OrderFiguresView;
  @ApiProperty({ type: CompoundTasksView }) jointMeetingTasks!: CompoundTasksView;
}

// ---- the community and the street --------------------------------------------------------------

export class ComplianceCountsView {
  @ApiProperty(COUNT) compounds!: number;
  @ApiProperty(COUNT) compoundsWithBranch!: number;
  @ApiProperty({ ...COUNT, description: 'Owners’ committees with today in their term' }) committees!: number;
  @ApiProperty(COUNT) committeesMeetingPartyShare!: number;
  @ApiProperty({ ...COUNT, description: 'Companies serving a compound today, each once' }) companies!: number;
  @ApiProperty(COUNT) companiesMeetingRedProperty!: number;
  @ApiProperty(COUNT) buildings!: number;
  @ApiProperty(COUNT) buildingsWithLeader!: number;
}

export class CompoundCommitteeRefView {
  @ApiProperty(uuid()) committeeId!: string;
  @ApiProperty({ enum: ['compliant', 'non-compliant'] }) partyShare!: string;
}

export class CompoundCompanyRefView {
  @ApiProperty(uuid()) companyId!: string;
  @ApiProperty({ enum: ['met', 'not-met', 'unknown'] }) redProperty!: string;
}

export class CompoundFiguresView {
  @ApiProperty(uuid()) compoundId!: string;
  @ApiProperty(uuid()) communityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(nullable(() => BranchRefView, 'The covering branch')) branch!: BranchRefView | null;
  @ApiProperty(nullable(() => CompoundCommitteeRefView, 'The owners’ committee now'))
  ownersCommittee!: CompoundCommitteeRefView | null;
  @ApiProperty(nullable(() => CompoundCompanyRefView, 'The property company now'))
  propertyCompany!: CompoundCompanyRefView | null;
  @ApiProperty(COUNT) buildings!: number;
  @ApiProperty(COUNT) buildingsWithLeader!: number;
  @ApiProperty({ type: OrderFiguresView }) orders!: OrderFiguresView;
  @ApiProperty({ type: TaskFiguresView }) jointMeetingTasks!: TaskFiguresView;
}

export class CommunityRefView {
  @ApiProperty(uuid()) communityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(uuidOrNull()) streetId!: string | null;
}

export class WorkersByRoleView {
  @ApiProperty(COUNT) director!: number;
  @ApiProperty(COUNT) deputy!: number;
  @ApiProperty(COUNT) 'grid-worker'!: number;
  @ApiProperty({ ...COUNT, description: 'The service station’s staff' }) 'service-station'!: number;
}

/** 六方联动 of a community, its compounds rolled up. */
export class CommunityLinkageResponse {
  @ApiProperty({ type: CommunityRefView }) community!: CommunityRefView;
  @ApiProperty({ type: WorkersByRoleView }) workers!: WorkersByRoleView;
  @ApiProperty({ type: ComplianceCountsView }) compliance!: ComplianceCountsView;
  @ApiProperty({ type: OrderFiguresView }) orders!: OrderFiguresView;
  @ApiProperty({ type: TaskFiguresView }) jointMeetingTasks!: TaskFiguresView;
  @ApiProperty({ type: [CompoundFiguresView] }) compounds!: CompoundFiguresView[];
}

export class StreetRefView {
  @ApiProperty(uuid()) streetId!: string;
  @ApiProperty() name!: string;
}

export class StreetCommunityView {
  @ApiProperty(uuid()) communityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: ComplianceCountsView }) compliance!: ComplianceCountsView;
  @ApiProperty({ type: OrderFiguresView }) orders!: OrderFiguresView;
  @ApiProperty({ type: TaskFiguresView }) jointMeetingTasks!: TaskFiguresView;
}

/** 六方联动 of a street, its communities rolled up. */
export class StreetLinkageResponse {
  @ApiProperty({ type: StreetRefView }) street!: StreetRefView;
  @ApiProperty({ type: ComplianceCountsView }) compliance!: ComplianceCountsView;
  @ApiProperty({ type: OrderFiguresView }) orders!: OrderFiguresView;
  @ApiProperty({ type: TaskFiguresView }) jointMeetingTasks!: TaskFiguresView;
  @ApiProperty({ type: [StreetCommunityView] }) communities!: StreetCommunityView[];
}

/** The schemas only named through `nullable` (no `type:` of theirs), for `@ApiExtraModels`. */
export const LINKAGE_EXTRA_MODELS = [
  PersonIdsView,
  BranchRefView,
  SeatHolderView,
  ChairView,
  OwnersCommitteeView,
  PropertyCompanyView,
  CompoundCommitteeRefView,
  CompoundCompanyRefView,
];

import { ApiProperty, type ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import { ORDER_PARTIES } from '../domain/linkage-figures';

/* What the linkage routes answer, for the OpenAPI document (the e2e contract check holds them to it). */

/**
 * A nullable object of a named schema: a nullable `$ref` (or `allOf`) would still apply the
 * referred schema to null, so null is the other alternative.
 */
function nullable(model: () => abstract new () => unknown, description: string): ApiPropertyOptions {
  return {
    selfRequired: true,
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

export class BoardPersonIdsView {
  @ApiProperty(uuidOrNull()) memberId!: string | null;
  @ApiProperty(uuidOrNull()) residentId!: string | null;
}

/** One linkage fact (ADR 26), judged at read time from the published seats and chair. */
export class BoardLinkageFactView {
  @ApiProperty({
    enum: ['holds', 'does-not-hold', 'unknown'],
    description: 'unknown: no chair, or no seat of a covering branch heard of yet (not a "no")',
  })
  status!: string;
  @ApiProperty(uuidOrNull('The covering branch')) branchId!: string | null;
  @ApiProperty(uuidOrNull('The seat that makes it hold')) seatId!: string | null;
  @ApiProperty(nullable(() => BoardPersonIdsView, 'The person in that seat, by ids'))
  person!: BoardPersonIdsView | null;
  @ApiProperty(timeOrNull()) since!: string | null;
}

export class BoardCrossAppointmentView {
  @ApiProperty({ type: BoardLinkageFactView, description: 'The chair sits on the branch committee' })
  chair!: BoardLinkageFactView;
  @ApiProperty({ type: BoardLinkageFactView, description: 'A property manager sits on it' })
  propertyManager!: BoardLinkageFactView;
  @ApiProperty({ type: BoardLinkageFactView, description: 'A community police officer sits on it' })
  communityPolice!: BoardLinkageFactView;
}

export class BoardLinkageFactsView {
  @ApiProperty({
    type: BoardLinkageFactView,
    description: '一肩挑: the chair is the covering branch’s secretary',
  })
  oneShoulder!: BoardLinkageFactView;
  @ApiProperty({ type: BoardCrossAppointmentView, description: '交叉任职' })
  crossAppointment!: BoardCrossAppointmentView;
}

export class BoardOpenByPartyView {
  @ApiProperty({ ...COUNT, description: 'A Party member or a branch’s member pool' })
  'party-organization'!: number;
  @ApiProperty(COUNT) 'property-company'!: number;
  @ApiProperty(COUNT) 'building-leaders'!: number;
  @ApiProperty({ ...COUNT, description: 'A volunteer team' }) 'service-station'!: number;
  @ApiProperty({ ...COUNT, description: 'Whistled to a department (吹哨)' }) department!: number;
  @ApiProperty({ ...COUNT, description: 'Not dispatched yet' }) 'residents-committee'!: number;
}

const SHARE: ApiPropertyOptions = { type: Number, minimum: 0, maximum: 1, nullable: true };

export class BoardSettlementSharesView {
  @ApiProperty(SHARE) withinGrid!: number | null;
  @ApiProperty(SHARE) withinCommunity!: number | null;
  @ApiProperty(SHARE) escalated!: number | null;
}

/** 小事不出网格、大事不出社区: how the closed orders were settled. */
export class BoardSettlementView {
  @ApiProperty({ ...COUNT, description: 'Rated, and the rating did not reopen them' }) closed!: number;
  @ApiProperty({
    ...COUNT,
    description: 'Closed by whoever holds a post on the order’s grid (or one over or under)',
  })
  withinGrid!: number;
  @ApiProperty({ ...COUNT, description: 'The rest: closed in the community, not whistled' })
  withinCommunity!: number;
  @ApiProperty({ ...COUNT, description: 'Whistled to a department' }) escalated!: number;
  @ApiProperty({
    type: BoardSettlementSharesView,
    description: 'Each over the closed; null when none closed',
  })
  shares!: BoardSettlementSharesView;
}

export class BoardOrderFiguresView {
  @ApiProperty({ ...COUNT, description: 'Placed, not rejected or merged, no closing rating' }) open!: number;
  @ApiProperty({ ...COUNT, description: 'Open, with a breached service level on any track' })
  overdue!: number;
  @ApiProperty({
    type: BoardOpenByPartyView,
    description: `Open orders by the party they are with: ${ORDER_PARTIES.join(', ')}`,
  })
  openByParty!: BoardOpenByPartyView;
  @ApiProperty({ type: BoardSettlementView }) settlement!: BoardSettlementView;
}

export class BoardTaskFiguresView {
  @ApiProperty({ ...COUNT, description: 'Joint-meeting tasks not done' }) open!: number;
  @ApiProperty({ ...COUNT, description: 'Open, and due before today (UTC)' }) overdue!: number;
}

export class BoardTasksByPartyView {
  @ApiProperty(COUNT) branch!: number;
  @ApiProperty(COUNT) 'owners-committee'!: number;
  @ApiProperty(COUNT) 'property-company'!: number;
  @ApiProperty(COUNT) 'residents-committee'!: number;
  @ApiProperty(COUNT) 'building-leaders'!: number;
}

export class BoardCompoundTasksView extends BoardTaskFiguresView {
  @ApiProperty({ type: BoardTasksByPartyView }) openByParty!: BoardTasksByPartyView;
}

// ---- the compound ------------------------------------------------------------------------------

export class BoardCompoundRefView {
  @ApiProperty(uuid()) compoundId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(uuid()) communityId!: string;
  @ApiProperty(uuidOrNull()) streetId!: string | null;
}

export class BoardBranchRefView {
  @ApiProperty(uuid()) organizationId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class BoardSeatHolderView {
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

export class BoardPartyOrganizationView {
  @ApiProperty(nullable(() => BoardBranchRefView, 'The branch covering the compound'))
  branch!: BoardBranchRefView | null;
  @ApiProperty(nullable(() => BoardSeatHolderView, 'Its secretary')) secretary!: BoardSeatHolderView | null;
  @ApiProperty({ type: [BoardSeatHolderView], description: 'The branch committee’s filled seats' })
  seats!: BoardSeatHolderView[];
}

export class BoardWorkerView {
  @ApiProperty(uuid()) workerId!: string;
  @ApiProperty({ enum: ['director', 'deputy', 'grid-worker'] }) role!: string;
  @ApiProperty({ format: 'date-time' }) appointedAt!: string;
}

export class BoardGridPostView {
  @ApiProperty(uuid()) gridId!: string;
  @ApiProperty() gridName!: string;
  @ApiProperty({ enum: ['zone', 'grid', 'basic-grid'] }) level!: string;
  @ApiProperty(uuid()) postId!: string;
  @ApiProperty({ enum: ['grid-leader', 'full-time-worker', 'part-time-worker'] }) post!: string;
  @ApiProperty({ enum: ['worker', 'member', 'building-leader', 'volunteer'] }) holderKind!: string;
  @ApiProperty() holderId!: string;
  @ApiProperty(timeOrNull()) filledAt!: string | null;
}

export class BoardResidentsCommitteeView {
  @ApiProperty({ type: [BoardWorkerView], description: 'The community’s residents’ committee (居委会)' })
  workers!: BoardWorkerView[];
  @ApiProperty({ type: [BoardGridPostView], description: 'Filled posts of the grids covering the compound' })
  gridPosts!: BoardGridPostView[];
}

export class BoardChairView {
  @ApiProperty(uuid('The seat')) memberId!: string;
  @ApiProperty(uuidOrNull()) residentId!: string | null;
  @ApiProperty(uuidOrNull()) partyMemberId!: string | null;
  @ApiProperty(timeOrNull()) seatedAt!: string | null;
}

export class BoardPartyShareView {
  @ApiProperty({ enum: ['compliant', 'non-compliant'], description: 'As the owners’ committee judged it' })
  status!: string;
  @ApiProperty({ type: Number, nullable: true }) minimumPartySharePercent!: number | null;
  @ApiProperty(timeOrNull('null: compliant since its formation, no change published')) since!: string | null;
}

export class BoardOwnersCommitteeView {
  @ApiProperty(uuid()) committeeId!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) termStart!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) termEnd!: string | null;
  @ApiProperty(nullable(() => BoardChairView, 'Its chair (主任)')) chair!: BoardChairView | null;
  @ApiProperty(COUNT) members!: number;
  @ApiProperty(COUNT) partyMembers!: number;
  @ApiProperty({ type: BoardPartyShareView }) partyShare!: BoardPartyShareView;
}

export class BoardRedPropertyRuleView {
  @ApiProperty({ enum: ['party-organization', 'party-members'] }) rule!: string;
  @ApiProperty({ enum: ['met', 'not-met', 'not-applicable'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

export class BoardRedPropertyView {
  @ApiProperty({ enum: ['met', 'not-met', 'unknown'] }) status!: string;
  @ApiProperty({ type: [BoardRedPropertyRuleView] }) rules!: BoardRedPropertyRuleView[];
}

export class BoardPropertyCompanyView {
  @ApiProperty(uuid()) companyId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty(uuid('The service contract with today in it')) contractId!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty(uuidOrNull('The company’s own Party organization')) partyOrganizationId!: string | null;
  @ApiProperty({ type: BoardRedPropertyView, description: '红色物业' }) redProperty!: BoardRedPropertyView;
  @ApiProperty({
    type: BoardLinkageFactView,
    description:
      'The property manager known to the linkage: the seat holding property-manager on the covering branch ' +
      '(the property company publishes no manager of its own)',
  })
  manager!: BoardLinkageFactView;
}

export class BoardBuildingView {
  @ApiProperty(uuid()) buildingId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ type: [String], description: 'Approved building leaders (楼门长)' }) leaderIds!: string[];
}

export class BoardBuildingLeadersView {
  @ApiProperty({ type: [BoardBuildingView] }) buildings!: BoardBuildingView[];
  @ApiProperty({ type: [String], description: 'Buildings without a leader' }) withoutLeader!: string[];
}

export class BoardStationStaffView {
  @ApiProperty(uuid()) workerId!: string;
  @ApiProperty({ format: 'date-time' }) appointedAt!: string;
}

export class BoardServiceStationView {
  @ApiProperty({
    type: [BoardStationStaffView],
    description: '社区服务站: the committee’s workers posted there',
  })
  staff!: BoardStationStaffView[];
}

export class BoardSixPartiesView {
  @ApiProperty({ type: BoardPartyOrganizationView }) partyOrganization!: BoardPartyOrganizationView;
  @ApiProperty({ type: BoardResidentsCommitteeView }) residentsCommittee!: BoardResidentsCommitteeView;
  @ApiProperty(nullable(() => BoardOwnersCommitteeView, 'The committee whose term has today in it'))
  ownersCommittee!: BoardOwnersCommitteeView | null;
  @ApiProperty(nullable(() => BoardPropertyCompanyView, 'The company whose contract has today in it'))
  propertyCompany!: BoardPropertyCompanyView | null;
  @ApiProperty({ type: BoardBuildingLeadersView }) buildingLeaders!: BoardBuildingLeadersView;
  @ApiProperty({ type: BoardServiceStationView }) serviceStation!: BoardServiceStationView;
}

export class BoardCompoundComplianceView {
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
  @ApiProperty({ type: BoardCompoundRefView }) compound!: BoardCompoundRefView;
  @ApiProperty({ type: BoardSixPartiesView }) parties!: BoardSixPartiesView;
  @ApiProperty({ type: BoardLinkageFactsView }) linkage!: BoardLinkageFactsView;
  @ApiProperty({ type: BoardCompoundComplianceView }) compliance!: BoardCompoundComplianceView;
  @ApiProperty({ type: BoardOrderFiguresView }) orders!: BoardOrderFiguresView;
  @ApiProperty({ type: BoardCompoundTasksView }) jointMeetingTasks!: BoardCompoundTasksView;
}

// ---- the community and the street --------------------------------------------------------------

export class BoardComplianceCountsView {
  @ApiProperty(COUNT) compounds!: number;
  @ApiProperty(COUNT) compoundsWithBranch!: number;
  @ApiProperty({ ...COUNT, description: 'Owners’ committees with today in their term' }) committees!: number;
  @ApiProperty(COUNT) committeesMeetingPartyShare!: number;
  @ApiProperty({ ...COUNT, description: 'Companies serving a compound today, each once' }) companies!: number;
  @ApiProperty(COUNT) companiesMeetingRedProperty!: number;
  @ApiProperty(COUNT) buildings!: number;
  @ApiProperty(COUNT) buildingsWithLeader!: number;
}

export class BoardCompoundCommitteeRefView {
  @ApiProperty(uuid()) committeeId!: string;
  @ApiProperty({ enum: ['compliant', 'non-compliant'] }) partyShare!: string;
}

export class BoardCompoundCompanyRefView {
  @ApiProperty(uuid()) companyId!: string;
  @ApiProperty({ enum: ['met', 'not-met', 'unknown'] }) redProperty!: string;
}

export class BoardCompoundFiguresView {
  @ApiProperty(uuid()) compoundId!: string;
  @ApiProperty(uuid()) communityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(nullable(() => BoardBranchRefView, 'The covering branch')) branch!: BoardBranchRefView | null;
  @ApiProperty(nullable(() => BoardCompoundCommitteeRefView, 'The owners’ committee now'))
  ownersCommittee!: BoardCompoundCommitteeRefView | null;
  @ApiProperty(nullable(() => BoardCompoundCompanyRefView, 'The property company now'))
  propertyCompany!: BoardCompoundCompanyRefView | null;
  @ApiProperty(COUNT) buildings!: number;
  @ApiProperty(COUNT) buildingsWithLeader!: number;
  @ApiProperty({ type: BoardOrderFiguresView }) orders!: BoardOrderFiguresView;
  @ApiProperty({ type: BoardTaskFiguresView }) jointMeetingTasks!: BoardTaskFiguresView;
}

export class BoardCommunityRefView {
  @ApiProperty(uuid()) communityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(uuidOrNull()) streetId!: string | null;
}

export class BoardWorkersByRoleView {
  @ApiProperty(COUNT) director!: number;
  @ApiProperty(COUNT) deputy!: number;
  @ApiProperty(COUNT) 'grid-worker'!: number;
  @ApiProperty({ ...COUNT, description: 'The service station’s staff' }) 'service-station'!: number;
}

export class BoardPartyCommitteeView {
  @ApiProperty(uuid()) organizationId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty(nullable(() => BoardSeatHolderView, 'Its secretary')) secretary!: BoardSeatHolderView | null;
}

/** 六方联动 of a community, its compounds rolled up. */
export class CommunityLinkageResponse {
  @ApiProperty({ type: BoardCommunityRefView }) community!: BoardCommunityRefView;
  @ApiProperty(nullable(() => BoardPartyCommitteeView, 'The community Party committee (社区"大党委")'))
  partyCommittee!: BoardPartyCommitteeView | null;
  @ApiProperty({ type: BoardWorkersByRoleView }) workers!: BoardWorkersByRoleView;
  @ApiProperty({ type: BoardComplianceCountsView }) compliance!: BoardComplianceCountsView;
  @ApiProperty({ type: BoardOrderFiguresView }) orders!: BoardOrderFiguresView;
  @ApiProperty({ type: BoardTaskFiguresView }) jointMeetingTasks!: BoardTaskFiguresView;
  @ApiProperty({ type: [BoardCompoundFiguresView] }) compounds!: BoardCompoundFiguresView[];
}

export class BoardStreetRefView {
  @ApiProperty(uuid()) streetId!: string;
  @ApiProperty() name!: string;
}

export class BoardStreetCommunityView {
  @ApiProperty(uuid()) communityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: BoardComplianceCountsView }) compliance!: BoardComplianceCountsView;
  @ApiProperty({ type: BoardOrderFiguresView }) orders!: BoardOrderFiguresView;
  @ApiProperty({ type: BoardTaskFiguresView }) jointMeetingTasks!: BoardTaskFiguresView;
}

/** 六方联动 of a street, its communities rolled up. */
export class StreetLinkageResponse {
  @ApiProperty({ type: BoardStreetRefView }) street!: BoardStreetRefView;
  @ApiProperty({ type: BoardComplianceCountsView }) compliance!: BoardComplianceCountsView;
  @ApiProperty({ type: BoardOrderFiguresView }) orders!: BoardOrderFiguresView;
  @ApiProperty({ type: BoardTaskFiguresView }) jointMeetingTasks!: BoardTaskFiguresView;
  @ApiProperty({ type: [BoardStreetCommunityView] }) communities!: BoardStreetCommunityView[];
}

/** The schemas only named through `nullable` (no `type:` of theirs), for `@ApiExtraModels`. */
export const LINKAGE_EXTRA_MODELS = [
  BoardPartyCommitteeView,
  BoardPersonIdsView,
  BoardBranchRefView,
  BoardSeatHolderView,
  BoardChairView,
  BoardOwnersCommitteeView,
  BoardPropertyCompanyView,
  BoardCompoundCommitteeRefView,
  BoardCompoundCompanyRefView,
];

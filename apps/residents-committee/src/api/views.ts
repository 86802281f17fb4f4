import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { GRID_LEVELS, GRID_POSTS, HOLDER_KINDS } from '../domain/grid-plan';
import {
  DEPARTMENT_KINDS,
  RESIDENT_FLAGS,
  VOLUNTEER_ACTIVITY_KINDS,
  VOLUNTEER_TEAM_KINDS,
  WHISTLE_LEVELS,
} from '@cogov/contracts';

/*
 * What the read routes answer, for the OpenAPI document. These shapes are not validated on the
 * way in, so they are described here and nowhere else; the contract test checks every answer of
 * the five-order walk against them.
 */

const EXECUTOR: ApiPropertyOptions = {
  type: 'object',
  // `required` lists the object's own fields; the property itself is required too.
  selfRequired: true,
  required: ['kind', 'id'],
  properties: { kind: { type: 'string' }, id: { type: 'string' } },
};

/** A nullable object inline: a nullable `$ref` would still apply the referred schema to null. */
const NULLABLE_EXECUTOR: ApiPropertyOptions = { ...EXECUTOR, nullable: true };

export class ChainStepView {
  @ApiProperty({ example: 'approved' }) stage!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) round!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Time since the previous step' })
  tookMs!: number | null;
  @ApiProperty() eventType!: string;
  @ApiProperty({ type: 'integer' }) globalPosition!: number;
}

export class HandBackView {
  @ApiProperty(EXECUTOR) executor!: { kind: string; id: string };
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ChainWhistleView {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty({ enum: WHISTLE_LEVELS }) level!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'uuid' }) whistlerId!: string;
  @ApiProperty({ format: 'date-time' }) whistledAt!: string;
}

export class ChainRoundView {
  @ApiProperty({ type: 'integer', minimum: 1 }) round!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dispatchedAt!: string | null;
  @ApiProperty(NULLABLE_EXECUTOR) assignee!: { kind: string; id: string } | null;
  @ApiProperty({ ...NULLABLE_EXECUTOR, description: 'The assignee, or a member of the pool it went to' })
  acceptedBy!: { kind: string; id: string } | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) arrivedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: [HandBackView] }) handBacks!: HandBackView[];
  @ApiProperty({ type: [ChainWhistleView], description: '吹哨: the departments the round was whistled to' })
  whistles!: ChainWhistleView[];
}

/** 五单服务 链条视图: one order, its stage and whole history. */
export class OrderChainResponse {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ example: 'residents-committee.order-…' }) streamId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) buildingId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '网格: the grid it fell in' })
  gridId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a patrol finding' })
  residentId!: string | null;
  @ApiProperty() category!: string;
  @ApiProperty() title!: string;
  @ApiProperty() channel!: string;
  @ApiProperty({ example: 'dispatched' }) stage!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) round!: number;
  @ApiProperty({ type: String, nullable: true }) priority!: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeKind!: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) takenBy!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) lastScore!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastComment!: string | null;
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [ChainStepView] }) history!: ChainStepView[];
  @ApiProperty({ type: [ChainRoundView] }) rounds!: ChainRoundView[];
}

export class OrderPageResponse {
  @ApiProperty({ type: [OrderChainResponse] }) items!: OrderChainResponse[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize!: number;
}

/**
 * A resident's record; `name` and `phone` are masked (`王**`, `138****1234`) when `masked`, and
 * the care flags withheld (null).
 */
export class ResidentResponse {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() phone!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...RESIDENT_FLAGS] },
    nullable: true,
    description: 'Care flags (关爱对象) as last set; null when masked',
  })
  flags!: string[] | null;
  @ApiProperty() masked!: boolean;
}

export class ResidentPageResponse {
  @ApiProperty({ type: [ResidentResponse] }) items!: ResidentResponse[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize!: number;
}

/** 街道: a street office above communities. */
export class StreetResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class DepartmentStaffView {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty() name!: string;
}

export class DepartmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) streetId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: DEPARTMENT_KINDS }) kind!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ type: [DepartmentStaffView] }) staff!: DepartmentStaffView[];
}

export class DepartmentListItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) streetId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: DEPARTMENT_KINDS }) kind!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) staffCount!: number;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class DepartmentListResponse {
  @ApiProperty({ type: [DepartmentListItemView] }) items!: DepartmentListItemView[];
}

export class GridPostView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: GRID_POSTS }) post!: string;
  @ApiProperty({ enum: HOLDER_KINDS }) holderKind!: string;
  @ApiProperty({ format: 'uuid' }) holderId!: string;
}

/** 网格: a zone, grid or basic grid of a community, with its posts (定格、定人、定岗、定责). */
export class GridResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: GRID_LEVELS }) level!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty({ type: [String] }) compoundIds!: string[];
  @ApiProperty({ type: [String] }) buildingIds!: string[];
  @ApiProperty({ type: [GridPostView] }) posts!: GridPostView[];
  @ApiProperty({ format: 'date-time' }) definedAt!: string;
}

export class GridTreeNodeView extends GridResponse {
  @ApiProperty({ type: () => [GridTreeNodeView] }) children!: GridTreeNodeView[];
}

export class GridTreeResponse {
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ type: [GridTreeNodeView] }) zones!: GridTreeNodeView[];
}

/** 志愿服务队: a community's volunteer team and its members' person ids. */
export class VolunteerTeamResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) streetId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: VOLUNTEER_TEAM_KINDS }) kind!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' } }) memberIds!: string[];
}

export class VolunteerTeamListItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) streetId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: VOLUNTEER_TEAM_KINDS }) kind!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) memberCount!: number;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class VolunteerTeamListResponse {
  @ApiProperty({ type: [VolunteerTeamListItemView] }) items!: VolunteerTeamListItemView[];
}

/** 志愿活动: what a team did, and whether community staff confirmed it. */
export class VolunteerActivityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) streetId!: string | null;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ enum: VOLUNTEER_ACTIVITY_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date', example: '2026-12-01' }) date!: string;
  @ApiProperty({ type: 'number', maximum: 24, description: 'More than 0' }) hours!: number;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' } }) participantIds!: string[];
  @ApiProperty({ enum: ['recorded', 'confirmed'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) confirmedBy!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) confirmedAt!: string | null;
}

export class VolunteerActivityListResponse {
  @ApiProperty({ type: [VolunteerActivityResponse] }) items!: VolunteerActivityResponse[];
}

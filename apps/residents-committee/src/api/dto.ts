import { ApiProperty, PickType } from '@nestjs/swagger';
import { JSONSchema } from 'class-validator-jsonschema';
import { FreeText, sameIdAnyCase } from '@cogov/http';
import { GRID_LEVELS, GRID_POSTS, HOLDER_KINDS } from '../domain/grid-plan';
import {
  DEPARTMENT_KINDS,
  EXECUTOR_KINDS,
  RESIDENT_FLAGS,
  VOLUNTEER_ACTIVITY_KINDS,
  VOLUNTEER_TEAM_KINDS,
  WHISTLE_LEVELS,
} from '@cogov/contracts';
import { ORDER_STAGES } from '../domain/order';
import { TENURES } from '../domain/resident';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsPositive,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

export class RegisterCommunityDto {
  @JSONSchema({ example: 'Jianxian Community' }) @IsString() @Length(1, 100) name!: string;
  @JSONSchema({ example: 'Jianxi Street' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  streetName?: string;
  @JSONSchema({ description: '街道: the street the community belongs to (POST /api/streets); optional' })
  @IsOptional()
  @IsUUID()
  streetId?: string;
}

export class RegisterStreetDto {
  @JSONSchema({ example: 'Jianxi Street' }) @IsString() @Length(1, 100) name!: string;
}

export class RegisterCompoundDto {
  @JSONSchema({ example: 'Peach Garden' }) @IsString() @Length(1, 100) name!: string;
  @JSONSchema({ example: '1 Peach Road' }) @IsString() @Length(1, 200) address!: string;
}

export class AddBuildingDto {
  @JSONSchema({ example: 'Building 3' }) @IsString() @Length(1, 100) name!: string;
  @JSONSchema({ example: '3' }) @IsString() @Length(1, 20) number!: string;
}

export class RegisterResidentDto {
  @IsUUID() communityId!: string;
  @IsUUID() compoundId!: string;
  @IsUUID() buildingId!: string;
  @JSONSchema({ example: 'Wang Fang' }) @IsString() @Length(1, 100) name!: string;
  @JSONSchema({ example: '13812341234' })
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone!: string;

  @JSONSchema({ description: '业主 / 租户: whether the resident owns their home; not recorded when absent' })
  @IsOptional()
  @IsIn(TENURES)
  tenure?: (typeof TENURES)[number];
}

export const WORKER_ROLES = ['director', 'deputy', 'grid-worker', 'service-station'] as const;
export class AppointWorkerDto {
  @JSONSchema({ example: 'Zhao Min' }) @IsString() @Length(1, 100) name!: string;
  @JSONSchema({ example: '13700007777' })
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone!: string;
  @IsIn(WORKER_ROLES) role!: (typeof WORKER_ROLES)[number];
}

export const ORDER_CATEGORIES = [
  'repair',
  'elderly-care',
  'neighbour-dispute',
  'environment',
  'safety',
  'other',
] as const;
export const ORDER_CHANNELS = ['app', 'service-station', 'hotline', 'building-leader'] as const;
export class PlaceOrderDto {
  @IsUUID() residentId!: string;
  @IsUUID() compoundId!: string;
  @IsOptional() @IsUUID() buildingId?: string;
  @IsIn(ORDER_CATEGORIES)
  category!: (typeof ORDER_CATEGORIES)[number];
  @JSONSchema({ example: 'Leaking pipe on floor 3' }) @IsString() @Length(1, 200) title!: string;
  @FreeText() @Length(1, 4000) description!: string;
  @IsIn(ORDER_CHANNELS) channel!: (typeof ORDER_CHANNELS)[number];
}

/** Whom an order may be dispatched to: the executors of the order-work language. */
export const ASSIGNEE_KINDS = EXECUTOR_KINDS;
export class DispatchOrderDto {
  @IsUUID() dispatcherId!: string;
  @IsIn(ASSIGNEE_KINDS) assigneeKind!: (typeof ASSIGNEE_KINDS)[number];
  @IsString() @Length(1, 100) assigneeId!: string;
}

export class RateOrderDto {
  @IsUUID() raterId!: string;
  @IsInt() @Min(1) @Max(5) score!: number;
  @JSONSchema({ example: 'Fixed the same day' }) @FreeText() @Length(0, 1000) comment!: string;
}

export class ListOrdersQueryDto {
  @IsOptional() @IsIn(ORDER_STAGES) stage?: string;
  @IsOptional() @IsUUID() compoundId?: string;
  @JSONSchema({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @JSONSchema({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/** A page of a department's in-tray. */
export class DepartmentOrdersQueryDto extends PickType(ListOrdersQueryDto, ['page', 'pageSize'] as const) {}

export class CreatedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class RecordTenureDto {
  @JSONSchema({ description: '业主 / 租户: whether the resident owns their home' })
  @IsIn(TENURES)
  tenure!: (typeof TENURES)[number];
}

export class SetResidentFlagsDto {
  @JSONSchema({
    description: '关爱对象: the resident’s care flags, the whole set replacing the last; [] clears them',
    example: ['living-alone-elderly'],
  })
  @IsArray()
  @ArrayMaxSize(RESIDENT_FLAGS.length)
  @ArrayUnique()
  @IsIn(RESIDENT_FLAGS, { each: true })
  flags!: Array<(typeof RESIDENT_FLAGS)[number]>;
}

export class AcknowledgeOrderDto {
  @IsUUID() staffId!: string;
}

export class DefineGridDto {
  @JSONSchema({ example: 'Grid 3' }) @IsString() @Length(1, 100) name!: string;
  @JSONSchema({ description: '片区 / 网格 / 基础网格' })
  @IsIn(GRID_LEVELS)
  level!: (typeof GRID_LEVELS)[number];
  @JSONSchema({ description: 'A zone has none; a grid lies in a zone, a basic grid in a grid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @JSONSchema({ description: 'Compounds of the community the grid covers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique(sameIdAnyCase)
  @IsUUID('all', { each: true })
  compoundIds?: string[];

  @JSONSchema({ description: 'Buildings the grid covers, in its compounds or its parents’ compounds' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique(sameIdAnyCase)
  @IsUUID('all', { each: true })
  buildingIds?: string[];
}

export class FillGridPostDto {
  @JSONSchema({ description: '网格长 / 专职网格员 / 兼职网格员' })
  @IsIn(GRID_POSTS)
  post!: (typeof GRID_POSTS)[number];
  @IsIn(HOLDER_KINDS) holderKind!: (typeof HOLDER_KINDS)[number];
  @JSONSchema({
    description: 'A worker of the community, a Party member, an approved building leader or a volunteer',
  })
  @IsUUID()
  holderId!: string;
}

export class RecordPatrolFindingDto {
  @JSONSchema({ description: 'The grid worker reporting; they hold a post on the grid' })
  @IsUUID()
  reporterId!: string;
  @IsUUID() compoundId!: string;
  @IsOptional() @IsUUID() buildingId?: string;
  @IsIn(ORDER_CATEGORIES) category!: (typeof ORDER_CATEGORIES)[number];
  @JSONSchema({ example: 'Blocked fire exit, building 3' }) @IsString() @Length(1, 200) title!: string;
  @FreeText() @Length(1, 4000) description!: string;
}

export class RegisterDepartmentDto {
  @JSONSchema({ description: '街道: the street whose directory the department is entered in' })
  @IsUUID()
  streetId!: string;
  @JSONSchema({ example: 'Jianxi Street Housing Office' }) @IsString() @Length(1, 100) name!: string;
  @IsIn(DEPARTMENT_KINDS) kind!: (typeof DEPARTMENT_KINDS)[number];
}

export class AddDepartmentStaffDto {
  @JSONSchema({ description: 'The person id their token carries (role department-staff)' })
  @IsUUID()
  staffId!: string;
  @JSONSchema({ example: 'Li Wei' }) @IsString() @Length(1, 100) name!: string;
}

export class ListDepartmentsQueryDto {
  @IsOptional() @IsUUID() streetId?: string;
}

export class WhistleOrderDto {
  @JSONSchema({ description: 'The community worker blowing the whistle: the caller' })
  @IsUUID()
  whistlerId!: string;
  @IsUUID() departmentId!: string;
  @JSONSchema({ description: 'Who is called: the street’s departments or the district’s' })
  @IsIn(WHISTLE_LEVELS)
  level!: (typeof WHISTLE_LEVELS)[number];
  @JSONSchema({ example: 'The leak comes from the water main under the road' })
  @FreeText()
  @Length(1, 1000)
  reason!: string;
}

export class DepartmentAcceptOrderDto {
  @JSONSchema({ example: 'Reporting in; a team comes this afternoon' })
  @IsOptional()
  @FreeText()
  @Length(1, 1000)
  note?: string;
}

export class DepartmentRecordArrivalDto {
  @JSONSchema({ example: 'On site; the main under the road has burst' })
  @IsOptional()
  @FreeText()
  @Length(1, 1000)
  note?: string;
}

export class DepartmentCompleteOrderDto {
  @JSONSchema({ example: 'Main repaired, road reopened' }) @FreeText() @Length(1, 4000) resultNote!: string;

  @JSONSchema({ example: ['https://evidence.example/main.jpg'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  evidence!: string[];
}

export class DepartmentHandBackOrderDto {
  @JSONSchema({ example: 'A matter for the district’s water company' })
  @FreeText()
  @Length(1, 1000)
  reason!: string;
}

export class RegisterVolunteerTeamDto {
  @JSONSchema({ description: '社区: the community the team serves' }) @IsUUID() communityId!: string;
  @JSONSchema({ example: 'Peach Garden Party members’ vanguard' }) @IsString() @Length(1, 100) name!: string;
  @JSONSchema({ description: '服务站志愿队 / 党员先锋队 / 居民志愿队' })
  @IsIn(VOLUNTEER_TEAM_KINDS)
  kind!: (typeof VOLUNTEER_TEAM_KINDS)[number];
}

export class AddVolunteerTeamMemberDto {
  @JSONSchema({
    description: 'A resident, a Party member or a worker of the community: the person id their token carries',
  })
  @IsUUID()
  personId!: string;
}

export class ListVolunteerTeamsQueryDto {
  @IsOptional() @IsUUID() communityId?: string;
}

export class VolunteerTeamAcceptOrderDto {
  @JSONSchema({ example: 'Two of us go this afternoon' })
  @IsOptional()
  @FreeText()
  @Length(1, 1000)
  note?: string;
}

export class VolunteerTeamRecordArrivalDto {
  @JSONSchema({ example: 'On site with the shopping list' })
  @IsOptional()
  @FreeText()
  @Length(1, 1000)
  note?: string;
}

export class VolunteerTeamCompleteOrderDto {
  @JSONSchema({ example: 'Groceries delivered' }) @FreeText() @Length(1, 4000) resultNote!: string;

  @JSONSchema({ example: ['https://evidence.example/groceries.jpg'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  evidence!: string[];
}

export class VolunteerTeamHandBackOrderDto {
  @JSONSchema({ example: 'Needs a plumber, not volunteers' })
  @FreeText()
  @Length(1, 1000)
  reason!: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class RecordVolunteerActivityDto {
  @IsUUID() communityId!: string;
  @JSONSchema({ description: 'The community’s volunteer team that served' }) @IsUUID() teamId!: string;
  @IsIn(VOLUNTEER_ACTIVITY_KINDS) kind!: (typeof VOLUNTEER_ACTIVITY_KINDS)[number];
  @JSONSchema({ example: 'Visiting elderly people living alone' }) @IsString() @Length(1, 200) title!: string;
  @JSONSchema({ description: 'The day it took place, YYYY-MM-DD (China’s calendar)', example: '2026-12-01' })
  @Matches(DAY, { message: 'date must be a day, YYYY-MM-DD' })
  date!: string;
  // OpenAPI 3.0 reads `exclusiveMinimum` as a boolean and JSON Schema (ajv) as a number: the
  // document says `minimum: 0` in words, and IsPositive refuses 0 itself.
  @JSONSchema(({ exclusiveMinimum: _, ...schema }) => ({
    ...schema,
    minimum: 0,
    description: 'Hours each participant served: more than 0 (0 itself is refused), at most 24',
    example: 2.5,
  }))
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(24)
  hours!: number;
  @JSONSchema({ description: 'Who served: person ids (residents, Party members, workers), each once' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique(sameIdAnyCase)
  @IsUUID('all', { each: true })
  participantIds!: string[];
}

export class ListVolunteerActivitiesQueryDto {
  @IsOptional() @IsUUID() communityId?: string;
  @IsOptional() @IsUUID() teamId?: string;
  @JSONSchema({ description: 'From this day, YYYY-MM-DD, inclusive' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day, YYYY-MM-DD' })
  from?: string;
  @JSONSchema({ description: 'To this day, YYYY-MM-DD, inclusive' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day, YYYY-MM-DD' })
  to?: string;
}

export class ConfirmVolunteerActivityDto {
  @JSONSchema({ description: 'The worker of the community confirming: the caller' })
  @IsUUID()
  confirmedBy!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { JSONSchema } from 'class-validator-jsonschema';
import { FreeText, sameIdAnyCase } from '@cogov/http';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

export const ORGANIZATION_KINDS = ['community-committee', 'branch', 'group', 'company-branch'] as const;
export class FoundOrganizationDto {
  @JSONSchema({ description: '社区大党委 / 网格·小区党支部 / 楼栋党小组 / 物业企业党支部' })
  @IsIn(ORGANIZATION_KINDS)
  kind!: (typeof ORGANIZATION_KINDS)[number];

  @JSONSchema({ example: 'Peach Garden Branch' }) @IsString() @Length(1, 100) name!: string;
  @IsUUID() communityId!: string;

  @JSONSchema({ description: 'The community committee of a branch; the branch of a group' })
  @ValidateIf((o: FoundOrganizationDto) => o.kind !== 'community-committee' || o.parentId !== undefined)
  @IsUUID()
  parentId?: string;

  @JSONSchema({ description: 'The property company of a company branch (红色物业)' })
  @ValidateIf((o: FoundOrganizationDto) => o.kind === 'company-branch' || o.companyId !== undefined)
  @IsUUID()
  companyId?: string;

  @JSONSchema({ description: 'Compounds a branch covers' })
  @IsOptional()
  @IsArray()
  @ArrayUnique(sameIdAnyCase)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  compoundIds?: string[];

  @JSONSchema({ description: 'Buildings a group covers' })
  @IsOptional()
  @IsArray()
  @ArrayUnique(sameIdAnyCase)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  buildingIds?: string[];
}

export const MEMBERSHIPS = ['registered', 'reporting-in'] as const;
export class RegisterMemberDto {
  @IsUUID() organizationId!: string;
  @JSONSchema({ example: 'Chen Jie' }) @IsString() @Length(1, 100) name!: string;
  @JSONSchema({ example: '13600001111' })
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone!: string;
  @JSONSchema({ description: '在册党员 / 双报到党员' })
  @IsIn(MEMBERSHIPS)
  membership!: (typeof MEMBERSHIPS)[number];
}

export const REVIEW_DECISIONS = ['approve', 'reject', 'merge', 'need-info'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export class ReviewOrderDto {
  @IsUUID() reviewerId!: string;
  @IsIn(REVIEW_DECISIONS)
  decision!: (typeof REVIEW_DECISIONS)[number];
  @FreeText() @Length(0, 2000) note!: string;
  @IsIn(PRIORITIES) priority!: (typeof PRIORITIES)[number];

  @JSONSchema({ description: 'Required when rejecting' })
  @ValidateIf((o: ReviewOrderDto) => o.decision === 'reject' || o.reason !== undefined)
  @FreeText()
  @Length(1, 2000, { message: 'reason is required to reject an order' })
  reason?: string;

  @JSONSchema({ description: 'Required when merging: the order this one duplicates' })
  @ValidateIf((o: ReviewOrderDto) => o.decision === 'merge' || o.duplicateOfOrderId !== undefined)
  @IsUUID('all', { message: 'duplicateOfOrderId must be the id of the order this one duplicates' })
  duplicateOfOrderId?: string;
}

export class TakeOrderDto {
  @IsUUID() memberId!: string;
}

export class CompleteOrderDto {
  @IsUUID() memberId!: string;
  @JSONSchema({ example: 'Replaced the joint' }) @FreeText() @Length(1, 4000) resultNote!: string;

  @JSONSchema({ example: ['https://evidence.example/photo.jpg'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  evidence!: string[];
}

export class IdDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class RecordArrivalDto {
  @IsUUID() memberId!: string;
  @JSONSchema({ example: 'On site; the pipe joint under the sink is leaking' })
  @IsOptional()
  @FreeText()
  @Length(1, 1000)
  note?: string;
}

export class HandBackOrderDto {
  @IsUUID() memberId!: string;
  @JSONSchema({ example: 'Needs a licensed electrician' }) @FreeText() @Length(1, 1000) reason!: string;
}

export const SEAT_KINDS = ['secretary', 'deputy-secretary', 'committee-member'] as const;
export const SEAT_HOLDS = ['owners-committee-chair', 'property-manager', 'community-police'] as const;
export class FillSeatDto {
  @JSONSchema({ example: 'Li Hua' }) @IsString() @Length(1, 100) personName!: string;

  @JSONSchema({ description: 'The Party member this person is, a member of this organization' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @JSONSchema({ description: 'The resident this person is, a resident of its community' })
  @IsOptional()
  @IsUUID()
  residentId?: string;

  @JSONSchema({ description: '书记 / 副书记 / 委员' })
  @IsIn(SEAT_KINDS)
  seat!: (typeof SEAT_KINDS)[number];

  @JSONSchema({ description: '交叉任职: the other post the person holds; none when absent' })
  @IsOptional()
  @IsIn(SEAT_HOLDS)
  holds?: (typeof SEAT_HOLDS)[number];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const PARTIES = [
  'branch',
  'owners-committee',
  'property-company',
  'residents-committee',
  'building-leaders',
] as const;

export class AttendeeDto {
  @JSONSchema({ description: 'The party the person attends for' })
  @IsIn(PARTIES)
  party!: (typeof PARTIES)[number];

  @JSONSchema({ example: 'Li Hua' }) @IsString() @Length(1, 100) personName!: string;

  @JSONSchema({ description: 'The person’s or body’s id in its own context, where there is one' })
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class ConveneJointMeetingDto {
  @JSONSchema({ description: 'The branch covering the compound, which leads the meeting' })
  @IsUUID()
  branchId!: string;

  @IsUUID() compoundId!: string;

  @JSONSchema({ example: '2025-03-01' })
  @Matches(DAY, { message: 'date must be a date, YYYY-MM-DD' })
  date!: string;

  // The generated schema cannot see through class-transformer's @Type: the items are named here.
  @JSONSchema({ type: 'array', items: { $ref: '#/components/schemas/AttendeeDto' } })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees!: AttendeeDto[];
}

export const AGENDA_KINDS = ['order', 'opinion', 'evaluation', 'other'] as const;
export class AddAgendaItemDto {
  @IsIn(AGENDA_KINDS) kind!: (typeof AGENDA_KINDS)[number];

  @JSONSchema({ description: 'The order, opinion or evaluation; none for another matter' })
  @ValidateIf((o: AddAgendaItemDto) => o.kind !== 'other' || o.refId !== undefined)
  @IsUUID()
  refId?: string;

  @JSONSchema({ example: 'The broken gate of building 3' }) @FreeText() @Length(1, 200) title!: string;
}

export class TaskDto {
  @IsIn(PARTIES) ownerParty!: (typeof PARTIES)[number];

  @JSONSchema({ description: 'Who in that party owns the task: a person’s or body’s id' })
  @IsUUID()
  ownerId!: string;

  @JSONSchema({ example: '2025-03-15' })
  @Matches(DAY, { message: 'dueOn must be a date, YYYY-MM-DD' })
  dueOn!: string;
}

export class RecordDecisionDto {
  @JSONSchema({ example: 'The property company repairs the gate' })
  @FreeText()
  @Length(1, 4000)
  text!: string;

  @JSONSchema({ type: 'array', items: { $ref: '#/components/schemas/TaskDto' } })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TaskDto)
  tasks!: TaskDto[];
}

export class TaskProgressDto {
  @JSONSchema({ example: 'Parts ordered' }) @FreeText() @Length(1, 2000) note!: string;

  @JSONSchema({ description: 'Whether the task is done with this' })
  @IsBoolean()
  done!: boolean;
}

export class DecisionCreatedDto {
  @ApiProperty({ format: 'uuid', description: 'The decision' }) id!: string;
  @ApiProperty({ type: [String], description: 'Its tasks, in the order given' }) taskIds!: string[];
}

export class CloseJointMeetingDto {
  @JSONSchema({ example: 'Adjourned: the remaining tasks go on' }) @FreeText() @Length(1, 2000) note!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FreeText, sameIdAnyCase } from '@cogov/http';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';

const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

export const ORGANIZATION_KINDS = ['community-committee', 'branch', 'group'] as const;
export class FoundOrganizationDto {
  @ApiProperty({ enum: ORGANIZATION_KINDS, description: '社区大党委 / 网格·小区党支部 / 楼栋党小组' })
  @IsIn(ORGANIZATION_KINDS)
  kind!: (typeof ORGANIZATION_KINDS)[number];

  @ApiProperty({ example: 'Peach Garden Branch' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty() @IsUUID() communityId!: string;

  @ApiPropertyOptional({ description: 'The community committee of a branch; the branch of a group' })
  @ValidateIf((o: FoundOrganizationDto) => o.kind !== 'community-committee' || o.parentId !== undefined)
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Compounds a branch covers' })
  @IsOptional()
  @IsArray()
  @ArrayUnique(sameIdAnyCase)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  compoundIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Buildings a group covers' })
  @IsOptional()
  @IsArray()
  @ArrayUnique(sameIdAnyCase)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  buildingIds?: string[];
}

export const MEMBERSHIPS = ['registered', 'reporting-in'] as const;
export class RegisterMemberDto {
  @ApiProperty() @IsUUID() organizationId!: string;
  @ApiProperty({ example: 'Chen Jie' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ example: '13600001111' })
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone!: string;
  @ApiProperty({ enum: MEMBERSHIPS, description: '在册党员 / 双报到党员' })
  @IsIn(MEMBERSHIPS)
  membership!: (typeof MEMBERSHIPS)[number];
}

export const REVIEW_DECISIONS = ['approve', 'reject', 'merge', 'need-info'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export class ReviewOrderDto {
  @ApiProperty() @IsUUID() reviewerId!: string;
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS)
  decision!: (typeof REVIEW_DECISIONS)[number];
  @ApiProperty() @FreeText() @Length(0, 2000) note!: string;
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) priority!: (typeof PRIORITIES)[number];

  @ApiPropertyOptional({ description: 'Required when rejecting' })
  @ValidateIf((o: ReviewOrderDto) => o.decision === 'reject' || o.reason !== undefined)
  @FreeText()
  @Length(1, 2000, { message: 'reason is required to reject an order' })
  reason?: string;

  @ApiPropertyOptional({ description: 'Required when merging: the order this one duplicates' })
  @ValidateIf((o: ReviewOrderDto) => o.decision === 'merge' || o.duplicateOfOrderId !== undefined)
  @IsUUID('all', { message: 'duplicateOfOrderId must be the id of the order this one duplicates' })
  duplicateOfOrderId?: string;
}

export class TakeOrderDto {
  @ApiProperty() @IsUUID() memberId!: string;
}

export class CompleteOrderDto {
  @ApiProperty() @IsUUID() memberId!: string;
  @ApiProperty({ example: 'Replaced the joint' }) @FreeText() @Length(1, 4000) resultNote!: string;

  @ApiProperty({ type: [String], example: ['https://evidence.example/photo.jpg'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  evidence!: string[];
}

export class IdDto {
  @ApiProperty() id!: string;
}

export class RecordArrivalDto {
  @ApiProperty() @IsUUID() memberId!: string;
  @ApiPropertyOptional({ example: 'On site; the pipe joint under the sink is leaking' })
  @IsOptional()
  @FreeText()
  @Length(1, 1000)
  note?: string;
}

export class HandBackOrderDto {
  @ApiProperty() @IsUUID() memberId!: string;
  @ApiProperty({ example: 'Needs a licensed electrician' }) @FreeText() @Length(1, 1000) reason!: string;
}

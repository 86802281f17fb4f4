import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { FreeText } from '@cogov/http';
import { DUTY_ITEMS } from '../domain/member-duties';
import { REPORT_IN_DECISIONS } from '../domain/member';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** 双报到: where an in-service member lives, and where they work. */
export class ReportInDto {
  @JSONSchema({ description: 'The community the member lives in and reports in to' })
  @IsUUID()
  communityId!: string;

  @JSONSchema({ description: 'The member’s work unit (在职单位)', example: 'District Water Bureau' })
  @IsString()
  @Length(1, 200)
  workUnit!: string;

  @JSONSchema({ description: 'The work unit’s Party organization', example: 'Water Bureau Party Branch' })
  @IsString()
  @Length(1, 200)
  workUnitOrganization!: string;

  @JSONSchema({ description: 'The member’s home address in the community', example: 'Building 3, Room 401' })
  @IsString()
  @Length(1, 300)
  address!: string;
}

export class ReportInDecisionDto {
  @IsIn(REPORT_IN_DECISIONS) decision!: (typeof REPORT_IN_DECISIONS)[number];

  @JSONSchema({ description: 'Required when declining' })
  @ValidateIf((o: ReportInDecisionDto) => o.decision === 'decline' || o.reason !== undefined)
  @FreeText()
  @Length(1, 2000, { message: 'reason is required to decline a report-in' })
  reason?: string;
}

export class RecordDutyDto {
  @JSONSchema({ description: 'The year the item counts for (China’s calendar)', example: 2026 })
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year!: number;

  @JSONSchema({
    description:
      'party-meeting (社区党组织活动), talk (与社区干部谈心), survey (社区调研), volunteer-day (志愿服务), pairing (结对帮扶)',
  })
  @IsIn(DUTY_ITEMS)
  item!: (typeof DUTY_ITEMS)[number];

  @JSONSchema({ description: 'The day it was done, YYYY-MM-DD, in the year', example: '2026-05-20' })
  @Matches(DAY, { message: 'date must be a date, YYYY-MM-DD' })
  date!: string;

  @IsOptional() @FreeText() @Length(1, 2000) note?: string;

  @JSONSchema({
    description:
      'Required for a pairing, refused otherwise: a resident flagged living-alone-elderly or left-behind-child',
  })
  @ValidateIf((o: RecordDutyDto) => o.item === 'pairing' || o.residentId !== undefined)
  @IsUUID('all', { message: 'residentId must be the id of the resident a pairing is with' })
  residentId?: string;
}

export class DutyYearQueryDto {
  @JSONSchema({ description: 'The year (China’s calendar); this year by default' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year?: number;
}

/* What the duties' read routes answer, for the OpenAPI document. */

export class DutyEvidenceView {
  @ApiProperty({ format: 'uuid' }) dutyId!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ['recorded', 'volunteer-activity'] }) source!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The resident of a pairing' })
  residentId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The confirmed volunteer activity' })
  activityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) activityTitle!: string | null;
  @ApiProperty({ type: Number, nullable: true }) hours!: number | null;
}

export class DutyItemView {
  @ApiProperty({ enum: DUTY_ITEMS }) item!: string;
  @ApiProperty() done!: boolean;
  @ApiProperty({ type: [DutyEvidenceView] }) evidence!: DutyEvidenceView[];
}

export class MemberDutiesResponse {
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'All five items done' }) complete!: boolean;
  @ApiProperty({ type: [DutyItemView] }) items!: DutyItemView[];
}

export class MemberRefView {
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty() name!: string;
}

export class BoardItemView {
  @ApiProperty({ enum: DUTY_ITEMS }) item!: string;
  @ApiProperty({ description: 'Members who did it' }) done!: number;
  @ApiProperty({ type: [MemberRefView], description: 'Exactly the members missing it' })
  missing!: MemberRefView[];
}

export class OrganizationDutiesResponse {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() members!: number;
  @ApiProperty({ description: 'Members with all five done' }) complete!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'complete ÷ members; null without members' })
  completionRate!: number | null;
  @ApiProperty({ type: [BoardItemView] }) items!: BoardItemView[];
}

export class ReportedInMemberView {
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) registeredCommunityId!: string;
  @ApiProperty({ enum: ['pending', 'confirmed'] }) status!: string;
  @ApiProperty() workUnit!: string;
  @ApiProperty() workUnitOrganization!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ format: 'date-time' }) reportedInAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt!: string | null;
  @ApiProperty({ type: MemberDutiesResponse }) duties!: MemberDutiesResponse;
}

export class ReportedInMembersResponse {
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: [ReportedInMemberView] }) members!: ReportedInMemberView[];
}

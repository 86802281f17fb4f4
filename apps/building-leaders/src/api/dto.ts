import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { JSONSchema } from 'class-validator-jsonschema';
import { NEED_CATEGORIES } from '@cogov/contracts';
import { FreeText, sameIdAnyCase } from '@cogov/http';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const NOMINATIONS = ['self', 'residents', 'branch'] as const;
export class NominateLeaderDto {
  @IsUUID() compoundId!: string;
  @JSONSchema({ description: 'The resident put forward; they live in the compound' })
  @IsUUID()
  residentId!: string;

  @JSONSchema({ description: 'Buildings of the compound the leader looks after' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique(sameIdAnyCase)
  @IsUUID('all', { each: true })
  buildingIds!: string[];

  @JSONSchema({ description: '自荐 / 居民推荐 / 党支部推荐' })
  @IsIn(NOMINATIONS)
  nominatedBy!: (typeof NOMINATIONS)[number];

  @JSONSchema({ description: 'When the leader is a Party member: the member, of the same community' })
  @IsOptional()
  @IsUUID()
  memberId?: string;
}

export const VETTING_DECISIONS = ['approve', 'reject'] as const;
export class VetLeaderDto {
  @IsUUID() vetterId!: string;
  @IsIn(VETTING_DECISIONS) decision!: (typeof VETTING_DECISIONS)[number];
  @IsOptional() @FreeText() @Length(0, 2000) note?: string;
}

/** 入户: a household, for a flat whose people are not registered (yet). */
export class HouseholdDto {
  @JSONSchema({ description: 'One of the leader’s buildings' }) @IsUUID() buildingId!: string;
  @JSONSchema({ description: 'The unit and room', example: 'Unit 2, room 601' })
  @IsString()
  @Length(1, 100)
  label!: string;
}

export class RecordVisitDto {
  @JSONSchema({ description: 'The building leader visiting: the one in the path' })
  @IsUUID()
  leaderId!: string;
  @JSONSchema({ description: 'The resident visited; or give `household` instead (exactly one of the two)' })
  @IsOptional()
  @IsUUID()
  residentId?: string;

  // A $ref takes no siblings: the description goes beside it through allOf.
  @JSONSchema(() => ({
    allOf: [{ $ref: '#/components/schemas/HouseholdDto' }],
    description: 'The household visited; or give `residentId` instead (exactly one of the two)',
  }))
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => HouseholdDto)
  household?: HouseholdDto;

  @FreeText() @Length(1, 4000) notes!: string;

  @JSONSchema({ description: 'Needs found on the visit, one short line each', example: ['Grab rail'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  needsFound?: string[];
}

export class ReferNeedDto {
  @JSONSchema({ description: 'The building leader referring: the one in the path' })
  @IsUUID()
  leaderId!: string;
  @JSONSchema({ description: 'The visit the need was found on; the order is placed for its resident' })
  @IsUUID()
  visitId!: string;
  @JSONSchema({
    description: 'After a household visit: the resident of that building the order is placed for',
  })
  @IsOptional()
  @IsUUID()
  residentId?: string;
  @IsIn(NEED_CATEGORIES) category!: (typeof NEED_CATEGORIES)[number];
  @JSONSchema({ example: 'Grab rail in the bathroom' }) @IsString() @Length(1, 200) title!: string;
  @FreeText() @Length(1, 4000) description!: string;
}

export class ReportOpinionDto {
  @JSONSchema({ description: 'The building leader reporting: the one in the path' })
  @IsUUID()
  leaderId!: string;
  @JSONSchema({ example: 'Parking in the fire lane' }) @IsString() @Length(1, 200) topic!: string;
  @FreeText() @Length(1, 4000) text!: string;

  @JSONSchema({ description: 'Residents of the compound the opinion concerns' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique(sameIdAnyCase)
  @IsUUID('all', { each: true })
  residentIds?: string[];
}

export class IdDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class ListOpinionsQueryDto {
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

export class OpinionResponse {
  @ApiProperty({ format: 'uuid' }) opinionId!: string;
  @ApiProperty({ format: 'uuid' }) leaderId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) residentIds!: string[];
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
}

export class OpinionPageResponse {
  @ApiProperty({ type: [OpinionResponse] }) items!: OpinionResponse[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize!: number;
}

/** Who works on the order: the leader of the path (or residents' committee staff for them). */
class AsTheLeaderDto {
  @JSONSchema({ description: 'The building leader working on the order: the one in the path' })
  @IsUUID()
  leaderId!: string;
}

export class AcceptLeaderOrderDto extends AsTheLeaderDto {
  @JSONSchema({ example: 'I will come by this evening' })
  @IsOptional()
  @FreeText()
  @Length(1, 1000)
  note?: string;
}

export class RecordLeaderArrivalDto extends AsTheLeaderDto {
  @JSONSchema({ example: 'On site; the neighbour is home' })
  @IsOptional()
  @FreeText()
  @Length(1, 1000)
  note?: string;
}

export class CompleteLeaderOrderDto extends AsTheLeaderDto {
  @JSONSchema({ example: 'Helped fit the grab rail' }) @FreeText() @Length(1, 4000) resultNote!: string;

  @JSONSchema({ example: ['https://evidence.example/photo.jpg'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  evidence!: string[];
}

export class HandBackLeaderOrderDto extends AsTheLeaderDto {
  @JSONSchema({ example: 'Needs a plumber' }) @FreeText() @Length(1, 1000) reason!: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class OpenMediationDto {
  @JSONSchema({ description: 'The building leader mediating (调解员)' })
  @IsUUID()
  mediatorId!: string;
  @JSONSchema({ description: 'The building of the compound the dispute is in' })
  @IsUUID()
  buildingId!: string;

  @JSONSchema({
    description:
      'Parties who are residents of the compound; the first is the one an escalation’s order is for',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique(sameIdAnyCase)
  @IsUUID('all', { each: true })
  residentIds?: string[];

  @JSONSchema({
    description: 'Parties who are not registered residents, by name (kept in this context)',
    example: ['Mr Wang, tenant of 602'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  persons?: string[];

  @JSONSchema({ example: 'Water leaking from 602 into 502 since January' })
  @FreeText()
  @Length(1, 2000)
  summary!: string;
}

export class MediationSessionDto {
  @JSONSchema({ description: 'The mediator: the building leader of the mediation' })
  @IsUUID()
  mediatorId!: string;
  @JSONSchema({ format: 'date', example: '2025-03-01' })
  @Matches(ISO_DATE, { message: 'heldOn must be a date (YYYY-MM-DD)' })
  heldOn!: string;
  @FreeText() @Length(1, 4000) notes!: string;
}

export const MEDIATION_OUTCOMES = ['settled', 'escalated'] as const;
export class MediationOutcomeDto {
  @JSONSchema({ description: 'The mediator: the building leader of the mediation' })
  @IsUUID()
  mediatorId!: string;
  @JSONSchema({ description: '调解成功 settled, or escalated into an order of category neighbour-dispute' })
  @IsIn(MEDIATION_OUTCOMES)
  outcome!: (typeof MEDIATION_OUTCOMES)[number];
  @IsOptional() @FreeText() @Length(0, 1000) note?: string;
}

export class MediationSessionResponse {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'date' }) heldOn!: string;
  @ApiProperty() notes!: string;
}

export class MediationResponse {
  @ApiProperty({ format: 'uuid' }) mediationId!: string;
  @ApiProperty({ enum: ['open', ...MEDIATION_OUTCOMES] }) status!: string;
  @ApiProperty({ format: 'uuid', description: 'The mediating building leader' }) leaderId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) residentIds!: string[];
  @ApiProperty({ type: [String] }) persons!: string[];
  @ApiProperty() summary!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: [MediationSessionResponse] }) sessions!: MediationSessionResponse[];
  @ApiProperty({ type: String, nullable: true }) outcomeNote!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The order an escalation became, once the residents’ committee placed it',
  })
  orderId!: string | null;
}

export class NameGridWorkerDto {
  @JSONSchema({ description: 'The residents’ committee staff member naming the leader' })
  @IsUUID()
  namedBy!: string;
  @JSONSchema({ description: 'The grid, by its id; or give gridLabel (exactly one of the two)' })
  @IsOptional()
  @IsUUID()
  gridId?: string;
  @JSONSchema({ description: 'The grid, by its label, until grids are known by id', example: 'Grid 3, east' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  gridLabel?: string;
}

export class GridPostResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) gridId!: string | null;
  @ApiProperty({ type: String, nullable: true }) gridLabel!: string | null;
  @ApiProperty({ format: 'date-time' }) namedAt!: string;
}

export class LeaderResponse {
  @ApiProperty({ format: 'uuid' }) leaderId!: string;
  @ApiProperty({ enum: ['nominated', 'approved', 'rejected'] }) status!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) buildingIds!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) memberId!: string | null;
  @ApiProperty({
    type: GridPostResponse,
    nullable: true,
    description: '兼职网格员: the grid the leader serves as a part-time grid worker',
  })
  gridWorker!: GridPostResponse | null;
}

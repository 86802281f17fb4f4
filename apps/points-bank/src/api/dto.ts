import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  NotEquals,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { FreeText } from '@cogov/http';
import { ORDER_PRIORITIES } from '../domain/standards';

/** A calendar day, `YYYY-MM-DD` (a day the month lacks is refused by the domain). */
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const POINTS_MAX = 100_000;

export class OrderPointsDto {
  @JSONSchema({ description: 'An order category as orders are placed (`repair`, `elderly-care` …)' })
  @IsString()
  @Length(1, 40)
  category!: string;

  @IsIn(ORDER_PRIORITIES) priority!: (typeof ORDER_PRIORITIES)[number];

  @IsInt() @Min(0) @Max(POINTS_MAX) points!: number;
}

/** Points per volunteer activity of each kind (added to its hours × per-hour); a kind absent earns 0. */
export class ActivityKindPointsDto {
  @IsOptional() @IsInt() @Min(0) @Max(POINTS_MAX) 'elderly-care'?: number;
  @IsOptional() @IsInt() @Min(0) @Max(POINTS_MAX) 'child-care'?: number;
  @IsOptional() @IsInt() @Min(0) @Max(POINTS_MAX) environment?: number;
  @IsOptional() @IsInt() @Min(0) @Max(POINTS_MAX) 'safety-patrol'?: number;
  @IsOptional() @IsInt() @Min(0) @Max(POINTS_MAX) civility?: number;
  @IsOptional() @IsInt() @Min(0) @Max(POINTS_MAX) health?: number;
  @IsOptional() @IsInt() @Min(0) @Max(POINTS_MAX) culture?: number;
  @IsOptional() @IsInt() @Min(0) @Max(POINTS_MAX) other?: number;
}

export class PublishStandardDto {
  @JSONSchema({
    description: 'The standard’s name: streets that share it (and its version) redeem each other’s deposits',
  })
  @IsString()
  @Length(1, 100)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'standardId must be letters, digits or . _ -' })
  standardId!: string;

  @JSONSchema({ description: 'Increasing per standardId within the street' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;

  @JSONSchema({
    description: 'The first day it is in force (China’s calendar)',
    format: 'date',
    example: '2026-01-01',
  })
  @Matches(DAY, { message: 'effectiveFrom must be a date, YYYY-MM-DD' })
  effectiveFrom!: string;

  // The generated schema cannot see through class-transformer's @Type: the items are named here.
  @JSONSchema({
    type: 'array',
    items: { $ref: '#/components/schemas/OrderPointsDto' },
    description: 'Points per completed (and closed) order, by category and priority',
  })
  @IsArray()
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  @Type(() => OrderPointsDto)
  orders!: OrderPointsDto[];

  @IsInt() @Min(0) @Max(POINTS_MAX) perVolunteerHour!: number;

  // A $ref takes no siblings: the description goes beside it through allOf.
  @JSONSchema(() => ({
    allOf: [{ $ref: '#/components/schemas/ActivityKindPointsDto' }],
    description: 'Points per activity of each kind, added to its hours × per-hour',
  }))
  @IsObject()
  @ValidateNested()
  @Type(() => ActivityKindPointsDto)
  perActivityKind!: ActivityKindPointsDto;

  @JSONSchema({ description: 'Added to an order’s points when the resident rated it 5' })
  @IsInt()
  @Min(0)
  @Max(POINTS_MAX)
  ratingFiveBonus!: number;
}

export class AddCatalogueItemDto {
  @FreeText() @Length(1, 200) name!: string;
  @IsInt() @Min(1) @Max(POINTS_MAX) points!: number;
}

export class RedeemPointsDto {
  @JSONSchema({ description: 'The person whose points are redeemed' })
  @IsUUID()
  personId!: string;

  @JSONSchema({ description: 'The community of the service station redeeming' })
  @IsUUID()
  communityId!: string;

  @JSONSchema({ description: 'An item of that community’s catalogue' })
  @IsUUID()
  itemId!: string;
}

export class CorrectPointsDto {
  @JSONSchema({
    description: 'Points added (or, negative, taken) from the street’s deposit; never below zero',
  })
  @IsInt()
  @NotEquals(0)
  @Min(-POINTS_MAX)
  @Max(POINTS_MAX)
  points!: number;

  @FreeText() @Length(1, 500) reason!: string;

  @JSONSchema({ description: 'The street whose deposit is corrected' })
  @IsUUID()
  streetId!: string;

  @JSONSchema({ description: 'The community the correction is made for (of that street)' })
  @IsOptional()
  @IsUUID()
  communityId?: string;
}

export class StatementQueryDto {
  @JSONSchema({ description: 'The year (China’s calendar)' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year!: number;
}

export class LeaderboardQueryDto {
  @IsOptional() @IsUUID() communityId?: string;
  @IsOptional() @IsUUID() streetId?: string;
  @JSONSchema({ description: 'The year (China’s calendar); this year if absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year?: number;
  @JSONSchema({ default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class IdDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FreeText } from '@cogov/http';
import { EXECUTOR_KINDS } from '@cogov/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

export class RegisterCommunityDto {
  @ApiProperty({ example: 'Jianxian Community' }) @IsString() @Length(1, 100) name!: string;
  @ApiPropertyOptional({ example: 'Jianxi Street' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  streetName?: string;
}

export class RegisterCompoundDto {
  @ApiProperty({ example: 'Peach Garden' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ example: '1 Peach Road' }) @IsString() @Length(1, 200) address!: string;
}

export class AddBuildingDto {
  @ApiProperty({ example: 'Building 3' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ example: '3' }) @IsString() @Length(1, 20) number!: string;
}

export class RegisterResidentDto {
  @ApiProperty() @IsUUID() communityId!: string;
  @ApiProperty() @IsUUID() compoundId!: string;
  @ApiProperty() @IsUUID() buildingId!: string;
  @ApiProperty({ example: 'Wang Fang' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ example: '13812341234' })
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone!: string;
}

export const WORKER_ROLES = ['director', 'deputy', 'grid-worker', 'service-station'] as const;
export class AppointWorkerDto {
  @ApiProperty({ example: 'Zhao Min' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ example: '13700007777' })
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone!: string;
  @ApiProperty({ enum: WORKER_ROLES }) @IsIn(WORKER_ROLES) role!: (typeof WORKER_ROLES)[number];
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
  @ApiProperty() @IsUUID() residentId!: string;
  @ApiProperty() @IsUUID() compoundId!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() buildingId?: string;
  @ApiProperty({ enum: ORDER_CATEGORIES })
  @IsIn(ORDER_CATEGORIES)
  category!: (typeof ORDER_CATEGORIES)[number];
  @ApiProperty({ example: 'Leaking pipe on floor 3' }) @IsString() @Length(1, 200) title!: string;
  @ApiProperty() @FreeText() @Length(1, 4000) description!: string;
  @ApiProperty({ enum: ORDER_CHANNELS }) @IsIn(ORDER_CHANNELS) channel!: (typeof ORDER_CHANNELS)[number];
}

/** Whom an order may be dispatched to: the executors of the order-work language. */
export const ASSIGNEE_KINDS = EXECUTOR_KINDS;
export class DispatchOrderDto {
  @ApiProperty() @IsUUID() dispatcherId!: string;
  @ApiProperty({ enum: ASSIGNEE_KINDS }) @IsIn(ASSIGNEE_KINDS) assigneeKind!: (typeof ASSIGNEE_KINDS)[number];
  @ApiProperty() @IsString() @Length(1, 100) assigneeId!: string;
}

export class RateOrderDto {
  @ApiProperty() @IsUUID() raterId!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) score!: number;
  @ApiProperty({ example: 'Fixed the same day' }) @FreeText() @Length(0, 1000) comment!: string;
}

export const ORDER_STAGES = [
  'placed',
  'approved',
  'rejected',
  'merged',
  'awaiting-info',
  'dispatched',
  'taken',
  'completed',
  'reopened',
  'closed',
] as const;
export class ListOrdersQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STAGES }) @IsOptional() @IsIn(ORDER_STAGES) stage?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() compoundId?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class CreatedDto {
  @ApiProperty() id!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PERIOD_BOUND_PATTERN, RATE_FORMATS, RATE_LEVELS, RATE_SORTS } from './domain/rates';

const BOUND = new RegExp(PERIOD_BOUND_PATTERN);
const boundMessage = (name: string) => `${name} must be a day (YYYY-MM-DD) or an ISO time with its zone`;

/** `GET /api/rates`: which rows, of which period, ranked how, answered as what. */
export class RatesQueryDto {
  /** The rows: one per street, community, grid, branch, member, property company or department. */
  @IsIn(RATE_LEVELS) level!: string;
  /** Only the orders of this street's communities. */
  @IsOptional() @IsUUID() streetId?: string;
  /** Only the orders of this community. */
  @IsOptional() @IsUUID() communityId?: string;
  /** The period's start (included): a day (its start, UTC) or a time; 30 days before `to` if absent. */
  @IsOptional() @Matches(BOUND, { message: boundMessage('from') }) from?: string;
  /** The period's end (excluded); now if absent. */
  @IsOptional() @Matches(BOUND, { message: boundMessage('to') }) to?: string;
  /** `composite` (the mean of the defined rates, the default) or one rate. */
  @IsOptional() @IsIn(RATE_SORTS) sort?: string;
  /** `csv` exports the table (as `Accept: text/csv` does). */
  @IsOptional() @IsIn(RATE_FORMATS) format?: string;
}

const RATE = { type: Number, nullable: true, minimum: 0, maximum: 1 } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;
const MILLIS = { type: 'integer', nullable: true, minimum: 0 } as const;

export class ResponseRateResponse {
  @ApiProperty({ ...COUNT, description: 'Accept deadlines in the period, passed or met' }) due!: number;
  @ApiProperty({ ...COUNT, description: 'Of those, accepted in time' }) inTime!: number;
  @ApiProperty({ ...RATE, description: '响应率: inTime ÷ due; null when nothing was due' })
  rate!: number | null;
}

export class ResolutionRateResponse {
  @ApiProperty({ ...COUNT, description: 'Complete deadlines in the period, passed or met' }) due!: number;
  @ApiProperty({ ...COUNT, description: 'Of those, completed and never reopened by a rating' })
  resolved!: number;
  @ApiProperty({ ...RATE, description: '解决率: resolved ÷ due; null when nothing was due' })
  rate!: number | null;
}

export class SatisfactionRateResponse {
  @ApiProperty({ ...COUNT, description: 'Ratings given in the period' }) ratings!: number;
  @ApiProperty({ ...COUNT, description: 'Of those, 4 or 5' }) satisfied!: number;
  @ApiProperty({ ...RATE, description: '满意率: satisfied ÷ ratings; null when nobody rated' })
  rate!: number | null;
}

export class StageBreachesResponse {
  @ApiProperty(COUNT) accept!: number;
  @ApiProperty(COUNT) onSite!: number;
  @ApiProperty(COUNT) complete!: number;
}

export class StageAverageResponse {
  @ApiProperty(MILLIS) accept!: number | null;
  @ApiProperty(MILLIS) onSite!: number | null;
  @ApiProperty(MILLIS) complete!: number | null;
}

export class RatesRowResponse {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'Rows equal on the sorted rate and orders share one',
  })
  rank!: number;
  @ApiProperty({
    format: 'uuid',
    description: 'The street, community, grid, branch, member, company or department',
  })
  id!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The name, where the boards know it (streets, communities)',
  })
  name!: string | null;
  @ApiProperty({ ...COUNT, description: 'Orders placed in the period' }) orders!: number;
  @ApiProperty({ type: ResponseRateResponse }) response!: ResponseRateResponse;
  @ApiProperty({ type: ResolutionRateResponse }) resolution!: ResolutionRateResponse;
  @ApiProperty({ type: SatisfactionRateResponse }) satisfaction!: SatisfactionRateResponse;
  @ApiProperty({ ...RATE, description: 'The mean of the rates that are defined' }) composite!: number | null;
  @ApiProperty({ type: StageBreachesResponse, description: 'Deadlines in the period missed, per stage' })
  breaches!: StageBreachesResponse;
  @ApiProperty({
    type: StageAverageResponse,
    description: 'Mean ms from the clock’s start to each stage reached',
  })
  averageMs!: StageAverageResponse;
}

export class RatesResponse {
  @ApiProperty({ enum: RATE_LEVELS }) level!: string;
  @ApiProperty({ format: 'date-time', description: 'The period’s start, included' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'The period’s end, excluded' }) to!: string;
  @ApiProperty({ enum: RATE_SORTS }) sort!: string;
  @ApiProperty({ type: [RatesRowResponse], description: 'Best first' }) rows!: RatesRowResponse[];
}

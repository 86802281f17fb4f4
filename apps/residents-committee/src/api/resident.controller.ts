import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Access, Caller, type Principal, type Role, seesPersonalData, visibleScope } from '@cogov/security';
import { GetResidentQuery, ListResidentsQuery } from '../application/resident-queries';
import { ResidentInPath } from './scopes';

export class ListResidentsQueryDto {
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

const RESIDENT_READERS: Role[] = [
  'platform-admin',
  'auditor',
  'residents-committee-staff',
  'service-station-staff',
  'building-leader',
  'party-staff',
];

/** Residents' records. Names and phones are masked in lists and for roles that do not need them. */
@ApiTags('residents-committee')
@Controller('residents')
export class ResidentController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: RESIDENT_READERS })
  list(@Query() query: ListResidentsQueryDto, @Caller() caller: Principal) {
    return this.queries.execute(
      new ListResidentsQuery({
        ...(query.compoundId ? { compoundId: query.compoundId } : {}),
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 20,
        within: visibleScope(caller),
      }),
    );
  }

  @Get(':id')
  @Access({ roles: [...RESIDENT_READERS, 'resident'], scope: ResidentInPath, ownOnly: ['resident'] })
  one(@Param('id', ParseUUIDPipe) residentId: string, @Caller() caller: Principal) {
    return this.queries.execute(new GetResidentQuery(residentId, seesPersonalData(caller, residentId)));
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ApiQueryFrom } from '@cogov/http';
import { VisibleScopes } from '../application/visible-scope';
import { Access, Caller, type Principal, type Role, seesPersonalData } from '@cogov/security';
import { GetResidentQuery, ListResidentsQuery } from '../application/resident-queries';
import { ResidentInPath } from './scopes';
import { ResidentPageResponse, ResidentResponse } from './views';

export class ListResidentsQueryDto {
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
  constructor(
    private readonly queries: QueryBus,
    private readonly visible: VisibleScopes,
  ) {}

  @Get()
  @Access({ roles: RESIDENT_READERS })
  @ApiOperation({
    operationId: 'listResidents',
    summary: 'Residents within the caller’s scope, always masked',
  })
  @ApiQueryFrom(ListResidentsQueryDto)
  @ApiOkResponse({ type: ResidentPageResponse })
  async list(@Query() query: ListResidentsQueryDto, @Caller() caller: Principal) {
    return this.queries.execute(
      new ListResidentsQuery({
        ...(query.compoundId ? { compoundId: query.compoundId } : {}),
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 20,
        within: await this.visible.of(caller),
      }),
    );
  }

  @Get(':id')
  @Access({ roles: [...RESIDENT_READERS, 'resident'], scope: ResidentInPath, ownOnly: ['resident'] })
  @ApiOperation({
    operationId: 'getResident',
    summary: 'One resident; name and phone in full only for the roles that need them',
  })
  @ApiOkResponse({ type: ResidentResponse })
  one(@Param('id', ParseUUIDPipe) residentId: string, @Caller() caller: Principal) {
    return this.queries.execute(new GetResidentQuery(residentId, seesPersonalData(caller, residentId)));
  }
}

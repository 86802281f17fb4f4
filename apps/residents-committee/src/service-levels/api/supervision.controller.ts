import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiQueryFrom } from '@cogov/http';
import { Access, Caller, type Principal, type Role, visibleScope } from '@cogov/security';
import { ListSupervisionQuery } from '../application/supervision-queries';
import { ListSupervisionQueryDto, SupervisionListResponse } from './supervision.dto';

/** Who follows the service levels of a community. */
export const SUPERVISION_READERS: Role[] = [
  'platform-admin',
  'auditor',
  'party-staff',
  'residents-committee-staff',
  'service-station-staff',
];

@ApiTags('service levels')
@Controller('supervision')
export class SupervisionController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: SUPERVISION_READERS })
  @ApiOperation({
    operationId: 'listSupervision',
    summary: '督办: missed deadlines of the three ones and orders that went back, within the caller’s scope',
  })
  @ApiQueryFrom(ListSupervisionQueryDto)
  @ApiOkResponse({ type: SupervisionListResponse })
  list(@Query() query: ListSupervisionQueryDto, @Caller() caller: Principal) {
    // gridId is accepted and ignored until orders carry their grid (issue 12, point 1).
    return this.queries.execute(
      new ListSupervisionQuery({
        ...(query.communityId ? { communityId: query.communityId } : {}),
        ...(query.stage ? { stage: query.stage } : {}),
        within: visibleScope(caller),
      }),
    );
  }
}

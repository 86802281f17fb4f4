import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@cogov/decider';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiQueryFrom, commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, Caller, type Principal, type Role } from '@cogov/security';
import { VisibleScopes } from '../../application/visible-scope';
import { ListSupervisionQuery } from '../application/supervision-queries';
import { type SupervisionWork, WorkSupervisionItemCommand } from '../application/work-supervision-item';
import {
  AssignSupervisorDto,
  ListSupervisionQueryDto,
  SupervisionItemIdResponse,
  SupervisionListResponse,
  SupervisionNoteDto,
} from './supervision.dto';
import { SupervisionItemInPath } from './supervision-scope';

/** Who follows the service levels of a community. */
export const SUPERVISION_READERS: Role[] = [
  'platform-admin',
  'auditor',
  'party-staff',
  'residents-committee-staff',
  'service-station-staff',
];

/** Who works through the list: the residents' committee's staff. */
export const SUPERVISION_WORKERS: Role[] = ['residents-committee-staff'];

@ApiTags('service levels')
@Controller('supervision')
export class SupervisionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly visible: VisibleScopes,
  ) {}

  @Get()
  @Access({ roles: SUPERVISION_READERS })
  @ApiOperation({
    operationId: 'listSupervision',
    summary:
      '督办: missed deadlines of the three ones and orders that went back, within the caller’s scope (a street’s callers: its communities)',
  })
  @ApiQueryFrom(ListSupervisionQueryDto)
  @ApiOkResponse({ type: SupervisionListResponse })
  async list(@Query() query: ListSupervisionQueryDto, @Caller() caller: Principal) {
    return this.queries.execute(
      new ListSupervisionQuery({
        ...(query.communityId ? { communityId: query.communityId } : {}),
        ...(query.gridId ? { gridId: query.gridId } : {}),
        ...(query.stage ? { stage: query.stage } : {}),
        ...(query.track ? { track: query.track } : {}),
        ...(query.departmentId ? { departmentId: query.departmentId } : {}),
        // A street office follows its communities' service levels.
        within: await this.visible.of(caller),
      }),
    );
  }

  @Post(':itemId/assign')
  @Access({ roles: SUPERVISION_WORKERS, scope: SupervisionItemInPath })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'assignSupervisor',
    summary: '督办: a worker of the community follows the item up',
  })
  @ApiOkResponse({ type: SupervisionItemIdResponse, description: 'The item’s id' })
  assign(
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: AssignSupervisorDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(itemId, { type: 'AssignSupervisor', supervisorId: body.supervisorId }, meta);
  }

  @Post(':itemId/notes')
  @Access({ roles: SUPERVISION_WORKERS, scope: SupervisionItemInPath })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'noteSupervisionItem',
    summary: '督办: a note on what was done about the item',
  })
  @ApiOkResponse({ type: SupervisionItemIdResponse, description: 'The item’s id' })
  note(
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: SupervisionNoteDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(itemId, { type: 'AddSupervisionNote', note: body.note }, meta);
  }

  @Post(':itemId/resolve')
  @Access({ roles: SUPERVISION_WORKERS, scope: SupervisionItemInPath })
  @HttpCode(200)
  @ApiOperation({ operationId: 'resolveSupervisionItem', summary: '督办: the item is dealt with, and how' })
  @ApiOkResponse({ type: SupervisionItemIdResponse, description: 'The item’s id' })
  resolve(
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: SupervisionNoteDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(itemId, { type: 'ResolveSupervisionItem', note: body.note }, meta);
  }

  private work(itemId: string, work: SupervisionWork, meta: RequestMetadata) {
    return this.commands.execute(
      new WorkSupervisionItemCommand(itemId, work, commandContext(meta, this.clock.now())),
    );
  }
}

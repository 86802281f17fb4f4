import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { ApiQueryFrom, commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, Caller, type Principal, type Role } from '@cogov/security';
import {
  ConfirmVolunteerActivityCommand,
  GetVolunteerActivityQuery,
  ListVolunteerActivitiesQuery,
  RecordVolunteerActivityCommand,
} from '../application/volunteer-activities';
import {
  AddVolunteerTeamMemberCommand,
  GetVolunteerTeamQuery,
  ListVolunteerTeamsQuery,
  RecordVolunteerTeamWorkCommand,
  RegisterVolunteerTeamCommand,
  RemoveVolunteerTeamMemberCommand,
} from '../application/volunteer-teams';
import { VisibleScopes } from '../application/visible-scope';
import {
  AddVolunteerTeamMemberDto,
  ConfirmVolunteerActivityDto,
  CreatedDto,
  ListVolunteerActivitiesQueryDto,
  ListVolunteerTeamsQueryDto,
  RecordVolunteerActivityDto,
  RegisterVolunteerTeamDto,
  VolunteerTeamAcceptOrderDto,
  VolunteerTeamCompleteOrderDto,
  VolunteerTeamHandBackOrderDto,
  VolunteerTeamRecordArrivalDto,
} from './dto';
import { CommunityInBody, VolunteerActivityInPath, VolunteerTeamInPath } from './scopes';
import {
  VolunteerActivityListResponse,
  VolunteerActivityResponse,
  VolunteerTeamListResponse,
  VolunteerTeamResponse,
} from './views';

/** Who keeps a community's volunteer teams and records their activities. */
const VOLUNTEER_KEEPERS: Role[] = ['platform-admin', 'residents-committee-staff', 'service-station-staff'];
const VOLUNTEER_READERS: Role[] = [...VOLUNTEER_KEEPERS, 'party-staff', 'auditor'];
/** Community staff confirm an activity; each must be a worker of its community. */
const ACTIVITY_CONFIRMERS: Role[] = ['residents-committee-staff', 'service-station-staff'];
/**
 * A team's members (residents, Party members, building leaders) and the service station's staff
 * work on the orders dispatched to it, as themselves (`performedBy` is the caller); whether the
 * caller is one of them is the team's stream's and the community's to say (409 otherwise).
 */
const TEAM_WORK = {
  roles: ['resident', 'party-member', 'building-leader', 'service-station-staff'] as Role[],
  scope: VolunteerTeamInPath,
};

/** 志愿服务队: a community's volunteer teams, their members, and their work on dispatched orders. */
@ApiTags('residents-committee')
@Controller('volunteer-teams')
export class VolunteerTeamController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly visible: VisibleScopes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access({ roles: VOLUNTEER_KEEPERS, scope: CommunityInBody })
  @ApiOperation({
    operationId: 'registerVolunteerTeam',
    summary: 'Register a volunteer team (志愿服务队) of a community; answers its id',
  })
  @ApiCreatedResponse({ type: CreatedDto })
  register(@Body() body: RegisterVolunteerTeamDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new RegisterVolunteerTeamCommand(
        { communityId: body.communityId, name: body.name, kind: body.kind },
        this.context(meta),
      ),
    );
  }

  @Get()
  @Access({ roles: VOLUNTEER_READERS })
  @ApiOperation({
    operationId: 'listVolunteerTeams',
    summary: 'The volunteer teams of the caller’s communities (and their streets’)',
  })
  @ApiQueryFrom(ListVolunteerTeamsQueryDto)
  @ApiOkResponse({ type: VolunteerTeamListResponse })
  async list(@Query() query: ListVolunteerTeamsQueryDto, @Caller() caller: Principal) {
    return this.queries.execute(
      new ListVolunteerTeamsQuery({
        ...(query.communityId ? { communityId: query.communityId } : {}),
        within: await this.visible.of(caller),
      }),
    );
  }

  @Get(':id')
  @Access({ roles: VOLUNTEER_READERS, scope: VolunteerTeamInPath })
  @ApiOperation({ operationId: 'getVolunteerTeam', summary: 'A volunteer team and its members' })
  @ApiOkResponse({ type: VolunteerTeamResponse })
  get(@Param('id', ParseUUIDPipe) teamId: string) {
    return this.queries.execute(new GetVolunteerTeamQuery(teamId));
  }

  @Post(':id/members')
  @Access({ roles: VOLUNTEER_KEEPERS, scope: VolunteerTeamInPath })
  @ApiOperation({
    operationId: 'addVolunteerTeamMember',
    summary: 'Add a member to the team (a resident, a Party member or a worker); answers their id',
  })
  @ApiCreatedResponse({ type: CreatedDto })
  addMember(
    @Param('id', ParseUUIDPipe) teamId: string,
    @Body() body: AddVolunteerTeamMemberDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new AddVolunteerTeamMemberCommand({ teamId, personId: body.personId }, this.context(meta)),
    );
  }

  @Delete(':id/members/:personId')
  @HttpCode(204)
  @Access({ roles: VOLUNTEER_KEEPERS, scope: VolunteerTeamInPath })
  @ApiOperation({ operationId: 'removeVolunteerTeamMember', summary: 'Remove a member from the team' })
  @ApiNoContentResponse({ description: 'They no longer work for the team' })
  async removeMember(
    @Param('id', ParseUUIDPipe) teamId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @RequestMeta() meta: RequestMetadata,
  ): Promise<void> {
    await this.commands.execute(
      new RemoveVolunteerTeamMemberCommand({ teamId, personId }, this.context(meta)),
    );
  }

  @Post(':id/orders/:orderId/accept')
  @Access(TEAM_WORK)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acceptVolunteerTeamOrder',
    summary: 'The team accepts an order dispatched to it',
  })
  @ApiOkResponse({ type: CreatedDto, description: 'The order’s id' })
  accept(
    @Param('id', ParseUUIDPipe) teamId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: VolunteerTeamAcceptOrderDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(teamId, orderId, caller, 'accepted', { note: body.note ?? null }, meta);
  }

  @Post(':id/orders/:orderId/arrival')
  @Access(TEAM_WORK)
  @HttpCode(200)
  @ApiOperation({ operationId: 'recordVolunteerTeamArrival', summary: 'The team is on site' })
  @ApiOkResponse({ type: CreatedDto, description: 'The order’s id' })
  arrival(
    @Param('id', ParseUUIDPipe) teamId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: VolunteerTeamRecordArrivalDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(teamId, orderId, caller, 'arrived', { note: body.note ?? null }, meta);
  }

  @Post(':id/orders/:orderId/complete')
  @Access(TEAM_WORK)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'completeVolunteerTeamOrder',
    summary: 'The team completes the order, with a result note and evidence',
  })
  @ApiOkResponse({ type: CreatedDto, description: 'The order’s id' })
  complete(
    @Param('id', ParseUUIDPipe) teamId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: VolunteerTeamCompleteOrderDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(
      teamId,
      orderId,
      caller,
      'completed',
      { resultNote: body.resultNote, evidence: body.evidence },
      meta,
    );
  }

  @Post(':id/orders/:orderId/hand-back')
  @Access(TEAM_WORK)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'handBackVolunteerTeamOrder',
    summary: 'The team gives the order back to the community’s dispatch, with a reason',
  })
  @ApiOkResponse({ type: CreatedDto, description: 'The order’s id' })
  handBack(
    @Param('id', ParseUUIDPipe) teamId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: VolunteerTeamHandBackOrderDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(teamId, orderId, caller, 'handed-back', { reason: body.reason }, meta);
  }

  private work(
    teamId: string,
    orderId: string,
    caller: Principal,
    step: RecordVolunteerTeamWorkCommand['input']['step'],
    details: { note?: string | null; resultNote?: string; evidence?: string[]; reason?: string },
    meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RecordVolunteerTeamWorkCommand(
        {
          teamId,
          orderId,
          performedBy: caller.personId,
          asServiceStationStaff: caller.roles.includes('service-station-staff'),
          step,
          note: details.note ?? null,
          resultNote: details.resultNote ?? null,
          evidence: details.evidence ?? [],
          reason: details.reason ?? null,
        },
        this.context(meta),
      ),
    );
  }

  private context(meta: RequestMetadata) {
    return commandContext(meta, this.clock.now());
  }
}

/** 志愿活动: what the community's teams did, recorded and confirmed by community staff. */
@ApiTags('residents-committee')
@Controller('volunteer-activities')
export class VolunteerActivityController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly visible: VisibleScopes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access({ roles: VOLUNTEER_KEEPERS, scope: CommunityInBody })
  @ApiOperation({
    operationId: 'recordVolunteerActivity',
    summary: 'Record a volunteer activity (志愿活动) of a community’s team; answers its id',
  })
  @ApiCreatedResponse({ type: CreatedDto })
  record(
    @Body() body: RecordVolunteerActivityDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RecordVolunteerActivityCommand(
        {
          communityId: body.communityId,
          teamId: body.teamId,
          kind: body.kind,
          title: body.title,
          date: body.date,
          hours: body.hours,
          participantIds: body.participantIds,
          recordedBy: caller.personId,
        },
        this.context(meta),
      ),
    );
  }

  @Post(':id/confirmation')
  @HttpCode(200)
  @Access({ roles: ACTIVITY_CONFIRMERS, scope: VolunteerActivityInPath, actsAs: { field: 'confirmedBy' } })
  @ApiOperation({
    operationId: 'confirmVolunteerActivity',
    summary: 'A worker of the community confirms the activity took place as recorded; once',
  })
  @ApiOkResponse({ type: CreatedDto, description: 'The activity’s id' })
  confirm(
    @Param('id', ParseUUIDPipe) activityId: string,
    @Body() body: ConfirmVolunteerActivityDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new ConfirmVolunteerActivityCommand({ activityId, confirmedBy: body.confirmedBy }, this.context(meta)),
    );
  }

  @Get()
  @Access({ roles: VOLUNTEER_READERS })
  @ApiOperation({
    operationId: 'listVolunteerActivities',
    summary: 'The volunteer activities of the caller’s communities, by team and days, newest first',
  })
  @ApiQueryFrom(ListVolunteerActivitiesQueryDto)
  @ApiOkResponse({ type: VolunteerActivityListResponse })
  async list(@Query() query: ListVolunteerActivitiesQueryDto, @Caller() caller: Principal) {
    return this.queries.execute(
      new ListVolunteerActivitiesQuery({
        ...(query.communityId ? { communityId: query.communityId } : {}),
        ...(query.teamId ? { teamId: query.teamId } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        within: await this.visible.of(caller),
      }),
    );
  }

  @Get(':id')
  @Access({ roles: VOLUNTEER_READERS, scope: VolunteerActivityInPath })
  @ApiOperation({ operationId: 'getVolunteerActivity', summary: 'A volunteer activity' })
  @ApiOkResponse({ type: VolunteerActivityResponse })
  get(@Param('id', ParseUUIDPipe) activityId: string) {
    return this.queries.execute(new GetVolunteerActivityQuery(activityId));
  }

  private context(meta: RequestMetadata) {
    return commandContext(meta, this.clock.now());
  }
}

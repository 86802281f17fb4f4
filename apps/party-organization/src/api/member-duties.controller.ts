import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { ApiQueryFrom, commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, type Role } from '@cogov/security';
import {
  GetMemberDutiesQuery,
  GetOrganizationDutiesQuery,
  GetReportedInMembersQuery,
} from '../application/duty-queries';
import { RecordDutyCommand } from '../application/record-duty';
import { DecideReportInCommand, ReportInCommand } from '../application/report-in';
import { IdDto } from './dto';
import {
  DutyYearQueryDto,
  MemberDutiesResponse,
  OrganizationDutiesResponse,
  RecordDutyDto,
  ReportedInMembersResponse,
  ReportInDecisionDto,
  ReportInDto,
} from './duties.dto';
import {
  CommunityInPath,
  MemberInPath,
  MemberRegistrationInPath,
  OrganizationInPath,
  ReportInOfMemberInPath,
} from './scopes';

/** Party staff keep members' records; the community Party committee decides report-ins. */
const STAFF: Role[] = ['platform-admin', 'party-staff'];
const READERS: Role[] = [...STAFF, 'auditor'];

/** 双报到 and "4+1": where in-service members report in, and what every member did in a year. */
@ApiTags('party-organization')
@Controller('party')
export class MemberDutiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('members/:id/report-in')
  @HttpCode(200)
  @Access({
    roles: [...STAFF, 'party-member'],
    scope: MemberRegistrationInPath,
    ownOnly: ['party-member'],
  })
  @ApiOperation({
    operationId: 'reportIn',
    summary:
      '双报到: an in-service member reports in to the community where they live (pending until its Party committee decides)',
  })
  @ApiOkResponse({ type: IdDto, description: 'The member’s id' })
  reportIn(
    @Param('id', ParseUUIDPipe) memberId: string,
    @Body() body: ReportInDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new ReportInCommand(
        {
          memberId,
          communityId: body.communityId,
          workUnit: body.workUnit,
          workUnitOrganization: body.workUnitOrganization,
          address: body.address,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post('members/:id/report-in/decision')
  @HttpCode(200)
  @Access({ roles: STAFF, scope: ReportInOfMemberInPath })
  @ApiOperation({
    operationId: 'decideReportIn',
    summary: 'The community Party committee confirms or declines (with a reason) a pending report-in',
  })
  @ApiOkResponse({ type: IdDto, description: 'The member’s id' })
  decideReportIn(
    @Param('id', ParseUUIDPipe) memberId: string,
    @Body() body: ReportInDecisionDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new DecideReportInCommand(
        { memberId, decision: body.decision, reason: body.reason ?? null },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post('members/:id/duties')
  @Access({ roles: STAFF, scope: MemberInPath })
  @ApiOperation({
    operationId: 'recordDuty',
    summary: '"4+1": record an item a member did in a year (a pairing names a flagged resident)',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The duty’s id' })
  recordDuty(
    @Param('id', ParseUUIDPipe) memberId: string,
    @Body() body: RecordDutyDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RecordDutyCommand(
        {
          memberId,
          year: body.year,
          item: body.item,
          date: body.date,
          note: body.note ?? null,
          residentId: body.residentId ?? null,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Get('members/:id/duties')
  @Access({ roles: [...READERS, 'party-member'], scope: MemberInPath, ownOnly: ['party-member'] })
  @ApiOperation({
    operationId: 'getMemberDuties',
    summary: '"4+1": the member’s five items of a year, each done or missing, with the evidence',
  })
  @ApiQueryFrom(DutyYearQueryDto)
  @ApiOkResponse({ type: MemberDutiesResponse })
  memberDuties(@Param('id', ParseUUIDPipe) memberId: string, @Query() query: DutyYearQueryDto) {
    return this.queries.execute(new GetMemberDutiesQuery(memberId, query.year ?? null));
  }

  @Get('organizations/:id/duties')
  @Access({ roles: READERS, scope: OrganizationInPath })
  @ApiOperation({
    operationId: 'getOrganizationDuties',
    summary: '"4+1": the branch’s completion rate of a year and, per item, the members missing it',
  })
  @ApiQueryFrom(DutyYearQueryDto)
  @ApiOkResponse({ type: OrganizationDutiesResponse })
  organizationDuties(@Param('id', ParseUUIDPipe) organizationId: string, @Query() query: DutyYearQueryDto) {
    return this.queries.execute(new GetOrganizationDutiesQuery(organizationId, query.year ?? null));
  }

  @Get('communities/:id/reported-in-members')
  @Access({ roles: READERS, scope: CommunityInPath })
  @ApiOperation({
    operationId: 'listReportedInMembers',
    summary: '双报到: the members reported in to the community (pending or confirmed), with their "4+1"',
  })
  @ApiQueryFrom(DutyYearQueryDto)
  @ApiOkResponse({ type: ReportedInMembersResponse })
  reportedInMembers(@Param('id', ParseUUIDPipe) communityId: string, @Query() query: DutyYearQueryDto) {
    return this.queries.execute(new GetReportedInMembersQuery(communityId, query.year ?? null));
  }
}

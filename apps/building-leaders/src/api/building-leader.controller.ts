import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock, InvalidInput } from '@cogov/decider';
import { ApiQueryFrom, commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, Caller, type Principal, type Role, visibleScope } from '@cogov/security';
import { GetLeaderQuery, NameGridWorkerCommand } from '../application/grid-worker';
import { ListOpinionsQuery } from '../application/opinion-board';
import { NominateLeaderCommand } from '../application/nominate-leader';
import { RecordVisitCommand } from '../application/record-visit';
import { ReferNeedCommand } from '../application/refer-need';
import { ReportOpinionCommand } from '../application/report-opinion';
import { VetLeaderCommand } from '../application/vet-leader';
import { WorkOnOrderCommand } from '../application/work-on-order';
import {
  AcceptLeaderOrderDto,
  CompleteLeaderOrderDto,
  HandBackLeaderOrderDto,
  RecordLeaderArrivalDto,
  IdDto,
  LeaderResponse,
  ListOpinionsQueryDto,
  NameGridWorkerDto,
  NominateLeaderDto,
  OpinionPageResponse,
  HouseholdDto,
  RecordVisitDto,
  ReferNeedDto,
  ReportOpinionDto,
  VetLeaderDto,
} from './dto';
import { CompoundInBody, LeaderInPath } from './scopes';

/** The leader's own work: done as the leader, or by residents' committee staff on their behalf. */
const AS_THE_LEADER = {
  roles: ['building-leader', 'residents-committee-staff'],
  scope: LeaderInPath,
  actsAs: { field: 'leaderId', onBehalfOf: ['residents-committee-staff'] },
} as const;

/** Who reads the compound's board of opinions reported up. */
const BOARD_READERS: Role[] = [
  'platform-admin',
  'auditor',
  'residents-committee-staff',
  'building-leader',
  'party-staff',
  'owners-committee-staff',
  'property-staff',
];

/** The body's `leaderId` names who acts; it must be the leader of the path. */
function sameLeader(pathId: string, bodyId: string): void {
  if (pathId.toLowerCase() !== bodyId.toLowerCase()) {
    throw new InvalidInput('leaderId must be the building leader of the path', { field: 'leaderId' });
  }
}

/** A visit is to a resident or to a household: exactly one of the two. */
function whoVisited(body: RecordVisitDto): RecordVisitCommand['input']['visited'] {
  if (body.residentId !== undefined && body.household === undefined) return { residentId: body.residentId };
  if (body.household !== undefined && body.residentId === undefined) {
    return { buildingId: body.household.buildingId, household: body.household.label };
  }
  throw new InvalidInput('a visit names exactly one of residentId and household', { field: 'residentId' });
}

/** 楼门长: building leaders, their nomination and vetting, visits, needs referred and opinions. */
// The visit's nested household: its schema is referenced from the visit's, so it must be in the document.
@ApiExtraModels(HouseholdDto)
@ApiTags('building-leaders')
@Controller('building-leaders')
export class BuildingLeaderController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('opinions')
  @Access({ roles: BOARD_READERS })
  @ApiOperation({
    operationId: 'listBuildingLeaderOpinions',
    summary: 'The compound’s board: opinions building leaders reported up, newest first, within scope',
  })
  @ApiQueryFrom(ListOpinionsQueryDto)
  @ApiOkResponse({ type: OpinionPageResponse })
  opinions(@Query() query: ListOpinionsQueryDto, @Caller() caller: Principal) {
    return this.queries.execute(
      new ListOpinionsQuery({
        ...(query.compoundId ? { compoundId: query.compoundId } : {}),
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 20,
        within: visibleScope(caller),
      }),
    );
  }

  @Get(':id')
  @Access({
    roles: ['platform-admin', 'auditor', 'residents-committee-staff', 'building-leader'],
    scope: LeaderInPath,
  })
  @ApiOperation({
    operationId: 'getBuildingLeader',
    summary: 'The building leader: vetting, buildings, Party member link and part-time grid post',
  })
  @ApiOkResponse({ type: LeaderResponse })
  get(@Param('id', ParseUUIDPipe) leaderId: string) {
    return this.queries.execute(new GetLeaderQuery(leaderId));
  }

  @Post(':id/grid-worker')
  @Access({
    roles: ['platform-admin', 'residents-committee-staff'],
    scope: LeaderInPath,
    actsAs: { field: 'namedBy', onBehalfOf: ['platform-admin'] },
  })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'nameBuildingLeaderGridWorker',
    summary: '兼职网格员: residents’ committee staff name a vetted building leader a part-time grid worker',
  })
  @ApiOkResponse({ type: IdDto, description: 'The building leader’s id' })
  nameGridWorker(
    @Param('id', ParseUUIDPipe) leaderId: string,
    @Body() body: NameGridWorkerDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new NameGridWorkerCommand(
        { leaderId, namedBy: body.namedBy, gridId: body.gridId ?? null, gridLabel: body.gridLabel ?? null },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post()
  @Access({ roles: ['platform-admin', 'residents-committee-staff'], scope: CompoundInBody })
  @ApiOperation({
    operationId: 'nominateBuildingLeader',
    summary: '自荐推荐: nominate a resident of the compound as the leader of some of its buildings',
  })
  @ApiCreatedResponse({ type: IdDto })
  nominate(@Body() body: NominateLeaderDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new NominateLeaderCommand(
        {
          compoundId: body.compoundId,
          residentId: body.residentId,
          buildingIds: body.buildingIds,
          nominatedBy: body.nominatedBy,
          memberId: body.memberId ?? null,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/vetting')
  @Access({
    roles: ['platform-admin', 'residents-committee-staff'],
    scope: LeaderInPath,
    actsAs: { field: 'vetterId', onBehalfOf: ['platform-admin'] },
  })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'vetBuildingLeader',
    summary: '组织考察: residents’ committee staff approve or reject a nominated building leader',
  })
  @ApiOkResponse({ type: IdDto, description: 'The building leader’s id' })
  vet(
    @Param('id', ParseUUIDPipe) leaderId: string,
    @Body() body: VetLeaderDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new VetLeaderCommand(
        { leaderId, vetterId: body.vetterId, decision: body.decision, note: body.note ?? '' },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/visits')
  @Access(AS_THE_LEADER)
  @ApiOperation({
    operationId: 'recordBuildingLeaderVisit',
    summary:
      '走访: an approved building leader records a visit to a resident or household of their buildings',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The visit’s id' })
  visit(
    @Param('id', ParseUUIDPipe) leaderId: string,
    @Body() body: RecordVisitDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    sameLeader(leaderId, body.leaderId);
    return this.commands.execute(
      new RecordVisitCommand(
        { leaderId, visited: whoVisited(body), notes: body.notes, needsFound: body.needsFound ?? [] },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/referrals')
  @Access(AS_THE_LEADER)
  @ApiOperation({
    operationId: 'referBuildingLeaderNeed',
    summary: 'Refer a need found on a visit: the residents’ committee places an order for the resident',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The referral’s id' })
  refer(
    @Param('id', ParseUUIDPipe) leaderId: string,
    @Body() body: ReferNeedDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    sameLeader(leaderId, body.leaderId);
    return this.commands.execute(
      new ReferNeedCommand(
        {
          leaderId,
          visitId: body.visitId,
          residentId: body.residentId ?? null,
          category: body.category,
          title: body.title,
          description: body.description,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/opinions')
  @Access(AS_THE_LEADER)
  @ApiOperation({
    operationId: 'reportBuildingLeaderOpinion',
    summary: '民意上报: an approved building leader reports residents’ opinion up to the community',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The opinion’s id' })
  report(
    @Param('id', ParseUUIDPipe) leaderId: string,
    @Body() body: ReportOpinionDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    sameLeader(leaderId, body.leaderId);
    return this.commands.execute(
      new ReportOpinionCommand(
        { leaderId, topic: body.topic, text: body.text, residentIds: body.residentIds ?? [] },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/orders/:orderId/accept')
  @Access(AS_THE_LEADER)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acceptBuildingLeaderOrder',
    summary: '受理: a vetted building leader accepts an order dispatched to them',
  })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  acceptOrder(
    @Param('id', ParseUUIDPipe) leaderId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: AcceptLeaderOrderDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    sameLeader(leaderId, body.leaderId);
    return this.work({ type: 'AcceptOrder', data: { orderId, leaderId, note: body.note ?? null } }, meta);
  }

  @Post(':id/orders/:orderId/arrival')
  @Access(AS_THE_LEADER)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'recordBuildingLeaderArrival',
    summary: '到场: the building leader is on site',
  })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  arrival(
    @Param('id', ParseUUIDPipe) leaderId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: RecordLeaderArrivalDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    sameLeader(leaderId, body.leaderId);
    return this.work({ type: 'RecordArrival', data: { orderId, leaderId, note: body.note ?? null } }, meta);
  }

  @Post(':id/orders/:orderId/complete')
  @Access(AS_THE_LEADER)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'completeBuildingLeaderOrder',
    summary: '办结: the building leader completes the order, with a result note and evidence',
  })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  complete(
    @Param('id', ParseUUIDPipe) leaderId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: CompleteLeaderOrderDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    sameLeader(leaderId, body.leaderId);
    return this.work(
      {
        type: 'CompleteOrder',
        data: { orderId, leaderId, resultNote: body.resultNote, evidence: body.evidence },
      },
      meta,
    );
  }

  @Post(':id/orders/:orderId/hand-back')
  @Access(AS_THE_LEADER)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'handBackBuildingLeaderOrder',
    summary: '退回: the building leader gives the order back to dispatch, with a reason',
  })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  handBack(
    @Param('id', ParseUUIDPipe) leaderId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: HandBackLeaderOrderDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    sameLeader(leaderId, body.leaderId);
    return this.work({ type: 'HandBackOrder', data: { orderId, leaderId, reason: body.reason } }, meta);
  }

  private work(step: WorkOnOrderCommand['step'], meta: RequestMetadata) {
    return this.commands.execute(new WorkOnOrderCommand(step, commandContext(meta, this.clock.now())));
  }
}

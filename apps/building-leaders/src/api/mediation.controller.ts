import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, Caller, maskName, type Principal, seesPersonalData } from '@cogov/security';
import {
  GetMediationQuery,
  type MediationView,
  OpenMediationCommand,
  RecordMediationOutcomeCommand,
  RecordMediationSessionCommand,
} from '../application/mediate';
import { IdDto, MediationOutcomeDto, MediationResponse, MediationSessionDto, OpenMediationDto } from './dto';
import { MediationInPath, MediatorInBody } from './scopes';

/** The mediator's work: done as the leader, or by residents' committee staff on their behalf. */
const AS_THE_MEDIATOR = {
  roles: ['building-leader', 'residents-committee-staff'],
  actsAs: { field: 'mediatorId', onBehalfOf: ['residents-committee-staff'] },
} as const;

/** 矛盾调解: neighbour disputes mediated by building leaders, settled or escalated into an order. */
@ApiTags('building-leaders')
@Controller('mediations')
export class MediationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access({ ...AS_THE_MEDIATOR, scope: MediatorInBody })
  @ApiOperation({
    operationId: 'openMediation',
    summary: '矛盾调解: a vetted building leader opens the mediation of a dispute between neighbours',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The mediation’s id' })
  open(@Body() body: OpenMediationDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new OpenMediationCommand(
        {
          mediatorId: body.mediatorId,
          buildingId: body.buildingId,
          residentIds: body.residentIds ?? [],
          persons: body.persons ?? [],
          summary: body.summary,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/sessions')
  @Access({ ...AS_THE_MEDIATOR, scope: MediationInPath })
  @ApiOperation({
    operationId: 'recordMediationSession',
    summary: 'A mediation session held, with its notes',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The session’s id' })
  session(
    @Param('id', ParseUUIDPipe) mediationId: string,
    @Body() body: MediationSessionDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RecordMediationSessionCommand(
        { mediationId, mediatorId: body.mediatorId, heldOn: body.heldOn, notes: body.notes },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/outcome')
  @Access({ ...AS_THE_MEDIATOR, scope: MediationInPath })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'recordMediationOutcome',
    summary:
      'Settled, or escalated: an order of category neighbour-dispute placed with the residents’ committee',
  })
  @ApiOkResponse({ type: IdDto, description: 'The mediation’s id' })
  outcome(
    @Param('id', ParseUUIDPipe) mediationId: string,
    @Body() body: MediationOutcomeDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RecordMediationOutcomeCommand(
        { mediationId, mediatorId: body.mediatorId, outcome: body.outcome, note: body.note ?? '' },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Get(':id')
  @Access({
    roles: ['platform-admin', 'auditor', 'residents-committee-staff', 'building-leader'],
    scope: MediationInPath,
  })
  @ApiOperation({
    operationId: 'getMediation',
    summary: 'The mediation: parties, sessions, outcome, and the order an escalation became',
  })
  @ApiOkResponse({ type: MediationResponse })
  async get(@Param('id', ParseUUIDPipe) mediationId: string, @Caller() caller: Principal) {
    const mediation: MediationView = await this.queries.execute(new GetMediationQuery(mediationId));
    // Parties named are personal data: in full for the mediator and the roles that call people back.
    return seesPersonalData(caller, mediation.leaderId)
      ? mediation
      : { ...mediation, persons: mediation.persons.map(maskName) };
  }
}

import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, type Role } from '@cogov/security';
import { AddBuildingCommand } from '../application/add-building';
import { AppointWorkerCommand } from '../application/appoint-worker';
import { RegisterCommunityCommand } from '../application/register-community';
import { RegisterCompoundCommand } from '../application/register-compound';
import {
  RecordTenureCommand,
  RegisterResidentCommand,
  SetResidentFlagsCommand,
} from '../application/register-resident';
import { CommunityInPath, CompoundInBody, CompoundInPath, ResidentInPath } from './scopes';
import {
  AddBuildingDto,
  AppointWorkerDto,
  CreatedDto,
  RegisterCommunityDto,
  RegisterCompoundDto,
  RecordTenureDto,
  RegisterResidentDto,
  SetResidentFlagsDto,
} from './dto';

const STRUCTURE_STAFF: Role[] = ['platform-admin', 'residents-committee-staff'];

@ApiTags('residents-committee')
@Controller()
export class CommunityController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('communities')
  @Access({ roles: ['platform-admin'] })
  @ApiOperation({ operationId: 'registerCommunity', summary: 'Register a community (社区)' })
  @ApiCreatedResponse({ type: CreatedDto })
  register(@Body() body: RegisterCommunityDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new RegisterCommunityCommand(
        { name: body.name, streetName: body.streetName ?? null, streetId: body.streetId ?? null },
        this.context(meta),
      ),
    );
  }

  @Post('communities/:id/compounds')
  @Access({ roles: STRUCTURE_STAFF, scope: CommunityInPath })
  @ApiOperation({ operationId: 'registerCompound', summary: 'Register a compound (小区) of the community' })
  @ApiCreatedResponse({ type: CreatedDto })
  registerCompound(
    @Param('id', ParseUUIDPipe) communityId: string,
    @Body() body: RegisterCompoundDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(new RegisterCompoundCommand({ communityId, ...body }, this.context(meta)));
  }

  @Post('compounds/:id/buildings')
  @Access({ roles: STRUCTURE_STAFF, scope: CompoundInPath })
  @ApiOperation({ operationId: 'addBuilding', summary: 'Add a building (楼栋) to the compound' })
  @ApiCreatedResponse({ type: CreatedDto })
  addBuilding(
    @Param('id', ParseUUIDPipe) compoundId: string,
    @Body() body: AddBuildingDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(new AddBuildingCommand({ compoundId, ...body }, this.context(meta)));
  }

  @Post('communities/:id/workers')
  @Access({ roles: STRUCTURE_STAFF, scope: CommunityInPath })
  @ApiOperation({
    operationId: 'appointWorker',
    summary: 'Appoint a worker of the residents’ committee or service station',
  })
  @ApiCreatedResponse({ type: CreatedDto })
  appointWorker(
    @Param('id', ParseUUIDPipe) communityId: string,
    @Body() body: AppointWorkerDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(new AppointWorkerCommand({ communityId, ...body }, this.context(meta)));
  }

  @Post('residents')
  @Access({ roles: [...STRUCTURE_STAFF, 'service-station-staff'], scope: CompoundInBody })
  @ApiOperation({ operationId: 'registerResident', summary: 'Register a resident of a building' })
  @ApiCreatedResponse({ type: CreatedDto })
  registerResident(@Body() body: RegisterResidentDto, @RequestMeta() meta: RequestMetadata) {
    const { tenure, ...rest } = body;
    return this.commands.execute(
      new RegisterResidentCommand({ ...rest, tenure: tenure ?? 'unknown' }, this.context(meta)),
    );
  }

  @Post('residents/:id/tenure')
  @HttpCode(200)
  @Access({ roles: [...STRUCTURE_STAFF, 'service-station-staff'], scope: ResidentInPath })
  @ApiOperation({
    operationId: 'recordResidentTenure',
    summary: 'Record whether a resident owns their home (业主) or rents it, asked after registration',
  })
  @ApiOkResponse({ type: CreatedDto })
  recordTenure(
    @Param('id', ParseUUIDPipe) residentId: string,
    @Body() body: RecordTenureDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RecordTenureCommand({ residentId, tenure: body.tenure }, this.context(meta)),
    );
  }

  @Post('residents/:id/flags')
  @HttpCode(200)
  @Access({ roles: [...STRUCTURE_STAFF, 'service-station-staff'], scope: ResidentInPath })
  @ApiOperation({
    operationId: 'setResidentFlags',
    summary:
      'Set a resident’s care flags (关爱对象), the whole set replacing the last; an empty list clears them',
  })
  @ApiOkResponse({ type: CreatedDto })
  setFlags(
    @Param('id', ParseUUIDPipe) residentId: string,
    @Body() body: SetResidentFlagsDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new SetResidentFlagsCommand({ residentId, flags: body.flags }, this.context(meta)),
    );
  }

  private context(meta: RequestMetadata) {
    return commandContext(meta, this.clock.now());
  }
}

import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access } from '@cogov/security';
import { GetStreetQuery, RegisterStreetCommand } from '../application/register-street';
import { CreatedDto, RegisterStreetDto } from './dto';
import { StreetInPath } from './scopes';
import { StreetResponse } from './views';

@ApiTags('residents-committee')
@Controller('streets')
export class StreetController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access({ roles: ['platform-admin'] })
  @ApiOperation({ operationId: 'registerStreet', summary: 'Register a street (街道) above communities' })
  @ApiCreatedResponse({ type: CreatedDto })
  register(@Body() body: RegisterStreetDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new RegisterStreetCommand({ name: body.name }, commandContext(meta, this.clock.now())),
    );
  }

  @Get(':id')
  @Access({
    roles: ['platform-admin', 'residents-committee-staff', 'party-staff', 'auditor'],
    scope: StreetInPath,
  })
  @ApiOperation({ operationId: 'getStreet', summary: 'A street (街道)' })
  @ApiOkResponse({ type: StreetResponse })
  get(@Param('id', ParseUUIDPipe) streetId: string) {
    return this.queries.execute(new GetStreetQuery(streetId));
  }
}

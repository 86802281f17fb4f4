import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, type Role } from '@cogov/security';
import { AddMemberCommand, RemoveMemberCommand } from '../application/committee-members';
import { GetCommitteeQuery } from '../application/committee-queries';
import { FormCommitteeCommand } from '../application/form-committee';
import { AddMemberDto, FormCommitteeDto, IdDto } from './dto';
import { CommitteeInPath, CompoundInBody } from './scopes';
import { CommitteeResponse } from './views';

/** Who keeps a committee's seats: the residents' committee, and the owners' committee's own staff. */
const SEAT_KEEPERS: Role[] = ['platform-admin', 'residents-committee-staff', 'owners-committee-staff'];
const COMMITTEE_READERS: Role[] = [...SEAT_KEEPERS, 'auditor', 'party-staff'];

/** 业主委员会: compounds' owners' committees, their members and their Party share. */
@ApiTags('owners-committee')
@Controller('owners-committees')
export class CommitteeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access({ roles: ['platform-admin', 'residents-committee-staff'], scope: CompoundInBody })
  @ApiOperation({
    operationId: 'formOwnersCommittee',
    summary: 'Form a compound’s owners’ committee for a term; one per compound per term',
  })
  @ApiCreatedResponse({ type: IdDto })
  form(@Body() body: FormCommitteeDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new FormCommitteeCommand(
        { compoundId: body.compoundId, termStart: body.termStart, termEnd: body.termEnd },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Get(':id')
  @Access({ roles: COMMITTEE_READERS, scope: CommitteeInPath })
  @ApiOperation({
    operationId: 'getOwnersCommittee',
    summary: 'One owners’ committee: its members, Party share and compliance',
  })
  @ApiOkResponse({ type: CommitteeResponse })
  one(@Param('id', ParseUUIDPipe) committeeId: string) {
    return this.queries.execute(new GetCommitteeQuery(committeeId));
  }

  @Post(':id/members')
  @Access({ roles: SEAT_KEEPERS, scope: CommitteeInPath })
  @ApiOperation({
    operationId: 'addOwnersCommitteeMember',
    summary: 'An owner of the compound joins the committee; a share below the minimum is recorded',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The seat’s id' })
  addMember(
    @Param('id', ParseUUIDPipe) committeeId: string,
    @Body() body: AddMemberDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new AddMemberCommand(
        {
          committeeId,
          residentId: body.residentId,
          role: body.role,
          partyMemberId: body.partyMemberId ?? null,
          background: body.background,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Delete(':id/members/:memberId')
  @HttpCode(204)
  @Access({ roles: SEAT_KEEPERS, scope: CommitteeInPath })
  @ApiOperation({ operationId: 'removeOwnersCommitteeMember', summary: 'A member leaves the committee' })
  @ApiNoContentResponse({ description: 'The seat is left' })
  async removeMember(
    @Param('id', ParseUUIDPipe) committeeId: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @RequestMeta() meta: RequestMetadata,
  ): Promise<void> {
    await this.commands.execute(
      new RemoveMemberCommand({ committeeId, memberId }, commandContext(meta, this.clock.now())),
    );
  }
}

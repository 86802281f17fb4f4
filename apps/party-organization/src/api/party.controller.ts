import { Body, Controller, Delete, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access } from '@cogov/security';
import { BranchOrderInPath, CommunityInBody, OrganizationInBody, OrganizationInPath } from './scopes';
import { FillSeatCommand, VacateSeatCommand } from '../application/committee-seats';
import { CompleteOrderCommand } from '../application/complete-order';
import { FoundOrganizationCommand } from '../application/found-organization';
import { RegisterMemberCommand } from '../application/register-member';
import { ReviewOrderCommand } from '../application/review-order';
import { TakeOrderCommand } from '../application/take-order';
import { HandBackOrderCommand, RecordArrivalCommand } from '../application/work-on-order';
import {
  CompleteOrderDto,
  FillSeatDto,
  FoundOrganizationDto,
  HandBackOrderDto,
  IdDto,
  RecordArrivalDto,
  RegisterMemberDto,
  ReviewOrderDto,
  TakeOrderDto,
} from './dto';

@ApiTags('party-organization')
@Controller('party')
export class PartyController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('organizations')
  @Access({ roles: ['platform-admin', 'party-staff'], scope: CommunityInBody })
  @ApiOperation({
    operationId: 'foundOrganization',
    summary: 'Found a Party organization: the community committee, a branch or a group',
  })
  @ApiCreatedResponse({ type: IdDto })
  found(@Body() body: FoundOrganizationDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new FoundOrganizationCommand(
        {
          kind: body.kind,
          name: body.name,
          communityId: body.communityId,
          parentId: body.parentId ?? null,
          compoundIds: body.compoundIds ?? [],
          buildingIds: body.buildingIds ?? [],
          companyId: body.companyId ?? null,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post('members')
  @Access({ roles: ['platform-admin', 'party-staff'], scope: OrganizationInBody })
  @ApiOperation({ operationId: 'registerMember', summary: 'Register a Party member with an organization' })
  @ApiCreatedResponse({ type: IdDto })
  register(@Body() body: RegisterMemberDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new RegisterMemberCommand({ ...body }, commandContext(meta, this.clock.now())),
    );
  }

  @Post('organizations/:id/seats')
  @Access({ roles: ['platform-admin', 'party-staff'], scope: OrganizationInPath })
  @ApiOperation({
    operationId: 'fillCommitteeSeat',
    summary: 'A person takes a seat on the organization’s committee (交叉任职, 一肩挑); one secretary',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The seat’s id' })
  fillSeat(
    @Param('id', ParseUUIDPipe) organizationId: string,
    @Body() body: FillSeatDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new FillSeatCommand(
        {
          organizationId,
          personName: body.personName,
          memberId: body.memberId ?? null,
          residentId: body.residentId ?? null,
          seat: body.seat,
          holds: body.holds ?? null,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Delete('organizations/:id/seats/:seatId')
  @HttpCode(204)
  @Access({ roles: ['platform-admin', 'party-staff'], scope: OrganizationInPath })
  @ApiOperation({ operationId: 'vacateCommitteeSeat', summary: 'The person in a committee seat leaves it' })
  @ApiNoContentResponse({ description: 'The seat is vacated' })
  async vacateSeat(
    @Param('id', ParseUUIDPipe) organizationId: string,
    @Param('seatId', ParseUUIDPipe) seatId: string,
    @RequestMeta() meta: RequestMetadata,
  ): Promise<void> {
    await this.commands.execute(
      new VacateSeatCommand({ organizationId, seatId }, commandContext(meta, this.clock.now())),
    );
  }
}

/** The Party organization's steps of the five-order chain. */
@ApiTags('five-order chain')
@Controller('orders')
export class BranchOrderController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/review')
  @Access({ roles: ['party-member'], scope: BranchOrderInPath, actsAs: { field: 'reviewerId' } })
  @HttpCode(200)
  @ApiOperation({ operationId: 'reviewOrder', summary: '支部审单: the covering branch reviews the order' })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  review(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Body() body: ReviewOrderDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new ReviewOrderCommand(
        {
          orderId,
          reviewerId: body.reviewerId,
          decision: body.decision,
          note: body.note,
          priority: body.priority,
          reason: body.reason ?? null,
          duplicateOfOrderId: body.duplicateOfOrderId ?? null,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/take')
  @Access({ roles: ['party-member'], scope: BranchOrderInPath, actsAs: { field: 'memberId' } })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'takeOrder',
    summary: '党员接单: a Party member takes the order; on a pooled order the first wins',
  })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  take(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Body() body: TakeOrderDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new TakeOrderCommand({ orderId, memberId: body.memberId }, commandContext(meta, this.clock.now())),
    );
  }

  @Post(':id/arrival')
  @Access({ roles: ['party-member'], scope: BranchOrderInPath, actsAs: { field: 'memberId' } })
  @HttpCode(200)
  @ApiOperation({ operationId: 'recordArrival', summary: '到场: the member who took the order is on site' })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  arrival(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Body() body: RecordArrivalDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RecordArrivalCommand(
        { orderId, memberId: body.memberId, note: body.note ?? null },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/hand-back')
  @Access({ roles: ['party-member'], scope: BranchOrderInPath, actsAs: { field: 'memberId' } })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'handBackOrder',
    summary: '退回: the member who took the order gives it back; it returns to dispatch',
  })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  handBack(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Body() body: HandBackOrderDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new HandBackOrderCommand(
        { orderId, memberId: body.memberId, reason: body.reason },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/complete')
  @Access({ roles: ['party-member'], scope: BranchOrderInPath, actsAs: { field: 'memberId' } })
  @HttpCode(200)
  @ApiOperation({ operationId: 'completeOrder', summary: 'The member who took the order completes it' })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  complete(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Body() body: CompleteOrderDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new CompleteOrderCommand({ orderId, ...body }, commandContext(meta, this.clock.now())),
    );
  }
}

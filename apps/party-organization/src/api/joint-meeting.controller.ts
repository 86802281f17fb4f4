import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, type Role } from '@cogov/security';
import { GetCompoundBoardQuery, GetJointMeetingQuery } from '../application/joint-meeting-queries';
import {
  AddAgendaItemCommand,
  ConveneMeetingCommand,
  RecordDecisionCommand,
  UpdateMeetingCommand,
} from '../application/joint-meetings';
import {
  AddAgendaItemDto,
  AttendeeDto,
  CloseJointMeetingDto,
  ConveneJointMeetingDto,
  DecisionCreatedDto,
  IdDto,
  RecordDecisionDto,
  TaskDto,
  TaskProgressDto,
} from './dto';
import { CompoundBoardResponse, JointMeetingResponse } from './joint-meeting.views';
import { BranchInBody, CompoundInPath, JointMeetingInPath } from './scopes';

/** The branch leads the meeting and keeps its record. */
const CONVENERS: Role[] = ['platform-admin', 'party-staff'];
/** The parties a task may go to report its progress. */
const TASK_OWNERS: Role[] = [
  ...CONVENERS,
  'owners-committee-staff',
  'property-staff',
  'residents-committee-staff',
  'building-leader',
];
const READERS: Role[] = [...TASK_OWNERS, 'auditor'];

/** 联席会议: joint meetings of the compound branch, the owners' committee and the property company. */
@ApiTags('joint meetings')
// The bodies' items, which the document would not otherwise hold (their $refs point here).
@ApiExtraModels(AttendeeDto, TaskDto)
@Controller()
export class JointMeetingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('joint-meetings')
  @Access({ roles: CONVENERS, scope: BranchInBody })
  @ApiOperation({
    operationId: 'conveneJointMeeting',
    summary: '联席会议: the branch covering the compound convenes a joint meeting',
  })
  @ApiCreatedResponse({ type: IdDto })
  convene(@Body() body: ConveneJointMeetingDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new ConveneMeetingCommand(
        {
          branchId: body.branchId,
          compoundId: body.compoundId,
          date: body.date,
          attendees: body.attendees.map((a) => ({
            party: a.party,
            personName: a.personName,
            id: a.id ?? null,
          })),
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Get('joint-meetings/:id')
  @Access({ roles: READERS, scope: JointMeetingInPath })
  @ApiOperation({
    operationId: 'getJointMeeting',
    summary: 'One joint meeting: agenda, decisions, tasks, the overdue ones flagged',
  })
  @ApiOkResponse({ type: JointMeetingResponse })
  one(@Param('id', ParseUUIDPipe) meetingId: string) {
    return this.queries.execute(new GetJointMeetingQuery(meetingId));
  }

  @Post('joint-meetings/:id/agenda-items')
  @Access({ roles: CONVENERS, scope: JointMeetingInPath })
  @ApiOperation({
    operationId: 'addJointMeetingAgendaItem',
    summary: 'An order, a building leader’s opinion, an evaluation or another matter goes on the agenda',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The agenda item’s id' })
  addAgendaItem(
    @Param('id', ParseUUIDPipe) meetingId: string,
    @Body() body: AddAgendaItemDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new AddAgendaItemCommand(
        { meetingId, kind: body.kind, refId: body.refId ?? null, title: body.title },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post('joint-meetings/:id/decisions')
  @Access({ roles: CONVENERS, scope: JointMeetingInPath })
  @ApiOperation({
    operationId: 'recordJointMeetingDecision',
    summary: 'The meeting decides, and hands out tasks with a due day to the parties present',
  })
  @ApiCreatedResponse({ type: DecisionCreatedDto })
  decide(
    @Param('id', ParseUUIDPipe) meetingId: string,
    @Body() body: RecordDecisionDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RecordDecisionCommand(
        {
          meetingId,
          text: body.text,
          tasks: body.tasks.map((t) => ({ ownerParty: t.ownerParty, ownerId: t.ownerId, dueOn: t.dueOn })),
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post('joint-meetings/:id/tasks/:taskId/progress')
  @HttpCode(200)
  @Access({ roles: TASK_OWNERS, scope: JointMeetingInPath })
  @ApiOperation({
    operationId: 'recordJointMeetingTaskProgress',
    summary: 'Progress on a task, or its completion; the last task done closes the meeting',
  })
  @ApiOkResponse({ type: IdDto, description: 'The task’s id' })
  async progress(
    @Param('id', ParseUUIDPipe) meetingId: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Body() body: TaskProgressDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    await this.commands.execute(
      new UpdateMeetingCommand(
        { type: 'RecordTaskProgress', meetingId, taskId, note: body.note, done: body.done },
        commandContext(meta, this.clock.now()),
      ),
    );
    return { id: taskId };
  }

  @Post('joint-meetings/:id/close')
  @HttpCode(200)
  @Access({ roles: CONVENERS, scope: JointMeetingInPath })
  @ApiOperation({
    operationId: 'closeJointMeeting',
    summary: 'The branch closes the meeting; tasks not done stay open on the board',
  })
  @ApiOkResponse({ type: IdDto, description: 'The meeting’s id' })
  async close(
    @Param('id', ParseUUIDPipe) meetingId: string,
    @Body() body: CloseJointMeetingDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    await this.commands.execute(
      new UpdateMeetingCommand(
        { type: 'CloseMeeting', meetingId, note: body.note },
        commandContext(meta, this.clock.now()),
      ),
    );
    return { id: meetingId };
  }

  @Get('party/compounds/:compoundId/board')
  @Access({ roles: READERS, scope: CompoundInPath })
  @ApiOperation({
    operationId: 'getCompoundBoard',
    summary: 'The compound’s board: joint-meeting tasks not done, and the overdue ones',
  })
  @ApiOkResponse({ type: CompoundBoardResponse })
  board(@Param('compoundId', ParseUUIDPipe) compoundId: string) {
    return this.queries.execute(new GetCompoundBoardQuery(compoundId));
  }
}

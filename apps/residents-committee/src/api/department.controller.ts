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
import { GetDepartmentOrderQuery, ListDepartmentOrdersQuery } from '../application/department-orders';
import { RecordDepartmentWorkCommand } from '../application/department-work';
import {
  AddDepartmentStaffCommand,
  GetDepartmentQuery,
  ListDepartmentsQuery,
  RegisterDepartmentCommand,
  RemoveDepartmentStaffCommand,
} from '../application/departments';
import {
  AddDepartmentStaffDto,
  CreatedDto,
  DepartmentAcceptOrderDto,
  DepartmentCompleteOrderDto,
  DepartmentHandBackOrderDto,
  DepartmentOrdersQueryDto,
  DepartmentRecordArrivalDto,
  ListDepartmentsQueryDto,
  RegisterDepartmentDto,
} from './dto';
import { DepartmentInPath, StreetInBody } from './scopes';
import { DepartmentListResponse, DepartmentResponse, OrderChainResponse, OrderPageResponse } from './views';

/** Who keeps a street's directory of departments: platform admins and street-scoped committee staff. */
const DIRECTORY_KEEPERS: Role[] = ['platform-admin', 'residents-committee-staff'];
const DIRECTORY_READERS: Role[] = [...DIRECTORY_KEEPERS, 'department-staff', 'party-staff', 'auditor'];
/** Who reads a department's orders: its staff (on its register), the street's office, admins. */
const ORDER_READERS_OF_A_DEPARTMENT: Role[] = [
  'platform-admin',
  'residents-committee-staff',
  'department-staff',
  'auditor',
];
/** A caller who reads only as department staff must be on the department's register. */
const readerOf = (caller: Principal) => ({
  personId: caller.personId,
  mustBeStaff: !caller.roles.some(
    (role) => role !== 'department-staff' && ORDER_READERS_OF_A_DEPARTMENT.includes(role),
  ),
});
/** A department's staff report in for it, as themselves (`performedBy` is the caller). */
const REPORTING_IN = { roles: ['department-staff'] as Role[], scope: DepartmentInPath };

/** 吹哨报到: the departments a street calls in, their staff, and their work on whistled orders. */
@ApiTags('residents-committee')
@Controller('departments')
export class DepartmentController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access({ roles: DIRECTORY_KEEPERS, scope: StreetInBody })
  @ApiOperation({
    operationId: 'registerDepartment',
    summary: 'Enter a government department in a street’s directory; answers its id',
  })
  @ApiCreatedResponse({ type: CreatedDto })
  register(@Body() body: RegisterDepartmentDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new RegisterDepartmentCommand(
        { streetId: body.streetId, name: body.name, kind: body.kind },
        this.context(meta),
      ),
    );
  }

  @Get()
  @Access({ roles: DIRECTORY_READERS })
  @ApiOperation({
    operationId: 'listDepartments',
    summary: 'The departments of the caller’s streets (a platform admin: of every street)',
  })
  @ApiQueryFrom(ListDepartmentsQueryDto)
  @ApiOkResponse({ type: DepartmentListResponse })
  list(@Query() query: ListDepartmentsQueryDto, @Caller() caller: Principal) {
    return this.queries.execute(
      new ListDepartmentsQuery({
        ...(query.streetId ? { streetId: query.streetId } : {}),
        withinStreets: caller.roles.includes('platform-admin') ? 'everywhere' : caller.streets,
      }),
    );
  }

  @Get(':id')
  @Access({ roles: DIRECTORY_READERS, scope: DepartmentInPath })
  @ApiOperation({ operationId: 'getDepartment', summary: 'A department and its staff' })
  @ApiOkResponse({ type: DepartmentResponse })
  get(@Param('id', ParseUUIDPipe) departmentId: string) {
    return this.queries.execute(new GetDepartmentQuery(departmentId));
  }

  @Post(':id/staff')
  @Access({ roles: DIRECTORY_KEEPERS, scope: DepartmentInPath })
  @ApiOperation({
    operationId: 'addDepartmentStaff',
    summary: 'Add a person who reports in for the department; answers their id',
  })
  @ApiCreatedResponse({ type: CreatedDto })
  addStaff(
    @Param('id', ParseUUIDPipe) departmentId: string,
    @Body() body: AddDepartmentStaffDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new AddDepartmentStaffCommand(
        { departmentId, staffId: body.staffId, name: body.name },
        this.context(meta),
      ),
    );
  }

  @Delete(':id/staff/:staffId')
  @HttpCode(204)
  @Access({ roles: DIRECTORY_KEEPERS, scope: DepartmentInPath })
  @ApiOperation({ operationId: 'removeDepartmentStaff', summary: 'Remove a person from the department' })
  @ApiNoContentResponse({ description: 'They no longer report in for it' })
  async removeStaff(
    @Param('id', ParseUUIDPipe) departmentId: string,
    @Param('staffId', ParseUUIDPipe) staffId: string,
    @RequestMeta() meta: RequestMetadata,
  ): Promise<void> {
    await this.commands.execute(
      new RemoveDepartmentStaffCommand({ departmentId, staffId }, this.context(meta)),
    );
  }

  @Get(':id/orders')
  @Access({ roles: ORDER_READERS_OF_A_DEPARTMENT, scope: DepartmentInPath })
  @ApiOperation({
    operationId: 'listDepartmentOrders',
    summary:
      'The orders whistled to the department and with it now, newest first (its staff, or the street’s office)',
  })
  @ApiQueryFrom(DepartmentOrdersQueryDto)
  @ApiOkResponse({ type: OrderPageResponse })
  listOrders(
    @Param('id', ParseUUIDPipe) departmentId: string,
    @Query() query: DepartmentOrdersQueryDto,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(
      new ListDepartmentOrdersQuery({
        departmentId,
        reader: readerOf(caller),
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 20,
      }),
    );
  }

  @Get(':id/orders/:orderId')
  @Access({ roles: ORDER_READERS_OF_A_DEPARTMENT, scope: DepartmentInPath })
  @ApiOperation({
    operationId: 'getDepartmentOrder',
    summary: 'The chain view of an order whistled to the department (at any round)',
  })
  @ApiOkResponse({ type: OrderChainResponse })
  getOrder(
    @Param('id', ParseUUIDPipe) departmentId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(
      new GetDepartmentOrderQuery({ departmentId, orderId, reader: readerOf(caller) }),
    );
  }

  @Post(':id/orders/:orderId/accept')
  @Access(REPORTING_IN)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acceptDepartmentOrder',
    summary: '报到: the department reports in on an order whistled to it',
  })
  @ApiOkResponse({ type: CreatedDto, description: 'The order’s id' })
  accept(
    @Param('id', ParseUUIDPipe) departmentId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: DepartmentAcceptOrderDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(departmentId, orderId, caller, 'accepted', { note: body.note ?? null }, meta);
  }

  @Post(':id/orders/:orderId/arrival')
  @Access(REPORTING_IN)
  @HttpCode(200)
  @ApiOperation({ operationId: 'recordDepartmentArrival', summary: '到场: the department is on site' })
  @ApiOkResponse({ type: CreatedDto, description: 'The order’s id' })
  arrival(
    @Param('id', ParseUUIDPipe) departmentId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: DepartmentRecordArrivalDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(departmentId, orderId, caller, 'arrived', { note: body.note ?? null }, meta);
  }

  @Post(':id/orders/:orderId/complete')
  @Access(REPORTING_IN)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'completeDepartmentOrder',
    summary: '办结: the department completes the order, with a result note and evidence',
  })
  @ApiOkResponse({ type: CreatedDto, description: 'The order’s id' })
  complete(
    @Param('id', ParseUUIDPipe) departmentId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: DepartmentCompleteOrderDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(
      departmentId,
      orderId,
      caller,
      'completed',
      { resultNote: body.resultNote, evidence: body.evidence },
      meta,
    );
  }

  @Post(':id/orders/:orderId/hand-back')
  @Access(REPORTING_IN)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'handBackDepartmentOrder',
    summary: '退回: the department gives the order back to the community’s dispatch, with a reason',
  })
  @ApiOkResponse({ type: CreatedDto, description: 'The order’s id' })
  handBack(
    @Param('id', ParseUUIDPipe) departmentId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: DepartmentHandBackOrderDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(departmentId, orderId, caller, 'handed-back', { reason: body.reason }, meta);
  }

  private work(
    departmentId: string,
    orderId: string,
    caller: Principal,
    step: RecordDepartmentWorkCommand['input']['step'],
    details: { note?: string | null; resultNote?: string; evidence?: string[]; reason?: string },
    meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RecordDepartmentWorkCommand(
        {
          departmentId,
          orderId,
          performedBy: caller.personId,
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

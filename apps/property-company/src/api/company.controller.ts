import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, Caller, type Principal } from '@cogov/security';
import { GetCompanyQuery } from '../application/company-queries';
import { ChangeHeadcountCommand, RegisterCompanyCommand } from '../application/register-company';
import { SignContractCommand } from '../application/sign-contract';
import { WorkOnOrderCommand } from '../application/work-on-order';
import {
  CompanyAcceptOrderDto,
  CompanyCompleteOrderDto,
  CompanyHandBackOrderDto,
  HeadcountDto,
  IdDto,
  CompanyRecordArrivalDto,
  RegisterCompanyDto,
  SignContractDto,
} from './dto';
import { CompanyInPath } from './scopes';
import { CompanyResponse } from './views';

/** The company's staff, or its partner system through its key (`partner:<companyId>` is recorded). */
const COMPANY_WORKERS = ['property-staff', 'partner-system'] as const;

@ApiTags('property-company')
@Controller('property-companies')
export class CompanyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access({ roles: ['platform-admin'] })
  @ApiOperation({
    operationId: 'registerPropertyCompany',
    summary: 'Register a property company (物业服务企业)',
  })
  @ApiCreatedResponse({ type: IdDto })
  register(@Body() body: RegisterCompanyDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new RegisterCompanyCommand(
        {
          name: body.name,
          unifiedCreditCode: body.unifiedCreditCode,
          staffCount: body.staffCount,
          fullPartyMemberCount: body.fullPartyMemberCount,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/headcount')
  @Access({ roles: ['platform-admin', 'property-staff'], scope: CompanyInPath })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'changePropertyCompanyHeadcount',
    summary: 'Change the staff and full Party member counts; the red-property rules are assessed again',
  })
  @ApiOkResponse({ type: IdDto, description: 'The company’s id' })
  headcount(
    @Param('id', ParseUUIDPipe) companyId: string,
    @Body() body: HeadcountDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new ChangeHeadcountCommand(
        { companyId, staffCount: body.staffCount, fullPartyMemberCount: body.fullPartyMemberCount },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/contracts')
  @Access({ roles: ['platform-admin'], scope: CompanyInPath })
  @ApiOperation({
    operationId: 'signPropertyContract',
    summary: 'A contract by which the company serves a compound; a compound has one company at a time',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The contract’s id' })
  contract(
    @Param('id', ParseUUIDPipe) companyId: string,
    @Body() body: SignContractDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new SignContractCommand(
        { companyId, compoundId: body.compoundId, startsOn: body.startsOn, endsOn: body.endsOn },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Get(':id')
  @Access({ roles: ['platform-admin', 'auditor', 'property-staff', 'partner-system'], scope: CompanyInPath })
  @ApiOperation({
    operationId: 'getPropertyCompany',
    summary:
      'The company: its red-property rules (met / not-met / not-applicable, since when), contracts, open orders, and its evaluation’s scores and grade by period',
  })
  @ApiOkResponse({ type: CompanyResponse })
  get(@Param('id', ParseUUIDPipe) companyId: string) {
    return this.queries.execute(new GetCompanyQuery(companyId));
  }

  @Post(':id/orders/:orderId/accept')
  @Access({ roles: [...COMPANY_WORKERS], scope: CompanyInPath })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acceptCompanyOrder',
    summary: '受理: the company accepts an order dispatched to it',
  })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  accept(
    @Param('id', ParseUUIDPipe) companyId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() _body: CompanyAcceptOrderDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(
      { type: 'AcceptOrder', data: { orderId, companyId, performedBy: caller.personId } },
      meta,
    );
  }

  @Post(':id/orders/:orderId/arrival')
  @Access({ roles: [...COMPANY_WORKERS], scope: CompanyInPath })
  @HttpCode(200)
  @ApiOperation({ operationId: 'recordCompanyArrival', summary: '到场: the company’s staff are on site' })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  arrival(
    @Param('id', ParseUUIDPipe) companyId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: CompanyRecordArrivalDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(
      {
        type: 'RecordArrival',
        data: { orderId, companyId, performedBy: caller.personId, note: body.note ?? null },
      },
      meta,
    );
  }

  @Post(':id/orders/:orderId/complete')
  @Access({ roles: [...COMPANY_WORKERS], scope: CompanyInPath })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'completeCompanyOrder',
    summary: '办结: the company completes the order, with a result note and evidence',
  })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  complete(
    @Param('id', ParseUUIDPipe) companyId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: CompanyCompleteOrderDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(
      {
        type: 'CompleteOrder',
        data: {
          orderId,
          companyId,
          performedBy: caller.personId,
          resultNote: body.resultNote,
          evidence: body.evidence,
        },
      },
      meta,
    );
  }

  @Post(':id/orders/:orderId/hand-back')
  @Access({ roles: [...COMPANY_WORKERS], scope: CompanyInPath })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'handBackCompanyOrder',
    summary: '退回: the company gives the order back to dispatch, with a reason',
  })
  @ApiOkResponse({ type: IdDto, description: 'The order’s id' })
  handBack(
    @Param('id', ParseUUIDPipe) companyId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() body: CompanyHandBackOrderDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.work(
      {
        type: 'HandBackOrder',
        data: { orderId, companyId, performedBy: caller.personId, reason: body.reason },
      },
      meta,
    );
  }

  private work(step: WorkOnOrderCommand['step'], meta: RequestMetadata) {
    return this.commands.execute(new WorkOnOrderCommand(step, commandContext(meta, this.clock.now())));
  }
}

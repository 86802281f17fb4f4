import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access } from '@cogov/security';
import { GetCompanyQuery } from '../application/company-queries';
import { ChangeHeadcountCommand, RegisterCompanyCommand } from '../application/register-company';
import { SignContractCommand } from '../application/sign-contract';
import { HeadcountDto, IdDto, RegisterCompanyDto, SignContractDto } from './dto';
import { CompanyInPath } from './scopes';
import { CompanyResponse } from './views';

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
    summary: 'The company: its red-property rules (met / not-met / not-applicable, since when) and contracts',
  })
  @ApiOkResponse({ type: CompanyResponse })
  get(@Param('id', ParseUUIDPipe) companyId: string) {
    return this.queries.execute(new GetCompanyQuery(companyId));
  }
}

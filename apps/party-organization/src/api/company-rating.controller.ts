import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { scopeFromAggregate } from '@cogov/context-kit';
import { CLOCK, type Clock } from '@cogov/decider';
import { commandContext, FreeText, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, Caller, type Principal } from '@cogov/security';
import { RateCompanyCommand } from '../application/rate-company';
import { organizationAggregate } from '../infrastructure/aggregates';
import { IdDto } from './dto';

export class RateCompanyDto {
  @JSONSchema({ description: 'A property company serving a compound of the community in the period' })
  @IsUUID()
  companyId!: string;

  @JSONSchema({
    description:
      'The evaluation period, of the configured kind: `2026-Q4` (quarter, the default), `2026-11`, `2026`',
    example: '2026-Q4',
  })
  @Matches(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'period must be like 2026-Q4' })
  period!: string;

  @JSONSchema({ description: '0–100', example: 88 }) @IsInt() @Min(0) @Max(100) score!: number;

  @JSONSchema({ example: 'Took part in every joint meeting' })
  @IsOptional()
  @FreeText()
  @Length(1, 4000)
  comment?: string;
}

/** The organization in the path, in its community. */
export const OrganizationInPath = scopeFromAggregate(
  'OrganizationInPath',
  organizationAggregate,
  { param: 'id' },
  (state) => (state.status === 'absent' ? null : { communityId: state.communityId, compoundId: null }),
);

@ApiTags('party-organization')
@Controller('party/organizations')
export class CompanyRatingController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/company-ratings')
  @Access({ roles: ['platform-admin', 'party-staff'], scope: OrganizationInPath })
  @ApiOperation({
    operationId: 'rateCompany',
    summary:
      '社区党组织评价: the community Party committee rates a property company serving it, once per period',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The rating’s id' })
  rate(
    @Param('id', ParseUUIDPipe) organizationId: string,
    @Body() body: RateCompanyDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RateCompanyCommand(
        {
          organizationId,
          companyId: body.companyId,
          period: body.period,
          score: body.score,
          comment: body.comment ?? null,
          ratedBy: caller.personId,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }
}

import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { CLOCK, type Clock } from '@cogov/decider';
import { ApiQueryFrom, refuse } from '@cogov/http';
import { Access, Caller, type Principal, type Role } from '@cogov/security';
import { isPeriod, periodOf, type RateLevel, type RateSort } from './domain/rates';
import { RatesQueryDto, RatesResponse } from './rates.dto';
import { RatesQuery, type RatesTable, ratesVisibility } from './rates.query';
import { RatesPlacesInQuery } from './rates.scope';
import { ratesCsv } from './rates.csv';

/** Who reads the rates: the Party's and the committee's staff (a street's leaders with a `streets` claim), auditors. */
export const RATE_READERS: Role[] = ['platform-admin', 'party-staff', 'residents-committee-staff', 'auditor'];

/** `?format=` decides; without it, `Accept: text/csv` asks for the export. */
const wantsCsv = (format: string | undefined, accept: string | undefined) =>
  format ? format === 'csv' : (accept ?? '').toLowerCase().includes('text/csv');

@ApiTags('boards')
@Controller('rates')
export class RatesController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Access({ roles: RATE_READERS, scope: RatesPlacesInQuery })
  @ApiOperation({
    operationId: 'listRates',
    summary:
      '三率: response, resolution and satisfaction rates per row of a level, ranked, within the caller’s scope',
    description:
      'Definitions and sources of every figure: docs/rates.md. `Accept: text/csv` or `?format=csv` ' +
      'exports the same rows and figures as CSV (rates as decimals, times in ms, an empty cell for null).',
  })
  @ApiQueryFrom(RatesQueryDto)
  @ApiExtraModels(RatesResponse)
  @ApiOkResponse({
    description: 'The ranked table, best first',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(RatesResponse) } },
      'text/csv': { schema: { type: 'string', description: 'A header row, then one record per row' } },
    },
  })
  async rates(
    @Query() query: RatesQueryDto,
    @Caller() caller: Principal,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RatesTable | string> {
    const now = this.clock.now();
    const period = periodOf(query, now);
    if (!isPeriod(period)) throw refuse(period);
    const table = await this.queries.execute(
      new RatesQuery({
        level: query.level as RateLevel,
        period,
        sort: (query.sort ?? 'composite') as RateSort,
        ...(query.streetId ? { streetId: query.streetId } : {}),
        ...(query.communityId ? { communityId: query.communityId } : {}),
        within: ratesVisibility(caller),
        now,
      }),
    );
    if (!wantsCsv(query.format, accept)) return table;
    const csv = ratesCsv(table);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename=${csv.filename}`);
    return csv.body;
  }
}

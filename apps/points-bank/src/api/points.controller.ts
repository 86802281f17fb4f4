import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { ApiQueryFrom, commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, type Role } from '@cogov/security';
import { GetAccountQuery, GetLeaderboardQuery, GetStatementQuery } from '../application/account-queries';
import { AddCatalogueItemCommand, GetCatalogueQuery } from '../application/catalogue';
import { CorrectPointsCommand } from '../application/correct-points';
import { RedeemPointsCommand } from '../application/redeem-points';
import { GetStandardsQuery, PublishStandardCommand } from '../application/standards';
import { dayInChina } from '../domain/china-calendar';
import {
  ActivityKindPointsDto,
  AddCatalogueItemDto,
  CorrectPointsDto,
  IdDto,
  LeaderboardQueryDto,
  OrderPointsDto,
  PublishStandardDto,
  RedeemPointsDto,
  StatementQueryDto,
} from './dto';
import {
  ACCOUNT_HOLDERS,
  AccountInPath,
  CatalogueCommunityInPath,
  CorrectionPlaceInBody,
  LeaderboardPlaceInQuery,
  StandardsStreetInPath,
  StationCommunityInBody,
} from './scopes';
import {
  AccountResponse,
  CatalogueResponse,
  LeaderboardResponse,
  PublishedStandardResponse,
  RedemptionResponse,
  StandardsResponse,
  StatementResponse,
} from './views';

/** Who keeps a street's standard: the street's residents' committee staff (a `streets` claim). */
const STANDARD_KEEPERS: Role[] = ['platform-admin', 'residents-committee-staff'];
const STANDARD_READERS: Role[] = [...STANDARD_KEEPERS, 'service-station-staff', 'party-staff', 'auditor'];
const STATION: Role[] = ['platform-admin', 'service-station-staff'];
const CATALOGUE_READERS: Role[] = [
  ...STATION,
  'residents-committee-staff',
  'auditor',
  'resident',
  'party-member',
];
const CORRECTORS: Role[] = ['platform-admin', 'residents-committee-staff', 'service-station-staff'];
const ACCOUNT_READERS: Role[] = [...CORRECTORS, 'auditor', ...ACCOUNT_HOLDERS];
const LEADERBOARD_READERS: Role[] = [...CORRECTORS, 'party-staff', 'auditor'];

/**
 * The volunteer points bank (涧贤银行): each street's points standard, the service stations'
 * catalogues and redemptions, and each person's account of 爱心币.
 */
@ApiTags('points-bank')
@ApiExtraModels(OrderPointsDto, ActivityKindPointsDto)
@Controller()
export class PointsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('streets/:id/points-standards')
  @Access({ roles: STANDARD_KEEPERS, scope: StandardsStreetInPath })
  @ApiOperation({
    operationId: 'publishPointsStandard',
    summary: 'A version of the street’s points standard (积分标准), in force from its day',
  })
  @ApiCreatedResponse({ type: PublishedStandardResponse })
  publishStandard(
    @Param('id', ParseUUIDPipe) streetId: string,
    @Body() body: PublishStandardDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new PublishStandardCommand(
        {
          streetId,
          standard: {
            standardId: body.standardId,
            version: body.version,
            effectiveFrom: body.effectiveFrom,
            orders: body.orders.map((o) => ({
              category: o.category,
              priority: o.priority,
              points: o.points,
            })),
            perVolunteerHour: body.perVolunteerHour,
            perActivityKind: Object.fromEntries(
              Object.entries(body.perActivityKind).filter(([, points]) => typeof points === 'number'),
            ),
            ratingFiveBonus: body.ratingFiveBonus,
          },
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Get('streets/:id/points-standards')
  @Access({ roles: STANDARD_READERS, scope: StandardsStreetInPath })
  @ApiOperation({
    operationId: 'getPointsStandards',
    summary: 'The street’s standards and the one in force today',
  })
  @ApiOkResponse({ type: StandardsResponse })
  standards(@Param('id', ParseUUIDPipe) streetId: string) {
    return this.queries.execute(new GetStandardsQuery(streetId, this.clock.now()));
  }

  @Post('communities/:id/catalogue')
  @Access({ roles: STATION, scope: CatalogueCommunityInPath })
  @ApiOperation({
    operationId: 'addCatalogueItem',
    summary: 'An item the community’s service station gives for points',
  })
  @ApiCreatedResponse({ type: IdDto })
  addItem(
    @Param('id', ParseUUIDPipe) communityId: string,
    @Body() body: AddCatalogueItemDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new AddCatalogueItemCommand(
        { communityId, name: body.name, points: body.points },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Get('communities/:id/catalogue')
  @Access({ roles: CATALOGUE_READERS, scope: CatalogueCommunityInPath })
  @ApiOperation({
    operationId: 'getCatalogue',
    summary: 'What the community’s service station gives for points',
  })
  @ApiOkResponse({ type: CatalogueResponse })
  catalogue(@Param('id', ParseUUIDPipe) communityId: string) {
    return this.queries.execute(new GetCatalogueQuery(communityId));
  }

  @Post('points/redemptions')
  @Access({ roles: STATION, scope: StationCommunityInBody })
  @ApiOperation({
    operationId: 'redeemPoints',
    summary:
      'A service station redeems a person’s points for an item: from deposits of its street (通存通兑)',
  })
  @ApiCreatedResponse({ type: RedemptionResponse })
  redeem(@Body() body: RedeemPointsDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new RedeemPointsCommand(
        { personId: body.personId, communityId: body.communityId, itemId: body.itemId },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post('points/accounts/:personId/corrections')
  @Access({ roles: CORRECTORS, scope: CorrectionPlaceInBody })
  @ApiOperation({
    operationId: 'correctPoints',
    summary: 'Staff correct a street’s deposit with a reason; never their own, never below zero',
  })
  @ApiCreatedResponse({ type: IdDto })
  correct(
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() body: CorrectPointsDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new CorrectPointsCommand(
        {
          personId,
          streetId: body.streetId,
          communityId: body.communityId ?? null,
          points: body.points,
          reason: body.reason,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Get('points/accounts/:personId')
  @Access({ roles: ACCOUNT_READERS, scope: AccountInPath, ownOnly: [...ACCOUNT_HOLDERS] })
  @ApiOperation({
    operationId: 'getPointsAccount',
    summary: 'The ledger: each street’s deposit, the total, every entry',
  })
  @ApiOkResponse({ type: AccountResponse })
  account(@Param('personId', ParseUUIDPipe) personId: string) {
    return this.queries.execute(new GetAccountQuery(personId));
  }

  @Get('points/accounts/:personId/statement')
  @Access({ roles: ACCOUNT_READERS, scope: AccountInPath, ownOnly: [...ACCOUNT_HOLDERS] })
  @ApiOperation({ operationId: 'getPointsStatement', summary: 'A year’s statement (China’s calendar)' })
  @ApiQueryFrom(StatementQueryDto)
  @ApiOkResponse({ type: StatementResponse })
  statement(@Param('personId', ParseUUIDPipe) personId: string, @Query() query: StatementQueryDto) {
    return this.queries.execute(new GetStatementQuery(personId, query.year));
  }

  @Get('points/leaderboard')
  @Access({ roles: LEADERBOARD_READERS, scope: LeaderboardPlaceInQuery })
  @ApiOperation({
    operationId: 'getPointsLeaderboard',
    summary: 'Top earners of a community or street in a year',
  })
  @ApiQueryFrom(LeaderboardQueryDto)
  @ApiOkResponse({ type: LeaderboardResponse })
  leaderboard(@Query() query: LeaderboardQueryDto) {
    const year = query.year ?? Number(dayInChina(this.clock.now().toISOString()).slice(0, 4));
    return this.queries.execute(
      new GetLeaderboardQuery(
        { communityId: query.communityId ?? null, streetId: query.streetId ?? null },
        year,
        query.limit ?? 10,
      ),
    );
  }
}

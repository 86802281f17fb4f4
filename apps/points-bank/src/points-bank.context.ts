import { defineContext } from '@cogov/context-kit';
import { PointsController } from './api/points.controller';
import { pointsBankScopes } from './api/scopes';
import { GetAccountHandler, GetLeaderboardHandler, GetStatementHandler } from './application/account-queries';
import { AddCatalogueItemHandler, GetCatalogueHandler } from './application/catalogue';
import { CorrectPointsHandler } from './application/correct-points';
import { Earnings } from './application/earnings';
import { Places } from './application/places';
import { recordFactHandlers } from './application/record-facts';
import { RedeemPointsHandler } from './application/redeem-points';
import { GetStandardsHandler, PublishStandardHandler } from './application/standards';
import { accountAggregate, catalogueAggregate, streetStandardsAggregate } from './infrastructure/aggregates';
import { earningsProjection } from './infrastructure/earnings/earnings.projection';
import { POINTS_BANK_ENTITIES } from './infrastructure/entities';
import { pointsBankInbound } from './infrastructure/inbound';
import { pointsBankOutbound } from './infrastructure/outbound';

/**
 * The volunteer points bank (志愿积分银行, "涧贤银行"): service earns points (爱心币) under the
 * street's points standard (积分标准), kept per street as that street's deposit, and redeemed at
 * the service stations of the street (通存通兑 within it; across streets only where both keep the
 * same standard). Earnings come from others' published facts only: closed orders and confirmed
 * volunteer activities.
 */
export const pointsBank = defineContext({
  name: 'points-bank',
  port: 3007,
  aggregates: {
    account: accountAggregate,
    streetStandards: streetStandardsAggregate,
    catalogue: catalogueAggregate,
  },
  publishes: pointsBankOutbound,
  consumes: pointsBankInbound,
  projections: [earningsProjection],
  scopes: pointsBankScopes,
  entities: POINTS_BANK_ENTITIES,
  controllers: [PointsController],
  handlers: [
    Places,
    Earnings,
    ...recordFactHandlers,
    PublishStandardHandler,
    GetStandardsHandler,
    AddCatalogueItemHandler,
    GetCatalogueHandler,
    RedeemPointsHandler,
    CorrectPointsHandler,
    GetAccountHandler,
    GetStatementHandler,
    GetLeaderboardHandler,
  ],
});

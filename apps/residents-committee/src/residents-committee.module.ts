import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RESIDENTS_COMMITTEE } from '@cogov/contracts';
import { INTEGRATION_EVENT_BUS, type IntegrationEventBus } from '@cogov/messaging';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@cogov/projections';
import { CommunityController } from './api/community.controller';
import { OrderController } from './api/order.controller';
import { ResidentController } from './api/resident.controller';
import { scopeResolvers } from './api/scopes';
import { AddBuildingHandler } from './application/add-building';
import { AppointWorkerHandler } from './application/appoint-worker';
import { DispatchOrderHandler } from './application/dispatch-order';
import { GetOrderChainHandler, ListOrdersHandler } from './application/order-queries';
import { GetResidentHandler, ListResidentsHandler } from './application/resident-queries';
import { PlaceOrderHandler } from './application/place-order';
import { RateOrderHandler } from './application/rate-order';
import { RecordOrderProgressHandler } from './application/record-order-progress';
import { RegisterCommunityHandler } from './application/register-community';
import { RegisterCompoundHandler } from './application/register-compound';
import { RegisterResidentHandler } from './application/register-resident';
import { repositoryProviders } from './infrastructure/aggregates';
import { PartyDirectoryEntry } from './infrastructure/directory/party-directory.entity';
import { ResidentsCommitteeInbound } from './infrastructure/inbound';
import { OrderChainView } from './infrastructure/order-chain/order-chain-view.entity';
import { orderChainProjection } from './infrastructure/order-chain/order-chain.projection';
import { residentsCommitteeOutbound } from './infrastructure/outbound';
import { ResidentView } from './infrastructure/residents/resident-view.entity';
import { residentsProjection } from './infrastructure/residents/residents.projection';

/**
 * The residents' committee (居委会) context: community structure, residents, order intake,
 * dispatch and rating, and the five-order chain view. Needs the event store, SQL database, bus,
 * projection runner and clock from its host.
 */
@Module({
  imports: [CqrsModule],
  controllers: [CommunityController, OrderController, ResidentController],
  providers: [
    ...repositoryProviders,
    ...scopeResolvers,
    RegisterCommunityHandler,
    AppointWorkerHandler,
    RegisterCompoundHandler,
    AddBuildingHandler,
    RegisterResidentHandler,
    PlaceOrderHandler,
    DispatchOrderHandler,
    RateOrderHandler,
    RecordOrderProgressHandler,
    GetOrderChainHandler,
    ListOrdersHandler,
    GetResidentHandler,
    ListResidentsHandler,
    ResidentsCommitteeInbound,
  ],
})
export class ResidentsCommitteeModule implements OnModuleInit {
  /** Read-model and directory tables, for the host's database. */
  static readonly entities = [OrderChainView, PartyDirectoryEntry, ResidentView];

  constructor(
    @Inject(INTEGRATION_EVENT_BUS) private readonly bus: IntegrationEventBus,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    private readonly inbound: ResidentsCommitteeInbound,
  ) {}

  onModuleInit(): void {
    this.bus.publishFrom(RESIDENTS_COMMITTEE, residentsCommitteeOutbound);
    this.bus.subscribe(this.inbound.subscription());
    this.projections.register(orderChainProjection);
    this.projections.register(residentsProjection);
  }
}

import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PARTY_ORGANIZATION } from '@cogov/contracts';
import { INTEGRATION_EVENT_BUS, type IntegrationEventBus } from '@cogov/messaging';
import { BranchOrderController, PartyController } from './api/party.controller';
import { scopeResolvers } from './api/scopes';
import { CompleteOrderHandler } from './application/complete-order';
import { CompoundClaims } from './application/compound-claims';
import { FoundOrganizationHandler } from './application/found-organization';
import { RecordOrderLifecycleHandler } from './application/record-order-lifecycle';
import { RegisterMemberHandler } from './application/register-member';
import { ReviewOrderHandler } from './application/review-order';
import { TakeOrderHandler } from './application/take-order';
import { repositoryProviders } from './infrastructure/aggregates';
import { CommunityDirectoryEntry } from './infrastructure/directory/community-directory.entity';
import { PartyOrganizationInbound } from './infrastructure/inbound';
import { partyOrganizationOutbound } from './infrastructure/outbound';

/**
 * The community Party organization (社区党组织) context: the Party committee, branches and building
 * groups, Party members, branch review and members taking and completing orders.
 */
@Module({
  imports: [CqrsModule],
  controllers: [PartyController, BranchOrderController],
  providers: [
    ...repositoryProviders,
    ...scopeResolvers,
    CompoundClaims,
    FoundOrganizationHandler,
    RegisterMemberHandler,
    ReviewOrderHandler,
    TakeOrderHandler,
    CompleteOrderHandler,
    RecordOrderLifecycleHandler,
    PartyOrganizationInbound,
  ],
})
export class PartyOrganizationModule implements OnModuleInit {
  static readonly entities = [CommunityDirectoryEntry];

  constructor(
    @Inject(INTEGRATION_EVENT_BUS) private readonly bus: IntegrationEventBus,
    private readonly inbound: PartyOrganizationInbound,
  ) {}

  onModuleInit(): void {
    this.bus.publishFrom(PARTY_ORGANIZATION, partyOrganizationOutbound);
    this.bus.subscribe(this.inbound.subscription());
  }
}

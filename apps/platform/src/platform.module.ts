import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { DatabaseConfig } from '@cogov/persistence';
import { PartyOrganizationModule } from '../../party-organization/src/party-organization.module';
import { ResidentsCommitteeModule } from '../../residents-committee/src/residents-committee.module';
import { HealthController } from './audit/health.controller';
import { StreamsController } from './audit/streams.controller';
import { EmbeddedInfrastructureModule } from './embedded-infrastructure.module';

/** The embedded platform: every context in one process over one database and the in-process bus. */
@Module({})
export class PlatformModule {
  static embedded(database: DatabaseConfig, options: { startWorkers?: boolean } = {}): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        CqrsModule.forRoot(),
        EmbeddedInfrastructureModule.forRoot({
          database,
          entities: [...ResidentsCommitteeModule.entities, ...PartyOrganizationModule.entities],
          ...options,
        }),
        ResidentsCommitteeModule,
        PartyOrganizationModule,
      ],
      controllers: [StreamsController, HealthController],
    };
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { InfrastructureModule, type PlatformConfig, securityImports, throttlerGuard } from '@cogov/hosting';
import { PartyOrganizationModule } from '../../party-organization/src/party-organization.module';
import { ResidentsCommitteeModule } from '../../residents-committee/src/residents-committee.module';
import { HealthController, StreamsController, StreamScope } from '@cogov/hosting';

export type PlatformModuleConfig = Pick<PlatformConfig, 'database' | 'auth' | 'limits'>;

/** The embedded platform: every context in one process over one database and the in-process bus. */
@Module({})
export class PlatformModule {
  static embedded(config: PlatformModuleConfig, options: { startWorkers?: boolean } = {}): DynamicModule {
    const workers = options.startWorkers !== false;
    return {
      module: PlatformModule,
      imports: [
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot({
          database: config.database,
          entities: [...ResidentsCommitteeModule.entities, ...PartyOrganizationModule.entities],
          bus: { kind: 'in-process' },
          run: { bus: workers, projections: workers },
        }),
        ...securityImports(config),
        ResidentsCommitteeModule,
        PartyOrganizationModule,
      ],
      controllers: [StreamsController, HealthController],
      providers: [StreamScope, throttlerGuard],
    };
  }
}

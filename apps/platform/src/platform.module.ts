import type { Clock } from '@cogov/decider';
import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { contextModule } from '@cogov/context-kit';
import {
  AUDITED_CONTEXTS,
  AuditController,
  HealthController,
  InfrastructureModule,
  type PlatformConfig,
  securityImports,
  StreamsController,
  StreamScope,
  throttlerGuard,
} from '@cogov/hosting';
import { CONTEXTS } from '../../contexts';

export type PlatformModuleConfig = Pick<PlatformConfig, 'database' | 'auth' | 'limits'>;

/** The embedded platform: every context in one process over one database and the in-process bus. */
@Module({})
export class PlatformModule {
  static embedded(
    config: PlatformModuleConfig,
    options: { startWorkers?: boolean; clock?: Clock } = {},
  ): DynamicModule {
    const workers = options.startWorkers !== false;
    return {
      module: PlatformModule,
      imports: [
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot({
          database: config.database,
          entities: CONTEXTS.flatMap((c) => c.allEntities),
          bus: { kind: 'in-process' },
          run: { bus: workers, projections: workers },
          ...(options.clock ? { clock: options.clock } : {}),
        }),
        ...securityImports(config),
        ...CONTEXTS.map((c) => contextModule(c)),
      ],
      controllers: [StreamsController, AuditController, HealthController],
      providers: [StreamScope, throttlerGuard, { provide: AUDITED_CONTEXTS, useValue: CONTEXTS }],
    };
  }
}

import type { Clock } from '@cogov/decider';
import { type INestApplication, Logger, type LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  configureHttpApp,
  observabilityConfig,
  observabilityOptions,
  type PlatformConfig,
} from '@cogov/hosting';
import { ObservabilityModule, type ObservabilityOptions } from '@cogov/observability';
import { PlatformModule } from './platform.module';

/** The platform and what operations need of it (probes, metrics, logs). */
@Module({})
class EmbeddedHostModule {}

export const PLATFORM_API_TITLE = 'Community co-governance platform';

/** Builds the embedded platform application (used by `npm start`, the demo and the e2e tests). */
export async function createPlatformApp(
  config: Pick<PlatformConfig, 'database' | 'auth' | 'limits' | 'corsOrigins'> &
    Partial<Pick<PlatformConfig, 'observability'>>,
  options: { logger?: LoggerService | false; logs?: ObservabilityOptions['logs']; clock?: Clock } = {},
): Promise<INestApplication> {
  // A caller that brings its own logger (the tests: `false`) gets no JSON logs unless it asks.
  const logs = options.logs ?? (options.logger === undefined ? undefined : false);
  const observability = observabilityOptions(
    { observability: config.observability ?? observabilityConfig({}), kafkaBrokers: [] },
    { kafka: false, logs },
  );
  const app = await NestFactory.create<NestExpressApplication>(
    {
      module: EmbeddedHostModule,
      imports: [
        PlatformModule.embedded(config, options.clock ? { clock: options.clock } : {}),
        ObservabilityModule.forRoot(observability),
      ],
    },
    { logger: options.logger ?? new Logger(), bufferLogs: observability.logs !== false, bodyParser: false },
  );
  return configureHttpApp(app, {
    title: PLATFORM_API_TITLE,
    corsOrigins: config.corsOrigins,
  });
}

import { type INestApplication, Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp, type PlatformConfig } from '@cogov/hosting';
import { PlatformModule } from './platform.module';

/** Builds the embedded platform application (used by `npm start`, the demo and the e2e tests). */
export async function createPlatformApp(
  config: Pick<PlatformConfig, 'database' | 'auth' | 'limits' | 'corsOrigins'>,
  options: { logger?: LoggerService | false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(PlatformModule.embedded(config), {
    logger: options.logger ?? new Logger(),
    bodyParser: false,
  });
  return configureHttpApp(app, {
    title: 'Community co-governance platform',
    corsOrigins: config.corsOrigins,
  });
}

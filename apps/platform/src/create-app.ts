import { type INestApplication, Logger, type LoggerService, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { createValidationPipe, DomainExceptionFilter } from '@cogov/http';
import type { PlatformConfig } from './config';
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
  app.useBodyParser('json', { limit: '100kb' });
  // The OpenAPI UI needs inline scripts and styles; everything else gets helmet's strict defaults.
  app.use(helmet({ contentSecurityPolicy: false }));
  app.enableCors({ origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false });
  app.setGlobalPrefix('api', { exclude: [{ path: 'docs', method: RequestMethod.ALL }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('Community co-governance platform')
    .setDescription(
      'Admin API of the event-sourced co-governance platform: community structure, Party organizations and the five-order chain.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'partner-key')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'docs/openapi.json',
  });
  return app;
}

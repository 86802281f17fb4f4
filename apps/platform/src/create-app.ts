import { type INestApplication, Logger, type LoggerService, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createValidationPipe, DomainExceptionFilter } from '@cogov/http';
import type { DatabaseConfig } from '@cogov/persistence';
import { PlatformModule } from './platform.module';

/** Builds the embedded platform application (used by `npm start`, the demo and the e2e tests). */
export async function createPlatformApp(
  database: DatabaseConfig,
  options: { logger?: LoggerService | false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(PlatformModule.embedded(database), {
    logger: options.logger ?? new Logger(),
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: '100kb' });
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
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'docs/openapi.json',
  });
  return app;
}

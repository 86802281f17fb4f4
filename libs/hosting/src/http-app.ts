import { type INestApplication, RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { createValidationPipe, DomainExceptionFilter, useHardenedIntake } from '@cogov/http';
import { applyObservability } from '@cogov/observability';

/** What every HTTP host of the platform does the same way: limits, headers, CORS, errors, OpenAPI. */
export function configureHttpApp(
  app: NestExpressApplication,
  options: { title: string; corsOrigins: readonly string[] },
): INestApplication {
  useHardenedIntake(app);
  // The OpenAPI UI needs inline scripts and styles; everything else gets helmet's strict defaults.
  app.use(helmet({ contentSecurityPolicy: false }));
  app.enableCors({ origin: options.corsOrigins.length > 0 ? [...options.corsOrigins] : false });
  // Prometheus scrapes `/metrics` by convention, so it stays outside the API's prefix.
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'docs', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  applyObservability(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle(options.title)
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

import { type INestApplication, RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import {
  completeContract,
  createValidationPipe,
  DomainExceptionFilter,
  useHardenedIntake,
} from '@cogov/http';
import { applyObservability } from '@cogov/observability';
import { BEARER_SCHEME, PARTNER_KEY_SCHEME } from '@cogov/security';
import { asyncApiDocument, toYaml } from './asyncapi';

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
  SwaggerModule.setup('docs', app, () => openApiDocument(app, options.title), {
    jsonDocumentUrl: 'docs/openapi.json',
  });
  // The integration events and the partner webhook (docs/asyncapi.yaml), public like the OpenAPI page.
  const asyncApi = toYaml(asyncApiDocument());
  app.use('/docs/asyncapi', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    response.type('application/yaml').send(asyncApi);
  });
  return app;
}

/**
 * The published contract of a host's API (served at `/docs/openapi.json`; `npm run openapi`
 * writes and lints the embedded platform's).
 */
export function openApiDocument(app: INestApplication, title: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription(
      'Admin API of the event-sourced co-governance platform: community structure, Party organizations and the five-order chain.',
    )
    .setVersion('0.1.0')
    .setLicense('UNLICENSED', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
    .addServer('/', 'This host')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, PARTNER_KEY_SCHEME)
    .build();
  return completeContract(SwaggerModule.createDocument(app, config));
}

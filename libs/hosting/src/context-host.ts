import { type DynamicModule, Logger, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { EntitySchema } from 'typeorm';
import { ObservabilityModule, serveProbes, useObservabilityLogger } from '@cogov/observability';
import { HealthController, StreamsController, StreamScope } from './audit';
import { ConfigurationError, loadConfig, type PlatformConfig } from './config';
import { configureHttpApp } from './http-app';
import { InfrastructureModule } from './infrastructure.module';
import { observabilityOptions } from './observability';
import { securityImports, throttlerGuard } from './security';

export interface ContextAppDefinition {
  /** `residents-committee`: names the PostgreSQL schema, the Kafka client and consumer group. */
  readonly name: string;
  readonly module: Type;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: ReadonlyArray<Function | EntitySchema>;
  readonly defaultPort: number;
}

@Module({})
class ContextHostModule {}

/**
 * One bounded context as its own process: its own PostgreSQL schema (event store and read
 * models), the Kafka bus, its own HTTP port. `RUN_PROJECTIONS=false` leaves its read models to a
 * separate projections process.
 */
export async function startContextApp(definition: ContextAppDefinition): Promise<void> {
  const config = loadConfig({ PORT: String(definition.defaultPort), ...process.env });
  if (config.database.kind !== 'postgres') {
    throw new ConfigurationError(`${definition.name} runs on PostgreSQL: set DATABASE_URL`);
  }
  const schema = process.env.DATABASE_SCHEMA ?? definition.name.replace(/-/g, '_');
  const app = await NestFactory.create<NestExpressApplication>(
    contextModule(definition, { ...config, database: { ...config.database, schema } }),
    { bodyParser: false, bufferLogs: true },
  );
  configureHttpApp(app, {
    title: `Co-governance platform: ${definition.name}`,
    corsOrigins: config.corsOrigins,
  });
  await app.listen(config.port, config.host);
  Logger.log(
    `${definition.name} listening on http://${config.host}:${config.port}/api (schema ${schema})`,
    'Host',
  );
}

function contextModule(definition: ContextAppDefinition, config: PlatformConfig): DynamicModule {
  return {
    module: ContextHostModule,
    imports: [
      CqrsModule.forRoot(),
      InfrastructureModule.forRoot({
        database: config.database,
        eventStore: config.eventStore,
        entities: definition.entities,
        bus: {
          kind: 'kafka',
          brokers: config.kafkaBrokers,
          clientId: definition.name,
          namespace: config.kafkaNamespace,
        },
        run: { bus: true, projections: process.env.RUN_PROJECTIONS !== 'false' },
      }),
      ...securityImports(config),
      definition.module,
      ObservabilityModule.forRoot(
        observabilityOptions(config, {
          kafka: true,
          projectionsRunHere: process.env.RUN_PROJECTIONS !== 'false',
        }),
      ),
    ],
    controllers: [HealthController, StreamsController],
    providers: [StreamScope, throttlerGuard],
  };
}

export function exitOnFailure(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

/**
 * The read models of a context, built in their own process from that context's event store
 * (same schema). No API and no bus: it only follows the store and writes the read-model tables
 * the context's queries read; a bare listener on `PORT` (default 3009) serves its probes and
 * metrics.
 */
export async function startProjectionsApp(
  definition: Omit<ContextAppDefinition, 'defaultPort'>,
): Promise<void> {
  const config = loadConfig({ PORT: '3009', ...process.env });
  if (config.database.kind !== 'postgres') {
    throw new ConfigurationError(`projections of ${definition.name} run on PostgreSQL: set DATABASE_URL`);
  }
  const schema = process.env.DATABASE_SCHEMA ?? definition.name.replace(/-/g, '_');
  const app = await NestFactory.createApplicationContext(
    {
      module: ContextHostModule,
      imports: [
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot({
          database: { ...config.database, schema },
          eventStore: config.eventStore,
          entities: definition.entities,
          bus: { kind: 'in-process' },
          run: { bus: false, projections: true },
        }),
        ...securityImports(config),
        definition.module,
        ObservabilityModule.forRoot(observabilityOptions(config, { kafka: false, busRunsHere: false })),
      ],
    },
    { bufferLogs: true },
  );
  useObservabilityLogger(app);
  app.enableShutdownHooks();
  await app.init();
  await serveProbes(app, { port: config.port, host: config.host });
  Logger.log(
    `projections of ${definition.name} following schema ${schema}; probes and metrics on http://${config.host}:${config.port}`,
    'Host',
  );
}

import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type ContextManifest, contextModule as moduleOf } from '@cogov/context-kit';
import { HealthController, StreamsController, StreamScope } from './audit';
import { ConfigurationError, loadConfig, type PlatformConfig } from './config';
import { configureHttpApp } from './http-app';
import { InfrastructureModule } from './infrastructure.module';
import { securityImports, throttlerGuard } from './security';

@Module({})
class ContextHostModule {}

/**
 * One bounded context as its own process: its own PostgreSQL schema (event store and read
 * models), the Kafka bus, its own HTTP port. `RUN_PROJECTIONS=false` leaves its read models to a
 * separate projections process.
 */
export async function startContextApp(definition: ContextManifest): Promise<void> {
  const config = loadConfig({ PORT: String(definition.port), ...process.env });
  if (config.database.kind !== 'postgres') {
    throw new ConfigurationError(`${definition.name} runs on PostgreSQL: set DATABASE_URL`);
  }
  const schema = schemaOf(definition);
  const app = await NestFactory.create<NestExpressApplication>(
    contextModule(definition, { ...config, database: { ...config.database, schema } }),
    { bodyParser: false },
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

function contextModule(definition: ContextManifest, config: PlatformConfig): DynamicModule {
  return {
    module: ContextHostModule,
    imports: [
      CqrsModule.forRoot(),
      InfrastructureModule.forRoot({
        database: config.database,
        eventStore: config.eventStore,
        entities: definition.allEntities,
        bus: {
          kind: 'kafka',
          brokers: config.kafkaBrokers,
          clientId: definition.name,
          namespace: config.kafkaNamespace,
        },
        run: { bus: true, projections: process.env.RUN_PROJECTIONS !== 'false' },
      }),
      ...securityImports(config),
      moduleOf(definition),
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
 * The read models of the given contexts, each built in this process from its own context's event
 * store (its schema). No HTTP and no bus: it only follows the stores and writes the read-model
 * tables the contexts' queries read. Contexts without projections are skipped.
 */
export async function startProjectionsApp(contexts: readonly ContextManifest[]): Promise<void> {
  const config = loadConfig(process.env);
  if (config.database.kind !== 'postgres') {
    throw new ConfigurationError('the projections process runs on PostgreSQL: set DATABASE_URL');
  }
  for (const definition of contexts.filter((c) => c.projections.length > 0)) {
    const schema = schemaOf(definition);
    const app = await NestFactory.createApplicationContext({
      module: ContextHostModule,
      imports: [
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot({
          database: { ...config.database, schema },
          eventStore: config.eventStore,
          entities: definition.allEntities,
          bus: { kind: 'in-process' },
          run: { bus: false, projections: true },
        }),
        moduleOf(definition, 'projections'),
      ],
    });
    app.enableShutdownHooks();
    await app.init();
    Logger.log(`projections of ${definition.name} following schema ${schema}`, 'Host');
  }
}

/** A context's PostgreSQL schema: its name in snake case, unless DATABASE_SCHEMA says otherwise. */
function schemaOf(definition: ContextManifest): string {
  return process.env.DATABASE_SCHEMA ?? definition.name.replace(/-/g, '_');
}

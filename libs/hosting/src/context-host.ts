import type { Clock } from '@cogov/decider';
import { FileClock } from './file-clock';
import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type ContextManifest, contextModule as moduleOf } from '@cogov/context-kit';
import { ObservabilityModule, serveProbes, useObservabilityLogger } from '@cogov/observability';
import { AUDITED_CONTEXTS, AuditController, HealthController, StreamsController, StreamScope } from './audit';
import { ConfigurationError, loadConfig, type PlatformConfig } from './config';
import { configureHttpApp } from './http-app';
import { InfrastructureModule } from './infrastructure.module';
import { observabilityOptions } from './observability';
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

function contextModule(definition: ContextManifest, config: PlatformConfig): DynamicModule {
  const projectionsRunHere = process.env.RUN_PROJECTIONS !== 'false';
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
        run: { bus: true, projections: projectionsRunHere },
        ...clockOf(config),
      }),
      ...securityImports(config),
      moduleOf(definition),
      ObservabilityModule.forRoot(
        observabilityOptions(config, {
          kafka: true,
          projectionsRunHere,
        }),
      ),
    ],
    controllers: [HealthController, StreamsController, AuditController],
    providers: [StreamScope, throttlerGuard, { provide: AUDITED_CONTEXTS, useValue: [definition] }],
  };
}

/** The test's clock when one is named, else the system's (the infrastructure's default). */
function clockOf(config: PlatformConfig): { clock?: Clock } {
  return config.testClockFile ? { clock: new FileClock(config.testClockFile) } : {};
}

export function exitOnFailure(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

/**
 * The read models of the given contexts, each built in this process from its own context's event
 * store (its schema). No API and no bus: it only follows the stores and writes the read-model
 * tables the contexts' queries read. Contexts without projections are skipped. A bare listener
 * per context serves its probes and metrics, on `PORT` (default 3009) for the first and the
 * ports after it for the others (`PORT=0`: any free port).
 */
export async function startProjectionsApp(contexts: readonly ContextManifest[]): Promise<void> {
  const config = loadConfig({ PORT: '3009', ...process.env });
  if (config.database.kind !== 'postgres') {
    throw new ConfigurationError('the projections process runs on PostgreSQL: set DATABASE_URL');
  }
  const withProjections = contexts.filter((c) => c.projections.length > 0);
  for (const [index, definition] of withProjections.entries()) {
    const schema = schemaOf(definition);
    const port = config.port === 0 ? 0 : config.port + index;
    const app = await NestFactory.createApplicationContext(
      {
        module: ContextHostModule,
        imports: [
          CqrsModule.forRoot(),
          InfrastructureModule.forRoot({
            database: { ...config.database, schema },
            eventStore: config.eventStore,
            entities: definition.allEntities,
            bus: { kind: 'in-process' },
            run: { bus: false, projections: true },
            ...clockOf(config),
          }),
          moduleOf(definition, 'projections'),
          ObservabilityModule.forRoot(observabilityOptions(config, { kafka: false, busRunsHere: false })),
        ],
      },
      { bufferLogs: true },
    );
    useObservabilityLogger(app);
    app.enableShutdownHooks();
    await app.init();
    await serveProbes(app, { port, host: config.host });
    Logger.log(
      `projections of ${definition.name} following schema ${schema}; probes and metrics on http://${config.host}:${port}`,
      'Host',
    );
  }
}

/** A context's PostgreSQL schema: its name in snake case, unless DATABASE_SCHEMA says otherwise. */
function schemaOf(definition: ContextManifest): string {
  return process.env.DATABASE_SCHEMA ?? definition.name.replace(/-/g, '_');
}

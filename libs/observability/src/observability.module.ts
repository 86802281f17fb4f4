import {
  type DynamicModule,
  type INestApplication,
  type INestApplicationContext,
  Module,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Logger as PinoNestLogger, LoggerModule } from 'nestjs-pino';
import { ProbesController } from './health.controller';
import { createPino, pinoParams } from './logging';
import { observeRequests } from './http-middleware';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './options';
import { ProbeListener } from './probe-server';
import { Readiness } from './readiness';

/**
 * What operations expect of every host, in one module: `GET /api/health/live` and
 * `GET /api/health/ready` (terminus), `GET /metrics` (prom-client, a registry per app) and,
 * when `logs` is set, JSON logs through nestjs-pino. Hosts import `forRoot` and call
 * {@link applyObservability} on their HTTP app (the shared `configureHttpApp` does) or
 * `serveProbes` when they have no HTTP.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        ...(options.logs ? [LoggerModule.forRoot(pinoParams(createPino(options.logs)))] : []),
      ],
      controllers: [ProbesController, MetricsController],
      providers: [{ provide: OBSERVABILITY_OPTIONS, useValue: options }, Metrics, Readiness, ProbeListener],
      exports: [OBSERVABILITY_OPTIONS, Metrics, Readiness, ProbeListener],
    };
  }
}

/**
 * On an HTTP app built with {@link ObservabilityModule}: answers each request's correlation id,
 * times it, and makes pino the application's logger when the module writes logs. Does nothing
 * on an app without the module, so a host may call it unconditionally.
 */
export function applyObservability(app: INestApplication): void {
  const options = optionsOf(app);
  if (!options) return;
  app.use(observeRequests(app.get(Metrics, { strict: false })));
  useObservabilityLogger(app);
}

/** Hands the application's own log lines (Nest's `Logger`) to pino when the module writes logs. */
export function useObservabilityLogger(app: INestApplicationContext): void {
  if (!optionsOf(app)?.logs) return;
  app.useLogger(app.get(PinoNestLogger, { strict: false }));
  // An HTTP app flushes what it buffered only once it listens; a test never listens.
  app.flushLogs();
}

function optionsOf(app: INestApplicationContext): ObservabilityOptions | null {
  try {
    return app.get<ObservabilityOptions>(OBSERVABILITY_OPTIONS, { strict: false });
  } catch {
    return null; // an app built without the module
  }
}

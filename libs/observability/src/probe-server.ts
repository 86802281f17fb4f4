import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  type BeforeApplicationShutdown,
  HttpException,
  Inject,
  Injectable,
  type INestApplicationContext,
} from '@nestjs/common';
import { metricsAuthorized, METRICS_UNAUTHORIZED } from './metrics-access';
import { Metrics } from './metrics';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './options';
import { Readiness } from './readiness';

/**
 * For a host without HTTP (the projections app): a bare listener that serves the probes and the
 * metrics, and nothing else — an HTTP Nest app would also serve every controller of the context
 * modules it hosts for their projections. Same routes and bodies as the HTTP hosts. It stops
 * answering when the application shuts down.
 */
@Injectable()
export class ProbeListener implements BeforeApplicationShutdown {
  private server: Server | null = null;

  constructor(
    private readonly readiness: Readiness,
    private readonly metrics: Metrics,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  async listen(address: { port: number; host: string }): Promise<Server> {
    const server = createServer((request, response) => this.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address.port, address.host, () => resolve());
    });
    this.server = server;
    return server;
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    const probe = (check: () => Promise<unknown>) =>
      void check().then(
        (result) => json(200, result),
        (error: unknown) =>
          error instanceof HttpException
            ? json(error.getStatus(), error.getResponse())
            : json(500, { error: 'internal-error', message: 'the probe failed', details: null }),
      );
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') {
      json(405, { error: 'method-not-allowed', message: 'only GET is served here', details: null });
    } else if (path === '/api/health') {
      json(200, { status: 'ok' });
    } else if (path === '/api/health/live') {
      probe(() => this.readiness.live());
    } else if (path === '/api/health/ready') {
      probe(() => this.readiness.ready());
    } else if (path === '/metrics') {
      if (!metricsAuthorized(this.options.metricsToken, request.headers.authorization)) {
        json(401, METRICS_UNAUTHORIZED);
        return;
      }
      this.metrics.scrape().then(
        (body) => {
          response.writeHead(200, { 'Content-Type': this.metrics.contentType });
          response.end(body);
        },
        () => json(500, { error: 'internal-error', message: 'metrics failed', details: null }),
      );
    } else {
      json(404, { error: 'not-found', message: `no route ${path}`, details: null });
    }
  }
}

/** Starts the probe listener of an application without HTTP. */
export function serveProbes(
  app: INestApplicationContext,
  address: { port: number; host: string },
): Promise<Server> {
  return app.get(ProbeListener).listen(address);
}

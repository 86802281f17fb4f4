import type { AddressInfo } from 'node:net';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { INTEGRATION_EVENT_BUS, type IntegrationEventBus } from '@cogov/messaging';
import { ObservabilityModule, type ObservabilityOptions, serveProbes } from '@cogov/observability';
import { quoteIdent, SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema } from '@cogov/persistence/testing/test-databases';
import { InfrastructureModule } from './infrastructure.module';

@Module({})
class ProbedHost {}

/**
 * The projections app's bare listener (no Nest HTTP), on PostgreSQL like the projections app,
 * and the Kafka probe of readiness against the real broker and against a port nobody answers.
 */
describe('probe listener of a host without HTTP (PostgreSQL, Kafka)', () => {
  const database = freshPostgresSchema();
  const apps: INestApplicationContext[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    const db = await SqlDatabase.open(database);
    await db.dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(database.schema)} CASCADE`);
    await db.close();
  });

  const start = async (options: Partial<ObservabilityOptions>) => {
    const app = await NestFactory.createApplicationContext(
      {
        module: ProbedHost,
        imports: [
          CqrsModule.forRoot(),
          InfrastructureModule.forRoot({
            database,
            entities: [],
            bus: { kind: 'in-process' },
            run: { bus: false, projections: true },
          }),
          ObservabilityModule.forRoot({
            readyMaxProjectionLag: 0,
            metricsToken: null,
            logs: false,
            ...options,
          }),
        ],
      },
      { logger: false },
    );
    apps.push(app);
    await app.init();
    const server = await serveProbes(app, { port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      app,
      get: (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers }),
    };
  };

  it('serves live, ready, the old health and metrics, and nothing else', async () => {
    const { app, get } = await start({
      metricsToken: 'a-metrics-token-of-at-least-32-characters',
      busRunsHere: false,
    });
    app.get<IntegrationEventBus>(INTEGRATION_EVENT_BUS).subscribe({ group: 'never-started', handlers: {} });
    expect((await get('/api/health/live')).status).toBe(200);
    const ready = await get('/api/health/ready');
    expect({ status: ready.status, body: await ready.json() }).toMatchObject({
      status: 200,
      body: { status: 'ok', info: { database: { status: 'up', dialect: 'postgres' } } },
    });
    expect(await (await get('/api/health')).json()).toEqual({ status: 'ok' });
    expect((await get('/metrics')).status).toBe(401);
    const metrics = await get('/metrics', {
      authorization: 'Bearer a-metrics-token-of-at-least-32-characters',
    });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain('cogov_event_store_head_position');
    // The bus of a projections host is never started: no consumer lag to report.
    expect(text).not.toMatch(/^cogov_bus_consumer_lag_events\{/m);
    expect((await get('/api/orders')).status).toBe(404);
  });

  it('is ready with a reachable Kafka broker and not ready with none', async () => {
    const up = await start({ kafkaBrokers: [process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'] });
    const upBody = (await (await up.get('/api/health/ready')).json()) as Record<string, unknown>;
    expect(upBody).toMatchObject({ status: 'ok', info: { kafka: { status: 'up' } } });
    const down = await start({ kafkaBrokers: ['127.0.0.1:1'] });
    const response = await down.get('/api/health/ready');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'error', error: { kafka: { status: 'down' } } });
  });

  it('stops answering when the application closes', async () => {
    const { app, get } = await start({});
    await app.close();
    apps.splice(apps.indexOf(app), 1);
    await expect(get('/api/health/live')).rejects.toThrow();
  });
});

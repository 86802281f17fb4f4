import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { observabilityConfig } from '@cogov/hosting';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@cogov/projections';
import { LocalTokenAuthority } from '@cogov/security';
import { DEFAULT_AUDIENCE, LOCAL_ISSUER } from '@cogov/hosting';
import { createPlatformApp } from './create-app';
import { testDatabases } from './testing/databases';
import { TEST_SECRET, testConfig } from './testing/test-platform';

const tokens = new LocalTokenAuthority(TEST_SECRET, LOCAL_ISSUER, DEFAULT_AUDIENCE);
const METRICS_TOKEN = 'metrics-token-that-is-long-enough-0123456789';

/** Waits for a condition with a deadline; never a sleep that hopes. */
async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The value of one sample in Prometheus' text format, or null when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = /\{(.*)\}/.exec(line)?.[1] ?? '';
    if (wanted.every((w) => labelText.split(',').includes(w))) return Number(line.split(' ').pop());
  }
  return null;
}

describe.each(testDatabases)(
  'operations: probes and metrics (embedded platform on %s)',
  (_name, makeDatabase) => {
    const { config: database, cleanup } = makeDatabase();
    let app: INestApplication;
    let runner: ProjectionRunner;
    const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
    const admin = async () =>
      `Bearer ${await tokens.issue({ personId: 'admin-1', roles: ['platform-admin'] })}`;
    const scrape = async () => {
      const response = await http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
      expect(response.status).toBe(200);
      return response.text;
    };
    const lagOf = async (projection: string) =>
      sample(await scrape(), 'cogov_projection_lag_events', { projection });

    beforeAll(async () => {
      app = await createPlatformApp(
        {
          ...testConfig(database),
          observability: {
            ...observabilityConfig({}),
            readyMaxProjectionLag: 0,
            metricsToken: METRICS_TOKEN,
          },
        },
        { logger: false },
      );
      await app.init();
      runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
    });
    afterAll(async () => {
      await app.close();
      await cleanup();
    });

    it('answers live and, once caught up, ready; the old /api/health is unchanged', async () => {
      expect((await http().get('/api/health/live')).status).toBe(200);
      const ready = await until('ready', async () => {
        const response = await http().get('/api/health/ready');
        return response.status === 200 ? response : null;
      });
      expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
      expect(ready.body.info.projections).toMatchObject({ status: 'up', maxLag: 0 });
      const health = await http().get('/api/health');
      expect({ status: health.status, body: health.body }).toEqual({ status: 200, body: { status: 'ok' } });
    });

    it('serves /metrics outside /api, only with the metrics token when one is set', async () => {
      expect((await http().get('/metrics')).status).toBe(401);
      expect((await http().get('/metrics').set('Authorization', 'Bearer wrong')).body).toMatchObject({
        error: 'unauthorized',
      });
      expect((await http().get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`)).status).toBe(
        404,
      );
      const text = await scrape();
      expect(text).toContain('process_cpu_user_seconds_total');
      expect(sample(text, 'cogov_event_store_head_position')).not.toBeNull();
    });

    it('shows a held projection lagging, answers 503 beyond the bound, and zero lag once it catches up', async () => {
      const names = runner.status().map((p) => p.name);
      expect(names.length).toBeGreaterThan(0);
      await until('caught up before holding', async () =>
        (await Promise.all(names.map(lagOf))).every((lag) => lag === 0) ? true : null,
      );
      await runner.stop(); // every projection holds where it is
      try {
        const authorization = await admin();
        for (const name of ['A', 'B', 'C']) {
          const created = await http()
            .post('/api/communities')
            .set('Authorization', authorization)
            .send({ name });
          expect(created.status).toBe(201);
        }
        const text = await scrape();
        expect(
          sample(text, 'cogov_events_appended_total', { category: 'residents-committee.community' }),
        ).toBe(3);
        for (const name of names) {
          expect({ name, lag: sample(text, 'cogov_projection_lag_events', { projection: name }) }).toEqual({
            name,
            lag: 3,
          });
        }
        const notReady = await http().get('/api/health/ready');
        expect(notReady.status).toBe(503);
        expect(notReady.body).toMatchObject({
          status: 'error',
          info: { database: { status: 'up' } },
          error: { projections: { status: 'down', maxLag: 0 } },
        });
      } finally {
        await runner.start();
      }
      await until('every projection caught up', async () =>
        (await Promise.all(names.map(lagOf))).every((lag) => lag === 0) ? true : null,
      );
      expect((await http().get('/api/health/ready')).status).toBe(200);
    });

    it('records request latency by route pattern, never by raw path', async () => {
      const authorization = await admin();
      await http()
        .get('/api/streams/residents-committee.order-00000000-0000-4000-8000-000000000001')
        .set('Authorization', authorization);
      const text = await scrape();
      expect(
        sample(text, 'http_request_duration_seconds_count', {
          method: 'GET',
          route: '/api/streams/:streamId',
          status_code: '404',
        }),
      ).toBe(1);
      expect(text).not.toContain('00000000-0000-4000-8000-000000000001');
      const unmatched = async () =>
        sample(await scrape(), 'http_request_duration_seconds_count', {
          route: 'unmatched',
          status_code: '404',
        }) ?? 0;
      const before = await unmatched();
      await http().get('/no/such/route/42');
      expect(await unmatched()).toBe(before + 1);
      expect(await scrape()).not.toContain('/no/such/route');
    });

    it('declares the probes in the OpenAPI document and leaves /metrics out', async () => {
      const paths = Object.keys((await http().get('/docs/openapi.json')).body.paths as object);
      expect(paths).toEqual(expect.arrayContaining(['/api/health', '/api/health/live', '/api/health/ready']));
      expect(paths).not.toContain('/metrics');
    });

    it('answers the X-Correlation-Id it was sent, and a new one when none', async () => {
      const sent = await http().get('/api/health/live').set('X-Correlation-Id', 'probe-corr-1');
      expect(sent.headers['x-correlation-id']).toBe('probe-corr-1');
      const fresh = await http().get('/api/health/live');
      expect(fresh.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers 503 when the database is closed', async () => {
      await runner.stop();
      await app.get<SqlDatabase>(SQL_DATABASE).close();
      const response = await http().get('/api/health/ready');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
      expect((await http().get('/api/health/live')).status).toBe(200);
    });
  },
);

import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEFAULT_AUDIENCE, LOCAL_ISSUER } from '@cogov/hosting';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { LocalTokenAuthority } from '@cogov/security';
import { createPlatformApp } from './create-app';
import { TEST_SECRET, testConfig } from './testing/test-platform';

/** JSON logs of the embedded platform, read back from a stream instead of stdout. */
describe('structured logs (embedded platform on SQLite)', () => {
  const database = freshSqlite();
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  let app: INestApplication;
  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);

  beforeAll(async () => {
    app = await createPlatformApp(testConfig(database), {
      logger: false,
      logs: { level: 'info', destination },
    });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    database.cleanup();
  });

  const until = async <T>(what: string, find: () => T | undefined): Promise<T> => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`no log line ${what} in 5 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('writes the application logger through pino as JSON', () =>
    until('from the infrastructure at start-up', () =>
      lines.find((l) => l.context === 'Infrastructure' && typeof l.msg === 'string'),
    ));

  it('carries the incoming X-Correlation-Id on the request line and answers it back', async () => {
    const tokens = new LocalTokenAuthority(TEST_SECRET, LOCAL_ISSUER, DEFAULT_AUDIENCE);
    const token = await tokens.issue({ personId: 'admin-1', roles: ['platform-admin'] });
    const response = await http()
      .post('/api/communities')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Correlation-Id', 'corr-logs-42')
      .send({ name: 'Logged' });
    expect(response.status).toBe(201);
    expect(response.headers['x-correlation-id']).toBe('corr-logs-42');
    const line = await until('for the request', () =>
      lines.find((l) => l.correlationId === 'corr-logs-42' && l.msg === 'request completed'),
    );
    expect(line).toMatchObject({
      level: 30,
      req: { method: 'POST', url: '/api/communities', headers: { authorization: '[redacted]' } },
    });
    expect(JSON.stringify(lines)).not.toContain(token);
    // The events the request caused carry the same correlation id as its log line.
    const history = await http()
      .get(`/api/streams/residents-committee.community-${(response.body as { id: string }).id}`)
      .set('Authorization', `Bearer ${token}`);
    expect((history.body as { events: Array<{ correlationId: string }> }).events[0]?.correlationId).toBe(
      'corr-logs-42',
    );
  });

  it('gives a request without the header a correlation id of its own, the same in log and answer', async () => {
    const response = await http().get('/api/orders');
    const id = response.headers['x-correlation-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await until('for the request without a header', () => lines.find((l) => l.correlationId === id));
  });

  it('leaves the probes out of the access log', async () => {
    await http().get('/api/health/live').set('X-Correlation-Id', 'corr-probe-1');
    await http().get('/api/orders').set('X-Correlation-Id', 'corr-after-probe');
    await until('after the probe', () => lines.find((l) => l.correlationId === 'corr-after-probe'));
    expect(lines.filter((l) => l.correlationId === 'corr-probe-1')).toEqual([]);
  });
});

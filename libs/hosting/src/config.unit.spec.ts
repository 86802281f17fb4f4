import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigurationError, loadConfig } from './config';
import { FileClock } from './file-clock';

describe('configuration', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cogov-config-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start in production without a signing secret or an identity provider', () =>
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir })).toThrow(ConfigurationError));

  it('moves the clock by a file only outside production', () => {
    const idp = { AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example' };
    expect(loadConfig({ ...idp, TEST_CLOCK_FILE: 'clock' }).testClockFile).toBe(path.resolve('clock'));
    expect(loadConfig(idp).testClockFile).toBeNull();
    expect(() => loadConfig({ ...idp, NODE_ENV: 'production', TEST_CLOCK_FILE: 'clock' })).toThrow(
      /TEST_CLOCK_FILE .* refused in production/,
    );
  });

  it('a file clock tells the time written in it, and fails on a file without one', () => {
    const file = path.join(dataDir, 'clock');
    const clock = new FileClock(file);
    expect(() => clock.now()).toThrow(/ENOENT/);
    fs.writeFileSync(file, '2030-05-06T08:00:00.000Z\n');
    expect(clock.now().toISOString()).toBe('2030-05-06T08:00:00.000Z');
    fs.writeFileSync(file, 'tomorrow');
    expect(() => clock.now()).toThrow(/holds no time/);
  });

  it('refuses a weak signing secret', () =>
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SIGNING_SECRET: 'secret' })).toThrow(/too weak/));

  it('needs an issuer with a JWKS URL, and a URL that parses', () => {
    expect(() => loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(/AUTH_ISSUER/);
    expect(() => loadConfig({ AUTH_JWKS_URL: 'not a url', AUTH_ISSUER: 'x' })).toThrow(/not a URL/);
  });

  it('uses the identity provider when configured', () =>
    expect(
      loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example' }).auth,
    ).toEqual({
      mode: 'jwks',
      jwksUrl: 'https://idp.example/jwks',
      issuer: 'https://idp.example',
      audience: 'cogov-api',
    }));

  it('creates and then reuses an embedded signing secret in the data directory, readable by its owner only', () => {
    const first = loadConfig({ DATA_DIR: dataDir }).auth;
    const second = loadConfig({ DATA_DIR: dataDir }).auth;
    expect(first).toEqual(second);
    expect(first.mode === 'local' && first.secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dataDir, 'auth-signing-secret')).mode & 0o777).toBe(0o600);
  });

  it('rejects a port that is not a port', () =>
    expect(() => loadConfig({ PORT: '70000', DATA_DIR: dataDir })).toThrow(/PORT/));

  it('reads CORS origins as a list', () =>
    expect(
      loadConfig({ DATA_DIR: dataDir, CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins,
    ).toEqual(['https://a.example', 'https://b.example']));

  it('chooses EventStoreDB only with a connection string', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, EVENT_STORE: 'esdb' })).toThrow(
      /EVENTSTORE_CONNECTION_STRING/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, EVENT_STORE: 'mongo' })).toThrow(/sql or esdb/);
    expect(
      loadConfig({
        DATA_DIR: dataDir,
        EVENT_STORE: 'esdb',
        EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false',
      }).eventStore,
    ).toEqual({ kind: 'esdb', connectionString: 'esdb://127.0.0.1:2113?tls=false' });
  });

  it('reads the observability settings, with defaults, and refuses nonsense', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).observability).toEqual({
      logLevel: 'info',
      readyMaxProjectionLag: 100,
      metricsToken: null,
    });
    expect(() => loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ DATA_DIR: dataDir, READY_MAX_PROJECTION_LAG: '-1' })).toThrow(
      /READY_MAX_PROJECTION_LAG/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigurationError, loadConfig } from './config';

describe('configuration', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cogov-config-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start in production without a signing secret or an identity provider', () =>
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir })).toThrow(ConfigurationError));

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

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LogLevel } from '@cogov/observability';
import type { DatabaseConfig } from '@cogov/persistence';

export type AuthConfig =
  /** The embedded default signs its own tokens with a shared secret (`npm run token`). */
  | { readonly mode: 'local'; readonly secret: string; readonly issuer: string; readonly audience: string }
  /** Production: tokens from an external identity provider, verified against its JWKS. */
  | { readonly mode: 'jwks'; readonly jwksUrl: string; readonly issuer: string; readonly audience: string };

export interface PlatformConfig {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** `EVENT_STORE=esdb` with `EVENTSTORE_CONNECTION_STRING`: aggregates in EventStoreDB. */
  readonly eventStore:
    { readonly kind: 'sql' } | { readonly kind: 'esdb'; readonly connectionString: string };
  readonly auth: AuthConfig;
  /** Kafka bootstrap brokers, for hosts that use the Kafka bus. */
  readonly kafkaBrokers: readonly string[];
  /** Prefix of Kafka topics and consumer groups (`KAFKA_NAMESPACE`, default `cogov`). */
  readonly kafkaNamespace: string;
  /** Origins allowed by CORS; empty: no cross-origin access. */
  readonly corsOrigins: readonly string[];
  readonly limits: {
    /** Requests per client and minute, all routes. */
    readonly requestsPerMinute: number;
    /** Orders placed per client and minute. */
    readonly ordersPerMinute: number;
    /** Failed authentications per client and minute before 429. */
    readonly authFailuresPerMinute: number;
  };
  readonly observability: ObservabilityConfig;
  /**
   * `TEST_CLOCK_FILE`: the platform's clock is the time in this file, which a test moves for the
   * processes it started (FileClock). Null: the system clock. Refused in production.
   */
  readonly testClockFile: string | null;
}

export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface ObservabilityConfig {
  /** `LOG_LEVEL`, default `info`: the lowest level of the JSON log lines written to stdout. */
  readonly logLevel: LogLevel;
  /** `READY_MAX_PROJECTION_LAG`: events a projection may trail the store head by and still be ready. */
  readonly readyMaxProjectionLag: number;
  /** `METRICS_TOKEN`: when set, `/metrics` wants `Authorization: Bearer <token>`. */
  readonly metricsToken: string | null;
}

export const LOCAL_ISSUER = 'cogov-embedded';
export const DEFAULT_AUDIENCE = 'cogov-api';
const MIN_SECRET_LENGTH = 32;

export class ConfigurationError extends Error {}

/** Reads the environment once, at start-up, and refuses values that make no sense. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const production = env.NODE_ENV === 'production';
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  const database: DatabaseConfig = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA ?? 'platform' }
    : { kind: 'sqlite', file: path.join(dataDir, 'platform.sqlite') };
  return {
    production,
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    database,
    eventStore: eventStoreConfig(env),
    auth: authConfig(env, production, dataDir),
    kafkaNamespace: env.KAFKA_NAMESPACE ?? 'cogov',
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    limits: {
      requestsPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 1200, 1, 1_000_000),
      ordersPerMinute: integer(env, 'ORDER_RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000),
      authFailuresPerMinute: integer(env, 'AUTH_FAILURE_LIMIT_PER_MINUTE', 20, 1, 1_000_000),
    },
    observability: observabilityConfig(env),
    testClockFile: testClockFile(env, production),
  };
}

function testClockFile(env: NodeJS.ProcessEnv, production: boolean): string | null {
  const file = env.TEST_CLOCK_FILE ? path.resolve(env.TEST_CLOCK_FILE) : null;
  if (file !== null && production) {
    throw new ConfigurationError('TEST_CLOCK_FILE moves the clock for tests: it is refused in production');
  }
  return file;
}

export function observabilityConfig(env: NodeJS.ProcessEnv = process.env): ObservabilityConfig {
  const level = env.LOG_LEVEL === undefined || env.LOG_LEVEL === '' ? 'info' : env.LOG_LEVEL;
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigurationError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${level}`);
  }
  const metricsToken = env.METRICS_TOKEN ? env.METRICS_TOKEN : null;
  if (metricsToken !== null && metricsToken.length < MIN_SECRET_LENGTH) {
    throw new ConfigurationError(
      `METRICS_TOKEN is too weak: use at least ${MIN_SECRET_LENGTH} random characters`,
    );
  }
  return {
    logLevel: level as LogLevel,
    readyMaxProjectionLag: integer(env, 'READY_MAX_PROJECTION_LAG', 100, 0, 1_000_000_000),
    metricsToken,
  };
}

function eventStoreConfig(env: NodeJS.ProcessEnv): PlatformConfig['eventStore'] {
  const kind = env.EVENT_STORE ?? 'sql';
  if (kind === 'sql') return { kind: 'sql' };
  if (kind !== 'esdb') throw new ConfigurationError(`EVENT_STORE must be sql or esdb, got ${kind}`);
  if (!env.EVENTSTORE_CONNECTION_STRING) {
    throw new ConfigurationError(
      'EVENT_STORE=esdb needs EVENTSTORE_CONNECTION_STRING (e.g. esdb://host:2113?tls=false)',
    );
  }
  return { kind: 'esdb', connectionString: env.EVENTSTORE_CONNECTION_STRING };
}

function authConfig(env: NodeJS.ProcessEnv, production: boolean, dataDir: string): AuthConfig {
  const audience = env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE;
  if (env.AUTH_JWKS_URL) {
    if (!env.AUTH_ISSUER) throw new ConfigurationError('AUTH_ISSUER is required with AUTH_JWKS_URL');
    try {
      new URL(env.AUTH_JWKS_URL);
    } catch {
      throw new ConfigurationError(`AUTH_JWKS_URL is not a URL: ${env.AUTH_JWKS_URL}`);
    }
    return { mode: 'jwks', jwksUrl: env.AUTH_JWKS_URL, issuer: env.AUTH_ISSUER, audience };
  }
  const secret = env.AUTH_SIGNING_SECRET ?? (production ? undefined : embeddedSecret(dataDir));
  if (!secret) {
    throw new ConfigurationError(
      'production mode needs AUTH_JWKS_URL and AUTH_ISSUER (an identity provider) or AUTH_SIGNING_SECRET',
    );
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigurationError(
      `AUTH_SIGNING_SECRET is too weak: use at least ${MIN_SECRET_LENGTH} random characters`,
    );
  }
  return { mode: 'local', secret, issuer: env.AUTH_ISSUER ?? LOCAL_ISSUER, audience };
}

/** The embedded default keeps a random signing secret in its data directory, readable by its owner only. */
function embeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-signing-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max}, got ${raw}`);
  }
  return value;
}

import * as path from 'node:path';
import type { DatabaseConfig } from '@cogov/persistence';

export interface PlatformConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
}

/** Reads the environment once, at start-up, and refuses values that make no sense. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a TCP port number, got ${env.PORT}`);
  }
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  const database: DatabaseConfig = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA ?? 'platform' }
    : { kind: 'sqlite', file: path.join(dataDir, 'platform.sqlite') };
  const host = env.HOST ?? '127.0.0.1';
  return { port, host, dataDir, database };
}

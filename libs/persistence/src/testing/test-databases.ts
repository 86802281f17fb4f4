import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DatabaseConfig } from '../database-config';

/** The PostgreSQL the integration tests use; `npm test` creates it (scripts/test.sh). */
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cogov_test';

export function freshSqlite(): DatabaseConfig & { cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cogov-'));
  return {
    kind: 'sqlite',
    file: path.join(dir, 'test.sqlite'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A schema of its own per test, so tests never see each other's rows. */
export function freshPostgresSchema(): DatabaseConfig & { kind: 'postgres' } {
  return {
    kind: 'postgres',
    url: TEST_POSTGRES_URL,
    schema: `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
  };
}

import * as path from 'node:path';

/** Where a process keeps its data: an embedded SQLite file, or a PostgreSQL schema. */
export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };

export function sqliteIn(dataDir: string, fileName = 'platform.sqlite'): DatabaseConfig {
  return { kind: 'sqlite', file: path.resolve(dataDir, fileName) };
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return `SQLite ${config.file}`;
  const url = new URL(config.url);
  url.password = url.password ? '***' : '';
  return `PostgreSQL ${url.toString()} schema ${config.schema}`;
}

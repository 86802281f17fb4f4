import { type DatabaseConfig, quoteIdent, SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema, freshSqlite } from '@cogov/persistence/testing/test-databases';

/** Each end-to-end suite runs on the embedded SQLite and on the real PostgreSQL. */
export const testDatabases: Array<[string, () => { config: DatabaseConfig; cleanup(): Promise<void> }]> = [
  [
    'SQLite',
    () => {
      const config = freshSqlite();
      return { config, cleanup: async () => config.cleanup() };
    },
  ],
  [
    'PostgreSQL',
    () => {
      const config = freshPostgresSchema();
      return {
        config,
        cleanup: async () => {
          const db = await SqlDatabase.open(config);
          await db.dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(config.schema)} CASCADE`);
          await db.close();
        },
      };
    },
  ],
];

import { CqrsModule } from '@nestjs/cqrs';
import { CLOCK, systemClock } from '@cogov/decider';
import { Test, type TestingModule } from '@nestjs/testing';
import { type DatabaseConfig, quoteIdent, SQL_DATABASE, SqlDatabase } from '@cogov/persistence';
import { boards } from '../../boards.context';

/**
 * For tests: the boards' tables on a fresh database and their command and query handlers on a
 * bus of their own, without HTTP (the consumer's commands and the rates' queries, as the host runs them).
 */
export async function boardsHandlers(config: DatabaseConfig): Promise<{
  db: SqlDatabase;
  module: TestingModule;
  close(): Promise<void>;
}> {
  const db = await SqlDatabase.open(config, [...boards.allEntities]);
  await db.synchronizeEntities();
  const module = await Test.createTestingModule({
    imports: [CqrsModule.forRoot()],
    // The linkage's queries judge overdue tasks by the clock's day; the rates are told their now.
    providers: [
      ...boards.handlers,
      { provide: SQL_DATABASE, useValue: db },
      { provide: CLOCK, useValue: systemClock },
    ],
  }).compile();
  await module.init();
  return {
    db,
    module,
    close: async () => {
      await module.close();
      if (config.kind === 'postgres') {
        await db.dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(config.schema)} CASCADE`);
      }
      await db.close();
    },
  };
}

import { SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { eventStoreContract } from '../testing/event-store.contract';
import { SqlEventStore } from './sql-event-store';

eventStoreContract('SQL on SQLite', async () => {
  const config = freshSqlite();
  const db = await SqlDatabase.open(config);
  const store = new SqlEventStore(db);
  await store.ensureSchema();
  return {
    store,
    close: async () => {
      await db.close();
      config.cleanup();
    },
  };
});

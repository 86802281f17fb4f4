import { SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { eventSearchContract, eventStoreContract } from '../testing/event-store.contract';
import { SqlEventStore } from './sql-event-store';

async function openSqlite() {
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
}

eventStoreContract('SQL on SQLite', openSqlite);
eventSearchContract('SQL on SQLite', openSqlite);

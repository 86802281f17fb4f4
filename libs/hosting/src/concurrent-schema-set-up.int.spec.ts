import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SqlEventStore } from '@cogov/event-store';
import { CheckpointStore, quoteIdent, SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema } from '@cogov/persistence/testing/test-databases';
import { ProjectionRunner } from '@cogov/projections';

@Entity({ name: 'set_up_probe_view' })
class ProbeView {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
}

/**
 * `npm run start:cluster` starts a context and the projections process on one fresh schema at
 * once; both create the same tables. Here several processes are stood in for by databases with
 * pools of their own, which open and set up one fresh schema all at the same moment: every one
 * of them must succeed, on every round.
 */
describe('concurrent schema set-up on one fresh PostgreSQL schema', () => {
  const PROCESSES = 4;
  const ROUNDS = 6;
  const schemas: string[] = [];

  afterAll(async () => {
    const config = freshPostgresSchema();
    const db = await SqlDatabase.open(config);
    for (const schema of [...schemas, config.schema]) {
      await db.dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    }
    await db.close();
  });

  async function setUp(config: ReturnType<typeof freshPostgresSchema>): Promise<SqlDatabase> {
    const db = await SqlDatabase.open(config, [ProbeView]);
    try {
      const store = new SqlEventStore(db);
      await Promise.all([
        store.ensureSchema(),
        new CheckpointStore(db, 'bus_checkpoints', 'consumer_group').ensureSchema(),
        new ProjectionRunner(store, db).ensureSchema(),
        db.synchronizeEntities(),
      ]);
      return db;
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  it(`${PROCESSES} processes setting up the same schema at once all succeed, ${ROUNDS} schemas in a row`, async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const config = freshPostgresSchema();
      schemas.push(config.schema);
      const outcomes = await Promise.allSettled(Array.from({ length: PROCESSES }, () => setUp(config)));
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') failures.push(`round ${round}: ${String(outcome.reason)}`);
        else await outcome.value.close();
      }
    }
    expect(failures).toEqual([]);

    // And what they set up is whole: every table, once.
    const db = await SqlDatabase.open({ ...freshPostgresSchema(), schema: schemas[0]! }, [ProbeView]);
    try {
      const tables: Array<{ table_name: string }> = await db.dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
        [schemas[0]],
      );
      expect(tables.map((t) => t.table_name)).toEqual([
        'bus_checkpoints',
        'es_events',
        'projection_checkpoints',
        'set_up_probe_view',
      ]);
    } finally {
      await db.close();
    }
  });
});

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { systemContext } from '@cogov/event-sourcing';
import { SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { directoryOf } from './directory';

@Entity({ name: 'kit_test_compound_directory' })
class CompoundEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 }) compoundId!: string;
  @Column({ type: 'varchar', length: 36 }) communityId!: string;
}

/** A directory keeps one row per key: a redelivered fact writes the same row, a later one its news. */
describe('a directory of others’ facts (SQLite)', () => {
  const config = freshSqlite();
  let db: SqlDatabase;
  const compounds = directoryOf(CompoundEntry, 'compoundId');

  beforeAll(async () => {
    db = await SqlDatabase.open(config, [CompoundEntry]);
    await db.synchronizeEntities();
  });
  afterAll(async () => {
    await db.close();
    config.cleanup();
  });

  it('names its command and handler after the table’s entity', () => {
    expect([compounds.Record.name, compounds.Handler.name]).toEqual([
      'RecordCompoundEntryCommand',
      'RecordCompoundEntryHandler',
    ]);
  });

  it('upserts by the key: the same fact twice is one row, a changed one replaces it', async () => {
    const handler = new compounds.Handler(db);
    const context = systemContext('test', new Date());
    await handler.execute(new compounds.Record({ compoundId: 'k-1', communityId: 'c-1' }, context));
    await handler.execute(new compounds.Record({ compoundId: 'k-1', communityId: 'c-1' }, context));
    await handler.execute(new compounds.Record({ compoundId: 'k-1', communityId: 'c-2' }, context));
    await handler.execute(new compounds.Record({ compoundId: 'k-2', communityId: 'c-1' }, context));
    const rows = await db.readSource.getRepository(CompoundEntry).find({ order: { compoundId: 'ASC' } });
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { compoundId: 'k-1', communityId: 'c-2' },
      { compoundId: 'k-2', communityId: 'c-1' },
    ]);
  });
});

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { systemContext } from '@cogov/event-sourcing';
import { type DatabaseConfig, SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema, freshSqlite } from '@cogov/persistence/testing/test-databases';
import { directoryOf } from './directory';

@Entity({ name: 'kit_test_compound_directory' })
class CompoundEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 }) compoundId!: string;
  @Column({ type: 'varchar', length: 36 }) communityId!: string;
}

/** A row two publishers write: each its own columns, the round-by-round ones only when newer. */
@Entity({ name: 'kit_test_order_directory' })
class OrderEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 }) orderId!: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) communityId!: string | null;
  @Column({ type: 'integer', nullable: true }) round!: number | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) at!: string | null;
  @Column({ type: 'varchar', length: 36, nullable: true }) holder!: string | null;
  @Column({ type: 'boolean', nullable: true }) urgent!: boolean | null;
}

const databases: Array<[string, () => DatabaseConfig & { cleanup?(): void }]> = [
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgresSchema],
];

/** A directory keeps one row per key: a redelivered fact writes the same row, a later one its news. */
describe.each(databases)('a directory of others’ facts (%s)', (_name, makeConfig) => {
  const config = makeConfig();
  let db: SqlDatabase;
  const compounds = directoryOf(CompoundEntry, 'compoundId');
  const placements = directoryOf(OrderEntry, 'orderId', { name: 'OrderPlacement' });
  const holders = directoryOf(OrderEntry, 'orderId', { name: 'OrderHolder', newerBy: ['round', 'at'] });
  const context = systemContext('test', new Date());

  beforeAll(async () => {
    db = await SqlDatabase.open(config, [CompoundEntry, OrderEntry]);
    await db.synchronizeEntities();
  });
  afterAll(async () => {
    await db.close();
    config.cleanup?.();
  });

  it('names its command and handler after the table’s entity, or the name it is given', () => {
    expect([compounds.Record.name, compounds.Handler.name, holders.Handler.name]).toEqual([
      'RecordCompoundEntryCommand',
      'RecordCompoundEntryHandler',
      'RecordOrderHolderHandler',
    ]);
  });

  it('upserts by the key: the same fact twice is one row, a changed one replaces it', async () => {
    const handler = new compounds.Handler(db);
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

  it('writes only the columns a fact names, and round-by-round ones only from a fact as new or newer', async () => {
    const holder = new holders.Handler(db);
    const placement = new placements.Handler(db);
    const hold = (round: number, at: string, who: string, urgent = false) =>
      holder.execute(
        new holders.Record({ orderId: 'o-1', round, at, holder: who, urgent } as OrderEntry, context),
      );
    await hold(2, '2030-01-01T10:00:00.000Z', 'company'); // heard before the order itself
    await placement.execute(
      new placements.Record({ orderId: 'o-1', communityId: 'c-1' } as OrderEntry, context),
    );
    await hold(1, '2030-01-01T12:00:00.000Z', 'member'); // an earlier round, delivered late
    await hold(2, '2030-01-01T09:00:00.000Z', 'leader'); // earlier in the same round
    expect({
      ...(await db.readSource.getRepository(OrderEntry).findOneByOrFail({ orderId: 'o-1' })),
    }).toEqual({
      orderId: 'o-1',
      communityId: 'c-1',
      round: 2,
      at: '2030-01-01T10:00:00.000Z',
      holder: 'company',
      urgent: false,
    });
    await hold(2, '2030-01-01T11:00:00.000Z', 'department', true);
    await hold(2, '2030-01-01T11:00:00.000Z', 'department', true); // redelivered
    expect(await db.readSource.getRepository(OrderEntry).findOneByOrFail({ orderId: 'o-1' })).toMatchObject({
      communityId: 'c-1',
      round: 2,
      holder: 'department',
      urgent: true,
    });
  });
});

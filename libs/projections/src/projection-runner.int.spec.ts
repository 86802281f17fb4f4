import { randomUUID } from 'node:crypto';
import { Column, Entity, type EntityManager, PrimaryColumn } from 'typeorm';
import { type RecordedEvent, SqlEventStore } from '@cogov/event-store';
import { event } from '@cogov/event-store/testing/event-store.contract';
import { SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

@Entity({ name: 'test_tally' })
class Tally {
  @PrimaryColumn({ type: 'varchar', length: 100 }) streamId!: string;
  @Column({ type: 'integer' }) count!: number;
  @Column({ type: 'varchar', length: 2000 }) texts!: string;
}

/** Counts events per stream; not idempotent on its own, so a double application would show. */
function tallyProjection(version = 1, failOn?: string): Projection {
  return {
    name: 'test.tally',
    version,
    entities: [Tally],
    handles: (e: RecordedEvent) => e.type === 'Counted',
    async apply(events: readonly RecordedEvent[], manager: EntityManager) {
      const repository = manager.getRepository(Tally);
      for (const e of events) {
        if (failOn && e.data.text === failOn) throw new Error(`cannot apply ${failOn}`);
        const row = (await repository.findOneBy({ streamId: e.streamId })) ?? {
          streamId: e.streamId,
          count: 0,
          texts: '',
        };
        await repository.save({ ...row, count: row.count + 1, texts: `${row.texts}${String(e.data.text)};` });
      }
    },
  };
}

describe('projection runner (SQLite)', () => {
  let config: ReturnType<typeof freshSqlite>;
  let db: SqlDatabase;
  let store: SqlEventStore;
  const runners: ProjectionRunner[] = [];
  const stream = `tally-${randomUUID()}`;

  beforeEach(async () => {
    config = freshSqlite();
    db = await SqlDatabase.open(config, [Tally]);
    await db.synchronizeEntities();
    store = new SqlEventStore(db);
    await store.ensureSchema();
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await db.close();
    config.cleanup();
  });

  const count = (text: string) =>
    store.appendToStream(stream, [event('Counted', { text })], { expectedRevision: 'any' });
  const start = async (projection: Projection) => {
    const runner = new ProjectionRunner(store, db);
    runner.register(projection);
    runners.push(runner);
    await runner.start();
    return runner;
  };
  const tally = () => db.dataSource.getRepository(Tally).findOneBy({ streamId: stream });
  const checkpoint = async () => {
    const rows = await db.dataSource.query<Array<{ position: number }>>(
      'SELECT position FROM projection_checkpoints',
    );
    return Number(rows[0]?.position ?? 0);
  };

  it('applies events once each and resumes after a restart from its checkpoint', async () => {
    await count('a');
    const first = await start(tallyProjection());
    await count('b');
    await first.waitForPosition(await store.headPosition());
    await first.stop();
    runners.pop();

    await count('c');
    const second = await start(tallyProjection());
    await second.waitForPosition(await store.headPosition());
    expect(await tally()).toMatchObject({ count: 3, texts: 'a;b;c;' });
    expect(await checkpoint()).toBe(await store.headPosition());
  });

  it('commits rows and checkpoint together: a failing batch leaves neither behind', async () => {
    await count('ok');
    await count('bad');
    const runner = await start(tallyProjection(1, 'bad'));
    await expect(runner.waitForPosition(await store.headPosition(), 500)).rejects.toThrow(/did not reach/);
    expect(await tally()).toBeNull();
    expect(await checkpoint()).toBe(0);
  });

  it('rebuilds from zero when its version changes, and on demand with progress', async () => {
    await count('x');
    await count('y');
    const v1 = await start(tallyProjection(1));
    await v1.waitForPosition(await store.headPosition());
    await v1.stop();
    runners.pop();

    const v2 = await start(tallyProjection(2));
    await v2.waitForPosition(await store.headPosition());
    expect(await tally()).toMatchObject({ count: 2, texts: 'x;y;' });

    const reports: number[] = [];
    const done = await v2.rebuild('test.tally', (p) => reports.push(p.position));
    expect(done).toMatchObject({ projection: 'test.tally', events: 2, position: await store.headPosition() });
    expect(reports.at(-1)).toBe(await store.headPosition());
    expect(await tally()).toMatchObject({ count: 2, texts: 'x;y;' });
  });
});

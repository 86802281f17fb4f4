import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type RecordedEvent, SqlEventStore } from '@cogov/event-store';
import { event } from '@cogov/event-store/testing/event-store.contract';
import { type DatabaseConfig, SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema, freshSqlite } from '@cogov/persistence/testing/test-databases';
import { ProjectionRunner } from './projection-runner';
import { rowPerKeyProjection } from './row-per-key.projection';

@Entity({ name: 'test_stream_summary' })
class StreamSummary {
  @PrimaryColumn({ type: 'varchar', length: 100 }) streamId!: string;
  @Column({ type: 'integer' }) count!: number;
  @Column({ type: 'simple-json' }) texts!: string[];
  @Column({ type: 'bigint' }) lastPosition!: number;
}

/** Counts and lists the `Counted` events per stream; an `Ignored` event creates no row. */
function summarise(row: StreamSummary | null, e: RecordedEvent): StreamSummary | null {
  if (e.type === 'Ignored') return row;
  const next = row ?? Object.assign(new StreamSummary(), { streamId: e.streamId, count: 0, texts: [] });
  next.count += 1;
  next.texts = [...next.texts, String(e.data.text)];
  next.lastPosition = e.globalPosition;
  return next;
}

const summaries = rowPerKeyProjection<StreamSummary>({
  name: 'test.stream-summary',
  version: 1,
  entity: StreamSummary,
  key: 'streamId',
  handles: (e) => e.type === 'Counted' || e.type === 'Ignored',
  keyOf: (e) => e.streamId,
  evolve: summarise,
});

describe.each<[string, () => DatabaseConfig & { cleanup?: () => void }]>([
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgresSchema],
])('row-per-key projection (%s)', (_name, fresh) => {
  let config: DatabaseConfig & { cleanup?: () => void };
  let db: SqlDatabase;
  let store: SqlEventStore;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    config = fresh();
    db = await SqlDatabase.open(config, [StreamSummary]);
    await db.synchronizeEntities();
    store = new SqlEventStore(db);
    await store.ensureSchema();
    runner = new ProjectionRunner(store, db);
    runner.register(summaries);
  });
  afterEach(async () => {
    await runner.stop();
    if (config.kind === 'postgres') await db.dataSource.query(`DROP SCHEMA "${config.schema}" CASCADE`);
    await db.close();
    config.cleanup?.();
  });

  const rows = async () =>
    (await db.dataSource.getRepository(StreamSummary).find({ order: { streamId: 'ASC' } })).map((r) => ({
      streamId: r.streamId,
      count: r.count,
      texts: r.texts,
      lastPosition: Number(r.lastPosition),
    }));

  it('folds many keys per batch (more than one SELECT and upsert chunk) to the same rows as one event at a time', async () => {
    // 1,200 streams, three events each, interleaved, so every batch touches many rows more than once.
    const streams = Array.from(
      { length: 1200 },
      (_, i) => `summary-${String(i).padStart(4, '0')}-${randomUUID()}`,
    );
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        streams.map((stream) =>
          store.appendToStream(stream, [event('Counted', { text: `r${round}` })], {
            expectedRevision: 'any',
          }),
        ),
      );
    }
    await store.appendToStream(streams[0]!, [event('Ignored', {})], { expectedRevision: 'any' });
    await store.appendToStream(`summary-unseen-${randomUUID()}`, [event('Ignored', {})], {
      expectedRevision: 'any',
    });

    await runner.start();
    await runner.waitForPosition(await store.headPosition(), 30_000);
    const live = await rows();

    // The reference: the same fold, one event at a time, in memory.
    const expected = new Map<string, StreamSummary>();
    for (const recorded of await store.readAll({ after: 0, maxCount: 100_000 })) {
      if (!summaries.handles(recorded)) continue;
      const row = summarise(expected.get(recorded.streamId) ?? null, recorded);
      if (row) expected.set(recorded.streamId, row);
    }
    expect(live).toHaveLength(1200);
    expect(live).toEqual(
      [...expected.values()]
        .sort((a, b) => a.streamId.localeCompare(b.streamId))
        .map((r) => ({ ...r, lastPosition: Number(r.lastPosition) })),
    );
    expect(live.every((r) => r.count === 3 && r.texts.join() === 'r0,r1,r2')).toBe(true);

    await runner.rebuild(summaries.name);
    expect(await rows()).toEqual(live);
  });
});

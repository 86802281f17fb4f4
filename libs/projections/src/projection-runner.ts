import { Logger } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@cogov/event-store';
import { CheckpointPace, type SqlDatabase } from '@cogov/persistence';
import type { Projection } from './projection';

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly position: number;
}

export interface RebuildProgress {
  readonly projection: string;
  readonly position: number;
  readonly head: number;
  readonly events: number;
  readonly eventsPerSecond: number;
}

/**
 * Feeds stored events in global order to read models. One follower and one checkpoint per
 * projection, so one can be rebuilt while the others stay live.
 */
export class ProjectionRunner {
  private readonly logger = new Logger('Projections');
  private readonly projections = new Map<string, Projection>();
  private readonly positions = new Map<string, number>();
  /** When each projection's checkpoint was last written. */
  private readonly paces = new Map<string, CheckpointPace>();
  private readonly loops = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly store: EventStore,
    private readonly db: SqlDatabase,
  ) {}

  register(projection: Projection): void {
    if (this.projections.has(projection.name))
      throw new Error(`projection ${projection.name} registered twice`);
    this.projections.set(projection.name, projection);
  }

  get registered(): Projection[] {
    return [...this.projections.values()];
  }

  async ensureSchema(): Promise<void> {
    const position = this.db.dialect === 'postgres' ? 'BIGINT' : 'INTEGER';
    await this.db.exclusive(() =>
      this.db.dataSource.query(
        `CREATE TABLE IF NOT EXISTS ${this.db.table('projection_checkpoints')} (name TEXT PRIMARY KEY, version INTEGER NOT NULL, position ${position} NOT NULL, updated_at TEXT NOT NULL)`,
      ),
    );
  }

  /** Resumes every projection from its checkpoint; a projection whose version changed starts over. */
  async start(): Promise<void> {
    await this.ensureSchema();
    for (const projection of this.projections.values()) {
      const saved = await this.loadCheckpoint(projection.name);
      let after = saved?.position ?? 0;
      if (saved && saved.version !== projection.version) {
        this.logger.log(
          `${projection.name}: version ${saved.version} → ${projection.version}, rebuilding from zero`,
        );
        await this.reset(projection);
        after = 0;
      }
      this.positions.set(projection.name, after);
      this.follow(projection, after);
    }
  }

  async stop(): Promise<void> {
    const loops = [...this.loops.values()];
    for (const loop of loops) loop.abort.abort();
    await Promise.all(loops.map((l) => l.done));
    this.loops.clear();
  }

  status(): ProjectionStatus[] {
    return this.registered.map((p) => ({
      name: p.name,
      version: p.version,
      position: this.positions.get(p.name) ?? 0,
    }));
  }

  /** Resolves once every projection has applied events up to `position` (read-your-writes for tests and tools). */
  async waitForPosition(position: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.registered.some((p) => (this.positions.get(p.name) ?? 0) < position)) {
      if (Date.now() > deadline)
        throw new Error(`projections did not reach position ${position} in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, 50);
        this.waiters.add(wake);
      });
    }
  }

  /**
   * Empties the projection's tables and replays the whole history into them, reporting progress.
   * Live following of that projection pauses meanwhile and resumes afterwards.
   */
  async rebuild(name: string, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildProgress> {
    const projection = this.projections.get(name);
    if (!projection) throw new Error(`no projection named ${name}`);
    const live = this.loops.get(name);
    if (live) {
      live.abort.abort();
      await live.done;
      this.loops.delete(name);
    }
    await this.reset(projection);
    this.positions.set(name, 0);
    const head = await this.store.headPosition();
    const started = Date.now();
    let events = 0;
    let after = 0;
    let lastReport = 0;
    const progress = (): RebuildProgress => {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      return {
        projection: name,
        position: after,
        head,
        events,
        eventsPerSecond: Math.round(events / seconds),
      };
    };
    for (;;) {
      const batch = await this.store.readAll({ after, maxCount: 1000 });
      if (batch.length === 0 || after >= head) break;
      await this.applyBatch(projection, batch);
      events += batch.length;
      after = batch[batch.length - 1]!.globalPosition;
      if (onProgress && Date.now() - lastReport > 250) {
        lastReport = Date.now();
        onProgress(progress());
      }
    }
    const done = progress();
    onProgress?.(done);
    if (live) this.follow(projection, after);
    return done;
  }

  private follow(projection: Projection, after: number): void {
    const abort = new AbortController();
    const done = (async () => {
      while (!abort.signal.aborted) {
        try {
          const from = this.positions.get(projection.name) ?? after;
          for await (const batch of this.store.followAll({
            after: from,
            signal: abort.signal,
            batchSize: 500,
          })) {
            await this.applyBatch(projection, batch);
          }
        } catch (error) {
          if (abort.signal.aborted) return;
          // A failing projection stops where it is and retries: skipping an event would corrupt the view.
          this.logger.error(
            `${projection.name} failed at position ${this.positions.get(projection.name)}: ${String(error)}`,
          );
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })();
    this.loops.set(projection.name, { abort, done });
  }

  private async applyBatch(projection: Projection, batch: readonly RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1]!.globalPosition;
    const handled = batch.filter((event) => projection.handles(event));
    // Nothing of its own: move on in memory, and write the checkpoint only now and then.
    const pace = this.paces.get(projection.name) ?? new CheckpointPace();
    this.paces.set(projection.name, pace);
    if (!pace.due(last, handled.length > 0)) {
      this.positions.set(projection.name, last);
      for (const wake of [...this.waiters]) wake();
      return;
    }
    await this.db.transaction(async (manager) => {
      if (handled.length > 0) await projection.apply(handled, manager);
      await manager.query(
        `INSERT INTO ${this.db.table('projection_checkpoints')} (name, version, position, updated_at) VALUES (${this.db.param(1)}, ${this.db.param(2)}, ${this.db.param(3)}, ${this.db.param(4)})
         ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, updated_at = excluded.updated_at`,
        [projection.name, projection.version, last, new Date().toISOString()],
      );
    });
    this.positions.set(projection.name, last);
    pace.saved(last);
    for (const wake of [...this.waiters]) wake();
  }

  private async reset(projection: Projection): Promise<void> {
    this.paces.delete(projection.name);
    await this.db.transaction(async (manager) => {
      for (const entity of projection.entities) await manager.getRepository(entity).clear();
      await manager.query(
        `DELETE FROM ${this.db.table('projection_checkpoints')} WHERE name = ${this.db.param(1)}`,
        [projection.name],
      );
    });
  }

  private async loadCheckpoint(name: string): Promise<{ version: number; position: number } | null> {
    const rows: Array<{ version: number; position: string | number }> = await this.db.dataSource.query(
      `SELECT version, position FROM ${this.db.table('projection_checkpoints')} WHERE name = ${this.db.param(1)}`,
      [name],
    );
    const row = rows[0];
    return row ? { version: Number(row.version), position: Number(row.position) } : null;
  }
}

import { performance } from 'node:perf_hooks';
import { SqlEventStore } from '@cogov/event-store';
import { type DatabaseConfig, SqlDatabase } from '@cogov/persistence';
import { ProjectionRunner } from '@cogov/projections';
import { residentsCommittee } from '../apps/residents-committee/src/residents-committee.context';

const orderChainProjection = residentsCommittee.projections.find(
  (p) => p.name === 'residents-committee.order-chain',
)!;
import { orderCorpus, type OrderScript } from './orders';
import { prng } from './workload';

export interface ReplayResult {
  readonly database: 'sqlite' | 'postgres';
  readonly events: number;
  readonly orders: number;
  readonly appends: number;
  readonly appendWriters: number;
  readonly appendSeconds: number;
  readonly appendEventsPerSecond: number;
  readonly rebuildSeconds: number;
  readonly rebuildEventsPerSecond: number;
}

/** Concurrent command handlers while loading the history; each owns a share of the orders. */
const WRITERS = 4;
/** Orders each writer has in flight, so events of different orders interleave in global order. */
const IN_FLIGHT = 50;

/**
 * Loads an order history into a fresh store through SqlEventStore, then times
 * ProjectionRunner.rebuild of the order-chain view over it.
 */
export async function replayBench(
  config: DatabaseConfig,
  totalEvents: number,
  log: (line: string) => void,
): Promise<ReplayResult> {
  const corpus = orderCorpus(totalEvents, 7_2026);
  const appends = corpus.scripts.reduce((n, s) => n + s.appends.length, 0);
  log(
    `${config.kind}: ${corpus.events} events on ${corpus.scripts.length} orders (${appends} appends, ${WRITERS} writers)`,
  );
  const db = await SqlDatabase.open(config, [...orderChainProjection.entities]);
  try {
    await db.synchronizeEntities();
    const store = new SqlEventStore(db);
    await store.ensureSchema();

    let appended = 0;
    const appendStarted = performance.now();
    let lastLog = appendStarted;
    await Promise.all(
      Array.from({ length: WRITERS }, (_, w) =>
        appendShare(
          store,
          corpus.scripts.filter((_, i) => i % WRITERS === w),
          w,
          (n) => {
            appended += n;
            const now = performance.now();
            if (now - lastLog > 2000) {
              lastLog = now;
              const rate = appended / ((now - appendStarted) / 1000);
              log(
                `${config.kind}: appended ${appended}/${corpus.events} events (${Math.round(rate)} events/s)`,
              );
            }
          },
        ),
      ),
    );
    const appendSeconds = (performance.now() - appendStarted) / 1000;
    log(
      `${config.kind}: history loaded in ${appendSeconds.toFixed(1)} s (${Math.round(corpus.events / appendSeconds)} events/s)`,
    );

    const runner = new ProjectionRunner(store, db);
    runner.register(orderChainProjection);
    await runner.ensureSchema();
    let lastProgress = 0;
    const rebuildStarted = performance.now();
    const done = await runner.rebuild(orderChainProjection.name, (p) => {
      const now = performance.now();
      if (now - lastProgress < 2000 || p.position >= p.head) return;
      lastProgress = now;
      log(
        `${config.kind}: rebuild at position ${p.position}/${p.head}, ${p.events} events, ${p.eventsPerSecond} events/s`,
      );
    });
    const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
    log(
      `${config.kind}: rebuilt ${done.events} events in ${rebuildSeconds.toFixed(1)} s (${Math.round(done.events / rebuildSeconds)} events/s)`,
    );

    const view = db.table('rc_order_chain_view');
    const rows = await db.dataSource.query<Array<{ stage: string; n: string | number }>>(
      `SELECT stage, COUNT(*) AS n FROM ${view} GROUP BY stage`,
    );
    const total = rows.reduce((n, r) => n + Number(r.n), 0);
    const closed = Number(rows.find((r) => r.stage === 'closed')?.n ?? 0);
    if (done.events !== corpus.events || total !== corpus.scripts.length || closed !== corpus.closed) {
      throw new Error(
        `replay on ${config.kind} is wrong: ${done.events} events applied (expected ${corpus.events}), ${total} rows (expected ${corpus.scripts.length}), ${closed} closed (expected ${corpus.closed})`,
      );
    }
    return {
      database: config.kind,
      events: corpus.events,
      orders: corpus.scripts.length,
      appends,
      appendWriters: WRITERS,
      appendSeconds,
      appendEventsPerSecond: corpus.events / appendSeconds,
      rebuildSeconds,
      rebuildEventsPerSecond: corpus.events / rebuildSeconds,
    };
  } finally {
    await db.close();
  }
}

/** Plays a writer's orders, a random in-flight order's next command at a time. */
async function appendShare(
  store: SqlEventStore,
  scripts: readonly OrderScript[],
  seed: number,
  progress: (events: number) => void,
): Promise<void> {
  const random = prng(seed + 1);
  const active: Array<{ script: OrderScript; next: number; revision: number | 'no-stream' }> = [];
  let queued = 0;
  for (;;) {
    while (active.length < IN_FLIGHT && queued < scripts.length) {
      active.push({ script: scripts[queued++]!, next: 0, revision: 'no-stream' });
    }
    if (active.length === 0) return;
    const index = Math.floor(random() * active.length);
    const order = active[index]!;
    const events = order.script.appends[order.next]!;
    const result = await store.appendToStream(order.script.streamId, events, {
      expectedRevision: order.revision,
    });
    order.revision = result.nextExpectedRevision;
    order.next++;
    progress(events.length);
    if (order.next >= order.script.appends.length) active.splice(index, 1);
  }
}

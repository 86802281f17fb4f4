import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DirectoryWriteAround } from '@cogov/context-kit';
import { quoteIdent, SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import {
  type BucketDelta,
  emptySnapshot,
  type OrderSnapshot,
  RATE_FIGURES,
  rollupDelta,
  TALLY_FIGURES,
  type TallyDelta,
} from './domain/order-rollups';

type Row = Record<string, unknown>;
/** A text column; the drivers answer strings, numbers or null. */
const text = (v: unknown): string | null =>
  v == null ? null : typeof v === 'string' ? v : JSON.stringify(v);
const int = (v: unknown): number | null => (v == null ? null : Number(v));
/** A boolean column as either driver returns it (SQLite: 0 or 1). */
const bool = (v: unknown): boolean | null => (v == null ? null : v === true || v === 1 || v === '1');

const ORDER_COLUMNS = [
  'orderId',
  'communityId',
  'compoundId',
  'gridId',
  'placedAt',
  'branchId',
  'reviewDecision',
  'assignedRound',
  'assigneeKind',
  'assigneeId',
  'whistledAt',
  'departmentId',
  'executorKind',
  'executorId',
] as const;

/** What the boards hold of each order, read in the writing transaction. */
export async function snapshotsOf(
  manager: EntityManager,
  db: SqlDatabase,
  orderIds: readonly string[],
): Promise<Map<string, OrderSnapshot>> {
  const list = orderIds.map((_, i) => db.param(i + 1)).join(', ');
  const select = (table: string, columns: readonly string[]) =>
    manager.query<Row[]>(
      `SELECT ${columns.map(quoteIdent).join(', ')} FROM ${db.table(table)} WHERE ${quoteIdent('orderId')} IN (${list})`,
      [...orderIds],
    );
  // One after another: a transaction is one connection, and node-postgres queues, not pipelines.
  const orders = await select('bd_order', ORDER_COLUMNS);
  const serviceLevels = await select('bd_service_level', [
    'orderId',
    'track',
    'stage',
    'startedAt',
    'dueAt',
    'reachedAt',
    'inTime',
    'breachedAt',
  ]);
  const ratings = await select('bd_order_rating', ['orderId', 'round', 'score', 'reopened', 'ratedAt']);
  const snapshots = new Map<
    string,
    { order: OrderSnapshot['order']; serviceLevels: unknown[]; ratings: unknown[] }
  >(orderIds.map((id) => [id, { order: null, serviceLevels: [], ratings: [] }]));
  for (const o of orders) {
    snapshots.get(String(o.orderId))!.order = {
      communityId: text(o.communityId),
      compoundId: text(o.compoundId),
      gridId: text(o.gridId),
      placedAt: text(o.placedAt),
      branchId: text(o.branchId),
      reviewDecision: text(o.reviewDecision),
      assignedRound: int(o.assignedRound),
      assigneeKind: text(o.assigneeKind),
      assigneeId: text(o.assigneeId),
      whistledAt: text(o.whistledAt),
      departmentId: text(o.departmentId),
      executorKind: text(o.executorKind),
      executorId: text(o.executorId),
    };
  }
  for (const s of serviceLevels) {
    snapshots.get(String(s.orderId))!.serviceLevels.push({
      track: String(s.track),
      stage: String(s.stage),
      startedAt: text(s.startedAt),
      dueAt: text(s.dueAt),
      reachedAt: text(s.reachedAt),
      inTime: bool(s.inTime),
      breachedAt: text(s.breachedAt),
    });
  }
  for (const r of ratings) {
    snapshots.get(String(r.orderId))!.ratings.push({
      round: Number(r.round),
      score: Number(r.score),
      reopened: bool(r.reopened) === true,
      ratedAt: String(r.ratedAt),
    });
  }
  return snapshots as Map<string, OrderSnapshot>;
}

/** Adds each delta to its row, creating it at zero: one statement per table and chunk. */
export async function applyRollupDelta(
  manager: EntityManager,
  db: SqlDatabase,
  delta: { readonly buckets: readonly BucketDelta[]; readonly tallies: readonly TallyDelta[] },
): Promise<void> {
  await addTo(
    manager,
    db,
    'bd_rate_bucket',
    ['level', 'span', 'start', 'communityId', 'rowId'],
    RATE_FIGURES,
    delta.buckets.map((b) => [
      b.level,
      b.span,
      b.start,
      b.communityId,
      b.rowId,
      ...RATE_FIGURES.map((f) => b.figures[f]),
    ]),
  );
  await addTo(
    manager,
    db,
    'bd_order_tally',
    ['compoundId', 'facet', 'kind', 'holder', 'gridId'],
    TALLY_FIGURES,
    delta.tallies.map((t) => [
      t.compoundId,
      t.facet,
      t.kind,
      t.holder,
      t.gridId,
      ...TALLY_FIGURES.map((f) => t.figures[f]),
    ]),
  );
}

const CHUNK = 400;

async function addTo(
  manager: EntityManager,
  db: SqlDatabase,
  table: string,
  keys: readonly string[],
  figures: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  const columns = [...keys, ...figures].map(quoteIdent);
  const sums = figures.map((f) => `${quoteIdent(f)} = stored.${quoteIdent(f)} + excluded.${quoteIdent(f)}`);
  for (let from = 0; from < rows.length; from += CHUNK) {
    const chunk = rows.slice(from, from + CHUNK);
    const values: unknown[] = [];
    const tuples = chunk.map(
      (row) => `(${row.map((v) => (values.push(v), db.param(values.length))).join(', ')})`,
    );
    await manager.query(
      `INSERT INTO ${db.table(table)} AS stored (${columns.join(', ')}) VALUES ${tuples.join(', ')} ` +
        `ON CONFLICT (${keys.map(quoteIdent).join(', ')}) DO UPDATE SET ${sums.join(', ')}`,
      values,
    );
  }
}

/**
 * The first key of the two-key advisory lock on an order's roll-ups: two-key locks never collide
 * with the event store's one-key append lock.
 */
const ORDER_ROLLUP_LOCK = 0x62645f6f;

/**
 * The roll-ups move with every write to an order's rows: the writer reads the orders it touches,
 * writes, reads them again and adds the difference. On PostgreSQL, where writers run in parallel,
 * each order is locked for the transaction first (an advisory lock, since its row may not exist
 * yet), so two facts of one order never read the same "before"; on SQLite writers take turns.
 */
export const rollUpOrders: DirectoryWriteAround<{ orderId: string }> = async (
  write,
  { manager, db, rows },
) => {
  const orderIds = [...new Set(rows.map((r) => r.orderId))].sort();
  if (db.dialect === 'postgres') {
    for (const id of orderIds) {
      await manager.query(`SELECT pg_advisory_xact_lock(${ORDER_ROLLUP_LOCK}, hashtext(${db.param(1)}))`, [
        id,
      ]);
    }
  }
  const before = await snapshotsOf(manager, db, orderIds);
  await write();
  const after = await snapshotsOf(manager, db, orderIds);
  const delta = rollupDelta(orderIds.map((id) => ({ before: before.get(id)!, after: after.get(id)! })));
  await applyRollupDelta(manager, db, delta);
};

const REBUILD_BATCH = 500;

/**
 * The roll-ups recomputed from every order's rows, in one transaction that holds the rows' writers
 * off (SQLite's write turn; on PostgreSQL, locks on the three tables): for an installation whose
 * order rows predate the roll-ups, and for a check that what the facts added up to is what the
 * rows give. Answers how many orders it read.
 */
export async function rebuildOrderRollups(db: SqlDatabase): Promise<number> {
  return db.transaction(async (manager) => {
    if (db.dialect === 'postgres') {
      await manager.query(
        `LOCK TABLE ${['bd_order', 'bd_service_level', 'bd_order_rating'].map((t) => db.table(t)).join(', ')} IN EXCLUSIVE MODE`,
      );
    }
    await manager.query(`DELETE FROM ${db.table('bd_rate_bucket')}`);
    await manager.query(`DELETE FROM ${db.table('bd_order_tally')}`);
    const ids = (
      await manager.query<Row[]>(
        `SELECT ${quoteIdent('orderId')} AS id FROM ${db.table('bd_order')} ORDER BY ${quoteIdent('orderId')}`,
      )
    ).map((r) => String(r.id));
    for (let from = 0; from < ids.length; from += REBUILD_BATCH) {
      const batch = ids.slice(from, from + REBUILD_BATCH);
      const after = await snapshotsOf(manager, db, batch);
      const delta = rollupDelta(batch.map((id) => ({ before: emptySnapshot, after: after.get(id)! })));
      await applyRollupDelta(manager, db, delta);
    }
    return ids.length;
  });
}

/**
 * At start: an installation that kept order rows before it kept roll-ups has rows and no
 * roll-ups; it gets them before it answers (an empty roll-up would read as no orders at all).
 */
@Injectable()
export class OrderRollupsBackfill implements OnApplicationBootstrap {
  private readonly log = new Logger('OrderRollups');
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async onApplicationBootstrap(): Promise<void> {
    const any = async (table: string) =>
      (await this.db.dataSource.query<Row[]>(`SELECT 1 FROM ${this.db.table(table)} LIMIT 1`)).length > 0;
    if (!(await any('bd_order')) || (await any('bd_rate_bucket')) || (await any('bd_order_tally'))) return;
    const started = Date.now();
    const orders = await rebuildOrderRollups(this.db);
    this.log.log(`rolled up ${orders} orders kept before the roll-ups, in ${Date.now() - started} ms`);
  }
}

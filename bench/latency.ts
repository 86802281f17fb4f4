import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { INestApplication } from '@nestjs/common';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { LocalTokenAuthority } from '@cogov/security';
import { DEFAULT_AUDIENCE, LOCAL_ISSUER } from '@cogov/hosting';
import { createPlatformApp } from '../apps/platform/src/create-app';
import { Cluster } from '../apps/platform/src/testing/cluster';
import { type ApiCall, eventually, seedCommunity } from '../apps/platform/src/testing/seed-community';
import { TEST_SECRET, testConfig } from '../apps/platform/src/testing/test-platform';
import { quantile } from './measure';

export interface LatencyResult {
  readonly topology: 'embedded (SQLite, in-process bus)' | 'cluster (PostgreSQL, Kafka, one process per app)';
  readonly step: 'place → placed' | 'review → approved';
  readonly ratePerSecond: number;
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** How often the view is read to see whether a command has reached it; adds up to this much. */
const POLL_MS = 5;

/** Stages of the given orders as the chain view shows them now. */
type ReadStages = (orderIds: readonly string[]) => Promise<Map<string, string>>;

interface Target {
  readonly call: ApiCall;
  readonly stages: ReadStages;
}

/**
 * Command-to-view latency under a steady load: orders are placed at a fixed rate (the view is
 * written by the residents' committee's own projection), then reviewed at the same rate by a Party
 * member (the review is recorded by the Party organization, crosses the bus to the residents'
 * committee, which records it on the order, and then reaches the view). Each latency runs from
 * sending the HTTP command to the view showing the new stage, read every 5 ms.
 */
async function measureSteps(
  target: Target,
  topology: LatencyResult['topology'],
  rate: number,
  count: number,
  log: (line: string) => void,
): Promise<LatencyResult[]> {
  const { residentId, compoundId, memberId, resident, member } = await seedCommunity(target.call);
  // The Party organization learns of orders through events: wait until it can review one.
  const probe = (
    await eventually(target.call, resident, 'POST', '/api/orders', orderBody(residentId, compoundId), 201)
  ).id as string;
  await eventually(target.call, member, 'POST', `/api/orders/${probe}/review`, review(memberId), 200);
  // The clock starts once set-up has settled: the probe's approval has crossed the bus and reached
  // the view. How long that took is logged (a slow one means something was still starting).
  const probeStarted = performance.now();
  while ((await target.stages([probe])).get(probe) !== 'approved') {
    if (performance.now() - probeStarted > 30_000)
      throw new Error(`the set-up probe ${probe} did not reach "approved" in the view within 30 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
  log(
    `latency: ${topology}: the set-up probe reached "approved" in the view ` +
      `${(performance.now() - probeStarted).toFixed(0)} ms after its review was accepted`,
  );

  const orderIds: string[] = [];
  const placed = await steadyLoad(target, rate, count, 'placed', async () => {
    const response = await target.call(resident, 'POST', '/api/orders', orderBody(residentId, compoundId));
    if (response.status !== 201)
      throw new Error(`placing an order answered ${response.status}: ${JSON.stringify(response.body)}`);
    const id = response.body.id as string;
    orderIds.push(id);
    return id;
  });
  log(`latency: ${topology}: place → placed ${summary(placed.toView)}`);
  log(`latency: ${topology}: place answered ${summary(placed.answered)}`);
  let next = 0;
  const reviewed = await steadyLoad(target, rate, count, 'approved', async () => {
    const id = orderIds[next++]!;
    // The Party organization may not have heard of the order yet: retrying is part of the latency.
    await eventually(target.call, member, 'POST', `/api/orders/${id}/review`, review(memberId), 200, 1);
    return id;
  });
  log(`latency: ${topology}: review → approved ${summary(reviewed.toView)}`);
  log(`latency: ${topology}: review answered ${summary(reviewed.answered)}`);
  return [
    { topology, step: 'place → placed', ratePerSecond: rate, ...stats(placed.toView) },
    { topology, step: 'review → approved', ratePerSecond: rate, ...stats(reviewed.toView) },
  ];
}

/** Starts one command every 1/rate seconds (not waiting for the previous one) and times each to the view. */
async function steadyLoad(
  target: Target,
  rate: number,
  count: number,
  stage: string,
  send: () => Promise<string>,
): Promise<{ toView: number[]; answered: number[] }> {
  // By send order, so that slow samples can be placed in the run (start-up or recurring).
  const latencies: number[] = [];
  // Until the HTTP answer: tells a slow command from a slow way to the view.
  const answered: number[] = [];
  let done = 0;
  const waiting = new Map<string, { at: number; index: number }>();
  let sent = 0;
  const failed: { error?: Error } = {};
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  while (done < count) {
    if (failed.error) throw failed.error;
    const now = performance.now();
    while (sent < count && now >= started + (sent * 1000) / rate) {
      const index = sent++;
      const at = performance.now();
      inFlight.push(
        send().then(
          (id) => {
            answered[index] = performance.now() - at;
            waiting.set(id, { at, index });
          },
          (error: unknown) => void (failed.error = error instanceof Error ? error : new Error(String(error))),
        ),
      );
    }
    if (waiting.size > 0) {
      const stages = await target.stages([...waiting.keys()]);
      const seen = performance.now();
      for (const [id, { at, index }] of [...waiting]) {
        if (stages.get(id) !== stage) continue;
        latencies[index] = seen - at;
        done++;
        waiting.delete(id);
      }
    }
    if (performance.now() - started > 60_000 + (count * 1000) / rate)
      throw new Error(`${waiting.size} commands never reached ${stage}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  await Promise.all(inFlight);
  return { toView: latencies, answered };
}

export async function embeddedLatency(
  rate: number,
  count: number,
  log: (line: string) => void,
): Promise<LatencyResult[]> {
  const database = freshSqlite();
  if (database.kind !== 'sqlite') throw new Error('no SQLite file');
  const app: INestApplication = await createPlatformApp(testConfig(database), { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as { address(): net.AddressInfo }).address();
  const reader = new Database(database.file, { readonly: true });
  try {
    const tokens = new LocalTokenAuthority(TEST_SECRET, LOCAL_ISSUER, DEFAULT_AUDIENCE);
    const call = httpCaller(tokens, () => address.port);
    const stages: ReadStages = (ids) => {
      const rows = reader
        .prepare(
          `SELECT "orderId" AS id, stage FROM rc_order_chain_view WHERE "orderId" IN (${ids.map(() => '?').join(', ')})`,
        )
        .all(...ids) as Array<{ id: string; stage: string }>;
      return Promise.resolve(new Map(rows.map((r) => [r.id, r.stage])));
    };
    log(`latency: embedded platform on ${database.file}, port ${address.port}`);
    return await measureSteps({ call, stages }, 'embedded (SQLite, in-process bus)', rate, count, log);
  } finally {
    reader.close();
    await app.close();
    database.cleanup();
  }
}

export async function clusterLatency(
  rate: number,
  count: number,
  log: (line: string) => void,
): Promise<LatencyResult[]> {
  // The apps' default order limit (30 a minute per caller) would throttle the load itself.
  process.env.ORDER_RATE_LIMIT_PER_MINUTE = '100000';
  process.env.RATE_LIMIT_PER_MINUTE = '100000';
  const cluster = await Cluster.create();
  const client = new Client({ connectionString: cluster.databaseUrl });
  try {
    log(`latency: starting the cluster (namespace ${cluster.namespace})`);
    await cluster.start('residents-committee');
    await cluster.start('party-organization');
    await cluster.start('projections');
    await client.connect();
    const stages: ReadStages = async (ids) => {
      try {
        const result = await client.query<{ id: string; stage: string }>(
          'SELECT "orderId" AS id, stage FROM residents_committee.rc_order_chain_view WHERE "orderId" = ANY($1)',
          [ids],
        );
        return new Map(result.rows.map((r) => [r.id, r.stage]));
      } catch (error) {
        // The projections app creates its table when it starts; until then nothing is visible.
        if ((error as { code?: string }).code === '42P01') return new Map();
        throw error;
      }
    };
    return await measureSteps(
      { call: (claims, method, route, body) => cluster.call(claims, method, route, body), stages },
      'cluster (PostgreSQL, Kafka, one process per app)',
      rate,
      count,
      log,
    );
  } finally {
    await client.end().catch(() => undefined);
    await cluster.destroy();
  }
}

/** Whether a Kafka broker answers on host:port. */
export function brokerAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

function httpCaller(tokens: LocalTokenAuthority, port: () => number): ApiCall {
  return async (claims, method, route, body) => {
    const response = await fetch(`http://127.0.0.1:${port()}${route}`, {
      method,
      headers: { authorization: `Bearer ${await tokens.issue(claims)}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

const orderBody = (residentId: string, compoundId: string) => ({
  residentId,
  compoundId,
  category: 'repair',
  title: 'Leak in the stairwell',
  description: 'Water drips from the ceiling on the third floor.',
  channel: 'app',
});
const review = (memberId: string) => ({
  reviewerId: memberId,
  decision: 'approve',
  note: 'ok',
  priority: 'normal',
});

function stats(latencies: readonly number[]): Pick<LatencyResult, 'samples' | 'p50Ms' | 'p99Ms' | 'maxMs'> {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    maxMs: sorted[sorted.length - 1] ?? 0,
  };
}

function summary(latencies: readonly number[]): string {
  const s = stats(latencies);
  const slowest = latencies
    .map((ms, index) => ({ ms, index }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(({ ms, index }) => `#${index + 1} ${ms.toFixed(0)} ms`);
  return (
    `${s.samples} samples: p50 ${s.p50Ms.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms` +
    ` (slowest, by send order: ${slowest.join(', ')}; p99 without the first 40: ` +
    `${stats(latencies.slice(40)).p99Ms.toFixed(1)} ms)`
  );
}

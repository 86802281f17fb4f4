import { performance } from 'node:perf_hooks';
import type { AppendJob, Workload } from './workload';

/** The connection count TypeORM's pool gets in SqlDatabase.open (`extra: { max: 10 }`). */
export const PG_POOL_SIZE = 10;

/**
 * Something that appends: our store, a raw INSERT, or Emmett. `cursor` is whatever the contender
 * needs to append the next events to the same stream (the expected revision it was handed back);
 * it is undefined for a stream's first append.
 */
export interface Contender<C> {
  append(job: AppendJob, cursor: C | undefined): Promise<C>;
}

export interface Measurement {
  readonly events: number;
  readonly appends: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Latency of one append, milliseconds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Runs every writer of the workload concurrently and times the whole. */
export async function drive<C>(contender: Contender<C>, workload: Workload): Promise<Measurement> {
  const latencies = new Float64Array(workload.appends);
  let k = 0;
  const started = performance.now();
  await Promise.all(
    workload.writers.map(async (jobs) => {
      let cursor: C | undefined;
      for (const job of jobs) {
        if (job.first) cursor = undefined;
        const t0 = performance.now();
        cursor = await contender.append(job, cursor);
        latencies[k++] = performance.now() - t0;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort();
  return {
    events: workload.events,
    appends: workload.appends,
    seconds,
    eventsPerSecond: workload.events / seconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
  };
}

/** The value at quantile `q` of ascending values (nearest rank). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

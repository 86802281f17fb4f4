import type { NewEvent } from '@cogov/event-store';

/**
 * Deterministic workloads: the parent process and the Emmett worker build the very same events
 * from the same seed, so every contender appends identical rows.
 */

/** mulberry32, the district seeder's: small, fast, good enough to pick shapes and fill ids. */
import { randomSource as prng } from '../apps/platform/src/district/plan';

export { prng };

const HEX = '0123456789abcdef';

/** A version-4-shaped UUID drawn from `random`. */
export function uuidFrom(random: () => number): string {
  let s = '';
  for (let i = 0; i < 32; i++) {
    let digit = Math.floor(random() * 16);
    if (i === 12) digit = 4;
    if (i === 16) digit = 8 + (digit & 3);
    s += HEX[digit]!;
    if (i === 7 || i === 11 || i === 15 || i === 19) s += '-';
  }
  return s;
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One configuration of the append benchmark. */
export interface AppendSpec {
  /** Stable name, e.g. `single w=8`. */
  readonly label: string;
  readonly eventsPerAppend: number;
  readonly writers: number;
  /** Appends in total, split evenly between the writers. */
  readonly appends: number;
  /** A writer starts a new stream ('no-stream') after this many appends. */
  readonly appendsPerStream: number;
  readonly seed: number;
}

export interface AppendJob {
  readonly streamId: string;
  /** First append to this stream: expected revision 'no-stream'. */
  readonly first: boolean;
  readonly events: readonly NewEvent[];
}

export interface Workload {
  /** One list of appends per writer; each writer owns its streams. */
  readonly writers: readonly (readonly AppendJob[])[];
  readonly appends: number;
  readonly events: number;
}

/** The vocabulary of generated orders, shared by the append workload and the order histories. */
export const CATEGORIES = [
  'repair',
  'elderly-care',
  'neighbour-dispute',
  'environment',
  'safety',
  'other',
] as const;
export const CHANNELS = ['app', 'service-station', 'hotline', 'building-leader'] as const;
export const TITLES = [
  'Water leaking from the ceiling of the stairwell',
  'Street light at the north gate is out',
  'Elderly resident needs help collecting medicine',
  'Noise from renovation after 22:00',
  'Overflowing waste bins behind building 4',
  'Loose railing on the third-floor landing',
  'Shared bicycles blocking the fire lane',
];

/**
 * An order-like payload of realistic size (an `OrderPlaced`, about 420 bytes of JSON), with the
 * metadata every stored event carries.
 */
export function benchEvent(random: () => number, streamId: string, at: number): NewEvent {
  const orderId = uuidFrom(random);
  const title = pick(random, TITLES);
  return {
    eventId: uuidFrom(random),
    type: 'OrderPlaced',
    schemaVersion: 1,
    data: {
      orderId,
      residentId: uuidFrom(random),
      communityId: 'community-jianxian',
      compoundId: `compound-${Math.floor(random() * 20)}`,
      buildingId: `building-${Math.floor(random() * 40)}`,
      category: pick(random, CATEGORIES),
      title,
      description: `${title}. Reported by the resident; please contact them before visiting. Ref ${streamId.slice(-8)}.`,
      channel: pick(random, CHANNELS),
      placedAt: new Date(at).toISOString(),
    },
    metadata: {
      actorId: `resident-${Math.floor(random() * 5000)}`,
      onBehalfOf: null,
      correlationId: uuidFrom(random),
      causationId: uuidFrom(random),
    },
  };
}

export function makeWorkload(spec: AppendSpec): Workload {
  const random = prng(spec.seed);
  const perWriter = Math.floor(spec.appends / spec.writers);
  const at = Date.UTC(2026, 10, 1);
  const writers: AppendJob[][] = [];
  for (let w = 0; w < spec.writers; w++) {
    const jobs: AppendJob[] = [];
    let streamId = '';
    for (let i = 0; i < perWriter; i++) {
      const first = i % spec.appendsPerStream === 0;
      if (first) streamId = `bench.order-${uuidFrom(random)}`;
      const events: NewEvent[] = [];
      for (let e = 0; e < spec.eventsPerAppend; e++) events.push(benchEvent(random, streamId, at + i));
      jobs.push({ streamId, first, events });
    }
    writers.push(jobs);
  }
  const appends = perWriter * spec.writers;
  return { writers, appends, events: appends * spec.eventsPerAppend };
}

const cache = new Map<string, Workload>();

/** The workload of a spec, built once per configuration and shared by the contenders of a process. */
export function workloadFor(spec: AppendSpec): Workload {
  const key = JSON.stringify(spec);
  let workload = cache.get(key);
  if (!workload) {
    if (cache.size >= 4) cache.clear();
    workload = makeWorkload(spec);
    cache.set(key, workload);
  }
  return workload;
}

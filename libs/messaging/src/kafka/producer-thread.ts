import { Worker } from 'node:worker_threads';
import type * as KafkaJs from 'kafkajs';
import type * as WorkerThreads from 'node:worker_threads';

export interface ProducerThreadOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
}

/** A record as the relay sends it: keyed, a JSON value, string headers. */
export interface RelayRecord {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * A page of records as it crosses to the thread: every string UTF-8 encoded into one buffer that
 * is moved, not copied, with the end offset of each string in `ends` (key, value, then name and
 * value of each header) and the number of headers of each record in `headerCounts`.
 */
interface PackedRecords {
  readonly bytes: ArrayBuffer;
  readonly ends: Int32Array;
  readonly headerCounts: Uint8Array;
}

interface SendRequest {
  readonly id: number;
  readonly topic: string;
  readonly records: PackedRecords;
}
type Reply = { readonly id: number; readonly error?: string };

/**
 * A kafkajs producer of its own thread. kafkajs encodes records (varints, CRC-32C, buffers) in
 * JavaScript, and a relay that also reads, parses and maps the outbox on the same thread spent as
 * long again doing that: 0.6× a bare producer. With the producer here, the relay's thread
 * prepares the next page while this one encodes and sends the last. The relay's thread also
 * turns the page's strings into bytes, in one buffer handed over without a copy, so this thread
 * does no more than a bare producer given buffers would.
 *
 * Sends may be asked for before the last is answered: the thread keeps them in order and sends
 * one at a time (the idempotent producer, one request in flight), so the next page leaves as soon
 * as the broker acknowledged the last, with no round trip through the relay's thread in between.
 * A send is answered only once the broker acknowledged it. After a failed send the thread sends
 * nothing more: a later page must never reach the topic before an earlier one that failed (per-key
 * order), so what was queued behind it is refused and the thread ends; the next `start()` is a new
 * producer, and the relay resends from its checkpoint.
 */
export class ProducerThread {
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private dead: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error === undefined) return waiting.resolve();
      const error = new Error(reply.error);
      waiting.reject(error);
      // The thread refuses whatever it still holds; it is of no more use.
      this.fail(new Error(`an earlier send failed: ${reply.error}`));
      void this.worker.terminate();
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the producer thread exited (code ${code})`)));
  }

  static start(options: ProducerThreadOptions): ProducerThread {
    // The worker runs the compiled source of `producerThreadMain`, so the build and ts-jest need no
    // second entry file; kafkajs is resolved here, where the application's node_modules are.
    const worker = new Worker(`(${producerThreadMain.toString()})()`, {
      eval: true,
      workerData: { ...options, brokers: [...options.brokers], kafkajs: require.resolve('kafkajs') },
    });
    return new ProducerThread(worker);
  }

  get alive(): boolean {
    return this.dead === null;
  }

  /** Resolves once the broker acknowledged every message (all in-sync replicas). */
  send(topic: string, records: readonly RelayRecord[]): Promise<void> {
    if (this.dead) return Promise.reject(this.dead);
    const id = ++this.nextId;
    const packed = pack(records);
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, topic, records: packed } satisfies SendRequest, [
        packed.bytes,
        packed.ends.buffer as ArrayBuffer,
        packed.headerCounts.buffer as ArrayBuffer,
      ]);
    });
  }

  /** Disconnects the producer (after the send in flight) and ends the thread. */
  async stop(): Promise<void> {
    if (this.dead) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('stop');
    await exited;
  }

  private fail(error: Error): void {
    this.dead ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.dead);
    this.pending.clear();
  }
}

function pack(records: readonly RelayRecord[]): PackedRecords {
  let units = 0;
  let strings = 0;
  for (const record of records) {
    units += record.key.length + record.value.length;
    strings += 2;
    for (const name in record.headers) {
      units += name.length + record.headers[name]!.length;
      strings += 2;
    }
  }
  // UTF-8 takes at most three bytes per UTF-16 unit (a surrogate pair: four for two).
  const bytes = new ArrayBuffer(units * 3);
  const buffer = Buffer.from(bytes);
  const ends = new Int32Array(strings);
  const headerCounts = new Uint8Array(records.length);
  let at = 0;
  let next = 0;
  const put = (text: string) => {
    at += buffer.write(text, at, 'utf8');
    ends[next++] = at;
  };
  records.forEach((record, i) => {
    put(record.key);
    put(record.value);
    let count = 0;
    for (const name in record.headers) {
      put(name);
      put(record.headers[name]!);
      count++;
    }
    headerCounts[i] = count;
  });
  return { bytes, ends, headerCounts };
}

/**
 * The thread's program. It runs from its source text, so it may use nothing from this module's
 * scope: only what `require` gives it, kafkajs by the path the parent resolved.
 */
function producerThreadMain(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded in the worker, from its source text */
  const threads = require('node:worker_threads') as typeof WorkerThreads;
  const parentPort = threads.parentPort!;
  const options = threads.workerData as ProducerThreadOptions & { kafkajs: string };
  const { Kafka, logLevel, Partitioners } = require(options.kafkajs) as typeof KafkaJs;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 5_000 },
  });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { retries: 10 },
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  /** Views into the moved buffer, no copies: kafkajs takes buffers as they are. */
  const unpack = ({ bytes, ends, headerCounts }: PackedRecords): KafkaJs.Message[] => {
    let start = 0;
    let next = 0;
    const take = () => {
      const end = ends[next++]!;
      const view = Buffer.from(bytes, start, end - start);
      start = end;
      return view;
    };
    return Array.from(headerCounts, (count) => {
      const key = take();
      const value = take();
      const headers: KafkaJs.IHeaders = {};
      for (let h = 0; h < count; h++) {
        const name = take().toString('utf8');
        headers[name] = take();
      }
      return { key, value, headers };
    });
  };
  // Connected at once, so the first page need not wait for it; a failure shows at the first send.
  let connected: Promise<void> | null = producer.connect();
  connected.catch(() => undefined);
  // One at a time, in arrival order: a later page never overtakes an earlier one.
  let queue: Promise<void> = Promise.resolve();
  let failed: string | null = null;
  parentPort.on('message', (request: SendRequest | 'stop') => {
    queue = queue.then(async () => {
      if (request === 'stop') {
        if (connected) await connected.then(() => producer.disconnect()).catch(() => undefined);
        process.exit(0);
      }
      if (failed !== null) {
        parentPort.postMessage({
          id: request.id,
          error: `not sent: an earlier send failed (${failed})`,
        } satisfies Reply);
        return;
      }
      try {
        connected ??= producer.connect();
        await connected;
        await producer.send({ topic: request.topic, messages: unpack(request.records) });
        parentPort.postMessage({ id: request.id } satisfies Reply);
      } catch (error) {
        failed = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        parentPort.postMessage({ id: request.id, error: failed } satisfies Reply);
      }
    });
  });
}

import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { IntegrationEvent } from '@cogov/contracts';
import type { SqlDatabase } from '@cogov/persistence';
import { ParkedEvents } from './parked-events';

export interface ListedDeadLetter {
  readonly group: string;
  /** The event id; `offset:<n>` for a record that was not an integration event. */
  readonly id: string;
  readonly type: string | null;
  readonly error: string;
  readonly attempts: number;
  readonly failedAt: string;
  /** The event, when the record is one (only those can be replayed). */
  readonly event: IntegrationEvent | null;
  /** When an operator last replayed it (Kafka keeps the record; the in-process table drops it). */
  readonly replayedAt: string | null;
}

/**
 * What an operator does with dead letters: list them, and replay some. Replaying hands an event
 * back to its consumer group by parking it (ADR 16): the group's running bus finds it at its next
 * look at the parked table (within seconds) or at its next start, and applies it in order with the
 * rest of its key; if it fails for good again, it is dead-lettered again.
 */
export interface DeadLetterOperator {
  list(group?: string): Promise<ListedDeadLetter[]>;
  /** Replays the given ids (all of the group's, or everybody's, when `ids` is 'all'); returns them. */
  replay(ids: readonly string[] | 'all', group?: string): Promise<ListedDeadLetter[]>;
}

interface DeadLetterRow {
  event_id: string;
  consumer_group: string;
  type: string;
  event: string;
  error: string;
  attempts: string | number;
  failed_at: string;
}

/** The in-process bus's dead-letter table; created by the bus, or by an operator looking first. */
export async function ensureDeadLetterTable(db: SqlDatabase): Promise<void> {
  await db.exclusive(() =>
    db.dataSource.query(
      `CREATE TABLE IF NOT EXISTS ${db.table('bus_dead_letters')} (
         event_id TEXT NOT NULL, consumer_group TEXT NOT NULL, type TEXT NOT NULL, version INTEGER NOT NULL,
         event TEXT NOT NULL, error TEXT NOT NULL, attempts INTEGER NOT NULL, failed_at TEXT NOT NULL,
         PRIMARY KEY (consumer_group, event_id))`,
    ),
  );
}

/** The in-process bus's dead letters: the `bus_dead_letters` table of the platform's database. */
export class SqlDeadLetters implements DeadLetterOperator {
  private readonly parked: ParkedEvents;

  constructor(private readonly db: SqlDatabase) {
    this.parked = new ParkedEvents(db);
  }

  async list(group?: string): Promise<ListedDeadLetter[]> {
    await ensureDeadLetterTable(this.db);
    const rows = await this.db.dataSource.query<DeadLetterRow[]>(
      `SELECT event_id, consumer_group, type, event, error, attempts, failed_at FROM ${this.db.table('bus_dead_letters')}
       ${group === undefined ? '' : `WHERE consumer_group = ${this.db.param(1)}`} ORDER BY failed_at`,
      group === undefined ? [] : [group],
    );
    return rows.map((r) => ({
      group: r.consumer_group,
      id: r.event_id,
      type: r.type,
      error: r.error,
      attempts: Number(r.attempts),
      failedAt: r.failed_at,
      event: JSON.parse(r.event) as IntegrationEvent,
      replayedAt: null,
    }));
  }

  async replay(ids: readonly string[] | 'all', group?: string): Promise<ListedDeadLetter[]> {
    await this.parked.ensureSchema();
    const chosen = (await this.list(group)).filter((d) => ids === 'all' || ids.includes(d.id));
    for (const dead of chosen) {
      // Parked first, then removed: a crash between leaves it in both, and a replay is idempotent.
      await this.parked.park(dead.group, dead.event!, 'replayed by an operator', 0, 0);
      await this.db.transaction((m) =>
        m.query(
          `DELETE FROM ${this.db.table('bus_dead_letters')} WHERE consumer_group = ${this.db.param(1)} AND event_id = ${this.db.param(2)}`,
          [dead.group, dead.id],
        ),
      );
    }
    return chosen;
  }
}

/**
 * The Kafka bus's dead letters: each group's dead-letter topic (`<namespace>.<group>.dead-letter`),
 * and the consumer's database, where a replayed event is parked for the group and the replay noted
 * (the topic itself is append-only).
 */
export class KafkaDeadLetters implements DeadLetterOperator {
  private readonly kafka: Kafka;
  private readonly parked: ParkedEvents;

  constructor(
    private readonly db: SqlDatabase,
    private readonly options: { readonly brokers: readonly string[]; readonly namespace?: string },
  ) {
    this.kafka = new Kafka({
      clientId: 'dead-letters',
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
    });
    this.parked = new ParkedEvents(db);
  }

  private get namespace(): string {
    return this.options.namespace ?? 'cogov';
  }

  async list(group?: string): Promise<ListedDeadLetter[]> {
    await this.ensureReplays();
    const replays = new Map(
      (
        await this.db.dataSource.query<
          Array<{ consumer_group: string; event_id: string; replayed_at: string }>
        >(`SELECT consumer_group, event_id, replayed_at FROM ${this.db.table('bus_dead_letter_replays')}`)
      ).map((r) => [`${r.consumer_group}/${r.event_id}`, r.replayed_at]),
    );
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const suffix = '.dead-letter';
      const prefix = `${this.namespace}.`;
      const groups = (await admin.listTopics())
        .filter((t) => t.startsWith(prefix) && t.endsWith(suffix))
        .map((t) => t.slice(prefix.length, -suffix.length))
        .filter((g) => group === undefined || g === group)
        .sort();
      const listed: ListedDeadLetter[] = [];
      for (const g of groups) {
        for (const dead of await this.read(admin, g)) {
          listed.push({ ...dead, replayedAt: replays.get(`${g}/${dead.id}`) ?? null });
        }
      }
      return listed;
    } finally {
      await admin.disconnect();
    }
  }

  async replay(ids: readonly string[] | 'all', group?: string): Promise<ListedDeadLetter[]> {
    await this.parked.ensureSchema();
    const chosen = (await this.list(group)).filter(
      (d) => d.event !== null && (ids === 'all' ? d.replayedAt === null : ids.includes(d.id)),
    );
    for (const dead of chosen) {
      await this.parked.park(dead.group, dead.event!, 'replayed by an operator', 0, 0);
      const p = (i: number) => this.db.param(i);
      await this.db.transaction((m) =>
        m.query(
          `INSERT INTO ${this.db.table('bus_dead_letter_replays')} (consumer_group, event_id, replayed_at) VALUES (${p(1)}, ${p(2)}, ${p(3)})
           ON CONFLICT (consumer_group, event_id) DO UPDATE SET replayed_at = excluded.replayed_at`,
          [dead.group, dead.id, new Date().toISOString()],
        ),
      );
    }
    return chosen;
  }

  private async ensureReplays(): Promise<void> {
    await this.db.exclusive(() =>
      this.db.dataSource.query(
        `CREATE TABLE IF NOT EXISTS ${this.db.table('bus_dead_letter_replays')} (
           consumer_group TEXT NOT NULL, event_id TEXT NOT NULL, replayed_at TEXT NOT NULL,
           PRIMARY KEY (consumer_group, event_id))`,
      ),
    );
  }

  /** Every record of a group's dead-letter topic, up to the end it had when we looked. */
  private async read(
    admin: ReturnType<Kafka['admin']>,
    group: string,
  ): Promise<Omit<ListedDeadLetter, 'replayedAt'>[]> {
    const topic = `${this.namespace}.${group}.dead-letter`;
    const ends = (await admin.fetchTopicOffsets(topic)).filter((o) => Number(o.high) > Number(o.low));
    if (ends.length === 0) return [];
    const remaining = new Map(ends.map((o) => [o.partition, Number(o.high)]));
    const records: Omit<ListedDeadLetter, 'replayedAt'>[] = [];
    const consumer = this.kafka.consumer({ groupId: `dead-letters-reader-${randomUUID()}` });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      let done: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => (done = resolve));
      await consumer.run({
        eachMessage: ({ partition, message }) => {
          const end = remaining.get(partition);
          if (end === undefined || Number(message.offset) >= end) return Promise.resolve();
          const header = (name: string) => message.headers?.[name]?.toString() ?? null;
          let event: IntegrationEvent | null = null;
          try {
            const parsed = JSON.parse(message.value?.toString() ?? '') as Partial<IntegrationEvent>;
            if (typeof parsed.eventId === 'string' && typeof parsed.type === 'string') {
              event = parsed as IntegrationEvent;
            }
          } catch {
            event = null;
          }
          records.push({
            group,
            id: event?.eventId ?? `offset:${message.offset}`,
            type: event?.type ?? header('event-type'),
            error: header('x-error') ?? '',
            attempts: Number(header('x-attempts') ?? 0),
            failedAt: header('x-failed-at') ?? '',
            event,
          });
          if (Number(message.offset) >= end - 1) remaining.delete(partition);
          if (remaining.size === 0) done();
          return Promise.resolve();
        },
      });
      const timeout = setTimeout(done, 30_000);
      await finished;
      clearTimeout(timeout);
      if (remaining.size > 0) throw new Error(`could not read ${topic} to its end within 30 s`);
    } finally {
      await consumer.disconnect();
    }
    return records;
  }
}

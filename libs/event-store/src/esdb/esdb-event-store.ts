import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  type Position,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type FollowOptions,
  InconsistentRetry,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  WrongExpectedRevision,
} from '../event-store.port';
import { followByPolling, LocalAppendSignal } from '../follow';

interface StoredMetadata {
  schemaVersion: number;
  actorId: string;
  onBehalfOf: string | null;
  correlationId: string;
  causationId: string | null;
  $correlationId: string;
  $causationId?: string;
}

type AllEvent = {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: Position;
};

/**
 * The event store on EventStoreDB (20+) through @eventstore/db-client 6.
 *
 * NOT RUN HERE: no EventStoreDB server can be installed on the development machines. It is
 * written against the client's type definitions; the shared contract suite runs against a real
 * server when EVENTSTORE_CONNECTION_STRING is set (libs/event-store/src/esdb/*.int.spec.ts).
 *
 * Global position: the commit position of the transaction log, as a JS number (exact up to
 * 2^53 bytes of log, far beyond any single node). ESDB's own order never skips a committed event.
 */
export class EsdbEventStore implements EventStore {
  private readonly appended = new LocalAppendSignal();
  /** The full log positions seen, so a checkpoint (a commit position) can be resumed exactly. */
  private readonly prepares = new Map<number, bigint>();

  constructor(private readonly client: EventStoreDBClient) {}

  static fromConnectionString(connectionString: string): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString`${connectionString}`);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    // Our port makes a retry with stored ids a no-op whatever the expected revision; ESDB only
    // forgives the exact same append at the same version, so check first.
    const existing = await this.readStream(streamId);
    const stored = new Set(existing.map((e) => e.eventId));
    const present = events.filter((e) => stored.has(e.eventId)).map((e) => e.eventId);
    const current = existing.length > 0 ? existing[existing.length - 1]!.streamRevision : null;
    if (present.length > 0) {
      if (present.length < new Set(events.map((e) => e.eventId)).size)
        throw new InconsistentRetry(streamId, present);
      return { nextExpectedRevision: current ?? -1, lastPosition: null, written: false };
    }
    if (events.length === 0) {
      return { nextExpectedRevision: current ?? -1, lastPosition: null, written: false };
    }
    const expected =
      options.expectedRevision === 'any'
        ? ANY
        : options.expectedRevision === 'no-stream'
          ? NO_STREAM
          : BigInt(options.expectedRevision);
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((event) =>
          jsonEvent({
            id: event.eventId,
            type: event.type,
            data: event.data,
            metadata: {
              schemaVersion: event.schemaVersion,
              actorId: event.metadata.actorId,
              onBehalfOf: event.metadata.onBehalfOf ?? null,
              correlationId: event.metadata.correlationId,
              causationId: event.metadata.causationId,
              // ESDB's own names, so its UI and system projections can follow the chain too.
              $correlationId: event.metadata.correlationId,
              ...(event.metadata.causationId ? { $causationId: event.metadata.causationId } : {}),
            } satisfies StoredMetadata,
          }),
        ),
        { expectedRevision: expected },
      );
      this.appended.notify();
      return {
        nextExpectedRevision: Number(result.nextExpectedRevision),
        lastPosition: result.position ? Number(result.position.commit) : null,
        written: true,
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : 'no-stream';
        throw new WrongExpectedRevision(streamId, options.expectedRevision, actual);
      }
      throw error;
    }
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: FORWARDS,
        fromRevision: START,
      })) {
        if (resolved.event) events.push(this.toRecorded(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll({ after, maxCount }: ReadAllOptions): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    const fromPosition = after === 0 ? START : this.positionOf(after);
    // fromPosition is inclusive; ask for one more and drop what is at or before the checkpoint.
    for await (const resolved of this.client.readAll({
      direction: FORWARDS,
      fromPosition,
      maxCount: maxCount + 1,
      resolveLinkTos: false,
    })) {
      const event = resolved.event as AllEvent | undefined;
      if (!event || isSystem(event)) continue;
      const recorded = this.toRecorded(event);
      if (recorded.globalPosition <= after) continue;
      events.push(recorded);
      if (events.length === maxCount) break;
    }
    return events;
  }

  followAll(options: FollowOptions): AsyncIterable<RecordedEvent[]> {
    // Polling readAll keeps one code path for catch-up and live; a catch-up subscription would
    // cut latency, at the price of a second path to prove.
    return followByPolling(this, this.appended, options);
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 50,
    })) {
      const event = resolved.event as AllEvent | undefined;
      if (event && !isSystem(event) && event.position) return Number(event.position.commit);
    }
    return 0;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private positionOf(commit: number): Position {
    const prepare = this.prepares.get(commit);
    // A checkpoint from an earlier process: for events written by a single-node server the
    // prepare position of a record equals its commit position.
    return { commit: BigInt(commit), prepare: prepare ?? BigInt(commit) };
  }

  private toRecorded(event: AllEvent): RecordedEvent {
    const metadata = (event.metadata ?? {}) as Partial<StoredMetadata>;
    const globalPosition = event.position ? Number(event.position.commit) : 0;
    if (event.position) this.prepares.set(globalPosition, event.position.prepare);
    return {
      eventId: event.id,
      type: event.type,
      schemaVersion: metadata.schemaVersion ?? 1,
      data: (event.data ?? {}) as Record<string, unknown>,
      metadata: {
        actorId: metadata.actorId ?? 'unknown',
        onBehalfOf: metadata.onBehalfOf ?? null,
        correlationId: metadata.correlationId ?? metadata.$correlationId ?? event.id,
        causationId: metadata.causationId ?? null,
      },
      streamId: event.streamId,
      streamRevision: Number(event.revision),
      globalPosition,
      recordedAt: event.created,
    };
  }
}

function isSystem(event: AllEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/**
 * The event store port: the only way aggregates and followers touch stored history.
 * Adapters: SQL on TypeORM (SQLite, PostgreSQL) and EventStoreDB. Every adapter passes
 * the contract suite in `testing/event-store.contract.ts`.
 */

/** Who caused an event, and for whom, recorded on every stored event. */
export interface EventMetadata {
  /** The authenticated person or system that issued the command. */
  readonly actorId: string;
  /** Set when the actor recorded something on another person's behalf (e.g. a rating taken by phone). */
  readonly onBehalfOf?: string | null;
  /** Ties together everything that followed from one request. */
  readonly correlationId: string;
  /** The id of the message (command, request or event) that directly caused this event. */
  readonly causationId: string | null;
}

export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  readonly streamId: string;
  /** 0-based position of the event inside its stream. */
  readonly streamRevision: number;
  /**
   * Position in the store's global order. Strictly increasing in the order followers see
   * events; it may skip numbers (an aborted append on PostgreSQL burns its positions).
   */
  readonly globalPosition: number;
  readonly recordedAt: Date;
}

/** `no-stream`: the stream must not exist yet; `any`: no check; a number: the revision of the stream's last event. */
export type ExpectedRevision = number | 'no-stream' | 'any';

export interface AppendResult {
  /** Revision of the stream's last event after the append (pass it as the next expected revision). */
  readonly nextExpectedRevision: number;
  /** Global position of the last appended event; null when the append was a no-op. */
  readonly lastPosition: number | null;
  /** False when every event id was already in the stream, so nothing was written. */
  readonly written: boolean;
}

export interface ReadAllOptions {
  /** Return events strictly after this global position; 0 starts at the beginning. */
  readonly after: number;
  readonly maxCount: number;
}

export interface FollowOptions {
  readonly after: number;
  readonly batchSize?: number;
  /** Stops the follower; the iterator then ends. */
  readonly signal: AbortSignal;
}

/** What an auditor searches the store for; every given field must match. */
export interface EventSearch {
  readonly actorId?: string;
  readonly correlationId?: string;
  readonly type?: string;
  readonly streamId?: string;
  /** Recorded at or after. */
  readonly from?: Date;
  /** Recorded at or before. */
  readonly to?: Date;
  /** Only events strictly after this global position; 0 starts at the beginning. */
  readonly after: number;
  readonly limit: number;
}

export interface EventStore {
  /**
   * Appends atomically. Throws {@link WrongExpectedRevision} when the stream is not at the
   * expected revision. When every event id is already in the stream the call is a no-op, so a
   * retried command is not applied twice.
   */
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;

  /** The whole stream, oldest first; an empty array when it does not exist. */
  readStream(streamId: string): Promise<RecordedEvent[]>;

  /**
   * Events in global order. Never skips: an event that commits later will never have a
   * position at or below the last one returned.
   */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Batches of new events in global order from a checkpoint, waiting for more when caught up. */
  followAll(options: FollowOptions): AsyncIterable<RecordedEvent[]>;

  /** Highest global position visible to readAll now (0 when empty). */
  headPosition(): Promise<number>;

  /**
   * Every stored event matching the search, in global order, at most `limit`. Optional: a store
   * that cannot search its events by their metadata (EventStoreDB) leaves it out, and the audit
   * route answers 501.
   */
  search?(query: EventSearch): Promise<RecordedEvent[]>;
}

/** Raised when optimistic concurrency fails: someone else appended first. */
export class WrongExpectedRevision extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no-stream',
  ) {
    super(`stream ${streamId} is at revision ${String(actual)}, expected ${String(expected)}`);
    this.name = 'WrongExpectedRevision';
  }
}

/** An append mixed events already in the stream with new ones: a retry that changed its mind. */
export class InconsistentRetry extends Error {
  constructor(
    readonly streamId: string,
    readonly presentIds: readonly string[],
  ) {
    super(
      `stream ${streamId} already holds some but not all of the appended event ids (${presentIds.join(', ')})`,
    );
    this.name = 'InconsistentRetry';
  }
}

/**
 * An appended event id is already stored in another stream. Ids are unique across the store, and
 * ids derived from an idempotency key meet only when the key is reused for another stream.
 */
export class DuplicateEventId extends Error {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already stored in another stream`);
    this.name = 'DuplicateEventId';
  }
}

export const EVENT_STORE = Symbol('EventStore');

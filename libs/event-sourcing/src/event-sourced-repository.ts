import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import {
  DuplicateEventId,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedRevision,
} from '@cogov/event-store';
import { type CommandContext, IdempotencyKeyReused, scopedIdempotencyKey } from './command-context';
import type { DomainEvent } from '@cogov/decider';
import { ConcurrencyConflict } from '@cogov/decider';
import { UpcasterRegistry } from './upcasters';

const IDEMPOTENCY_NAMESPACE = '2f6c1e0a-4c1b-4e57-9d0e-6a1b7f3c9e21';
const MAX_ATTEMPTS = 5;

/** How one aggregate's events are named in the store and read back. */
export interface AggregateType<State, Event extends DomainEvent> {
  /** Stream category, e.g. `residents-committee.order`; stream ids are `<category>-<id>`. */
  readonly category: string;
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  /** The context's schema versions: new events are written at the current one, old ones upcast. */
  readonly upcasters?: UpcasterRegistry;
}

export interface Loaded<State> {
  readonly state: State;
  readonly revision: number | 'no-stream';
  readonly streamId: string;
  /** The id of every event in the stream, with the causation id it was stored with. */
  readonly eventIds: ReadonlyMap<string, string | null>;
}

export interface LoadedUntil<State> {
  readonly state: State;
  /** The revision of the last event taken; `no-stream` when none was. */
  readonly revision: number | 'no-stream';
  readonly streamId: string;
  /** Whether the stream has any event at all (taken or not). */
  readonly exists: boolean;
  /** The events taken, oldest first, upcast to their current shapes. */
  readonly events: readonly RecordedEvent[];
}

export interface HandleResult<Event> {
  readonly streamId: string;
  readonly events: readonly Event[];
  /** False when an idempotency key showed the command had already been applied. */
  readonly applied: boolean;
}

/**
 * Load, decide, append with the loaded revision; on a concurrent append, load and decide again
 * (decide is pure, so re-running it is safe). Rules live in `decide`, never here.
 */
export class EventSourcedRepository<State, Event extends DomainEvent> {
  constructor(
    private readonly store: EventStore,
    private readonly type: AggregateType<State, Event>,
  ) {}

  streamId(id: string): string {
    return `${this.type.category}-${id}`;
  }

  async load(id: string): Promise<Loaded<State>> {
    const streamId = this.streamId(id);
    const recorded = await this.store.readStream(streamId);
    const eventIds = new Map<string, string | null>();
    for (const stored of recorded) eventIds.set(stored.eventId, stored.metadata.causationId);
    return { ...this.fold(recorded), streamId, eventIds };
  }

  /**
   * The stream as `load` reads it, cut after its last event that `includes` admits (events are
   * taken oldest first while it admits them): the state at a past moment, for auditors. The events
   * are returned upcast to their current shapes, as `evolve` saw them.
   */
  async loadUntil(id: string, includes: (stored: RecordedEvent) => boolean): Promise<LoadedUntil<State>> {
    const recorded = await this.store.readStream(this.streamId(id));
    const cut = recorded.findIndex((stored) => !includes(stored));
    const taken = cut < 0 ? recorded : recorded.slice(0, cut);
    return {
      ...this.fold(taken),
      streamId: this.streamId(id),
      exists: recorded.length > 0,
      events: taken.map((stored) => this.upcasters.upcast(stored)),
    };
  }

  /** `evolve` from the initial state over stored events, each read through the upcasters. */
  private fold(recorded: readonly RecordedEvent[]): { state: State; revision: number | 'no-stream' } {
    let state = this.type.initialState();
    for (const stored of recorded) state = this.type.evolve(state, this.toDomain(stored));
    const last = recorded[recorded.length - 1];
    return { state, revision: last ? last.streamRevision : 'no-stream' };
  }

  async handle(
    id: string,
    decide: (state: State) => Event[],
    context: CommandContext,
  ): Promise<HandleResult<Event>> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const loaded = await this.load(id);
      const eventIds = this.eventIdsFor(context, MAX_EVENTS_PER_COMMAND);
      if (eventIds && loaded.eventIds.has(eventIds[0]!)) {
        // The key's events are here: this request's (a retry), or another's under the same key.
        if (loaded.eventIds.get(eventIds[0]!) !== context.causationId) throw this.reused(context);
        return { streamId: loaded.streamId, events: [], applied: false };
      }
      const events = decide(loaded.state);
      if (events.length === 0) return { streamId: loaded.streamId, events, applied: true };
      try {
        const result = await this.store.appendToStream(
          loaded.streamId,
          events.map((event, i) => this.toStored(event, context, eventIds?.[i])),
          { expectedRevision: loaded.revision },
        );
        // The store found the key's ids already stored by a request that raced this one: load
        // again, and the check above tells a retry of this request from another under the key.
        if (!result.written && eventIds) continue;
        return { streamId: loaded.streamId, events, applied: true };
      } catch (error) {
        // Derived ids already in another stream: the key was used for a command elsewhere.
        if (eventIds && error instanceof DuplicateEventId) throw this.reused(context);
        if (!(error instanceof WrongExpectedRevision)) throw error;
      }
    }
    throw new ConcurrencyConflict(this.streamId(id), MAX_ATTEMPTS);
  }

  private reused(context: CommandContext): IdempotencyKeyReused {
    return new IdempotencyKeyReused(context.idempotencyKey ?? '');
  }

  private eventIdsFor(context: CommandContext, count: number): string[] | null {
    const key = scopedIdempotencyKey(context);
    if (!key) return null;
    return Array.from({ length: count }, (_, i) =>
      uuidv5(`${this.type.category}:${key}:${i}`, IDEMPOTENCY_NAMESPACE),
    );
  }

  private get upcasters(): UpcasterRegistry {
    return this.type.upcasters ?? UpcasterRegistry.none;
  }

  private toStored(event: Event, context: CommandContext, eventId?: string): NewEvent {
    return {
      eventId: eventId ?? randomUUID(),
      type: event.type,
      schemaVersion: this.upcasters.currentVersion(event.type),
      data: { ...event.data },
      metadata: {
        actorId: context.actorId,
        onBehalfOf: context.onBehalfOf ?? null,
        correlationId: context.correlationId,
        causationId: context.causationId,
      },
    };
  }

  private toDomain(stored: RecordedEvent): Event {
    const current = this.upcasters.upcast(stored);
    return { type: current.type, data: current.data } as unknown as Event;
  }
}

/** Idempotency keys derive this many event ids; no command of ours emits more. */
const MAX_EVENTS_PER_COMMAND = 16;

import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  FollowOptions,
  EventSearch,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
} from './event-store.port';

/** Told, after an append has committed, how many events it wrote to which stream. */
export type AppendObserver = (streamId: string, written: number) => void;

/**
 * Who wants to hear about appends (metrics, for one). The host owns one; the store knows nothing
 * of what listens, so the store never depends on metrics.
 */
export class AppendObservers {
  private readonly observers = new Set<AppendObserver>();

  add(observer: AppendObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  notify(streamId: string, written: number): void {
    for (const observer of this.observers) {
      try {
        observer(streamId, written);
      } catch {
        // An observer is a bystander: an append that committed must not be reported as failed.
      }
    }
  }
}

export const APPEND_OBSERVERS = Symbol('AppendObservers');

/**
 * The store, telling `observers` about each append that wrote events. A thin decorator: one
 * synchronous call after the append resolves, nothing on reads.
 */
export function observeAppends(store: EventStore, observers: AppendObservers): EventStore {
  return new ObservedEventStore(store, observers);
}

class ObservedEventStore implements EventStore {
  /** The inner store's search, when it has one. */
  readonly search?: (query: EventSearch) => Promise<RecordedEvent[]>;

  constructor(
    private readonly inner: EventStore,
    private readonly observers: AppendObservers,
  ) {
    if (inner.search) this.search = (query) => inner.search!(query);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const result = await this.inner.appendToStream(streamId, events, options);
    if (result.written) this.observers.notify(streamId, events.length);
    return result;
  }

  readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId);
  }

  readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  followAll(options: FollowOptions): AsyncIterable<RecordedEvent[]> {
    return this.inner.followAll(options);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }
}

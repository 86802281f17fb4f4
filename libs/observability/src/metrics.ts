import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { APPEND_OBSERVERS, type AppendObservers, EVENT_STORE, type EventStore } from '@cogov/event-store';
import { INTEGRATION_EVENT_BUS, type IntegrationEventBus } from '@cogov/messaging';
import { PROJECTION_RUNNER, type ProjectionRunner, type ProjectionStatus } from '@cogov/projections';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './options';
import { streamCategory } from './stream-category';

/**
 * This application's metrics, in a registry of its own (not prom-client's global one), so several
 * applications in one process — the tests start many — never share or collide on a metric.
 *
 * Appends are counted by an observer of the store (one increment per append, after it commits);
 * the head, the lags and the dead-letter count are read when Prometheus scrapes, so nothing is
 * computed between scrapes.
 */
@Injectable()
export class Metrics implements OnModuleDestroy {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly stopObserving: () => void;
  /** The head read once per scrape, shared by every gauge derived from it; null: unreadable. */
  private head: number | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APPEND_OBSERVERS) observers: AppendObservers,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(INTEGRATION_EVENT_BUS) private readonly bus: IntegrationEventBus,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const appended = new Counter({
      name: 'cogov_events_appended_total',
      help: 'Events this process appended to the event store, by stream category',
      labelNames: ['category'],
      registers,
    });
    this.stopObserving = observers.add((streamId, written) =>
      appended.inc({ category: streamCategory(streamId) }, written),
    );
    // The gauges' collect() runs with `this` bound to the gauge, so they read us through these.
    const head = () => this.head;
    const followed = () => this.followedProjections();
    const busStatus = () =>
      this.options.busRunsHere === false ? { relays: [], consumers: [], deadLettered: 0 } : this.bus.status();
    new Gauge({
      name: 'cogov_event_store_head_position',
      help: 'Highest global position in the event store',
      registers,
      collect() {
        this.reset();
        const value = head();
        if (value !== null) this.set(value);
      },
    });
    new Gauge({
      name: 'cogov_projection_lag_events',
      help: 'Store head minus the checkpoint position of each projection this process runs',
      labelNames: ['projection'],
      registers,
      collect() {
        this.reset();
        const at = head();
        if (at === null) return;
        for (const p of followed()) {
          this.set({ projection: p.name }, Math.max(0, at - p.position));
        }
      },
    });
    new Gauge({
      name: 'cogov_relay_lag_events',
      help: 'Store head minus the position up to which each relay has published (Kafka bus)',
      labelNames: ['source'],
      registers,
      collect() {
        this.reset();
        const at = head();
        if (at === null) return;
        for (const relay of busStatus().relays) {
          this.set({ source: relay.source }, Math.max(0, at - relay.position));
        }
      },
    });
    new Gauge({
      name: 'cogov_bus_consumer_lag_events',
      help: 'Store head minus the position each consumer group has handled, where the bus knows it (in-process bus)',
      labelNames: ['group'],
      registers,
      collect() {
        this.reset();
        const at = head();
        if (at === null) return;
        for (const consumer of busStatus().consumers) {
          if (consumer.position !== null) {
            this.set({ group: consumer.group }, Math.max(0, at - consumer.position));
          }
        }
      },
    });
    new Counter({
      name: 'cogov_bus_dead_lettered_total',
      help: 'Messages this process has dead-lettered since it started',
      registers,
      collect() {
        this.reset();
        this.inc(busStatus().deadLettered);
      },
    });
  }

  /** The exposition text; reads the store head once for every gauge that needs it. */
  async scrape(): Promise<string> {
    this.head = await this.store.headPosition().catch(() => null);
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The projections this process runs, with their positions (none when they run elsewhere). */
  followedProjections(): ProjectionStatus[] {
    return this.options.projectionsRunHere === false ? [] : this.projections.status();
  }

  onModuleDestroy(): void {
    this.stopObserving();
    this.registry.clear();
  }
}

import type { IntegrationEvent } from '@cogov/contracts';
import type { RecordedEvent } from '@cogov/event-store';

/**
 * Turns a context's stored domain events into the integration events it publishes; returns []
 * for anything that is not its own or not public. The event store is the outbox: adapters run
 * these over the stored history in global order, so nothing committed goes unpublished.
 */
export type OutboundMapper = (recorded: RecordedEvent) => IntegrationEvent[];

export interface InboundHandler {
  /** Schema versions this handler understands; others go to the dead-letter path. */
  readonly versions: readonly number[];
  /** Must be idempotent by event id: delivery is at-least-once. */
  readonly handle: (event: IntegrationEvent) => Promise<void>;
}

export interface Subscription {
  /** The consumer group: one checkpoint, one ordered stream of deliveries. */
  readonly group: string;
  readonly handlers: Readonly<Record<string, InboundHandler>>;
}

/**
 * The bus port. Delivery contract, the same for every adapter: at-least-once, in order per
 * aggregate key. A failure no retry can mend (`PermanentDeliveryFailure`, a broken rule) is
 * dead-lettered at once; one that may mend itself (infrastructure down, a fact not delivered yet)
 * is retried, then parked with the later events of its key behind it while other keys flow on;
 * anything else is retried with backoff, then dead-lettered (ADR 16).
 */
export interface IntegrationEventBus {
  publishFrom(source: string, mapper: OutboundMapper): void;
  subscribe(subscription: Subscription): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Where publishing and consuming stand, for health checks and metrics. */
  status(): BusStatus;
}

export interface BusStatus {
  readonly kind: 'in-process' | 'kafka';
  /** Per publishing context: the store position up to which its events have been published. */
  readonly relays: ReadonlyArray<{ readonly source: string; readonly position: number }>;
  /**
   * Per consumer group: the store position it has handled up to, when the adapter knows it (the
   * in-process bus follows the store; a Kafka consumer knows offsets, not store positions).
   */
  readonly consumers: ReadonlyArray<{
    readonly group: string;
    readonly position: number | null;
    /** Events parked, waiting for a retry (and the later events of their keys behind them). */
    readonly parked: number;
  }>;
  /** Messages this process has dead-lettered since it started. */
  readonly deadLettered: number;
}

export const INTEGRATION_EVENT_BUS = Symbol('IntegrationEventBus');

/** Failed deliveries, kept for an operator to inspect and replay. */
export interface DeadLetter {
  readonly group: string;
  readonly event: IntegrationEvent;
  readonly error: string;
  readonly attempts: number;
}

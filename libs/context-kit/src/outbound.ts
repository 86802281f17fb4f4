import type { IntegrationEvent, IntegrationEventContract } from '@cogov/contracts';
import type { DomainEvent } from '@cogov/decider';
import type { RecordedEvent } from '@cogov/event-store';
import type { UpcasterRegistry } from '@cogov/event-sourcing';
import { integrationEventFrom, type OutboundMapper } from '@cogov/messaging';
import { type AggregateDefinition, inCategory } from './aggregate';

/** Builds the integration events a stored event becomes, for the context's outbound mapping. */
export interface Publisher {
  /** The stored event being mapped (its time, actor and correlation go into the envelope). */
  readonly recorded: RecordedEvent;
  publish<E extends IntegrationEvent>(
    contract: IntegrationEventContract<E>,
    key: string,
    data: E['data'],
  ): IntegrationEvent[];
}

/**
 * What a context tells the others: given one of its own domain events (already at the current
 * schema version), the integration events it becomes, usually one or none. Mapped on purpose,
 * field by field: private data stays inside.
 */
export type OutboundMapping<Event extends DomainEvent = DomainEvent> = (
  event: Event,
  out: Publisher,
) => IntegrationEvent[];

/**
 * The bus's view of a context's outbound mapping: only the context's own streams, read through
 * its upcasters, so a schema change is mapped once, in one place.
 */
export function outboundMapper(
  source: string,
  aggregates: ReadonlyArray<Pick<AggregateDefinition, 'category'>>,
  upcasters: UpcasterRegistry,
  mapping: OutboundMapping<never>,
): OutboundMapper {
  // Every consumer group of the process maps the same stored event (the store shares one object
  // among its followers): map it once. Integration events are read-only to their consumers.
  const mapped = new WeakMap<RecordedEvent, IntegrationEvent[]>();
  return (stored) => {
    if (!aggregates.some((a) => inCategory(a, stored.streamId))) return [];
    const known = mapped.get(stored);
    if (known) return known;
    const events = mapOne(stored);
    mapped.set(stored, events);
    return events;
  };

  function mapOne(stored: RecordedEvent): IntegrationEvent[] {
    const recorded = upcasters.upcast(stored);
    const out: Publisher = {
      recorded,
      publish: (contract, key, data) => [
        integrationEventFrom(recorded, {
          type: contract.type,
          version: contract.version,
          source,
          key,
          data,
        }),
      ],
    };
    return mapping({ type: recorded.type, data: recorded.data } as never, out);
  }
}

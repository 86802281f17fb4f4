import { v5 as uuidv5 } from 'uuid';
import type { IntegrationEvent } from '@cogov/contracts';
import type { CommandContext } from '@cogov/event-sourcing';
import type { RecordedEvent } from '@cogov/event-store';

const INTEGRATION_NAMESPACE = '8d0b8a52-9a4e-4d6c-a1d5-0b6b2f7f4a10';

/**
 * Builds the integration event published for one stored domain event. Its id is derived from
 * the stored event's id, so publishing the same history twice yields the same ids and consumers
 * can drop the duplicate.
 */
export function integrationEventFrom<E extends IntegrationEvent>(
  recorded: RecordedEvent,
  fields: { type: E['type']; version: E['version']; source: string; key: string; data: E['data'] },
): E {
  return {
    type: fields.type,
    version: fields.version,
    eventId: uuidv5(`${recorded.eventId}:${fields.type}`, INTEGRATION_NAMESPACE),
    source: fields.source,
    key: fields.key,
    occurredAt: recorded.recordedAt.toISOString(),
    actorId: recorded.metadata.actorId,
    onBehalfOf: recorded.metadata.onBehalfOf ?? null,
    correlationId: recorded.metadata.correlationId,
    causationId: recorded.eventId,
    data: fields.data,
  } as E;
}

/**
 * The context of a command a consumer runs for an integration event: the original actor, in the
 * same correlation, caused by the event, and keyed by its id so a redelivery appends nothing
 * (ADR 10), at the time the fact occurred.
 */
export function commandContextOf(event: IntegrationEvent): CommandContext {
  return {
    actorId: event.actorId,
    onBehalfOf: event.onBehalfOf,
    correlationId: event.correlationId,
    causationId: event.eventId,
    idempotencyKey: event.eventId,
    now: new Date(event.occurredAt),
  };
}

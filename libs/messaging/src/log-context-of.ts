import type { IntegrationEvent } from '@cogov/contracts';
import { type LogContext, runWithLogContext } from '@cogov/log-context';
import type { InboundHandler } from './integration-event-bus.port';

/** What the log lines written while a consumer handles `event` say about it. */
export function logContextOf(event: IntegrationEvent): LogContext {
  return { correlationId: event.correlationId, eventId: event.eventId };
}

/**
 * The handler's call, with every log line it writes tagged with the event's correlation and
 * event ids. Kept apart from the adapters so their retry logic can change without touching it.
 */
export function handleInLogContext(handler: InboundHandler, event: IntegrationEvent): Promise<void> {
  return runWithLogContext(logContextOf(event), () => handler.handle(event));
}

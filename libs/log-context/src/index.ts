import { AsyncLocalStorage } from 'node:async_hooks';

/** What a log line written while handling one message says about that message. */
export interface LogContext {
  readonly correlationId: string;
  readonly eventId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/**
 * Runs `work` so that every log line written during it, however deep and however async, carries
 * `context` (the logger reads it through {@link currentLogContext}). The buses call it around a
 * consumer's handler; it has no dependency, so any lib may use it without a cycle.
 */
export function runWithLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

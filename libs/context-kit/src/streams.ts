import type { AnyAggregate, ContextManifest } from './define-context';

/** The aggregate a stream belongs to, found in the manifests by the stream's category. */
export interface StreamAggregate {
  readonly context: ContextManifest;
  readonly definition: AnyAggregate;
  /** The aggregate id: the stream id after `<category>-`. */
  readonly id: string;
}

/**
 * Which aggregate of which context a stream id (`<context>.<aggregate>-<id>`) names; null when no
 * manifest declares its category. Categories may share a prefix (`….grid` and `….grid-plan`): the
 * longest that matches wins.
 */
export function aggregateOfStream(
  contexts: readonly ContextManifest[],
  streamId: string,
): StreamAggregate | null {
  let found: StreamAggregate | null = null;
  for (const context of contexts) {
    for (const definition of Object.values(context.aggregates)) {
      const prefix = `${definition.category}-`;
      if (!streamId.startsWith(prefix) || streamId.length === prefix.length) continue;
      if (found && found.definition.category.length >= definition.category.length) continue;
      found = { context, definition, id: streamId.slice(prefix.length) };
    }
  }
  return found;
}

/**
 * The envelope of every published integration event: a context's public promise to others.
 * Only primitives inside. `type` names the fact without its version; `version` is the schema
 * version of `data`, and a consumer that does not know a version rejects it (to the dead-letter
 * path) instead of guessing.
 */
export interface IntegrationEvent<Type extends string = string, Data = Record<string, unknown>> {
  readonly type: Type;
  readonly version: number;
  /** Derived from the stored domain event, so a re-published event keeps its id. */
  readonly eventId: string;
  /** The publishing context. */
  readonly source: string;
  /** The aggregate the fact is about; the partition key that keeps its events in order. */
  readonly key: string;
  readonly occurredAt: string;
  readonly actorId: string;
  readonly onBehalfOf: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly data: Data;
}

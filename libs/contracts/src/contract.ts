import type { IntegrationEvent } from './integration-event';

/** A JSON Schema (draft 7, as ajv reads it), as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * One version of one published integration event: its type, its schema version and the JSON
 * Schema of its `data`. Consumers validate what they receive against it before they act, and
 * every context's tests check that what it publishes satisfies the schema. Plain data: partners
 * can read the schemas without any of our code.
 */
export interface IntegrationEventContract<E extends IntegrationEvent = IntegrationEvent> {
  readonly type: E['type'];
  readonly version: E['version'];
  readonly schema: JsonSchema;
  /** Phantom: carries the event type for whoever consumes the contract. */
  readonly __event?: E;
}

export function contract<E extends IntegrationEvent>(
  type: E['type'],
  version: E['version'],
  schema: JsonSchema,
): IntegrationEventContract<E> {
  return { type, version, schema };
}

// Building blocks of the schemas. Limits are generous: they refuse garbage, not real data.
export const idSchema = { type: 'string', minLength: 1, maxLength: 100 } as const;
export const nameSchema = { type: 'string', minLength: 1, maxLength: 200 } as const;
export const textSchema = { type: 'string', maxLength: 4000 } as const;
export const timeSchema = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$',
} as const;
export const roundSchema = { type: 'integer', minimum: 1, maximum: 10_000 } as const;
export const idListSchema = { type: 'array', items: idSchema, maxItems: 1000 } as const;
export const urlListSchema = {
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: 2000 },
  maxItems: 50,
} as const;

/** The same schema, also accepting null (ajv's `nullable`). */
export const nullable = <S extends object>(schema: S) => ({ ...schema, nullable: true as const });

/** Brings the data of one event type from one schema version to the next. Pure. */
export type Upcaster = (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * For each event type, its upcasters by the version they start from: `{ OrderTakenRecorded:
 * { 1: v1ToV2 } }` makes 2 the current version of that type. Types not named are at version 1.
 */
export type UpcasterSteps = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;

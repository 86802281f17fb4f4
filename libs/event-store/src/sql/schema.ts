/**
 * DDL of the SQL event store. Written by hand, not synchronised from entities: the event table is
 * the system of record and changes only through reviewed statements.
 */
export function sqliteSchema(events: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${events} (
      global_position INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id TEXT NOT NULL,
      stream_id TEXT NOT NULL,
      stream_revision INTEGER NOT NULL,
      type TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      data TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      on_behalf_of TEXT,
      correlation_id TEXT NOT NULL,
      causation_id TEXT,
      recorded_at TEXT NOT NULL
    )`,
    `CREATE UNIQUE INDEX IF NOT EXISTS es_events_event_id ON ${events} (event_id)`,
    `CREATE UNIQUE INDEX IF NOT EXISTS es_events_stream_revision ON ${events} (stream_id, stream_revision)`,
    `CREATE INDEX IF NOT EXISTS es_events_correlation ON ${events} (correlation_id)`,
    // The auditors' search by actor (`GET /api/audit/events?actorId=`); by correlation id it uses
    // the index above, by stream the unique key.
    `CREATE INDEX IF NOT EXISTS es_events_actor ON ${events} (actor_id)`,
  ];
}

export function postgresSchema(events: string): string[] {
  // A sequence with CACHE 1, so positions are drawn in the order appends reach it.
  return [
    `CREATE TABLE IF NOT EXISTS ${events} (
      global_position BIGINT GENERATED ALWAYS AS IDENTITY (CACHE 1) PRIMARY KEY,
      event_id UUID NOT NULL,
      stream_id TEXT NOT NULL,
      stream_revision BIGINT NOT NULL,
      type TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      data JSONB NOT NULL,
      actor_id TEXT NOT NULL,
      on_behalf_of TEXT,
      correlation_id TEXT NOT NULL,
      causation_id TEXT,
      recorded_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT es_events_event_id UNIQUE (event_id),
      CONSTRAINT es_events_stream_revision UNIQUE (stream_id, stream_revision)
    )`,
    `CREATE INDEX IF NOT EXISTS es_events_correlation ON ${events} (correlation_id)`,
    `CREATE INDEX IF NOT EXISTS es_events_actor ON ${events} (actor_id)`,
  ];
}

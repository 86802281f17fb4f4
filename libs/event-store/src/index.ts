export * from './event-store.port';
export * from './follow';
export * from './observed-event-store';
export * from './sql/sql-event-store';
export * from './esdb/esdb-event-store';

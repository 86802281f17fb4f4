export * from './delivery-failures';
export * from './integration-event-bus.port';
export * from './integration-event-factory';
export * from './in-process-bus';
export * from './retry';
export * from './kafka/kafka-bus';
export * from './dead-letters';

export * from './command-context';
export * from './decider';
export * from './domain-errors';
export * from './event-sourced-repository';

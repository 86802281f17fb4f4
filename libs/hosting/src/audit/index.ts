export * from './health.controller';
export * from './streams.controller';

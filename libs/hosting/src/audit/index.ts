export * from './health.controller';
export * from './streams.controller';
export * from './audit.controller';

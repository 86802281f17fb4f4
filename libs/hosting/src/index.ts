export * from './config';
export * from './data-dir-lock';
export * from './http-app';
export * from './infrastructure.module';
export * from './security';
export * from './audit/health.controller';
export * from './audit/streams.controller';
export * from './context-host';

export * from './options';
export * from './observability.module';
export * from './metrics';
export * from './readiness';
export * from './probe-server';
export * from './stream-category';

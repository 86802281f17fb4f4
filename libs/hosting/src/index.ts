export * from './config';
export * from './data-dir-lock';
export * from './http-app';
export * from './infrastructure.module';
export * from './security';

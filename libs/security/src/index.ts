export * from './access-rule';
export * from './access.guard';
export * from './api-keys';
export * from './principal';
export * from './security.module';
export * from './tokens';
export * from './personal-data';

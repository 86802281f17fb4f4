export * from './error-body';
export * from './domain-exception.filter';
export * from './validation';
export * from './request-metadata';
export * from './method-not-allowed';
export * from './rate-limited';

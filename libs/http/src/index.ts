export * from './error-body';
export * from './field-problem';
export * from './domain-exception.filter';
export * from './intake';
export * from './text';
export * from './validation';
export * from './request-metadata';

export * from './contract';
export * from './error-responses';
export * from './validated-schemas';

/**
 * What a domain may use: decider types, domain errors and the clock port. No runtime
 * dependencies at all, so a domain file reaches nothing but this (the boundary rules check it).
 */
export * from './clock';
export * from './decider';
export * from './domain-errors';
export * from './upcasters';

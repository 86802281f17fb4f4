export * from './projection';
export * from './projection-runner';

export const PROJECTION_RUNNER = Symbol('ProjectionRunner');
export * from './row-per-key.projection';

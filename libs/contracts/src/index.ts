export * from './integration-event';
export * from './residents-committee';
export * from './party-organization';

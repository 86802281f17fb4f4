export * from './contract';
export * from './integration-event';
export * from './order-work';
export * from './residents-committee';
export * from './party-organization';
export * from './building-leaders';
export * from './property-company';
export * from './owners-committee';

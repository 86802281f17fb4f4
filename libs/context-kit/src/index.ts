export * from './aggregate';
export * from './context-module';
export * from './define-context';
export * from './inbound';
export * from './outbound';
export * from './scopes';
export * from './directory';
export * from './streams';

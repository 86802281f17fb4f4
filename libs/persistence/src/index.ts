export * from './database-config';
export * from './mutex';
export * from './sql-database';

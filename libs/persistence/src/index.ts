export * from './checkpoint-store';
export * from './database-config';
export * from './mutex';
export * from './sql-database';

export const SQL_DATABASE = Symbol('SqlDatabase');

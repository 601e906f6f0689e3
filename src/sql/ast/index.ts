// The SQL AST's public surface: node types only (the parser builds them, formatSql prints them).
export type * from './data-type.js';
export type * from './query.js';
export type * from './table-ref.js';
export type * from './dml-stmt.js';
export type * from './load-data-stmt.js';
export type * from './ddl-stmt.js';
export type * from './transaction-stmt.js';
export type * from './set-stmt.js';
export type * from './show-stmt.js';
export type * from './admin-stmt.js';
export type * from './statement.js';
export type * from './account-stmt.js';
export type * from './role-stmt.js';
export type * from './sequence-stmt.js';

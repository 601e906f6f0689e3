// The errors module's public surface: the generated table and the MySqlError built from it.
export * from './error-codes.js';
export { errorSpecsByCode } from './error-specs-by-code.js';
export type { ErrorSpec } from './error-spec.js';
export { MySqlError, mysqlError, formatMessage, isMySqlError } from './mysql-error.js';
export type { MessageArg } from './mysql-error.js';

// The SQL layer's public surface for the session layer.
export { SqlEngine } from './sql-engine.js';
export type { ReusablePlan } from './sql-engine.js';
export { LateBoundParams } from './expression/statement-params.js';
export type { ExecutionContext, SessionTableName, VariableScope } from './execution-context.js';
export { INFORMATION_SCHEMA_DATABASE, isInformationSchema } from './infoschema/information-schema-name.js';
export * from './statement-result.js';
export * from './types/index.js';
export type * from './ast/index.js';
export { parseSql, parseStatements, parseSingleStatement, formatSql, digestStatements } from './parser/index.js';
export type { StatementDigest } from './parser/index.js';
export { tableResultColumn } from './executor/table-scope.js';
export type { LockMode, RowLocker } from './table/row-locker.js';

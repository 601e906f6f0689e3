// The SQL layer's public surface for the session layer.
export { SqlEngine } from './sql-engine.js';
export type { ReusablePlan } from './sql-engine.js';
export { LateBoundParams } from './expression/statement-params.js';
export { literalValue } from './expression/index.js';
export { paramsAreValues } from './planner/value-params.js';
export type { ExecutionContext, SessionTableName, VariableScope } from './execution-context.js';
export { INFORMATION_SCHEMA_DATABASE, isInformationSchema } from './infoschema/information-schema-name.js';
export * from './statement-result.js';
export * from './types/index.js';
export type * from './ast/index.js';
export { parseSql, parseStatements, parseSingleStatement, formatSql, digestStatements, parameterizeStatement } from './parser/index.js';
export type { ParameterizedStatement, StatementDigest, StatementLiteral } from './parser/index.js';
export { tableResultColumn } from './table/table-scope.js';
export type { LockMode, RowLocker } from './table/row-locker.js';
export { COM_COUNTERS } from './statements/com-counter.js';
export type { ComCounter } from './statements/com-counter.js';
export type { SessionShowTarget } from './statements/show-table.js';
export { SHOW_TARGETS } from './statements/show-table.js';
export { filterShowResult } from './statements/show-filter.js';
export {
  checkStatementPrivileges,
  comCounterOf,
  isDdlStatement,
  isPreparableStatement,
  isReadOnlyStatement,
  runsInSession,
} from './statements/statement-table.js';
export type { SessionStatementKind } from './statements/statement-table.js';
export type { UserLockOutcome, UserLocks } from './user-locks.js';
export { SessionSequences } from './session-sequences.js';
export { collationById } from './collation/index.js';
export type { Catalog } from './catalog/index.js';
export { TemporaryTables } from './temporary/index.js';
export { LoadDataReader, loadDataFormat } from './load-data/load-data-reader.js';
export { loadDataDecoder } from './load-data/load-data-decoder.js';
export type { LoadDataField } from './load-data/load-data-reader.js';
export { mapExpr } from './expression/index.js';

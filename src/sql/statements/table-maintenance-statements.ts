// Statement specs of table maintenance: CHECK, ANALYZE, OPTIMIZE, REPAIR and CHECKSUM TABLE (mysqlcheck's verbs).
import { executeAnalyzeTable } from '../executor/analyze-table-executor.js';
import { executeCheckTable } from '../executor/check-table-executor.js';
import { executeChecksumTable } from '../executor/checksum-table-executor.js';
import { executeOptimizeTable } from '../executor/optimize-table-executor.js';
import type { TableName } from '../ast/index.js';
import type { EngineStatementSpec, StatementOf } from './statement-spec.js';
import type { PrivilegeChecker } from './privilege-checker.js';

/** SELECT and INSERT on every table named: what ANALYZE, OPTIMIZE and REPAIR TABLE ask of MySQL accounts. */
function selectAndInsertOnEach(tables: readonly TableName[], check: PrivilegeChecker): void {
  for (const table of tables) {
    check.table('SELECT', table);
    check.table('INSERT', table);
  }
}

export const TABLE_MAINTENANCE_STATEMENTS: {
  [K in 'CheckTableStmt' | 'AnalyzeTableStmt' | 'OptimizeTableStmt' | 'ChecksumTableStmt']: EngineStatementSpec<StatementOf<K>>;
} = {
  CheckTableStmt: {
    runsIn: 'engine',
    isDdl: false,
    isReadOnly: true,
    isPreparable: true,
    com: 'Com_check',
    // MySQL asks for some privilege on each table checked.
    checkPrivileges: (stmt, check) => {
      for (const table of stmt.tables) check.tableAccess('SELECT', table.db, table.name);
    },
    execute: (stmt, engine, context) => executeCheckTable(stmt, engine.catalog, context),
  },
  // MySQL commits the open transaction first and needs SELECT and INSERT on each table; the statistics are stored as
  // a change of the table's definition, so cached plans are made again with them.
  AnalyzeTableStmt: {
    runsIn: 'engine',
    isDdl: true,
    isReadOnly: false,
    isPreparable: true,
    com: 'Com_analyze',
    checkPrivileges: (stmt, check) => selectAndInsertOnEach(stmt.tables, check),
    execute: (stmt, engine, context) => executeAnalyzeTable(stmt, engine.catalog, context),
  },
  // Like ANALYZE TABLE: an implicit commit, SELECT and INSERT on each table (REPAIR TABLE too).
  OptimizeTableStmt: {
    runsIn: 'engine',
    isDdl: true,
    isReadOnly: false,
    isPreparable: true,
    com: (stmt) => (stmt.op === 'optimize' ? 'Com_optimize' : 'Com_repair'),
    checkPrivileges: (stmt, check) => selectAndInsertOnEach(stmt.tables, check),
    execute: (stmt, engine, context) => executeOptimizeTable(stmt, engine.catalog, context),
  },
  ChecksumTableStmt: {
    runsIn: 'engine',
    isDdl: false,
    isReadOnly: true,
    isPreparable: true,
    com: 'Com_checksum',
    checkPrivileges: (stmt, check) => {
      for (const table of stmt.tables) check.table('SELECT', table);
    },
    execute: (stmt, engine, context) => executeChecksumTable(stmt, engine.catalog, context),
  },
};

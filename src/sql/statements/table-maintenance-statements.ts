// Statement specs of table maintenance: CHECK TABLE and ANALYZE TABLE (mysqlcheck's verbs).
import { executeAnalyzeTable } from '../executor/analyze-table-executor.js';
import { executeCheckTable } from '../executor/check-table-executor.js';
import type { EngineStatementSpec, StatementOf } from './statement-spec.js';

export const TABLE_MAINTENANCE_STATEMENTS: { [K in 'CheckTableStmt' | 'AnalyzeTableStmt']: EngineStatementSpec<StatementOf<K>> } = {
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
    checkPrivileges: (stmt, check) => {
      for (const table of stmt.tables) {
        check.table('SELECT', table);
        check.table('INSERT', table);
      }
    },
    execute: (stmt, engine, context) => executeAnalyzeTable(stmt, engine.catalog, context),
  },
};

// Statement specs of table maintenance: CHECK TABLE (mysqlcheck's verb).
import { executeCheckTable } from '../executor/check-table-executor.js';
import type { EngineStatementSpec, StatementOf } from './statement-spec.js';

export const TABLE_MAINTENANCE_STATEMENTS: { [K in 'CheckTableStmt']: EngineStatementSpec<StatementOf<K>> } = {
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
};

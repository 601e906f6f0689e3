// Statement specs of schema changes (DDL): databases, tables, indexes, views, triggers.
import { executeAlterTable } from '../executor/alter-table-executor.js';
import { executeCreateTable } from '../executor/create-table-executor.js';
import { executeAlterDatabase, executeCreateDatabase, executeDropDatabase, executeDropTable } from '../executor/drop-executor.js';
import { executeCreateIndex, executeDropIndex, isSkippedByIfNotExists, isFunctionalIndex } from '../executor/index-ddl-executor.js';
import { hasFunctionalKeyParts } from '../executor/functional-key-parts.js';
import { executeDropTrigger, executeRenameTable, executeTruncate } from '../executor/table-maintenance-executor.js';
import { executeCreateView, executeDropView } from '../executor/view-executor.js';
import type { EngineHandler, EngineStatementSpec, StatementOf } from './statement-spec.js';
import type { PrivilegeChecker } from './privilege-checker.js';
import type { ComCounter } from './com-counter.js';

type SchemaKind =
  | 'CreateDatabaseStmt'
  | 'AlterDatabaseStmt'
  | 'DropDatabaseStmt'
  | 'CreateTableStmt'
  | 'DropTableStmt'
  | 'AlterTableStmt'
  | 'CreateIndexStmt'
  | 'DropIndexStmt'
  | 'RenameTableStmt'
  | 'TruncateTableStmt'
  | 'CreateViewStmt'
  | 'DropViewStmt'
  | 'DropTriggerStmt';

/** A DDL statement: it commits the open transaction and is its own transaction (MySQL's implicit commit). */
function ddl<S>(com: ComCounter, checkPrivileges: (stmt: S, check: PrivilegeChecker) => void, execute: EngineHandler<S>): EngineStatementSpec<S> {
  return { runsIn: 'engine', isDdl: true, isReadOnly: false, isPreparable: true, com, checkPrivileges, execute };
}

export const SCHEMA_STATEMENTS: { [K in SchemaKind]: EngineStatementSpec<StatementOf<K>> } = {
  CreateDatabaseStmt: ddl('Com_create_db', (stmt, check) => check.database('CREATE', stmt.name), (stmt, engine, context) => executeCreateDatabase(stmt, engine.catalog, context)),
  AlterDatabaseStmt: ddl(
    'Com_alter_db',
    (stmt, check) => {
      const db = stmt.name ?? check.currentDatabase;
      if (db !== undefined) check.database('ALTER', db);
    },
    (stmt, engine, context) => executeAlterDatabase(stmt, engine.catalog, context),
  ),
  DropDatabaseStmt: ddl('Com_drop_db', (stmt, check) => check.database('DROP', stmt.name), (stmt, engine) => executeDropDatabase(stmt, engine.catalog, engine.kv, engine.allocator)),
  CreateTableStmt: {
    ...ddl(
      'Com_create_table',
      (stmt, check) => {
        // A temporary table needs CREATE TEMPORARY TABLES on its database, and nothing more once it exists.
        if (stmt.isTemporary) check.databaseOf('CREATE TEMPORARY TABLES', stmt.table);
        else check.table('CREATE', stmt.table);
        if (stmt.like !== undefined) check.table('SELECT', stmt.like);
        check.reads(stmt.query);
      },
      (stmt, engine, context) => executeCreateTable(stmt, engine.catalog, context, engine.allocator),
    ),
    // CREATE TEMPORARY TABLE does not commit the open transaction (MySQL's implicit-commit list excludes it).
    isDdl: (stmt) => !stmt.isTemporary,
  },
  DropTableStmt: {
    ...ddl(
      'Com_drop_table',
      (stmt, check) => {
        for (const name of stmt.tables) check.table('DROP', name);
      },
      (stmt, engine, context) => executeDropTable(stmt, engine.catalog, engine.kv, engine.allocator, context),
    ),
    // DROP TEMPORARY TABLE does not commit; DROP TABLE does, whatever it drops (MySQL).
    isDdl: (stmt) => !stmt.isTemporary,
  },
  AlterTableStmt: ddl('Com_alter_table', (stmt, check) => check.table('ALTER', stmt.table), (stmt, engine, context) => executeAlterTable(stmt, engine.catalog, context, engine.allocator)),
  CreateIndexStmt: ddl('Com_create_index', (stmt, check) => check.table('INDEX', stmt.table), (stmt, engine, context) =>
    // A functional index adds hidden columns computed for every row, which only ALTER TABLE's rebuild does.
    hasFunctionalKeyParts(stmt.parts) && !isSkippedByIfNotExists(stmt.table, stmt.name, engine.catalog, context, stmt.ifNotExists)
      ? executeAlterTable(
          { kind: 'AlterTableStmt', text: stmt.text, table: stmt.table, actions: [{ kind: 'AddConstraint', constraint: { kind: 'IndexDef', indexType: stmt.indexType, name: stmt.name, parts: stmt.parts, ...(stmt.options && { options: stmt.options }) } }] },
          engine.catalog,
          context,
          engine.allocator,
        )
      : executeCreateIndex(stmt, engine.catalog, context)),
  DropIndexStmt: ddl('Com_drop_index', (stmt, check) => check.table('INDEX', stmt.table), (stmt, engine, context) =>
    // The primary key (always named PRIMARY) rekeys the rows when it goes, and a functional index takes its hidden
    // columns with it: only ALTER TABLE does either.
    stmt.name.toUpperCase() === 'PRIMARY' || isFunctionalIndex(stmt.table, stmt.name, engine.catalog, context)
      ? executeAlterTable({ kind: 'AlterTableStmt', text: stmt.text, table: stmt.table, actions: [{ kind: 'DropIndex', name: stmt.name, ...(stmt.ifExists === true && { ifExists: true }) }] }, engine.catalog, context, engine.allocator)
      : executeDropIndex(stmt, engine.catalog, context)),
  RenameTableStmt: ddl(
    'Com_rename_table',
    (stmt, check) => {
      for (const pair of stmt.pairs) {
        check.table('ALTER', pair.from);
        check.table('DROP', pair.from);
        check.table('CREATE', pair.to);
        check.table('INSERT', pair.to);
      }
    },
    (stmt, engine, context) => executeRenameTable(stmt, engine.catalog, context),
  ),
  TruncateTableStmt: ddl(
    'Com_truncate',
    (stmt, check) => check.table('DROP', stmt.table),
    (stmt, engine, context) => executeTruncate(stmt, engine.catalog, engine.kv, engine.allocator, context),
  ),
  CreateViewStmt: ddl(
    'Com_create_view',
    (stmt, check) => {
      check.table('CREATE VIEW', stmt.name);
      if (stmt.orReplace || stmt.isAlter === true) check.table('DROP', stmt.name);
      check.reads(stmt.query);
    },
    (stmt, engine, context) => executeCreateView(stmt, engine.catalog, context),
  ),
  DropViewStmt: ddl(
    'Com_drop_view',
    (stmt, check) => {
      for (const name of stmt.names) check.table('DROP', name);
    },
    (stmt, engine, context) => executeDropView(stmt, engine.catalog, context),
  ),
  // MySQL checks TRIGGER on the trigger's table once it has found the trigger; no trigger can exist here.
  DropTriggerStmt: ddl('Com_drop_trigger', () => undefined, (stmt) => executeDropTrigger(stmt)),
};

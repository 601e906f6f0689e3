// The SHOW table: for every SHOW target, its Com_* counter, the privileges it needs and who answers it.
import { mysqlError, ER_NOT_SUPPORTED_YET } from '../../errors/index.js';
import { showCreateUser } from '../accounts/account-executor.js';
import { showGrants } from '../accounts/grant-executor.js';
import type { ShowStmt, ShowTarget } from '../ast/index.js';
import { showColumns, showCreateTable, showIndex } from '../executor/describe-executor.js';
import { showDatabases, showTables } from '../executor/show-executor.js';
import { executeServerShow } from '../executor/show-server-executor.js';
import type { ComCounter } from './com-counter.js';
import type { PrivilegeChecker } from './privilege-checker.js';
import type { EngineHandler } from './statement-spec.js';

interface ShowTraits {
  readonly com: ComCounter;
  readonly checkPrivileges?: (stmt: ShowStmt, check: PrivilegeChecker) => void;
}

/** A SHOW answered by the SQL engine (from the catalog, the grants or information_schema). */
interface EngineShowSpec extends ShowTraits {
  readonly runsIn: 'engine';
  readonly execute: EngineHandler<ShowStmt>;
}

/** A SHOW the session answers from its own state (variables, status, warnings); see session/show-session.ts. */
interface SessionShowSpec extends ShowTraits {
  readonly runsIn: 'session';
}

type ShowSpec = EngineShowSpec | SessionShowSpec;

const sessionShow = (com: ComCounter): SessionShowSpec => ({ runsIn: 'session', com });

const notSupported = (com: ComCounter): EngineShowSpec => ({
  runsIn: 'engine',
  com,
  execute: (stmt) => {
    throw mysqlError(ER_NOT_SUPPORTED_YET, `SHOW ${stmt.target}`);
  },
});

const serverShow = (com: ComCounter, checkPrivileges?: ShowTraits['checkPrivileges']): EngineShowSpec => ({
  runsIn: 'engine',
  com,
  ...(checkPrivileges && { checkPrivileges }),
  execute: (stmt, engine, context) => executeServerShow(stmt, engine.catalog, context),
});

/** SHOW … of one table: some privilege on it (SHOW VIEW for a view's definition). */
const tableShow = (stmt: ShowStmt, check: PrivilegeChecker): void => {
  if (stmt.table === undefined) return;
  check.tableAccess(stmt.target === 'CREATE VIEW' ? 'SHOW VIEW' : 'SELECT', stmt.table.db ?? stmt.db, stmt.table.name);
};

/** Another account's grants or CREATE USER need CREATE USER or SELECT on the mysql database. */
const accountShow = (stmt: ShowStmt, check: PrivilegeChecker): void => {
  if (stmt.user !== undefined && !check.isSelf(stmt.user) && !check.hasGlobal('CREATE USER')) check.database('SELECT', 'mysql');
};

/** One entry per SHOW target: a target without an entry fails to compile. */
export const SHOW_TARGETS = {
  DATABASES: {
    runsIn: 'engine',
    com: 'Com_show_databases',
    execute: (stmt, engine, context) => showDatabases(engine.catalog, { like: stmt.like }, (name) => engine.privileges.isDatabaseVisible(context, name)),
  },
  TABLES: {
    runsIn: 'engine',
    com: 'Com_show_tables',
    checkPrivileges: (stmt, check) => check.databaseAccess(stmt.db),
    execute: (stmt, engine, context) =>
      showTables(engine.catalog, context, stmt.db, stmt.isFull ?? false, { like: stmt.like }, (db, table) => engine.privileges.isTableVisible(context, db, table)),
  },
  'TABLE STATUS': serverShow('Com_show_table_status', (stmt, check) => check.databaseAccess(stmt.db)),
  COLUMNS: { runsIn: 'engine', com: 'Com_show_fields', checkPrivileges: tableShow, execute: (stmt, engine, context) => showColumns(engine.catalog, context, stmt) },
  INDEX: { runsIn: 'engine', com: 'Com_show_keys', checkPrivileges: tableShow, execute: (stmt, engine, context) => showIndex(engine.catalog, context, stmt) },
  'CREATE TABLE': { runsIn: 'engine', com: 'Com_show_create_table', checkPrivileges: tableShow, execute: (stmt, engine, context) => showCreateTable(engine.catalog, context, stmt) },
  'CREATE VIEW': { runsIn: 'engine', com: 'Com_show_create_table', checkPrivileges: tableShow, execute: (stmt, engine, context) => showCreateTable(engine.catalog, context, stmt) },
  'CREATE SEQUENCE': { runsIn: 'engine', com: 'Com_show_create_table', checkPrivileges: tableShow, execute: (stmt, engine, context) => showCreateTable(engine.catalog, context, stmt) },
  'CREATE DATABASE': serverShow('Com_show_create_db', (stmt, check) => check.databaseAccess(stmt.db)),
  GRANTS: { runsIn: 'engine', com: 'Com_show_grants', checkPrivileges: accountShow, execute: (stmt, engine, context) => showGrants(stmt.user, stmt.usingRoles, engine.accounts, context) },
  'CREATE USER': {
    runsIn: 'engine',
    com: 'Com_show_create_user',
    checkPrivileges: accountShow,
    execute: (stmt, engine, context) => showCreateUser(stmt.user ?? { kind: 'currentUser' }, engine.accounts, context),
  },
  PROCESSLIST: serverShow('Com_show_processlist'),
  ENGINES: serverShow('Com_show_storage_engines'),
  CHARSET: serverShow('Com_show_charsets'),
  COLLATION: serverShow('Com_show_collations'),
  TRIGGERS: serverShow('Com_show_triggers', (stmt, check) => check.databaseAccess(stmt.db)),
  EVENTS: serverShow('Com_show_events', (stmt, check) => check.databaseAccess(stmt.db)),
  'PROCEDURE STATUS': serverShow('Com_show_procedure_status'),
  'FUNCTION STATUS': serverShow('Com_show_function_status'),
  VARIABLES: sessionShow('Com_show_variables'),
  STATUS: sessionShow('Com_show_status'),
  WARNINGS: sessionShow('Com_show_warnings'),
  ERRORS: sessionShow('Com_show_errors'),
  'COUNT WARNINGS': sessionShow('Com_show_warnings'),
  'COUNT ERRORS': sessionShow('Com_show_errors'),
  PLUGINS: notSupported('Com_show_plugins'),
  PRIVILEGES: notSupported('Com_show_privileges'),
  'OPEN TABLES': notSupported('Com_show_open_tables'),
  'MASTER STATUS': notSupported('Com_show_master_status'),
  'BINARY LOG STATUS': notSupported('Com_show_master_status'),
  'BINARY LOGS': notSupported('Com_show_binlogs'),
  REPLICAS: notSupported('Com_show_replicas'),
  'CREATE PROCEDURE': notSupported('Com_show_create_proc'),
  'CREATE FUNCTION': notSupported('Com_show_create_func'),
  'CREATE TRIGGER': notSupported('Com_show_create_trigger'),
  'CREATE EVENT': notSupported('Com_show_create_event'),
  PROFILES: notSupported('Com_show_profiles'),
  'ENGINE STATUS': notSupported('Com_show_engine_status'),
} as const satisfies Record<ShowTarget, ShowSpec>;

/** The SHOW targets the session answers itself. */
export type SessionShowTarget = { [T in ShowTarget]: (typeof SHOW_TARGETS)[T] extends { readonly runsIn: 'session' } ? T : never }[ShowTarget];

/** The spec of `stmt`'s target. */
export function showSpec(stmt: ShowStmt): ShowSpec {
  return SHOW_TARGETS[stmt.target];
}

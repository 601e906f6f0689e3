// SqlEngine: the SQL layer's entry point: runs data and schema statements against the catalog and the KV store.
import type { LateBoundParams, StatementParams } from './expression/index.js';
import { mysqlError, ER_NOT_SUPPORTED_YET } from '../errors/index.js';
import type { KvEngine } from '../storage/kv.js';
import type { Expr, Statement } from './ast/index.js';
import { AccountStore, NO_AUTH_STRINGS } from './accounts/index.js';
import type { AuthStringFactory } from './accounts/index.js';
import {
  executeAlterUser,
  executeCreateUser,
  executeDropUser,
  executeRenameUser,
  executeSetPassword,
  showCreateUser,
} from './accounts/account-executor.js';
import { executeGrant, executeRevoke, showGrants } from './accounts/grant-executor.js';
import { Privileges } from './accounts/privilege-check.js';
import { checkStatementPrivileges } from './accounts/statement-privileges.js';
import { AutoIncrementAllocator, Catalog } from './catalog/index.js';
import type { ExecutionContext } from './execution-context.js';
import { executeCreateTable } from './executor/create-table-executor.js';
import { executeCreateDatabase, executeDropDatabase, executeDropTable } from './executor/drop-executor.js';
import { executeInsert, planInsert } from './executor/insert-executor.js';
import { executeExplain } from './executor/explain-executor.js';
import { executeAlterTable } from './executor/alter-table-executor.js';
import { showColumns, showCreateTable, showIndex } from './executor/describe-executor.js';
import { executeDropTrigger, executeRenameTable, executeTruncate } from './executor/table-maintenance-executor.js';
import { executeCreateView, executeDropView } from './executor/view-executor.js';
import { executeCreateIndex, executeDropIndex } from './executor/index-ddl-executor.js';
import { executeQuery, planQuery } from './executor/select-executor.js';
import { showDatabases, showTables } from './executor/show-executor.js';
import { SERVER_SHOW_TARGETS, executeServerShow } from './executor/show-server-executor.js';
import { executeDelete, executeUpdate, planDelete, planUpdate } from './executor/update-executor.js';
import { planCacheBlocker } from './planner/plan-cache-blocker.js';
import { Scope, compileExpr } from './expression/index.js';
import { formatSql } from './parser/index.js';
import { OK_NOTHING } from './statement-result.js';
import type { ResultColumn, StatementResult } from './statement-result.js';
import type { SqlValue } from './types/index.js';
import { beginStatementMemory } from './executor/memory-guard.js';

/** A statement planned once and run for each execution of a prepared statement. */
export interface ReusablePlan {
  run(): Promise<StatementResult>;
}

/**
 * One per server: owns the catalog and the auto-increment allocator over a KV engine. Statements run in the
 * transaction the session hands over through the ExecutionContext; the engine never commits on its own except for
 * DDL, which (as in MySQL) is its own transaction.
 */
export class SqlEngine {
  /** Accounts and grants (the mysql grant tables and their cache). */
  readonly accounts: AccountStore;
  /** Privilege checks over the accounts' grants. */
  readonly privileges: Privileges;

  private constructor(
    readonly kv: KvEngine,
    readonly catalog: Catalog,
    readonly allocator: AutoIncrementAllocator,
    authStrings: AuthStringFactory,
  ) {
    this.accounts = new AccountStore(kv, catalog, (stmt, context) => this.execute(stmt, context), authStrings);
    this.privileges = new Privileges(this.accounts);
  }

  /**
   * Loads the catalog and the accounts, bootstrapping both on first start (the grant tables and `root@%`, whose
   * password is `options.rootPassword` or empty). `authStrings` hashes passwords for the server's auth plugins.
   */
  static async open(kv: KvEngine, options: { authStrings?: AuthStringFactory; rootPassword?: string } = {}): Promise<SqlEngine> {
    const catalog = await Catalog.open(kv);
    const engine = new SqlEngine(kv, catalog, new AutoIncrementAllocator(kv), options.authStrings ?? NO_AUTH_STRINGS);
    await engine.accounts.bootstrap(options.rootPassword);
    return engine;
  }

  /** True for statements that change the schema; the session commits the open transaction first, as MySQL does. */
  static isDdl(stmt: Statement): boolean {
    return ddlKinds.has(stmt.kind);
  }

  /** Runs one statement. Session-level statements (SET, USE, BEGIN, SHOW VARIABLES, …) are the session's. */
  async execute(stmt: Statement, session: ExecutionContext, params?: StatementParams): Promise<StatementResult> {
    checkStatementPrivileges(stmt, session, this.privileges);
    beginStatementMemory(session);
    switch (stmt.kind) {
      case 'SelectStmt':
      case 'UnionStmt':
      case 'ValuesStmt':
        return executeQuery(stmt, this.catalog, session, params);
      case 'InsertStmt':
        return executeInsert(stmt, this.catalog, this.allocator, session, params);
      case 'UpdateStmt':
        return executeUpdate(stmt, this.catalog, session, params);
      case 'DeleteStmt':
        return executeDelete(stmt, this.catalog, session, params);
      case 'CreateDatabaseStmt':
        return executeCreateDatabase(stmt, this.catalog);
      case 'DropDatabaseStmt':
        return executeDropDatabase(stmt, this.catalog, this.kv, this.allocator);
      case 'CreateTableStmt':
        return executeCreateTable(stmt, this.catalog, session, this.allocator);
      case 'DropTableStmt':
        return executeDropTable(stmt, this.catalog, this.kv, this.allocator, session);
      case 'CreateIndexStmt':
        return executeCreateIndex(stmt, this.catalog, session);
      case 'DropIndexStmt':
        return executeDropIndex(stmt, this.catalog, session);
      case 'CreateViewStmt':
        return executeCreateView(stmt, this.catalog, session);
      case 'DropViewStmt':
        return executeDropView(stmt, this.catalog, session);
      case 'ExplainStmt':
        return executeExplain(stmt, this.catalog, this.allocator, session, params);
      case 'DescribeStmt':
        return showColumns(this.catalog, session, { table: stmt.table }, stmt.column);
      case 'AlterTableStmt':
        return executeAlterTable(stmt, this.catalog, session);
      case 'TruncateTableStmt':
        return executeTruncate(stmt, this.catalog, this.kv, this.allocator, session);
      case 'RenameTableStmt':
        return executeRenameTable(stmt, this.catalog, session);
      case 'DropTriggerStmt':
        return executeDropTrigger(stmt);
      case 'CreateUserStmt':
        return executeCreateUser(stmt, this.accounts, session);
      case 'AlterUserStmt':
        return executeAlterUser(stmt, this.accounts, session);
      case 'DropUserStmt':
        return executeDropUser(stmt, this.accounts, session);
      case 'RenameUserStmt':
        return executeRenameUser(stmt, this.accounts, session);
      case 'SetPasswordStmt':
        return executeSetPassword(stmt, this.accounts, session);
      case 'GrantStmt':
        return executeGrant(stmt, this.accounts, this.privileges, this.catalog, session);
      case 'RevokeStmt':
        return executeRevoke(stmt, this.accounts, this.privileges, this.catalog, session);
      case 'FlushStmt':
        if (stmt.options.every((option) => option === 'PRIVILEGES')) {
          await this.accounts.reload();
          return OK_NOTHING;
        }
        throw mysqlError(ER_NOT_SUPPORTED_YET, firstWords(formatSql(stmt)));
      case 'ShowStmt':
        if (stmt.target === 'DATABASES') {
          const isVisible = (name: string): boolean => this.privileges.isDatabaseVisible(session, name);
          return showDatabases(this.catalog, { like: stmt.like, hasWhere: stmt.where !== undefined }, isVisible);
        }
        if (stmt.target === 'GRANTS') return showGrants(stmt.user, this.accounts, session);
        if (stmt.target === 'COLUMNS') return showColumns(this.catalog, session, stmt);
        if (stmt.target === 'INDEX') return showIndex(this.catalog, session, stmt);
        if (stmt.target === 'CREATE TABLE' || stmt.target === 'CREATE VIEW') return showCreateTable(this.catalog, session, stmt);
        if (stmt.target === 'CREATE USER') return showCreateUser(stmt.user ?? { kind: 'currentUser' }, this.accounts, session);
        if (stmt.target === 'TABLES') {
          const isVisible = (db: string, table: string): boolean => this.privileges.isTableVisible(session, db, table);
          return showTables(this.catalog, session, stmt.db, stmt.isFull ?? false, { like: stmt.like, hasWhere: stmt.where !== undefined }, isVisible);
        }
        if (SERVER_SHOW_TARGETS.has(stmt.target)) return executeServerShow(stmt, this.catalog, session);
        throw mysqlError(ER_NOT_SUPPORTED_YET, `SHOW ${stmt.target}`);
      default:
        throw mysqlError(ER_NOT_SUPPORTED_YET, firstWords(formatSql(stmt)));
    }
  }

  /**
   * The result columns of a query, planned but not run (COM_STMT_PREPARE's column definitions). `params` stand in
   * for the placeholders, whose values are not known yet.
   */
  async describeQuery(stmt: Statement, session: ExecutionContext, params: StatementParams): Promise<readonly ResultColumn[]> {
    if (stmt.kind !== 'SelectStmt' && stmt.kind !== 'UnionStmt' && stmt.kind !== 'ValuesStmt') return [];
    return (await planQuery(stmt, this.catalog, session, params)).columns;
  }

  /**
   * Why `stmt` cannot keep one plan for all executions of a prepared statement (planCacheBlocker), or undefined.
   * Views count against it: their bodies are not checked.
   */
  planCacheBlocker(stmt: Statement, session: ExecutionContext): string | undefined {
    return planCacheBlocker(stmt, (name) => {
      const db = name.db ?? session.currentDatabase;
      return db !== undefined && this.catalog.findTable(db, name.name)?.view !== undefined;
    });
  }

  /**
   * Plans a statement that planCacheBlocker accepts so that the plan runs once per execution: `params` are read
   * when it runs, and `params.rebind` says whether the plan still fits the next values.
   */
  async planReusable(stmt: Statement, session: ExecutionContext, params: LateBoundParams): Promise<ReusablePlan> {
    checkStatementPrivileges(stmt, session, this.privileges);
    const plan = await this.planForReuse(stmt, session, params);
    params.seal();
    return plan;
  }

  /** Runs a plan from planReusable again, checking privileges as every execution must. */
  runReusable(stmt: Statement, plan: ReusablePlan, session: ExecutionContext): Promise<StatementResult> {
    checkStatementPrivileges(stmt, session, this.privileges);
    return plan.run();
  }

  private async planForReuse(stmt: Statement, session: ExecutionContext, params: LateBoundParams): Promise<ReusablePlan> {
    switch (stmt.kind) {
      case 'SelectStmt':
      case 'UnionStmt': {
        const planned = await planQuery(stmt, this.catalog, session, params);
        return { run: () => Promise.resolve({ kind: 'rows', columns: planned.columns, rows: planned.rows() }) };
      }
      case 'InsertStmt':
        return planInsert(stmt, this.catalog, this.allocator, session, params);
      case 'UpdateStmt':
        return planUpdate(stmt, this.catalog, session, params);
      case 'DeleteStmt':
        return planDelete(stmt, this.catalog, session, params);
      default:
        throw new Error(`${stmt.kind} has no reusable plan`);
    }
  }

  /** Evaluates a row-independent expression (SET values, DO), e.g. `SET @a = 1 + 2`. */
  evaluate(expr: Expr, session: ExecutionContext): SqlValue {
    return compileExpr(expr, { scope: Scope.empty, clause: 'field list', session }).evaluate([]);
  }
}

const ddlKinds: ReadonlySet<Statement['kind']> = new Set<Statement['kind']>([
  'CreateDatabaseStmt',
  'DropDatabaseStmt',
  'CreateTableStmt',
  'DropTableStmt',
  'AlterTableStmt',
  'CreateIndexStmt',
  'DropIndexStmt',
  'RenameTableStmt',
  'TruncateTableStmt',
  'CreateViewStmt',
  'DropViewStmt',
  'CreateUserStmt',
  'AlterUserStmt',
  'DropUserStmt',
  'RenameUserStmt',
  'SetPasswordStmt',
  'GrantStmt',
  'RevokeStmt',
]);

/** The statement's leading keywords, for a "doesn't yet support" message. */
function firstWords(sql: string): string {
  return sql.split(/\s+/).slice(0, 2).join(' ');
}

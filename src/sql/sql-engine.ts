// SqlEngine: the SQL layer's entry point: runs data and schema statements against the catalog and the KV store.
import type { LateBoundParams, StatementParams } from './expression/index.js';
import type { KvEngine } from '../storage/kv.js';
import type { Expr, Statement } from './ast/index.js';
import { AccountStore, NO_AUTH_STRINGS } from './accounts/index.js';
import type { AuthStringFactory } from './accounts/index.js';
import { Privileges } from './accounts/privilege-check.js';
import { SequenceAllocator, StoredAutoIncrementAllocator, StoredCatalog } from './catalog/index.js';
import type { ExecutionContext } from './execution-context.js';
import { planCacheBlocker } from './planner/plan-cache-blocker.js';
import { Scope, compileExpr } from './expression/index.js';
import type { ResultColumn, StatementResult } from './statement-result.js';
import type { EngineServices, ReusablePlan } from './statements/statement-spec.js';
import { checkStatementPrivileges, specOf } from './statements/statement-table.js';
import type { SqlValue } from './types/index.js';
import { tableResultColumn } from './table/table-scope.js';
import { SessionCatalog } from './temporary/session-catalog.js';
import type { TemporaryTables } from './temporary/temporary-tables.js';
import { beginStatementMemory } from './memory-guard.js';

export type { ReusablePlan } from './statements/statement-spec.js';

/**
 * One per server: owns the catalog and the auto-increment allocator over a KV engine. Statements run in the
 * transaction the session hands over through the ExecutionContext; the engine never commits on its own except for
 * DDL, which (as in MySQL) is its own transaction. What each statement kind needs and does is its entry in the
 * statement table (statements/statement-table.ts).
 */
export class SqlEngine implements EngineServices {
  /** Accounts and grants (the mysql grant tables and their cache). */
  readonly accounts: AccountStore;
  /** Privilege checks over the accounts' grants. */
  readonly privileges: Privileges;
  /** TiDB's sequences' values (NEXTVAL), cached per server. */
  readonly sequences: SequenceAllocator;
  /** Each session's view of the services: its temporary tables in front of the stored ones. */
  private readonly sessionServices = new WeakMap<TemporaryTables, EngineServices>();

  private constructor(
    readonly kv: KvEngine,
    readonly catalog: StoredCatalog,
    readonly allocator: StoredAutoIncrementAllocator,
    authStrings: AuthStringFactory,
  ) {
    this.accounts = new AccountStore(kv, catalog, (stmt, context) => this.execute(stmt, context), authStrings);
    this.privileges = new Privileges(this.accounts);
    this.sequences = new SequenceAllocator(kv);
  }

  /**
   * Loads the catalog and the accounts, bootstrapping both on first start (the grant tables and `root@%`, whose
   * password is `options.rootPassword` or empty). `authStrings` hashes passwords for the server's auth plugins.
   */
  static async open(kv: KvEngine, options: { authStrings?: AuthStringFactory; rootPassword?: string } = {}): Promise<SqlEngine> {
    const catalog = await StoredCatalog.open(kv);
    const engine = new SqlEngine(kv, catalog, new StoredAutoIncrementAllocator(kv), options.authStrings ?? NO_AUTH_STRINGS);
    await engine.accounts.bootstrap(options.rootPassword);
    return engine;
  }

  /** Throws MySQL's access error when the context's account may not run `stmt` (the statement table's rule). */
  checkPrivileges(stmt: Statement, context: ExecutionContext): void {
    checkStatementPrivileges(stmt, context, this.privileges);
  }

  /**
   * Runs one statement the engine runs (the statement table says which), checking privileges first. Statements the
   * session runs itself (SET, USE, BEGIN, SHOW VARIABLES, …) are refused here.
   */
  async execute(stmt: Statement, context: ExecutionContext, params?: StatementParams): Promise<StatementResult> {
    const spec = specOf(stmt);
    if (spec.runsIn !== 'engine') throw new Error(`${stmt.kind} is run by the session`);
    this.checkPrivileges(stmt, context);
    beginStatementMemory(context);
    return spec.execute(stmt, this.servicesFor(context), context, params);
  }

  /**
   * The services a statement of `context` runs with: a session sees its temporary tables before the stored ones (its
   * catalog, its store with their rows in memory, their AUTO_INCREMENT counters); internal statements see the server's.
   */
  servicesFor(context: ExecutionContext): EngineServices {
    const temporary = context.temporaryTables;
    if (temporary === undefined) return this;
    let services = this.sessionServices.get(temporary);
    if (services === undefined) {
      services = {
        kv: temporary.engine,
        catalog: new SessionCatalog(this.catalog, temporary),
        allocator: temporary.allocatorOver(this.allocator),
        accounts: this.accounts,
        privileges: this.privileges,
        sequences: this.sequences,
      };
      this.sessionServices.set(temporary, services);
    }
    return services;
  }

  /**
   * Another process sharing the store changed the schema: re-read the catalog (prepared plans see the new schema
   * version and re-plan) and drop cached AUTO_INCREMENT and sequence ranges.
   */
  async reloadSchema(): Promise<void> {
    await this.catalog.reload();
    this.allocator.forgetAll();
    this.sequences.forgetAll();
  }

  /**
   * The result columns of a statement, planned but not run (COM_STMT_PREPARE's column definitions); none for a
   * statement without a result set. `params` stand in for the placeholders, whose values are not known yet.
   */
  async describeQuery(stmt: Statement, context: ExecutionContext, params: StatementParams): Promise<readonly ResultColumn[]> {
    const spec = specOf(stmt);
    if (spec.runsIn !== 'engine' || spec.describe === undefined) return [];
    return spec.describe(stmt, this.servicesFor(context), context, params);
  }

  /**
   * Why `stmt` cannot keep one plan for all executions of a prepared statement, or undefined. Kinds without a
   * reusable plan never can; for the others planCacheBlocker looks inside. Views count against it: their bodies are
   * not checked.
   */
  planCacheBlocker(stmt: Statement, context: ExecutionContext): string | undefined {
    const spec = specOf(stmt);
    if (spec.runsIn !== 'engine' || spec.planReusable === undefined) return 'not a query or a write';
    return planCacheBlocker(stmt, (name) => {
      const db = name.db ?? context.currentDatabase;
      return db !== undefined && this.servicesFor(context).catalog.findTable(db, name.name)?.view !== undefined;
    });
  }

  /**
   * Plans a statement that planCacheBlocker accepts so that the plan runs once per execution: `params` are read
   * when it runs, and `params.rebind` says whether the plan still fits the next values.
   */
  async planReusable(stmt: Statement, context: ExecutionContext, params: LateBoundParams): Promise<ReusablePlan> {
    const spec = specOf(stmt);
    if (spec.runsIn !== 'engine' || spec.planReusable === undefined) throw new Error(`${stmt.kind} has no reusable plan`);
    this.checkPrivileges(stmt, context);
    const plan = await spec.planReusable(stmt, this.servicesFor(context), context, params);
    params.seal();
    return plan;
  }

  /** Runs a plan from planReusable again, checking privileges as every execution must. */
  runReusable(stmt: Statement, plan: ReusablePlan, context: ExecutionContext): Promise<StatementResult> {
    this.checkPrivileges(stmt, context);
    return plan.run();
  }

  /** The visible columns of a table as result columns (COM_FIELD_LIST, LOAD DATA without a list); 1146 when it does not exist. */
  tableColumns(database: string, table: string, context: ExecutionContext): readonly ResultColumn[] {
    const info = this.servicesFor(context).catalog.getTable(database, table);
    return info.columns.flatMap((column, offset) => (column.isInvisible === true ? [] : [tableResultColumn(info, database, offset, column.name)]));
  }

  /** Evaluates a row-independent expression (SET values), e.g. `SET @a = 1 + 2`. */
  evaluate(expr: Expr, context: ExecutionContext): SqlValue {
    return compileExpr(expr, { scope: Scope.empty, clause: 'field list', session: context }).evaluate([]);
  }
}

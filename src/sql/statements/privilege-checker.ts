// PrivilegeChecker: the privilege checks a statement spec states, over one statement's context and the grants.
import type { TableName, UserSpec } from '../ast/index.js';
import { referencedSequences, referencedTables } from '../planner/referenced-tables.js';
import { resolveUser } from '../accounts/account-executor.js';
import type { Privileges } from '../accounts/privilege-check.js';
import type { ExecutionContext } from '../execution-context.js';

/**
 * Checks for one statement run by `context`'s account (MySQL's 1142 table, 1044 database, 1227 global). Names
 * without a database resolve against the current database; without one, the check is left to the statement, which
 * fails with 1046.
 */
export class PrivilegeChecker {
  constructor(
    readonly context: ExecutionContext,
    readonly privileges: Privileges,
  ) {}

  /** The current database (USE). */
  get currentDatabase(): string | undefined {
    return this.context.currentDatabase;
  }

  /**
   * `privilege` on table `name`. A temporary table of the session needs none: MySQL checks nothing more once a
   * session has created one.
   */
  table(privilege: string, name: TableName): void {
    const db = name.db ?? this.context.currentDatabase;
    if (db === undefined || this.context.temporaryTables?.find(db, name.name) !== undefined) return;
    this.privileges.requireTable(this.context, privilege, db, name.name);
  }

  /** `privilege` on the database of table `name` (CREATE TEMPORARY TABLES). */
  databaseOf(privilege: string, name: TableName): void {
    const db = name.db ?? this.context.currentDatabase;
    if (db !== undefined) this.privileges.requireDatabase(this.context, privilege, db);
  }

  /** Some privilege on the table, as SHOW COLUMNS and DESCRIBE ask (the error names `command`). */
  tableAccess(command: string, db: string | undefined, table: string): void {
    const database = db ?? this.context.currentDatabase;
    if (database === undefined || this.context.temporaryTables?.find(database, table) !== undefined) return;
    this.privileges.requireTableAccess(this.context, command, database, table);
  }

  /** SELECT on every table `node` reads through FROM/JOIN, except `except`. */
  reads(node: unknown, except: readonly TableName[] = []): void {
    const account = this.context.privilegeAccount;
    // Global SELECT covers every table a statement can read: skip walking its tree (the common case, root).
    if (account === undefined || this.privileges.hasGlobal(account, 'SELECT')) return;
    const current = this.context.currentDatabase ?? '';
    const key = (name: TableName): string => `${(name.db ?? current).toLowerCase()}.${name.name.toLowerCase()}`;
    const skip = new Set(except.map(key));
    for (const name of referencedTables(node)) if (!skip.has(key(name))) this.table('SELECT', name);
  }

  /** INSERT on every sequence `node`'s NEXTVAL/SETVAL calls name, SELECT on LASTVAL's (TiDB's rule). */
  sequenceFunctions(node: unknown): void {
    const account = this.context.privilegeAccount;
    if (account === undefined || (this.privileges.hasGlobal(account, 'INSERT') && this.privileges.hasGlobal(account, 'SELECT'))) return;
    for (const use of referencedSequences(node)) this.table(use.privilege, use.sequence);
  }

  /** The tables `node` names through FROM/JOIN (for statements that write them). */
  tablesOf(node: unknown): TableName[] {
    return referencedTables(node);
  }

  /** `privilege` on database `db`. */
  database(privilege: string, db: string): void {
    this.privileges.requireDatabase(this.context, privilege, db);
  }

  /** Some privilege in database `db` (USE, SHOW TABLES). */
  databaseAccess(db: string | undefined): void {
    const database = db ?? this.context.currentDatabase;
    if (database !== undefined) this.privileges.requireDatabaseAccess(this.context, database);
  }

  /** One of `privileges` globally. */
  global(...privileges: string[]): void {
    this.privileges.requireGlobal(this.context, ...privileges);
  }

  /** True when the account holds `privilege` globally. */
  hasGlobal(privilege: string): boolean {
    const account = this.context.privilegeAccount;
    return account === undefined || this.privileges.hasGlobal(account, privilege);
  }

  /** True when `user` names the account that is running the statement. */
  isSelf(user: UserSpec): boolean {
    const id = resolveUser(user, this.context);
    const account = this.context.privilegeAccount;
    return account !== undefined && account.user === id.user && account.host.toLowerCase() === id.host.toLowerCase();
  }
}

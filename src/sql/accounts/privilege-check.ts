// Privileges: what an account holds at each level, and the checks statements make with MySQL's errors.
import {
  mysqlError,
  ER_DBACCESS_DENIED_ERROR,
  ER_SPECIFIC_ACCESS_DENIED_ERROR,
  ER_TABLEACCESS_DENIED_ERROR,
} from '../../errors/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { isInformationSchema } from '../infoschema/information-schema-name.js';
import type { AccountStore, AuthId } from './account-store.js';
import { RoleGraph } from './role-graph.js';

/** The account a statement's privileges come from, with the roles its session has activated (SET ROLE). */
export interface PrivilegeAccount {
  readonly user: string;
  readonly host: string;
  readonly activeRoles?: readonly { readonly user: string; readonly host: string }[];
}

/** `user@client-host` split, as MySQL names the client in 1044/1142 messages. */
function clientName(context: ExecutionContext): [string, string] {
  const at = context.user.lastIndexOf('@');
  return [context.user.slice(0, at), context.user.slice(at + 1)];
}

const lower = (name: string): string => name.toLowerCase();

/** Privilege questions about one account, answered from the account store's cache. */
export class Privileges {
  constructor(private readonly store: AccountStore) {}

  /** Whose grants count for `account`: the account itself and its active roles with the roles granted to them. */
  private holders(account: PrivilegeAccount): readonly AuthId[] {
    const roles = account.activeRoles;
    if (roles === undefined || roles.length === 0) return [account];
    return [account, ...new RoleGraph(this.store, []).closure(roles)];
  }

  private globalOf(holder: AuthId): ReadonlySet<string> | undefined {
    return this.store.get(holder.user, holder.host)?.privileges;
  }

  /** True when `account` holds `privilege` globally. */
  hasGlobal(account: PrivilegeAccount, privilege: string): boolean {
    return this.holders(account).some((holder) => this.globalOf(holder)?.has(privilege) ?? false);
  }

  /** True when `account` holds `privilege` on database `db` (globally or for the database). */
  hasDatabase(account: PrivilegeAccount, privilege: string, db: string): boolean {
    if (this.hasGlobal(account, privilege)) return true;
    // Every account may read information_schema; its rows show only what the account may see.
    if (privilege === 'SELECT' && isInformationSchema(db)) return true;
    return this.holders(account).some((holder) =>
      this.store.databaseGrantsOf(holder.user, holder.host).some((grant) => lower(grant.db) === lower(db) && grant.privileges.has(privilege)),
    );
  }

  /** True when `account` holds `privilege` on `db`.`table` (at any level that covers it). */
  hasTable(account: PrivilegeAccount, privilege: string, db: string, table: string): boolean {
    if (this.hasDatabase(account, privilege, db)) return true;
    return this.holders(account).some((holder) =>
      this.store
        .tableGrantsOf(holder.user, holder.host)
        .some((grant) => lower(grant.db) === lower(db) && lower(grant.table) === lower(table) && grant.privileges.has(privilege)),
    );
  }

  /** True when `account` has any privilege that lets it see database `db` (SHOW DATABASES, USE). */
  canSeeDatabase(account: PrivilegeAccount, db: string): boolean {
    if (isInformationSchema(db)) return true;
    const d = lower(db);
    return this.holders(account).some(
      (holder) =>
        (this.globalOf(holder)?.size ?? 0) > 0 ||
        this.store.databaseGrantsOf(holder.user, holder.host).some((grant) => lower(grant.db) === d && grant.privileges.size > 0) ||
        this.store.tableGrantsOf(holder.user, holder.host).some((grant) => lower(grant.db) === d && grant.privileges.size > 0),
    );
  }

  /** True when `account` has any privilege on `db`.`table` (SHOW CREATE TABLE, DESCRIBE). */
  canSeeTable(account: PrivilegeAccount, db: string, table: string): boolean {
    if (isInformationSchema(db)) return true;
    const d = lower(db);
    return this.holders(account).some(
      (holder) =>
        (this.globalOf(holder)?.size ?? 0) > 0 ||
        this.store.databaseGrantsOf(holder.user, holder.host).some((grant) => lower(grant.db) === d && grant.privileges.size > 0) ||
        this.store
          .tableGrantsOf(holder.user, holder.host)
          .some((grant) => lower(grant.db) === d && lower(grant.table) === lower(table) && grant.privileges.size > 0),
    );
  }

  /** 1227 unless the statement's account holds one of `privileges` globally. */
  requireGlobal(context: ExecutionContext, ...privileges: string[]): void {
    const account = context.privilegeAccount;
    if (account === undefined || privileges.some((p) => this.hasGlobal(account, p))) return;
    throw mysqlError(ER_SPECIFIC_ACCESS_DENIED_ERROR, privileges.join(' or '));
  }

  /** 1044 unless the account holds `privilege` on `db`. */
  requireDatabase(context: ExecutionContext, privilege: string, db: string): void {
    const account = context.privilegeAccount;
    if (account === undefined || this.hasDatabase(account, privilege, db)) return;
    const [user, host] = clientName(context);
    throw mysqlError(ER_DBACCESS_DENIED_ERROR, user, host, db);
  }

  /** 1142 unless the account holds `privilege` on `db`.`table`. */
  requireTable(context: ExecutionContext, privilege: string, db: string, table: string, command = privilege): void {
    const account = context.privilegeAccount;
    if (account === undefined || this.hasTable(account, privilege, db, table)) return;
    const [user, host] = clientName(context);
    throw mysqlError(ER_TABLEACCESS_DENIED_ERROR, command, user, host, table);
  }

  /** 1044 unless the account may use database `db` at all (USE, SHOW TABLES). */
  requireDatabaseAccess(context: ExecutionContext, db: string): void {
    const account = context.privilegeAccount;
    if (account === undefined || this.canSeeDatabase(account, db)) return;
    const [user, host] = clientName(context);
    throw mysqlError(ER_DBACCESS_DENIED_ERROR, user, host, db);
  }

  /** 1142 (as SELECT) unless the account has some privilege on the table (SHOW CREATE TABLE, DESCRIBE). */
  requireTableAccess(context: ExecutionContext, command: string, db: string, table: string): void {
    const account = context.privilegeAccount;
    if (account === undefined || this.canSeeTable(account, db, table)) return;
    const [user, host] = clientName(context);
    throw mysqlError(ER_TABLEACCESS_DENIED_ERROR, command, user, host, table);
  }

  /** True when the context's account has some privilege on `db`.`table` (SHOW TABLES filter). */
  isTableVisible(context: ExecutionContext, db: string, table: string): boolean {
    const account = context.privilegeAccount;
    return account === undefined || this.canSeeTable(account, db, table);
  }

  /** True when the context's account may see database `db` (SHOW DATABASES filter). */
  isDatabaseVisible(context: ExecutionContext, db: string): boolean {
    const account = context.privilegeAccount;
    if (account === undefined || this.hasGlobal(account, 'SHOW DATABASES')) return true;
    return this.canSeeDatabase(account, db);
  }
}

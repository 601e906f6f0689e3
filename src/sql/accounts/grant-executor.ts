// GRANT, REVOKE and SHOW GRANTS at the global, database and table levels, as MySQL 8 writes and checks them.
import {
  mysqlError,
  ER_CANT_CREATE_USER_WITH_GRANT,
  ER_ILLEGAL_GRANT_FOR_TABLE,
  ER_NO_DB_ERROR,
  ER_NONEXISTING_GRANT,
  ER_NONEXISTING_TABLE_GRANT,
  ER_ROLE_NOT_GRANTED,
  ER_WRONG_USAGE,
} from '../../errors/index.js';
import type { GrantLevel, GrantStmt, RevokeStmt, UserSpec } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { varcharType } from '../expression/index.js';
import { OK_NOTHING, expressionColumn, rowsResult } from '../statement-result.js';
import type { RowsResult, StatementResult } from '../statement-result.js';
import { resolveUser } from './account-executor.js';
import type { AccountId } from './account-executor.js';
import type { Account } from './account.js';
import type { AccountStore, AuthId } from './account-store.js';
import { formatAuthId } from './role-graph.js';
import { roleGraph } from './role-executor.js';
import type { Privileges } from './privilege-check.js';
import { PRIVILEGE_BY_NAME, privilegesAt } from './privileges.js';
import type { PrivilegeSet } from './privileges.js';

const GRANT_OPTION = 'GRANT OPTION';

/** A GRANT/REVOKE level with the current database filled in. */
type ResolvedLevel =
  | { readonly kind: 'global' }
  | { readonly kind: 'database'; readonly db: string }
  | { readonly kind: 'table'; readonly db: string; readonly table: string };

function resolveLevel(level: GrantLevel, context: ExecutionContext, catalog: Catalog): ResolvedLevel {
  if (level.kind === 'global') return level;
  const db = level.db ?? context.currentDatabase;
  if (db === undefined) throw mysqlError(ER_NO_DB_ERROR);
  if (level.kind === 'database') return { kind: 'database', db };
  const table = catalog.getTable(db, level.table);
  return { kind: 'table', db: catalog.getDatabase(db).name, table: table.name };
}

/** The privilege names a list means at `level`: ALL expands, USAGE is none; a name the level cannot hold is an error. */
function expand(names: readonly string[], level: ResolvedLevel): Set<string> {
  const available = privilegesAt(level.kind);
  const out = new Set<string>();
  for (const name of names) {
    if (name === 'USAGE') continue;
    if (name === 'ALL') {
      for (const p of available) if (p.name !== GRANT_OPTION) out.add(p.name);
      continue;
    }
    const spec = PRIVILEGE_BY_NAME.get(name);
    if (spec === undefined || (level.kind === 'table' && !spec.isTableLevel)) throw mysqlError(ER_ILLEGAL_GRANT_FOR_TABLE);
    if (level.kind === 'database' && !spec.isDatabaseLevel) throw mysqlError(ER_WRONG_USAGE, 'DB GRANT', 'GLOBAL PRIVILEGES');
    out.add(spec.name);
  }
  return out;
}

/** The grantor must hold GRANT OPTION and every privilege it hands out, at the level or above. */
function checkGrantor(privileges: Privileges, context: ExecutionContext, level: ResolvedLevel, names: ReadonlySet<string>): void {
  for (const name of [GRANT_OPTION, ...names]) {
    if (level.kind === 'global') privileges.requireGlobal(context, name);
    else if (level.kind === 'database') privileges.requireDatabase(context, name, level.db);
    else privileges.requireTable(context, GRANT_OPTION, level.db, level.table, 'GRANT');
  }
  if (level.kind === 'table') for (const name of names) privileges.requireTable(context, name, level.db, level.table);
}

function existingAccounts(users: readonly UserSpec[], store: AccountStore, context: ExecutionContext, onMissing: (id: AccountId) => Error): Account[] {
  return users.map((spec) => {
    const id = resolveUser(spec, context);
    const account = store.get(id.user, id.host);
    if (!account) throw onMissing(id);
    return account;
  });
}

function current(store: AccountStore, account: Account, level: ResolvedLevel): PrivilegeSet {
  if (level.kind === 'global') return account.privileges;
  const lower = (s: string): string => s.toLowerCase();
  if (level.kind === 'database') {
    return store.databaseGrantsOf(account.user, account.host).find((g) => lower(g.db) === lower(level.db))?.privileges ?? new Set();
  }
  return (
    store.tableGrantsOf(account.user, account.host).find((g) => lower(g.db) === lower(level.db) && lower(g.table) === lower(level.table))?.privileges ??
    new Set()
  );
}

function hasRow(store: AccountStore, account: Account, level: ResolvedLevel): boolean {
  return level.kind === 'global' || current(store, account, level).size > 0;
}

async function setPrivileges(store: AccountStore, accounts: readonly Account[], level: ResolvedLevel, change: (held: PrivilegeSet) => Set<string>, grantor: string): Promise<void> {
  await store.write(async (writer) => {
    for (const named of accounts) {
      // Read again inside the store's queue: the account may have been dropped since the statement looked.
      const account = store.get(named.user, named.host);
      if (!account) throw mysqlError(ER_CANT_CREATE_USER_WITH_GRANT);
      const next = change(current(store, account, level));
      if (level.kind === 'global') await writer.updateAccount(account.user, account.host, { ...account, privileges: next });
      else if (level.kind === 'database') await writer.setDatabaseGrant(account.user, account.host, level.db, next);
      else await writer.setTableGrant(account.user, account.host, level.db, level.table, grantor, next);
    }
  });
}

/** GRANT privileges ON level TO users [WITH GRANT OPTION]. */
export async function executeGrant(stmt: GrantStmt, store: AccountStore, privileges: Privileges, catalog: Catalog, context: ExecutionContext): Promise<StatementResult> {
  const level = resolveLevel(stmt.level, context, catalog);
  const names = expand(stmt.privileges, level);
  if (stmt.withGrantOption) names.add(GRANT_OPTION);
  checkGrantor(privileges, context, level, names);
  const accounts = existingAccounts(stmt.users, store, context, () => mysqlError(ER_CANT_CREATE_USER_WITH_GRANT));
  await setPrivileges(store, accounts, level, (held) => new Set([...held, ...names]), context.currentUser);
  return OK_NOTHING;
}

/** REVOKE privileges ON level FROM users, and REVOKE ALL PRIVILEGES, GRANT OPTION FROM users. */
export async function executeRevoke(stmt: RevokeStmt, store: AccountStore, privileges: Privileges, catalog: Catalog, context: ExecutionContext): Promise<StatementResult> {
  if (stmt.level === undefined) {
    privileges.requireGlobal(context, 'CREATE USER');
    const accounts = existingAccounts(stmt.users, store, context, (id) => mysqlError(ER_NONEXISTING_GRANT, id.user, id.host));
    await store.write(async (writer) => {
      for (const account of accounts) {
        await writer.updateAccount(account.user, account.host, { ...account, privileges: new Set() });
        for (const grant of store.databaseGrantsOf(account.user, account.host)) await writer.setDatabaseGrant(account.user, account.host, grant.db, new Set());
        for (const grant of store.tableGrantsOf(account.user, account.host)) {
          await writer.setTableGrant(account.user, account.host, grant.db, grant.table, grant.grantor, new Set());
        }
      }
    });
    return OK_NOTHING;
  }
  const level = resolveLevel(stmt.level, context, catalog);
  const names = new Set(stmt.privileges.includes('ALL') ? [...privilegesAt(level.kind)].map((p) => p.name) : expand(stmt.privileges.filter((n) => n !== GRANT_OPTION), level));
  if (stmt.privileges.includes(GRANT_OPTION)) names.add(GRANT_OPTION);
  checkGrantor(privileges, context, level, new Set([...names].filter((n) => n !== GRANT_OPTION)));
  const accounts = existingAccounts(stmt.users, store, context, (id) => mysqlError(ER_NONEXISTING_GRANT, id.user, id.host));
  for (const account of accounts) {
    if (hasRow(store, account, level)) continue;
    if (level.kind === 'table') throw mysqlError(ER_NONEXISTING_TABLE_GRANT, account.user, account.host, level.table);
    throw mysqlError(ER_NONEXISTING_GRANT, account.user, account.host);
  }
  await setPrivileges(store, accounts, level, (held) => new Set([...held].filter((name) => !names.has(name))), context.currentUser);
  return OK_NOTHING;
}

const quote = (name: string): string => '`' + name.replace(/`/g, '``') + '`';

function grantLine(held: PrivilegeSet, level: 'global' | 'database' | 'table', on: string, to: string): string {
  const grantable = privilegesAt(level).filter((p) => p.name !== GRANT_OPTION);
  const names = grantable.filter((p) => held.has(p.name)).map((p) => p.name);
  const list = names.length === 0 ? 'USAGE' : names.length === grantable.length ? 'ALL PRIVILEGES' : names.join(', ');
  return `GRANT ${list} ON ${on} TO ${to}${held.has(GRANT_OPTION) ? ' WITH GRANT OPTION' : ''}`;
}

/** The union of the grants `holders` have, by level (SHOW GRANTS … USING merges the roles' privileges in). */
function mergedGrants(store: AccountStore, holders: readonly AuthId[]): { global: Set<string>; databases: Map<string, Set<string>>; tables: Map<string, Set<string>> } {
  const global = new Set<string>();
  const databases = new Map<string, Set<string>>();
  const tables = new Map<string, Set<string>>();
  const into = (map: Map<string, Set<string>>, key: string, privileges: PrivilegeSet): void => {
    const set = map.get(key) ?? new Set<string>();
    for (const p of privileges) set.add(p);
    map.set(key, set);
  };
  for (const holder of holders) {
    for (const p of store.get(holder.user, holder.host)?.privileges ?? []) global.add(p);
    for (const grant of store.databaseGrantsOf(holder.user, holder.host)) into(databases, `${quote(grant.db)}.*`, grant.privileges);
    for (const grant of store.tableGrantsOf(holder.user, holder.host)) into(tables, `${quote(grant.db)}.${quote(grant.table)}`, grant.privileges);
  }
  return { global, databases, tables };
}

/**
 * SHOW GRANTS [FOR user [USING role, …]]: one GRANT per level the account holds privileges at, merged with the named
 * roles' (without FOR: the current account's active roles), then its role grants, as MySQL 8 prints them.
 */
export function showGrants(spec: UserSpec | undefined, usingRoles: readonly UserSpec[] | undefined, store: AccountStore, context: ExecutionContext): RowsResult {
  const id = spec === undefined ? (context.privilegeAccount ?? resolveUser({ kind: 'currentUser' }, context)) : resolveUser(spec, context);
  const account = store.get(id.user, id.host);
  if (!account) throw mysqlError(ER_NONEXISTING_GRANT, id.user, id.host);
  const graph = roleGraph(store, context);
  let roles: readonly AuthId[] = [];
  if (usingRoles !== undefined) {
    roles = usingRoles.map((role) => resolveUser(role, context));
    for (const role of roles) if (!graph.holds(account, role)) throw mysqlError(ER_ROLE_NOT_GRANTED, role.user, role.host, account.user, account.host);
  } else if (spec === undefined || (spec.kind === 'currentUser' && context.privilegeAccount !== undefined)) {
    roles = context.privilegeAccount?.activeRoles ?? [];
  }
  const to = `${quote(account.user)}@${quote(account.host)}`;
  const merged = mergedGrants(store, [account, ...graph.closure(roles)]);
  const lines = [grantLine(merged.global, 'global', '*.*', to)];
  for (const [on, held] of merged.databases) if (held.size > 0) lines.push(grantLine(held, 'database', on, to));
  for (const [on, held] of merged.tables) if (held.size > 0) lines.push(grantLine(held, 'table', on, to));
  const granted = store.rolesGrantedTo(account);
  for (const withAdmin of [false, true]) {
    const names = granted.filter((edge) => edge.withAdminOption === withAdmin).map((edge) => formatAuthId(edge.from));
    if (names.length > 0) lines.push(`GRANT ${names.join(',')} TO ${to}${withAdmin ? ' WITH ADMIN OPTION' : ''}`);
  }
  return rowsResult([expressionColumn(`Grants for ${account.user}@${account.host}`, varcharType(1024), true)], lines.map((line) => [line]));
}

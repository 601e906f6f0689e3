// CREATE/DROP ROLE, GRANT/REVOKE role and SET DEFAULT ROLE over the account store, as MySQL 8 checks them
// (https://dev.mysql.com/doc/refman/8.0/en/roles.html).
import {
  mysqlError,
  ER_MANDATORY_ROLE,
  ER_ROLE_GRANTED_TO_ITSELF,
  ER_ROLE_NOT_GRANTED,
  ER_SPECIFIC_ACCESS_DENIED_ERROR,
  ER_UNKNOWN_AUTHID,
  ER_USER_ALREADY_EXISTS,
  ER_USER_DOES_NOT_EXIST,
} from '../../errors/index.js';
import type { CreateRoleStmt, DropRoleStmt, GrantRoleStmt, RevokeRoleStmt, RoleSelection, SetDefaultRoleStmt, UserSpec } from '../ast/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { OK_NOTHING } from '../statement-result.js';
import type { StatementResult } from '../statement-result.js';
import { DEFAULT_AUTH_PLUGIN, NO_RESOURCE_LIMITS, accountName } from './account.js';
import { failure, resolveUser } from './account-executor.js';
import type { AccountId } from './account-executor.js';
import type { AccountStore, AuthId } from './account-store.js';
import { sameId } from './account-store.js';
import type { Privileges } from './privilege-check.js';
import { RoleGraph, formatAuthId, parseRoleNames } from './role-graph.js';

/** The role graph with the server's `mandatory_roles`. */
export function roleGraph(store: AccountStore, context: ExecutionContext): RoleGraph {
  const value = context.systemVariable('mandatory_roles', 'global');
  return new RoleGraph(store, parseRoleNames(typeof value === 'string' ? value : ''));
}

/** CREATE ROLE [IF NOT EXISTS]: locked accounts without a password, all or none. */
export async function executeCreateRole(stmt: CreateRoleStmt, store: AccountStore, context: ExecutionContext): Promise<StatementResult> {
  return store.write(async (writer) => {
    const ids: AccountId[] = [];
    const failed: AccountId[] = [];
    for (const spec of stmt.roles) {
      const id = resolveUser(spec, context);
      if (store.get(id.user, id.host) || ids.some((seen) => sameId(seen, id))) {
        if (stmt.ifNotExists) context.warnings.warn(mysqlError(ER_USER_ALREADY_EXISTS, accountName(id)));
        else failed.push(id);
        continue;
      }
      ids.push(id);
    }
    if (failed.length > 0) throw failure('CREATE ROLE', failed);
    for (const id of ids) {
      await writer.insertAccount({
        ...id,
        plugin: DEFAULT_AUTH_PLUGIN,
        authString: '',
        tls: { type: 'NONE' },
        isLocked: true,
        failedLoginAttempts: 0,
        passwordLockTime: 0,
        limits: NO_RESOURCE_LIMITS,
        privileges: new Set(),
      });
    }
    return OK_NOTHING;
  });
}

/** DROP ROLE [IF EXISTS]: the roles, their grants and every grant of them; a mandatory role cannot go (3628). */
export async function executeDropRole(stmt: DropRoleStmt, store: AccountStore, context: ExecutionContext): Promise<StatementResult> {
  const graph = roleGraph(store, context);
  return store.write(async (writer) => {
    const ids: AccountId[] = [];
    const failed: AccountId[] = [];
    for (const spec of stmt.roles) {
      const id = resolveUser(spec, context);
      if (graph.isMandatory(id)) throw mysqlError(ER_MANDATORY_ROLE, formatAuthId(id));
      const account = store.get(id.user, id.host);
      if (account) ids.push(account);
      else if (stmt.ifExists) context.warnings.warn(mysqlError(ER_USER_DOES_NOT_EXIST, accountName(id)));
      else failed.push(id);
    }
    if (failed.length > 0) throw failure('DROP ROLE', failed);
    for (const id of ids) await writer.deleteAccount(id.user, id.host);
    return OK_NOTHING;
  });
}

/** Existing accounts for `specs`, or 3523 for the first that does not exist. */
function existing(specs: readonly UserSpec[], store: AccountStore, context: ExecutionContext): AccountId[] {
  return specs.map((spec) => {
    const id = resolveUser(spec, context);
    const account = store.get(id.user, id.host);
    if (!account) throw mysqlError(ER_UNKNOWN_AUTHID, id.user, id.host);
    return account;
  });
}

/** GRANT/REVOKE of `roles` needs ROLE_ADMIN (SUPER here) or WITH ADMIN OPTION on each role, through active roles too. */
function checkRoleAdmin(roles: readonly AuthId[], store: AccountStore, privileges: Privileges, context: ExecutionContext): void {
  const account = context.privilegeAccount;
  if (account === undefined || privileges.hasGlobal(account, 'SUPER')) return;
  const graph = new RoleGraph(store, []);
  const holders = [account, ...graph.closure(account.activeRoles ?? [])];
  const isAdmin = (role: AuthId): boolean => holders.some((holder) => store.rolesGrantedTo(holder).some((edge) => edge.withAdminOption && sameId(edge.from, role)));
  if (!roles.every(isAdmin)) throw mysqlError(ER_SPECIFIC_ACCESS_DENIED_ERROR, 'SUPER or ROLE_ADMIN');
}

/** GRANT role, … TO user, … [WITH ADMIN OPTION]. */
export async function executeGrantRole(stmt: GrantRoleStmt, store: AccountStore, privileges: Privileges, context: ExecutionContext): Promise<StatementResult> {
  const roles = existing(stmt.roles, store, context);
  const users = existing(stmt.users, store, context);
  checkRoleAdmin(roles, store, privileges, context);
  const graph = new RoleGraph(store, []);
  for (const role of roles) {
    for (const user of users) if (graph.wouldLoop(role, user)) throw mysqlError(ER_ROLE_GRANTED_TO_ITSELF, formatAuthId(user), formatAuthId(role));
  }
  await store.write(async (writer) => {
    for (const user of users) {
      for (const role of roles) {
        const held = store.rolesGrantedTo(user).find((edge) => sameId(edge.from, role));
        // A grant never takes the admin option away; REVOKE does.
        await writer.setRoleEdge(role, user, stmt.withAdminOption || (held?.withAdminOption ?? false));
      }
    }
  });
  return OK_NOTHING;
}

/** REVOKE role, … FROM user, …: a role not granted is ignored; a mandatory one cannot be revoked (3628). */
export async function executeRevokeRole(stmt: RevokeRoleStmt, store: AccountStore, privileges: Privileges, context: ExecutionContext): Promise<StatementResult> {
  const roles = existing(stmt.roles, store, context);
  const users = existing(stmt.users, store, context);
  checkRoleAdmin(roles, store, privileges, context);
  const graph = roleGraph(store, context);
  for (const role of roles) if (graph.isMandatory(role)) throw mysqlError(ER_MANDATORY_ROLE, formatAuthId(role));
  await store.write(async (writer) => {
    for (const user of users) {
      for (const role of roles) await writer.deleteRoleEdge(role, user);
      const defaults = store.defaultRolesOf(user);
      const kept = defaults.filter((d) => !roles.some((role) => sameId(role, d)));
      if (kept.length !== defaults.length) await writer.setDefaultRoles(user, kept);
    }
  });
  return OK_NOTHING;
}

/** SET DEFAULT ROLE … TO … and ALTER USER … DEFAULT ROLE …: each role must be granted to each account (3530). */
export async function executeSetDefaultRole(stmt: SetDefaultRoleStmt, store: AccountStore, context: ExecutionContext): Promise<StatementResult> {
  const users = existing(stmt.users, store, context);
  const graph = roleGraph(store, context);
  const plan = users.map((user) => {
    switch (stmt.selection.kind) {
      case 'none':
        return { user, roles: [] };
      case 'all':
        return { user, roles: store.rolesGrantedTo(user).map((edge) => edge.from) };
      case 'list': {
        const roles = stmt.selection.roles.map((spec) => resolveUser(spec, context));
        for (const role of roles) if (!graph.holds(user, role)) throw mysqlError(ER_ROLE_NOT_GRANTED, role.user, role.host, user.user, user.host);
        return { user, roles };
      }
    }
  });
  await store.write(async (writer) => {
    for (const entry of plan) await writer.setDefaultRoles(entry.user, entry.roles);
  });
  return OK_NOTHING;
}

/** `SET ROLE …`: the roles the session of `account` activates; 3530 for a role it does not hold. */
export function selectActiveRoles(selection: RoleSelection, account: AuthId, store: AccountStore, context: ExecutionContext): AuthId[] {
  const graph = roleGraph(store, context);
  switch (selection.kind) {
    case 'none':
      return [];
    case 'default':
      return store.defaultRolesOf(account).filter((role) => graph.holds(account, role));
    case 'all': {
      const except = selection.except.map((spec) => resolveUser(spec, context));
      return graph
        .heldRoles(account)
        .map((held) => held.role)
        .filter((role) => !except.some((e) => sameId(e, role)));
    }
    case 'list': {
      const roles = selection.roles.map((spec) => resolveUser(spec, context));
      for (const role of roles) if (!graph.holds(account, role)) throw mysqlError(ER_ROLE_NOT_GRANTED, role.user, role.host, account.user, account.host);
      return roles;
    }
  }
}

/** The roles a session starts with: every held role under `activate_all_roles_on_login`, else the default roles. */
export function loginRoles(account: AuthId, store: AccountStore, context: ExecutionContext): AuthId[] {
  const isAll = context.systemVariable('activate_all_roles_on_login', 'global');
  return selectActiveRoles(isAll === 1n ? { kind: 'all', except: [] } : { kind: 'default' }, account, store, context);
}

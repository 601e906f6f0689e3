// CREATE/ALTER/DROP/RENAME USER, SET PASSWORD and SHOW CREATE USER over the account store, with MySQL's errors.
import {
  mysqlError,
  ER_CANNOT_USER,
  ER_PASSWORD_FORMAT,
  ER_PASSWORD_NO_MATCH,
  ER_PLUGIN_IS_NOT_LOADED,
  ER_USER_ALREADY_EXISTS,
  ER_USER_DOES_NOT_EXIST,
} from '../../errors/index.js';
import type {
  AccountAuth,
  AccountOptions,
  AlterUserStmt,
  CreateUserStmt,
  DropUserStmt,
  RenameUserStmt,
  SetPasswordStmt,
  UserSpec,
} from '../ast/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { varcharType } from '../expression/index.js';
import { formatTlsRequirement } from '../parser/format-account.js';
import { formatResourceLimits } from '../parser/resource-limit-options.js';
import { OK_NOTHING, expressionColumn, rowsResult } from '../statement-result.js';
import type { RowsResult, StatementResult } from '../statement-result.js';
import { DEFAULT_AUTH_PLUGIN, LOCK_TIME_UNBOUNDED, NO_RESOURCE_LIMITS, accountName } from './account.js';
import type { Account } from './account.js';
import type { AccountRow, AccountStore } from './account-store.js';

/** An account name with MySQL's defaults applied: host '%' when omitted; CURRENT_USER resolved. */
export interface AccountId {
  readonly user: string;
  readonly host: string;
}

/** The account `spec` names, for the session in `context`. */
export function resolveUser(spec: UserSpec, context: ExecutionContext): AccountId {
  if (spec.kind === 'user') return { user: spec.user, host: spec.host ?? '%' };
  const current = context.currentUser;
  const at = current.lastIndexOf('@');
  return { user: current.slice(0, at), host: current.slice(at + 1) };
}

function authString(store: AccountStore, plugin: string, auth: AccountAuth | undefined): string {
  if (!store.authStrings.isSupported(plugin)) throw mysqlError(ER_PLUGIN_IS_NOT_LOADED, plugin);
  if (auth?.hash !== undefined) {
    if (auth.hash !== '' && !store.authStrings.isValid(plugin, auth.hash)) throw mysqlError(ER_PASSWORD_FORMAT);
    return auth.hash;
  }
  return store.authStrings.hash(plugin, auth?.password ?? '');
}

function applyOptions(row: AccountRow, options: AccountOptions): AccountRow {
  const lockTime = options.passwordLockTime;
  return {
    ...row,
    ...(options.tls !== undefined && { tls: options.tls }),
    ...(options.isLocked !== undefined && { isLocked: options.isLocked }),
    ...(options.failedLoginAttempts !== undefined && { failedLoginAttempts: options.failedLoginAttempts }),
    ...(options.resourceLimits !== undefined && { limits: { ...row.limits, ...options.resourceLimits } }),
    ...(lockTime !== undefined && { passwordLockTime: lockTime === 'UNBOUNDED' ? LOCK_TIME_UNBOUNDED : lockTime }),
  };
}

/** 1396 naming every account an account statement could not change. */
export const failure = (operation: string, names: readonly AccountId[]): Error =>
  mysqlError(ER_CANNOT_USER, operation, names.map(accountName).join(','));

/** CREATE USER [IF NOT EXISTS]: all accounts or none (MySQL's atomic DDL). */
export async function executeCreateUser(stmt: CreateUserStmt, store: AccountStore, context: ExecutionContext): Promise<StatementResult> {
  // Checks run inside the store's queue, so that concurrent account statements see each other's results.
  return store.write(async (writer) => {
    const rows: AccountRow[] = [];
    const failed: AccountId[] = [];
    for (const spec of stmt.accounts) {
      const id = resolveUser(spec.user, context);
      if (store.get(id.user, id.host) || rows.some((row) => row.user === id.user && row.host.toLowerCase() === id.host.toLowerCase())) {
        if (stmt.ifNotExists) context.warnings.warn(mysqlError(ER_USER_ALREADY_EXISTS, accountName(id)));
        else failed.push(id);
        continue;
      }
      const plugin = spec.auth?.plugin ?? DEFAULT_AUTH_PLUGIN;
      const base: AccountRow = {
        ...id,
        plugin,
        authString: authString(store, plugin, spec.auth),
        tls: { type: 'NONE' },
        isLocked: false,
        failedLoginAttempts: 0,
        passwordLockTime: 0,
        privileges: new Set(),
        limits: NO_RESOURCE_LIMITS,
      };
      rows.push(applyOptions(base, stmt.options));
    }
    if (failed.length > 0) throw failure('CREATE USER', failed);
    for (const row of rows) await writer.insertAccount(row);
    return OK_NOTHING;
  });
}

function rowOf(account: Account): AccountRow {
  return { ...account };
}

/** ALTER USER [IF EXISTS]: authentication and account options of existing accounts. */
export async function executeAlterUser(stmt: AlterUserStmt, store: AccountStore, context: ExecutionContext): Promise<StatementResult> {
  // Checks run inside the store's queue, so that concurrent account statements see each other's results.
  return store.write(async (writer) => {
    const changes: { id: AccountId; row: AccountRow }[] = [];
    const failed: AccountId[] = [];
    for (const spec of stmt.accounts) {
      const id = resolveUser(spec.user, context);
      const account = store.get(id.user, id.host);
      if (!account) {
        if (stmt.ifExists) context.warnings.warn(mysqlError(ER_USER_DOES_NOT_EXIST, accountName(id)));
        else failed.push(id);
        continue;
      }
      let row = rowOf(account);
      if (spec.auth !== undefined) {
        const plugin = spec.auth.plugin ?? account.plugin;
        row = { ...row, plugin, authString: authString(store, plugin, spec.auth) };
      }
      changes.push({ id: account, row: applyOptions(row, stmt.options) });
    }
    if (failed.length > 0) throw failure('ALTER USER', failed);
    for (const change of changes) await writer.updateAccount(change.id.user, change.id.host, change.row);
    // MySQL restarts the failed-login count when an account is unlocked or its lockout options change.
    const o = stmt.options;
    if (o.isLocked === false || o.failedLoginAttempts !== undefined || o.passwordLockTime !== undefined) {
      for (const change of changes) store.failedLogins.reset(change.id);
    }
    return OK_NOTHING;
  });
}

/** DROP USER [IF EXISTS]: the accounts and all their grants. */
export async function executeDropUser(stmt: DropUserStmt, store: AccountStore, context: ExecutionContext): Promise<StatementResult> {
  // Checks run inside the store's queue, so that concurrent account statements see each other's results.
  return store.write(async (writer) => {
    const accounts: Account[] = [];
    const failed: AccountId[] = [];
    for (const spec of stmt.users) {
      const id = resolveUser(spec, context);
      const account = store.get(id.user, id.host);
      if (account) accounts.push(account);
      else if (stmt.ifExists) context.warnings.warn(mysqlError(ER_USER_DOES_NOT_EXIST, accountName(id)));
      else failed.push(id);
    }
    if (failed.length > 0) throw failure('DROP USER', failed);
    for (const account of accounts) await writer.deleteAccount(account.user, account.host);
    return OK_NOTHING;
  });
}

/** RENAME USER a TO b, …: each source must exist and each target must not. */
export async function executeRenameUser(stmt: RenameUserStmt, store: AccountStore, context: ExecutionContext): Promise<StatementResult> {
  // Checks run inside the store's queue, so that concurrent account statements see each other's results.
  return store.write(async (writer) => {
    const moves: { from: Account; to: AccountId }[] = [];
    const failed: AccountId[] = [];
    for (const pair of stmt.pairs) {
      const from = resolveUser(pair.from, context);
      const to = resolveUser(pair.to, context);
      const account = store.get(from.user, from.host);
      if (!account || store.get(to.user, to.host)) failed.push(from);
      else moves.push({ from: account, to });
    }
    if (failed.length > 0) throw failure('RENAME USER', failed);
    for (const move of moves) await writer.renameAccount(move.from, move.to);
    return OK_NOTHING;
  });
}

/** SET PASSWORD [FOR user] = 'password', hashed with the account's own plugin. */
export async function executeSetPassword(stmt: SetPasswordStmt, store: AccountStore, context: ExecutionContext): Promise<StatementResult> {
  const id = resolveUser(stmt.user ?? { kind: 'currentUser' }, context);
  const account = store.get(id.user, id.host);
  if (!account) throw mysqlError(ER_PASSWORD_NO_MATCH);
  const row: AccountRow = { ...rowOf(account), authString: authString(store, account.plugin, { password: stmt.password }) };
  await store.write((writer) => writer.updateAccount(account.user, account.host, row));
  return OK_NOTHING;
}

/** A string literal, or a hex literal when it holds bytes a terminal would mangle (caching_sha2 salts). */
function literal(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return '0x' + Buffer.from(value, 'latin1').toString('hex').toUpperCase();
}

/** The CREATE USER statement SHOW CREATE USER prints for `account`, in MySQL 8's form. */
export function createUserText(account: Account): string {
  const quoteName = (name: string): string => '`' + name.replace(/`/g, '``') + '`';
  let out = `CREATE USER ${quoteName(account.user)}@${quoteName(account.host)} IDENTIFIED WITH '${account.plugin}'`;
  if (account.authString !== '') out += ` AS ${literal(account.authString)}`;
  out += ' ' + formatTlsRequirement(account.tls);
  out += formatResourceLimits(account.limits, true);
  out += ` PASSWORD EXPIRE DEFAULT ACCOUNT ${account.isLocked ? 'LOCK' : 'UNLOCK'}`;
  if (account.failedLoginAttempts > 0 || account.passwordLockTime !== 0) {
    const lockTime = account.passwordLockTime === LOCK_TIME_UNBOUNDED ? 'UNBOUNDED' : String(account.passwordLockTime);
    out += ` FAILED_LOGIN_ATTEMPTS ${account.failedLoginAttempts} PASSWORD_LOCK_TIME ${lockTime}`;
  }
  return out + ' PASSWORD HISTORY DEFAULT PASSWORD REUSE INTERVAL DEFAULT PASSWORD REQUIRE CURRENT DEFAULT';
}

/** SHOW CREATE USER user. */
export function showCreateUser(spec: UserSpec, store: AccountStore, context: ExecutionContext): RowsResult {
  const id = resolveUser(spec, context);
  const account = store.get(id.user, id.host);
  if (!account) throw failure('SHOW CREATE USER', [id]);
  const header = `CREATE USER for ${account.user}@${account.host}`;
  return rowsResult([expressionColumn(header, varcharType(1024), true)], [[createUserText(account)]]);
}

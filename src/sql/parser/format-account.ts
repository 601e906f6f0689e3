// Prints account statements (CREATE/ALTER/DROP/RENAME USER, SET PASSWORD, GRANT, REVOKE).
import type { AccountOptions, AccountSpec, GrantLevel, Statement, TlsRequirement } from '../ast/index.js';
import { formatUserSpec } from './format-ddl.js';
import { formatIdent, formatString } from './format-ident.js';
import { formatResourceLimits } from './resource-limit-options.js';

type AccountStmt = Extract<
  Statement,
  {
    kind:
      | 'CreateUserStmt'
      | 'AlterUserStmt'
      | 'DropUserStmt'
      | 'RenameUserStmt'
      | 'SetPasswordStmt'
      | 'GrantStmt'
      | 'RevokeStmt';
  }
>;

/** The marker that replaces a password when a statement is printed for a log or a process list. */
export const REDACTED_PASSWORD = '<secret>';

function formatAccount(a: AccountSpec, redact: boolean): string {
  let out = formatUserSpec(a.user);
  if (a.auth === undefined) return out;
  out += ' IDENTIFIED';
  if (a.auth.plugin !== undefined) out += ' WITH ' + formatIdent(a.auth.plugin);
  if (a.auth.password !== undefined) out += ' BY ' + formatString(redact ? REDACTED_PASSWORD : a.auth.password);
  if (a.auth.hash !== undefined) out += ' AS ' + formatString(redact ? REDACTED_PASSWORD : a.auth.hash);
  return out;
}

/** `REQUIRE …` as SHOW CREATE USER writes it. */
export function formatTlsRequirement(tls: TlsRequirement): string {
  if (tls.type !== 'SPECIFIED') return 'REQUIRE ' + tls.type;
  const parts: string[] = [];
  if (tls.issuer !== undefined) parts.push('ISSUER ' + formatString(tls.issuer));
  if (tls.subject !== undefined) parts.push('SUBJECT ' + formatString(tls.subject));
  if (tls.cipher !== undefined) parts.push('CIPHER ' + formatString(tls.cipher));
  if (tls.san !== undefined) parts.push('SAN ' + formatString(tls.san));
  return 'REQUIRE ' + parts.join(' AND ');
}

function formatOptions(o: AccountOptions): string {
  let out = '';
  if (o.tls !== undefined) out += ' ' + formatTlsRequirement(o.tls);
  if (o.resourceLimits !== undefined) out += formatResourceLimits(o.resourceLimits, false);
  if (o.isLocked !== undefined) out += o.isLocked ? ' ACCOUNT LOCK' : ' ACCOUNT UNLOCK';
  if (o.failedLoginAttempts !== undefined) out += ' FAILED_LOGIN_ATTEMPTS ' + o.failedLoginAttempts;
  if (o.passwordLockTime !== undefined) out += ' PASSWORD_LOCK_TIME ' + o.passwordLockTime;
  return out;
}

function formatLevel(level: GrantLevel): string {
  switch (level.kind) {
    case 'global':
      return '*.*';
    case 'database':
      return level.db === undefined ? '*' : formatIdent(level.db) + '.*';
    case 'table':
      return (level.db === undefined ? '' : formatIdent(level.db) + '.') + formatIdent(level.table);
  }
}

/** Prints one account statement; with `redact`, passwords and hashes are replaced by {@link REDACTED_PASSWORD}. */
export function formatAccountStmt(s: AccountStmt, redact = false): string {
  switch (s.kind) {
    case 'CreateUserStmt':
    case 'AlterUserStmt': {
      const head = s.kind === 'CreateUserStmt' ? (s.ifNotExists ? 'CREATE USER IF NOT EXISTS ' : 'CREATE USER ') : s.ifExists ? 'ALTER USER IF EXISTS ' : 'ALTER USER ';
      return head + s.accounts.map((a) => formatAccount(a, redact)).join(', ') + formatOptions(s.options);
    }
    case 'DropUserStmt':
      return (s.ifExists ? 'DROP USER IF EXISTS ' : 'DROP USER ') + s.users.map(formatUserSpec).join(', ');
    case 'RenameUserStmt':
      return 'RENAME USER ' + s.pairs.map((pair) => `${formatUserSpec(pair.from)} TO ${formatUserSpec(pair.to)}`).join(', ');
    case 'SetPasswordStmt':
      return 'SET PASSWORD' + (s.user === undefined ? '' : ' FOR ' + formatUserSpec(s.user)) + ' = ' + formatString(redact ? REDACTED_PASSWORD : s.password);
    case 'GrantStmt':
      return `GRANT ${s.privileges.join(', ')} ON ${formatLevel(s.level)} TO ${s.users.map(formatUserSpec).join(', ')}${s.withGrantOption ? ' WITH GRANT OPTION' : ''}`;
    case 'RevokeStmt':
      return `REVOKE ${s.privileges.join(', ')}${s.level === undefined ? '' : ' ON ' + formatLevel(s.level)} FROM ${s.users.map(formatUserSpec).join(', ')}`;
  }
}

// Account statements: CREATE/ALTER/DROP/RENAME USER, SET PASSWORD, GRANT and REVOKE.
import type {
  AccountAuth,
  AccountOptions,
  AccountSpec,
  AlterUserStmt,
  CreateUserStmt,
  DropUserStmt,
  GrantLevel,
  GrantStmt,
  RenameUserStmt,
  ResourceLimits,
  RevokeStmt,
  SetPasswordStmt,
  TlsRequirement,
  UserSpec,
} from '../ast/index.js';
import type { Mutable } from './mutable.js';
import { RESOURCE_LIMIT_OPTIONS } from './resource-limit-options.js';
import type { Parser } from './parser.js';
import { parseUserList, parseUserSpec } from './parse-user.js';
import { TokenType } from './token.js';

/** `IDENTIFIED [WITH plugin] [BY 'password' | AS 'hash']`, or undefined when absent. */
function parseAuth(p: Parser): AccountAuth | undefined {
  if (!p.acceptWord('IDENTIFIED')) return undefined;
  const auth: Mutable<AccountAuth> = {};
  if (p.acceptWord('WITH')) auth.plugin = p.identOrString().toLowerCase();
  if (p.acceptWord('BY')) auth.password = p.string();
  else if (auth.plugin !== undefined && p.acceptWord('AS')) auth.hash = p.string();
  else if (auth.plugin === undefined) throw p.error();
  return auth;
}

function parseAccountList(p: Parser): AccountSpec[] {
  const accounts: AccountSpec[] = [];
  do {
    const user = parseUserSpec(p);
    const auth = parseAuth(p);
    accounts.push(auth === undefined ? { user } : { user, auth });
  } while (p.acceptOp(','));
  return accounts;
}

/** `REQUIRE …` after the account list. */
function parseTlsRequirement(p: Parser): TlsRequirement {
  const first = p.expectOneOf(['NONE', 'SSL', 'X509', 'ISSUER', 'SUBJECT', 'CIPHER', 'SAN'] as const);
  if (first === 'NONE' || first === 'SSL' || first === 'X509') return { type: first };
  const parts: Mutable<Extract<TlsRequirement, { type: 'SPECIFIED' }>> = { type: 'SPECIFIED' };
  let word: string | undefined = first;
  while (word !== undefined) {
    const key = word.toLowerCase() as 'issuer' | 'subject' | 'cipher' | 'san';
    if (parts[key] !== undefined) throw p.error();
    parts[key] = p.string();
    const next = p.isWord('AND') ? p.peek() : p.tok;
    if (next.type !== TokenType.Ident || !['ISSUER', 'SUBJECT', 'CIPHER', 'SAN'].includes(next.upper)) break;
    p.acceptWord('AND');
    word = p.advance().upper;
  }
  return parts;
}

/** `[REQUIRE …] [WITH resource options] [ACCOUNT LOCK|UNLOCK] [FAILED_LOGIN_ATTEMPTS n] [PASSWORD_LOCK_TIME n|UNBOUNDED]`. */
function parseAccountOptions(p: Parser): AccountOptions {
  const options: Mutable<AccountOptions> = {};
  if (p.acceptWord('REQUIRE')) options.tls = parseTlsRequirement(p);
  if (p.acceptWord('WITH')) {
    const limits: Partial<Record<keyof ResourceLimits, number>> = {};
    let word: string | undefined;
    while ((word = Object.keys(RESOURCE_LIMIT_OPTIONS).find((option) => p.isWord(option))) !== undefined) {
      p.advance();
      limits[RESOURCE_LIMIT_OPTIONS[word as keyof typeof RESOURCE_LIMIT_OPTIONS]] = p.integer();
    }
    options.resourceLimits = limits;
  }
  for (;;) {
    if (p.acceptWord('ACCOUNT')) options.isLocked = p.expectOneOf(['LOCK', 'UNLOCK'] as const) === 'LOCK';
    else if (p.acceptWord('FAILED_LOGIN_ATTEMPTS')) options.failedLoginAttempts = p.integer();
    else if (p.acceptWord('PASSWORD_LOCK_TIME')) options.passwordLockTime = p.acceptWord('UNBOUNDED') ? 'UNBOUNDED' : p.integer();
    else break;
  }
  return options;
}

/** `CREATE USER …` with CREATE consumed and USER current. */
export function parseCreateUser(p: Parser, start: number): CreateUserStmt {
  p.hidesStrings = true;
  p.expectWord('USER');
  const ifNotExists = p.acceptWords('IF', 'NOT', 'EXISTS');
  const accounts = parseAccountList(p);
  return { kind: 'CreateUserStmt', text: p.textFrom(start), ifNotExists, accounts, options: parseAccountOptions(p) };
}

/** `ALTER USER …` with ALTER consumed and USER current. */
export function parseAlterUser(p: Parser, start: number): AlterUserStmt {
  p.hidesStrings = true;
  p.expectWord('USER');
  const ifExists = p.acceptWords('IF', 'EXISTS');
  const accounts = parseAccountList(p);
  return { kind: 'AlterUserStmt', text: p.textFrom(start), ifExists, accounts, options: parseAccountOptions(p) };
}

/** `DROP USER …` with DROP consumed and USER current. */
export function parseDropUser(p: Parser, start: number): DropUserStmt {
  p.expectWord('USER');
  const ifExists = p.acceptWords('IF', 'EXISTS');
  return { kind: 'DropUserStmt', text: p.textFrom(start), ifExists, users: parseUserList(p) };
}

/** `RENAME USER a TO b, …` with RENAME current. */
export function parseRenameUser(p: Parser): RenameUserStmt {
  const start = p.tok.start;
  p.expectWord('RENAME');
  p.expectWord('USER');
  const pairs: { from: UserSpec; to: UserSpec }[] = [];
  do {
    const from = parseUserSpec(p);
    p.expectWord('TO');
    pairs.push({ from, to: parseUserSpec(p) });
  } while (p.acceptOp(','));
  return { kind: 'RenameUserStmt', text: p.textFrom(start), pairs };
}

/** `SET PASSWORD [FOR user] = 'password'` with SET consumed and PASSWORD current. */
export function parseSetPassword(p: Parser, start: number): SetPasswordStmt {
  p.hidesStrings = true;
  p.expectWord('PASSWORD');
  const user = p.acceptWord('FOR') ? parseUserSpec(p) : undefined;
  p.expectOp('=');
  const password = p.string();
  return { kind: 'SetPasswordStmt', text: p.textFrom(start), ...(user !== undefined && { user }), password };
}

/** Privilege names that take two or three words. */
const MULTI_WORD_PRIVILEGES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  CREATE: [['TEMPORARY', 'TABLES'], ['VIEW'], ['ROUTINE'], ['USER'], ['TABLESPACE'], ['ROLE']],
  SHOW: [['VIEW'], ['DATABASES']],
  GRANT: [['OPTION']],
  LOCK: [['TABLES']],
  REPLICATION: [['SLAVE'], ['CLIENT']],
  ALTER: [['ROUTINE']],
  DROP: [['ROLE']],
};

function parsePrivilege(p: Parser): string {
  if (p.tok.type !== TokenType.Ident) throw p.error();
  const first = p.advance().upper;
  if (first === 'ALL') {
    p.acceptWord('PRIVILEGES');
    return 'ALL';
  }
  for (const rest of MULTI_WORD_PRIVILEGES[first] ?? []) {
    if (p.acceptWords(...rest)) return [first, ...rest].join(' ');
  }
  return first;
}

function parsePrivilegeList(p: Parser): string[] {
  const privileges: string[] = [];
  do privileges.push(parsePrivilege(p));
  while (p.acceptOp(','));
  return privileges;
}

/** `*`, `*.*`, `db.*`, `db.tbl` or `tbl` after ON. */
function parseGrantLevel(p: Parser): GrantLevel {
  p.acceptWord('TABLE');
  if (p.acceptOp('*')) {
    if (p.acceptOp('.')) {
      p.expectOp('*');
      return { kind: 'global' };
    }
    return { kind: 'database' };
  }
  const first = p.ident();
  if (!p.acceptOp('.')) return { kind: 'table', table: first };
  if (p.acceptOp('*')) return { kind: 'database', db: first };
  return { kind: 'table', db: first, table: p.anyIdent() };
}

/** `GRANT privileges ON level TO users [WITH GRANT OPTION]`. */
export function parseGrant(p: Parser): GrantStmt {
  const start = p.tok.start;
  p.expectWord('GRANT');
  const privileges = parsePrivilegeList(p);
  p.expectWord('ON');
  const level = parseGrantLevel(p);
  p.expectWord('TO');
  const users = parseUserList(p);
  const withGrantOption = p.acceptWords('WITH', 'GRANT', 'OPTION');
  return { kind: 'GrantStmt', text: p.textFrom(start), privileges, level, users, withGrantOption };
}

/** `REVOKE privileges ON level FROM users` or `REVOKE ALL [PRIVILEGES], GRANT OPTION FROM users`. */
export function parseRevoke(p: Parser): RevokeStmt {
  const start = p.tok.start;
  p.expectWord('REVOKE');
  const privileges = parsePrivilegeList(p);
  const level = p.acceptWord('ON') ? parseGrantLevel(p) : undefined;
  if (level === undefined && !(privileges.length === 2 && privileges[0] === 'ALL' && privileges[1] === 'GRANT OPTION'))
    throw p.error();
  p.expectWord('FROM');
  const users = parseUserList(p);
  return { kind: 'RevokeStmt', text: p.textFrom(start), privileges, ...(level !== undefined && { level }), users };
}

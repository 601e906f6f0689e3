// Role statements (MySQL 8): CREATE/DROP ROLE, GRANT/REVOKE role, SET ROLE, SET DEFAULT ROLE, and the DEFAULT ROLE
// clause of ALTER USER.
import type {
  CreateRoleStmt,
  DropRoleStmt,
  GrantRoleStmt,
  RevokeRoleStmt,
  RoleSelection,
  SetDefaultRoleStmt,
  SetRoleStmt,
  UserSpec,
} from '../ast/index.js';
import type { Parser } from './parser.js';
import { parseUserList, parseUserSpec } from './parse-user.js';
import { TokenType } from './token.js';

/** `role, …` (CURRENT_USER is no role name). */
export function parseRoleList(p: Parser): UserSpec[] {
  const roles: UserSpec[] = [];
  do {
    const role = parseUserSpec(p);
    if (role.kind !== 'user') throw p.error();
    roles.push(role);
  } while (p.acceptOp(','));
  return roles;
}

/** True when GRANT/REVOKE at the current token names roles: its list reaches TO/FROM without an ON. */
export function isRoleGrant(p: Parser): boolean {
  // REVOKE ALL [PRIVILEGES], GRANT OPTION FROM … has no ON either.
  if (p.isWordAt(1, 'ALL')) return false;
  for (let n = 1; ; n++) {
    const t = p.peek(n);
    if (t.type === TokenType.EOF || (t.type === TokenType.Op && t.value === ';')) return false;
    if (t.type !== TokenType.Ident) continue;
    if (t.upper === 'ON') return false;
    if (t.upper === 'TO' || t.upper === 'FROM') return true;
  }
}

/** `CREATE ROLE …` with CREATE consumed and ROLE current. */
export function parseCreateRole(p: Parser, start: number): CreateRoleStmt {
  p.expectWord('ROLE');
  const ifNotExists = p.acceptWords('IF', 'NOT', 'EXISTS');
  return { kind: 'CreateRoleStmt', text: p.textFrom(start), ifNotExists, roles: parseRoleList(p) };
}

/** `DROP ROLE …` with DROP consumed and ROLE current. */
export function parseDropRole(p: Parser, start: number): DropRoleStmt {
  p.expectWord('ROLE');
  const ifExists = p.acceptWords('IF', 'EXISTS');
  return { kind: 'DropRoleStmt', text: p.textFrom(start), ifExists, roles: parseRoleList(p) };
}

/** `GRANT role, … TO user, … [WITH ADMIN OPTION]` with GRANT current. */
export function parseGrantRole(p: Parser): GrantRoleStmt {
  const start = p.tok.start;
  p.expectWord('GRANT');
  const roles = parseRoleList(p);
  p.expectWord('TO');
  const users = parseUserList(p);
  const withAdminOption = p.acceptWords('WITH', 'ADMIN', 'OPTION');
  return { kind: 'GrantRoleStmt', text: p.textFrom(start), roles, users, withAdminOption };
}

/** `REVOKE role, … FROM user, …` with REVOKE current. */
export function parseRevokeRole(p: Parser): RevokeRoleStmt {
  const start = p.tok.start;
  p.expectWord('REVOKE');
  const roles = parseRoleList(p);
  p.expectWord('FROM');
  return { kind: 'RevokeRoleStmt', text: p.textFrom(start), roles, users: parseUserList(p) };
}

/** `NONE | ALL | role, …` of a DEFAULT ROLE clause. */
function parseDefaultRoles(p: Parser): SetDefaultRoleStmt['selection'] {
  if (p.acceptWord('NONE')) return { kind: 'none' };
  if (p.acceptWord('ALL')) return { kind: 'all', except: [] };
  return { kind: 'list', roles: parseRoleList(p) };
}

/** `SET ROLE …` with SET consumed and ROLE current. */
export function parseSetRole(p: Parser, start: number): SetRoleStmt {
  p.expectWord('ROLE');
  let selection: RoleSelection;
  if (p.acceptWord('DEFAULT')) selection = { kind: 'default' };
  else if (p.acceptWord('NONE')) selection = { kind: 'none' };
  else if (p.acceptWord('ALL')) selection = { kind: 'all', except: p.acceptWord('EXCEPT') ? parseRoleList(p) : [] };
  else selection = { kind: 'list', roles: parseRoleList(p) };
  return { kind: 'SetRoleStmt', text: p.textFrom(start), selection };
}

/** `SET DEFAULT ROLE … TO user, …` with SET consumed and DEFAULT current. */
export function parseSetDefaultRole(p: Parser, start: number): SetDefaultRoleStmt {
  p.expectWord('DEFAULT');
  p.expectWord('ROLE');
  const selection = parseDefaultRoles(p);
  p.expectWord('TO');
  return { kind: 'SetDefaultRoleStmt', text: p.textFrom(start), selection, users: parseUserList(p), isAlterUser: false };
}

/** `ALTER USER user DEFAULT ROLE …` with ALTER consumed and USER current; undefined when it is another ALTER USER. */
export function parseAlterUserDefaultRole(p: Parser, start: number): SetDefaultRoleStmt | undefined {
  // USER name [@host | ()] DEFAULT ROLE: look past the account name (tokens 1…) without consuming anything.
  const after = p.peek(2);
  const isOp = (value: string): boolean => after.type === TokenType.Op && after.value === value;
  const n = after.type === TokenType.UserVar ? 3 : isOp('@') || isOp('(') ? 4 : 2;
  if (!(p.isWordAt(n, 'DEFAULT') && p.isWordAt(n + 1, 'ROLE'))) return undefined;
  p.expectWord('USER');
  const user = parseUserSpec(p);
  p.expectWord('DEFAULT');
  p.expectWord('ROLE');
  const selection = parseDefaultRoles(p);
  return { kind: 'SetDefaultRoleStmt', text: p.textFrom(start), selection, users: [user], isAlterUser: true };
}

// Account names: 'user'@'host', user@host, CURRENT_USER[()].
import type { UserSpec } from '../ast/index.js';
import type { Parser } from './parser.js';
import { TokenType } from './token.js';

/** Parses an account name as MySQL writes it (the host part is optional and may be quoted or bare). */
export function parseUserSpec(p: Parser): UserSpec {
  if (p.acceptWord('CURRENT_USER')) {
    if (p.acceptOp('(')) p.expectOp(')');
    return { kind: 'currentUser' };
  }
  const user = p.identOrString();
  // `user@host` lexes as a word and a user variable `@host`.
  if (p.tok.type === TokenType.UserVar && p.tok.start === p.prevEnd)
    return { kind: 'user', user, host: p.advance().value };
  if (p.acceptOp('@')) return { kind: 'user', user, host: p.identOrString() };
  return { kind: 'user', user };
}

/** `user, …` (CURRENT_USER allowed). */
export function parseUserList(p: Parser): UserSpec[] {
  const users: UserSpec[] = [];
  do users.push(parseUserSpec(p));
  while (p.acceptOp(','));
  return users;
}

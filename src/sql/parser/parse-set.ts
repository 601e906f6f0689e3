// SET: system and user variables, NAMES, CHARACTER SET, and SET TRANSACTION.
import type {
  Expr,
  IsolationLevel,
  SetAssignment,
  SetStmt,
  SetTransactionStmt,
  Statement,
  VarScope,
} from '../ast/index.js';
import { parseExpr } from './parse-expr.js';
import { parseSetPassword } from './parse-account.js';
import { parseSetDefaultRole, parseSetRole } from './parse-role.js';
import type { Parser } from './parser.js';
import { TokenType } from './token.js';
import type { Mutable } from './mutable.js';

const SCOPE_WORDS: Readonly<Record<string, VarScope>> = {
  GLOBAL: 'GLOBAL',
  SESSION: 'SESSION',
  LOCAL: 'SESSION',
  PERSIST: 'PERSIST',
  PERSIST_ONLY: 'PERSIST_ONLY',
};

/** Reserved words MySQL accepts as a system variable's value, meaning the word itself. */
const VALUE_WORDS: ReadonlySet<string> = new Set(['ON', 'ALL', 'BINARY', 'ROW', 'SYSTEM']);

/** `SET …` */
export function parseSet(p: Parser): Statement {
  const start = p.tok.start;
  p.expectWord('SET');
  const scopeWord = p.tok.type === TokenType.Ident ? SCOPE_WORDS[p.tok.upper] : undefined;
  if (p.isWord('TRANSACTION') || (scopeWord !== undefined && p.isWordAt(1, 'TRANSACTION')))
    return parseSetTransaction(p, start);
  if (p.isWord('PASSWORD') && (p.isOpAt(1, '=') || p.isWordAt(1, 'FOR'))) return parseSetPassword(p, start);
  if (p.isWord('ROLE') && !p.isOpAt(1, '=') && !p.isOpAt(1, ':=')) return parseSetRole(p, start);
  if (p.isWord('DEFAULT') && p.isWordAt(1, 'ROLE')) return parseSetDefaultRole(p, start);
  const assignments: SetAssignment[] = [];
  let scope: VarScope | undefined;
  do {
    const word = p.tok.type === TokenType.Ident ? SCOPE_WORDS[p.tok.upper] : undefined;
    if (word !== undefined && (p.peek().type === TokenType.Ident || p.peek().type === TokenType.QuotedIdent)) {
      p.advance();
      scope = word;
    }
    assignments.push(parseAssignment(p, scope));
  } while (p.acceptOp(','));
  const stmt: SetStmt = { kind: 'SetStmt', text: p.textFrom(start), assignments };
  return stmt;
}

function parseAssignment(p: Parser, scope: VarScope | undefined): SetAssignment {
  if (p.isWord('NAMES')) {
    p.advance();
    if (p.acceptWord('DEFAULT')) return { kind: 'SetNames' };
    const charset = p.charsetName();
    if (p.acceptWord('COLLATE'))
      return { kind: 'SetNames', charset, collate: p.isWord('DEFAULT') ? p.advance().upper : p.charsetName() };
    return { kind: 'SetNames', charset };
  }
  if (p.isWord('CHARSET') || (p.isWord('CHARACTER') && p.isWordAt(1, 'SET'))) {
    if (p.advance().upper === 'CHARACTER') p.advance();
    if (p.acceptWord('DEFAULT')) return { kind: 'SetCharset' };
    return { kind: 'SetCharset', charset: p.charsetName() };
  }
  if (p.tok.type === TokenType.UserVar || p.isOp('@')) {
    const name = p.tok.type === TokenType.UserVar ? p.advance().value : (p.advance(), p.identOrString());
    if (!p.acceptOp('=')) p.expectOp(':=');
    return { kind: 'SetUserVar', target: { kind: 'UserVarExpr', name }, value: parseExpr(p) };
  }
  let varScope = scope;
  if (p.acceptOp('@@')) {
    varScope = undefined;
    const s = p.tok.type === TokenType.Ident ? SCOPE_WORDS[p.tok.upper] : undefined;
    if (s !== undefined && p.isOpAt(1, '.')) {
      p.advance();
      p.advance();
      varScope = s;
    }
  }
  let name = p.anyIdent();
  if (p.acceptOp('.')) name += '.' + p.anyIdent();
  if (!p.acceptOp('=')) p.expectOp(':=');
  const value = parseSysVarValue(p);
  return varScope === undefined
    ? { kind: 'SetSysVar', name: name.toLowerCase(), value }
    : { kind: 'SetSysVar', name: name.toLowerCase(), scope: varScope, value };
}

/** A system variable's value: DEFAULT, a bare word (ON, ANSI, …), or an expression. */
function parseSysVarValue(p: Parser): Expr {
  const t = p.tok;
  const next = p.peek();
  const isAlone =
    next.type === TokenType.EOF || (next.type === TokenType.Op && (next.value === ',' || next.value === ';'));
  if (t.type === TokenType.Ident && isAlone) {
    if (t.upper === 'DEFAULT') {
      p.advance();
      return { kind: 'DefaultExpr' };
    }
    if (VALUE_WORDS.has(t.upper)) {
      p.advance();
      return { kind: 'StringLiteralExpr', value: t.upper, isBareWord: true };
    }
  }
  const value = parseExpr(p);
  if (value.kind === 'ColumnRefExpr' && value.table === undefined)
    return { kind: 'StringLiteralExpr', value: value.column, isBareWord: true };
  return value;
}

/** `SET [GLOBAL|SESSION] TRANSACTION ISOLATION LEVEL … | READ ONLY | READ WRITE [, …]` */
function parseSetTransaction(p: Parser, start: number): SetTransactionStmt {
  const scopeWord = p.acceptOneOf(['GLOBAL', 'SESSION', 'LOCAL'] as const);
  p.expectWord('TRANSACTION');
  const stmt: Mutable<SetTransactionStmt> = { kind: 'SetTransactionStmt', text: '' };
  if (scopeWord !== undefined) stmt.scope = scopeWord === 'GLOBAL' ? 'GLOBAL' : 'SESSION';
  do {
    if (p.acceptWords('ISOLATION', 'LEVEL')) stmt.isolationLevel = parseIsolationLevel(p);
    else if (p.acceptWords('READ', 'ONLY')) stmt.accessMode = 'READ ONLY';
    else if (p.acceptWords('READ', 'WRITE')) stmt.accessMode = 'READ WRITE';
    else throw p.error();
  } while (p.acceptOp(','));
  stmt.text = p.textFrom(start);
  return stmt;
}

function parseIsolationLevel(p: Parser): IsolationLevel {
  if (p.acceptWords('READ', 'UNCOMMITTED')) return 'READ UNCOMMITTED';
  if (p.acceptWords('READ', 'COMMITTED')) return 'READ COMMITTED';
  if (p.acceptWords('REPEATABLE', 'READ')) return 'REPEATABLE READ';
  if (p.acceptWord('SERIALIZABLE')) return 'SERIALIZABLE';
  throw p.error();
}

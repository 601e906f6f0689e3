// SHOW statements and DESCRIBE/DESC tbl.
import type { DescribeStmt, ShowStmt, ShowTarget, TableName } from '../ast/index.js';
import { parseExpr } from './parse-expr.js';
import { parseLimit } from './parse-select.js';
import { parseTableName } from './parse-table-ref.js';
import { parseUserSpec } from './parse-user.js';
import type { Parser } from './parser.js';
import { TokenType } from './token.js';
import type { Mutable } from './mutable.js';

/** `SHOW …` */
export function parseShow(p: Parser): ShowStmt {
  const start = p.tok.start;
  p.expectWord('SHOW');
  const s: Mutable<ShowStmt> = { kind: 'ShowStmt', text: '', target: 'DATABASES' };
  if (p.acceptWord('FULL')) s.isFull = true;
  if (p.acceptWord('EXTENDED')) s.isExtended = true;
  if (!s.isFull && p.acceptWord('FULL')) s.isFull = true;
  const scope = p.acceptOneOf(['GLOBAL', 'SESSION', 'LOCAL'] as const);
  if (scope !== undefined) s.scope = scope === 'GLOBAL' ? 'GLOBAL' : 'SESSION';
  s.target = parseTarget(p, s);
  s.text = p.textFrom(start);
  return s;
}

/** The object of SHOW and its own clauses; LIKE/WHERE filters are parsed for the targets that allow them. */
function parseTarget(p: Parser, s: Mutable<ShowStmt>): ShowTarget {
  if (p.tok.type !== TokenType.Ident) throw p.error();
  const wordTok = p.advance();
  const word = wordTok.upper;
  const onlyScope = (t: ShowTarget): ShowTarget => {
    if (s.isFull === true || s.isExtended === true) throw p.error();
    return t;
  };
  switch (word) {
    case 'DATABASES':
    case 'SCHEMAS':
      filter(p, s);
      return 'DATABASES';
    case 'TABLES':
      fromDb(p, s);
      filter(p, s);
      return 'TABLES';
    case 'TABLE':
      p.expectWord('STATUS');
      fromDb(p, s);
      filter(p, s);
      return 'TABLE STATUS';
    case 'OPEN':
      p.expectWord('TABLES');
      fromDb(p, s);
      filter(p, s);
      return 'OPEN TABLES';
    case 'STATUS':
    case 'VARIABLES':
      filter(p, s);
      return onlyScope(word);
    case 'COLUMNS':
    case 'FIELDS':
      s.table = fromTable(p);
      fromDb(p, s);
      filter(p, s);
      return 'COLUMNS';
    case 'INDEX':
    case 'INDEXES':
    case 'KEYS':
      s.table = fromTable(p);
      fromDb(p, s);
      if (p.acceptWord('WHERE')) s.where = parseExpr(p);
      return 'INDEX';
    case 'CREATE':
      return parseShowCreate(p, s);
    case 'WARNINGS':
    case 'ERRORS':
      if (p.isWord('LIMIT')) s.limit = parseLimit(p);
      return word;
    case 'COUNT': {
      p.expectOp('(');
      p.expectOp('*');
      p.expectOp(')');
      return `COUNT ${p.expectOneOf(['WARNINGS', 'ERRORS'] as const)}`;
    }
    case 'PROCESSLIST':
      return 'PROCESSLIST';
    case 'ENGINES':
    case 'STORAGE':
      if (word === 'STORAGE') p.expectWord('ENGINES');
      return 'ENGINES';
    case 'ENGINE':
      s.engine = p.anyIdent();
      p.expectOneOf(['STATUS', 'MUTEX'] as const);
      return 'ENGINE STATUS';
    case 'CHARSET':
    case 'CHARACTER':
      if (word === 'CHARACTER') p.expectWord('SET');
      filter(p, s);
      return 'CHARSET';
    case 'COLLATION':
      filter(p, s);
      return 'COLLATION';
    case 'GRANTS':
      if (p.acceptWord('FOR')) {
        s.user = parseUserSpec(p);
        if (p.acceptWord('USING')) {
          const roles = [];
          do roles.push(parseUserSpec(p));
          while (p.acceptOp(','));
          s.usingRoles = roles;
        }
      }
      return 'GRANTS';
    case 'TRIGGERS':
    case 'EVENTS':
      fromDb(p, s);
      filter(p, s);
      return word;
    case 'PLUGINS':
    case 'PRIVILEGES':
    case 'PROFILES':
      return word;
    case 'MASTER':
    case 'BINARY':
      if (word === 'BINARY' && p.acceptWord('LOGS')) return 'BINARY LOGS';
      if (word === 'BINARY') {
        p.expectWord('LOG');
        p.expectWord('STATUS');
        return 'BINARY LOG STATUS';
      }
      p.expectWord('STATUS');
      return 'MASTER STATUS';
    case 'REPLICAS':
      return 'REPLICAS';
    case 'PROCEDURE':
    case 'FUNCTION':
      p.expectWord('STATUS');
      filter(p, s);
      return `${word} STATUS`;
    default:
      throw p.error(wordTok);
  }
}

function parseShowCreate(p: Parser, s: Mutable<ShowStmt>): ShowTarget {
  const what = p.expectOneOf([
    'TABLE',
    'VIEW',
    'SEQUENCE',
    'DATABASE',
    'SCHEMA',
    'USER',
    'PROCEDURE',
    'FUNCTION',
    'TRIGGER',
    'EVENT',
  ] as const);
  switch (what) {
    case 'DATABASE':
    case 'SCHEMA':
      if (p.acceptWords('IF', 'NOT', 'EXISTS')) s.ifNotExists = true;
      s.db = p.ident();
      return 'CREATE DATABASE';
    case 'USER':
      s.user = parseUserSpec(p);
      return 'CREATE USER';
    default:
      s.table = parseTableName(p);
      return `CREATE ${what}`;
  }
}

/** `FROM|IN tbl` (required) */
function fromTable(p: Parser): TableName {
  if (!p.acceptWord('FROM')) p.expectWord('IN');
  return parseTableName(p);
}

/** Optional `FROM|IN db`. */
function fromDb(p: Parser, s: Mutable<ShowStmt>): void {
  if (p.acceptWord('FROM') || p.acceptWord('IN')) s.db = p.ident();
}

/** Optional `LIKE 'pattern'` or `WHERE expr`. */
function filter(p: Parser, s: Mutable<ShowStmt>): void {
  if (p.acceptWord('LIKE')) s.like = p.string();
  else if (p.acceptWord('WHERE')) s.where = parseExpr(p);
}

/** `DESCRIBE|DESC|EXPLAIN tbl [col | 'pattern']` after the keyword. */
export function parseDescribeTable(p: Parser, start: number): DescribeStmt {
  const table = parseTableName(p);
  let column: string | undefined;
  if (p.tok.type === TokenType.String) column = p.string();
  else if (p.isIdentAt(0)) column = p.ident();
  return { kind: 'DescribeStmt', text: p.textFrom(start), table, ...(column !== undefined && { column }) };
}

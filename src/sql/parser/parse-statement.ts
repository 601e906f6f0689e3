// Statement dispatch by first word, EXPLAIN, and the multi-statement entry points.
import { mysqlError, isMySqlError, ER_EMPTY_QUERY, type MySqlError } from '../../errors/index.js';
import type { ExplainableStmt, ExplainStmt, Statement } from '../ast/index.js';
import { isSpace } from './char-codes.js';
import {
  parseAlterInstance,
  parseAnalyzeTable,
  parseCheckTable,
  parseChecksumTable,
  parseOptimizeTable,
  parseDeallocate,
  parseDo,
  parseExecute,
  parseFlush,
  parseKill,
  parseLockTables,
  parsePrepare,
  parseUnlockTables,
  parseUse,
} from './parse-admin.js';
import { parseGrant, parseRenameUser, parseRevoke } from './parse-account.js';
import { isRoleGrant, parseGrantRole, parseRevokeRole } from './parse-role.js';
import { parseAlter, parseCreate, parseDrop, parseRenameTable, parseTruncate } from './parse-ddl.js';
import { parseDelete, parseInsert, parseUpdate } from './parse-dml.js';
import { parseExpr, startsQuery } from './parse-expr.js';
import { parseLoadData } from './parse-load-data.js';
import { parseQuery, parseQueryTail } from './parse-select.js';
import { parseSet } from './parse-set.js';
import { parseDescribeTable, parseShow } from './parse-show.js';
import {
  parseBegin,
  parseCommit,
  parseRelease,
  parseRollback,
  parseSavepoint,
  parseStartTransaction,
} from './parse-transaction.js';
import { Parser, type Grammar, type ParseOptions } from './parser.js';
import type { Prec } from './precedence.js';
import { TokenType } from './token.js';

const GRAMMAR: Grammar = {
  expr: (p, minPrec) => parseExpr(p, minPrec as Prec | undefined),
  query: parseQuery,
  queryTail: (p, left, start) => parseQueryTail(p, left, start),
  statement: parseStatement,
};

/** Parses one statement starting at the current token (which is not `;` or the end). */
export function parseStatement(p: Parser): Statement {
  const t = p.tok;
  if (t.type === TokenType.Op && t.value === '(') return parseQuery(p);
  if (t.type !== TokenType.Ident) throw p.error();
  switch (t.upper) {
    case 'SELECT':
    case 'WITH':
    case 'VALUES':
    case 'TABLE':
      return parseQuery(p);
    case 'INSERT':
    case 'REPLACE':
      return parseInsert(p);
    case 'UPDATE':
      return parseUpdate(p);
    case 'DELETE':
      return parseDelete(p);
    case 'LOAD':
      return parseLoadData(p);
    case 'CREATE':
      return parseCreate(p);
    case 'DROP':
      return p.isWordAt(1, 'PREPARE') ? parseDeallocate(p) : parseDrop(p);
    case 'ALTER':
      return p.isWordAt(1, 'INSTANCE') ? parseAlterInstance(p) : parseAlter(p);
    case 'RENAME':
      return p.isWordAt(1, 'USER') ? parseRenameUser(p) : parseRenameTable(p);
    case 'GRANT':
      return isRoleGrant(p) ? parseGrantRole(p) : parseGrant(p);
    case 'REVOKE':
      return isRoleGrant(p) ? parseRevokeRole(p) : parseRevoke(p);
    case 'TRUNCATE':
      return parseTruncate(p);
    case 'USE':
      return parseUse(p);
    case 'BEGIN':
      return parseBegin(p);
    case 'START':
      return parseStartTransaction(p);
    case 'COMMIT':
      return parseCommit(p);
    case 'ROLLBACK':
      return parseRollback(p);
    case 'SAVEPOINT':
      return parseSavepoint(p);
    case 'RELEASE':
      return parseRelease(p);
    case 'SET':
      return parseSet(p);
    case 'SHOW':
      return parseShow(p);
    case 'DESCRIBE':
    case 'DESC':
    case 'EXPLAIN':
      return parseExplain(p);
    case 'KILL':
      return parseKill(p);
    case 'FLUSH':
      return parseFlush(p);
    case 'LOCK':
      return parseLockTables(p);
    case 'UNLOCK':
      return parseUnlockTables(p);
    case 'DO':
      return parseDo(p);
    case 'CHECK':
      return parseCheckTable(p);
    case 'ANALYZE':
      return parseAnalyzeTable(p);
    case 'OPTIMIZE':
    case 'REPAIR':
      return parseOptimizeTable(p);
    case 'CHECKSUM':
      return parseChecksumTable(p);
    case 'PREPARE':
      return parsePrepare(p);
    case 'EXECUTE':
      return parseExecute(p);
    case 'DEALLOCATE':
      return parseDeallocate(p);
    default:
      throw p.error();
  }
}

/** `EXPLAIN|DESCRIBE|DESC [ANALYZE] [FORMAT = x] stmt`, or `DESCRIBE tbl [col]`. */
function parseExplain(p: Parser): Statement {
  const start = p.tok.start;
  p.advance();
  const isStatement =
    startsQuery(p, 0) ||
    p.isOp('(') ||
    p.isWord('INSERT') ||
    p.isWord('REPLACE') ||
    p.isWord('UPDATE') ||
    p.isWord('DELETE') ||
    p.isWord('ANALYZE') ||
    p.isWord('FORMAT') ||
    p.isWord('EXTENDED') ||
    p.isWord('SELECT');
  if (!isStatement) return parseDescribeTable(p, start);
  const isAnalyze = p.acceptWord('ANALYZE');
  p.acceptWord('EXTENDED');
  let format: string | undefined;
  if (p.acceptWord('FORMAT')) {
    p.expectOp('=');
    format = (p.tok.type === TokenType.String ? p.advance().value : p.anyIdent()).toUpperCase();
  }
  const inner = p.tok;
  const stmt = parseStatement(p);
  if (!isExplainable(stmt)) throw p.error(inner);
  const node: ExplainStmt = {
    kind: 'ExplainStmt',
    text: p.textFrom(start),
    isAnalyze,
    ...(format !== undefined && { format }),
    stmt,
  };
  return node;
}

function isExplainable(s: Statement): s is ExplainableStmt {
  switch (s.kind) {
    case 'SelectStmt':
    case 'UnionStmt':
    case 'ValuesStmt':
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
      return true;
    default:
      return false;
  }
}

/** What `parseStatements` returns: the statements before the first error, and that error if there was one. */
export interface ParseResult {
  readonly statements: Statement[];
  /** Number of `?` placeholders in each statement, by position. */
  readonly paramCounts: number[];
  readonly error?: MySqlError;
}

/**
 * Parses `;`-separated statements (COM_QUERY with CLIENT_MULTI_STATEMENTS). Statements before a syntax error are
 * returned with the error, because MySQL runs them before reporting it. Empty statements between `;` are skipped.
 * Never throws: every failure is a MySqlError in `error`. No statement and no error → ER_EMPTY_QUERY.
 */
export function parseStatements(sql: string, options: ParseOptions = {}): ParseResult {
  const statements: Statement[] = [];
  const paramCounts: number[] = [];
  let p: Parser | undefined;
  try {
    p = new Parser(sql, options, GRAMMAR);
    p.segmentStart = skipSpace(sql, 0);
    for (;;) {
      while (p.isOp(';')) {
        p.advance();
        p.segmentStart = skipSpace(sql, p.prevEnd);
      }
      if (p.tok.type === TokenType.EOF) break;
      p.paramCount = 0;
      p.depth = 0;
      p.hidesStrings = false;
      const stmt = parseStatement(p);
      if (!p.atStatementEnd()) throw p.error();
      statements.push(stmt);
      paramCounts.push(p.paramCount);
    }
  } catch (e) {
    if (isMySqlError(e)) return { statements, paramCounts, error: e };
    if (e instanceof RangeError && p !== undefined)
      return { statements, paramCounts, error: p.error(p.tok, 'memory exhausted') };
    throw e;
  }
  if (statements.length === 0) return { statements, paramCounts, error: mysqlError(ER_EMPTY_QUERY) };
  return { statements, paramCounts };
}

/**
 * Parses exactly one statement (COM_STMT_PREPARE, PREPARE … FROM), optionally followed by `;`, and counts its `?`
 * placeholders. Anything after it is a syntax error at its first token. Throws only MySqlError.
 */
export function parseSingleStatement(
  sql: string,
  options: ParseOptions = {},
): { statement: Statement; paramCount: number } {
  let p: Parser | undefined;
  try {
    p = new Parser(sql, options, GRAMMAR);
    p.segmentStart = skipSpace(sql, 0);
    if (p.atEnd()) throw mysqlError(ER_EMPTY_QUERY);
    const statement = parseStatement(p);
    p.acceptOp(';');
    if (!p.atEnd()) throw p.error();
    return { statement, paramCount: p.paramCount };
  } catch (e) {
    if (e instanceof RangeError && p !== undefined) throw p.error(p.tok, 'memory exhausted');
    throw e;
  }
}

function skipSpace(sql: string, from: number): number {
  let i = from;
  while (i < sql.length && isSpace(sql.charCodeAt(i))) i++;
  return i;
}

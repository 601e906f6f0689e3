// Utility statements drivers and tools send: USE, KILL, FLUSH, LOCK/UNLOCK TABLES, ALTER INSTANCE, DO, CHECK TABLE,
// PREPARE…
import type {
  AlterInstanceStmt,
  AnalyzeTableStmt,
  CheckTableStmt,
  ChecksumTableStmt,
  OptimizeTableStmt,
  DeallocateStmt,
  DoStmt,
  ExecuteStmt,
  FlushStmt,
  KillStmt,
  LockTablesStmt,
  PrepareStmt,
  TableName,
  UnlockTablesStmt,
  UseStmt,
  UserVarExpr,
} from '../ast/index.js';
import { parseExpr, parseExprList } from './parse-expr.js';
import { parseAlias, parseTableName, parseTableNameList } from './parse-table-ref.js';
import type { Parser } from './parser.js';
import { TokenType } from './token.js';

export function parseUse(p: Parser): UseStmt {
  const start = p.tok.start;
  p.expectWord('USE');
  const db = p.ident();
  return { kind: 'UseStmt', text: p.textFrom(start), db };
}

/** `KILL [QUERY|CONNECTION] id` */
export function parseKill(p: Parser): KillStmt {
  const start = p.tok.start;
  p.expectWord('KILL');
  const isQuery = p.acceptWord('QUERY');
  if (!isQuery) p.acceptWord('CONNECTION');
  const id = parseExpr(p);
  return { kind: 'KillStmt', text: p.textFrom(start), isQuery, id };
}

/** Two-word FLUSH options, by first word. */
const FLUSH_PAIRS: Readonly<Record<string, readonly string[]>> = {
  BINARY: ['LOGS'],
  ENGINE: ['LOGS'],
  ERROR: ['LOGS'],
  GENERAL: ['LOGS'],
  RELAY: ['LOGS'],
  SLOW: ['LOGS'],
  USER_RESOURCES: [],
  OPTIMIZER_COSTS: [],
  DES_KEY_FILE: [],
  QUERY: ['CACHE'],
};

/** `FLUSH [NO_WRITE_TO_BINLOG|LOCAL] option, …` and `FLUSH TABLES [t, …] [WITH READ LOCK | FOR EXPORT]`. */
export function parseFlush(p: Parser): FlushStmt {
  const start = p.tok.start;
  p.expectWord('FLUSH');
  const isLocal = p.acceptWord('NO_WRITE_TO_BINLOG') || p.acceptWord('LOCAL');
  if (p.isWord('TABLES') || p.isWord('TABLE')) {
    p.advance();
    let tables: TableName[] | undefined;
    if (p.isIdentAt(0) && !p.isWord('WITH') && !p.isWord('FOR')) tables = parseTableNameList(p);
    let tablesMode: FlushStmt['tablesMode'];
    if (p.acceptWords('WITH', 'READ', 'LOCK')) tablesMode = 'WITH READ LOCK';
    else if (p.acceptWords('FOR', 'EXPORT')) tablesMode = 'FOR EXPORT';
    return {
      kind: 'FlushStmt',
      text: p.textFrom(start),
      isLocal,
      options: ['TABLES'],
      ...(tables !== undefined && { tables }),
      ...(tablesMode !== undefined && { tablesMode }),
    };
  }
  const options: string[] = [];
  do {
    if (p.tok.type !== TokenType.Ident) throw p.error();
    let word = p.advance().upper;
    const second = FLUSH_PAIRS[word];
    if (second !== undefined && second.length > 0) {
      p.expectWord(second[0] as string);
      word += ' ' + (second[0] as string);
    }
    options.push(word);
  } while (p.acceptOp(','));
  return { kind: 'FlushStmt', text: p.textFrom(start), isLocal, options };
}

/** `LOCK TABLES t [[AS] a] READ [LOCAL] | [LOW_PRIORITY] WRITE, …` (also LOCK TABLE). */
export function parseLockTables(p: Parser): LockTablesStmt {
  const start = p.tok.start;
  p.expectWord('LOCK');
  if (!p.acceptWord('TABLES')) p.expectWord('TABLE');
  const tables: LockTablesStmt['tables'][number][] = [];
  do {
    const table = parseTableName(p);
    const alias = parseAlias(p);
    let mode: LockTablesStmt['tables'][number]['mode'];
    if (p.acceptWord('READ')) mode = p.acceptWord('LOCAL') ? 'READ LOCAL' : 'READ';
    else if (p.acceptWord('LOW_PRIORITY')) {
      p.expectWord('WRITE');
      mode = 'LOW_PRIORITY WRITE';
    } else {
      p.expectWord('WRITE');
      mode = 'WRITE';
    }
    tables.push(alias === undefined ? { table, mode } : { table, alias, mode });
  } while (p.acceptOp(','));
  return { kind: 'LockTablesStmt', text: p.textFrom(start), tables };
}

export function parseUnlockTables(p: Parser): UnlockTablesStmt {
  const start = p.tok.start;
  p.expectWord('UNLOCK');
  if (!p.acceptWord('TABLES')) p.expectWord('TABLE');
  return { kind: 'UnlockTablesStmt', text: p.textFrom(start) };
}

/** `ALTER INSTANCE …` with ALTER current. */
export function parseAlterInstance(p: Parser): AlterInstanceStmt {
  const start = p.tok.start;
  p.expectWord('ALTER');
  p.expectWord('INSTANCE');
  let action: AlterInstanceStmt['action'];
  let channel: string | undefined;
  if (p.acceptWords('RELOAD', 'TLS')) {
    action = 'RELOAD TLS';
    if (p.acceptWords('FOR', 'CHANNEL')) channel = p.ident();
  } else if (p.acceptWords('ROTATE', 'INNODB', 'MASTER', 'KEY')) action = 'ROTATE INNODB MASTER KEY';
  else if (p.acceptWords('ENABLE', 'INNODB', 'REDO_LOG')) action = 'ENABLE INNODB REDO_LOG';
  else if (p.acceptWords('DISABLE', 'INNODB', 'REDO_LOG')) action = 'DISABLE INNODB REDO_LOG';
  else throw p.error();
  const noRollbackOnError = action === 'RELOAD TLS' && p.acceptWords('NO', 'ROLLBACK', 'ON', 'ERROR');
  return {
    kind: 'AlterInstanceStmt',
    text: p.textFrom(start),
    action,
    ...(channel !== undefined && { channel }),
    noRollbackOnError,
  };
}

export function parseDo(p: Parser): DoStmt {
  const start = p.tok.start;
  p.expectWord('DO');
  const exprs = parseExprList(p);
  return { kind: 'DoStmt', text: p.textFrom(start), exprs };
}

const CHECK_TABLE_OPTIONS = ['QUICK', 'FAST', 'MEDIUM', 'EXTENDED', 'CHANGED'];

/** `CHECK TABLE t [, …] [FOR UPGRADE | QUICK | FAST | MEDIUM | EXTENDED | CHANGED]` */
export function parseCheckTable(p: Parser): CheckTableStmt {
  const start = p.tok.start;
  p.expectWord('CHECK');
  if (!p.acceptWord('TABLE')) p.expectWord('TABLES');
  const tables = parseTableNameList(p);
  let option: string | undefined;
  if (p.acceptWord('FOR')) {
    p.expectWord('UPGRADE');
    option = 'FOR UPGRADE';
  } else {
    option = CHECK_TABLE_OPTIONS.find((word) => p.acceptWord(word));
  }
  return { kind: 'CheckTableStmt', text: p.textFrom(start), tables, ...(option !== undefined && { option }) };
}

/** `ANALYZE [NO_WRITE_TO_BINLOG | LOCAL] TABLE t [, …]` (MySQL's form, which TiDB's `ANALYZE TABLE t` is part of). */
export function parseAnalyzeTable(p: Parser): AnalyzeTableStmt {
  const start = p.tok.start;
  p.expectWord('ANALYZE');
  const option = p.acceptWord('NO_WRITE_TO_BINLOG') ? 'NO_WRITE_TO_BINLOG' : p.acceptWord('LOCAL') ? 'LOCAL' : undefined;
  if (!p.acceptWord('TABLE')) p.expectWord('TABLES');
  const tables = parseTableNameList(p);
  return { kind: 'AnalyzeTableStmt', text: p.textFrom(start), tables, ...(option !== undefined && { option }) };
}

/** `OPTIMIZE | REPAIR [NO_WRITE_TO_BINLOG | LOCAL] TABLE t [, …]`, REPAIR with QUICK, EXTENDED or USE_FRM after. */
export function parseOptimizeTable(p: Parser): OptimizeTableStmt {
  const start = p.tok.start;
  const op = p.expectOneOf(['OPTIMIZE', 'REPAIR'] as const) === 'OPTIMIZE' ? 'optimize' : 'repair';
  const option = p.acceptWord('NO_WRITE_TO_BINLOG') ? 'NO_WRITE_TO_BINLOG' : p.acceptWord('LOCAL') ? 'LOCAL' : undefined;
  if (!p.acceptWord('TABLE')) p.expectWord('TABLES');
  const tables = parseTableNameList(p);
  if (op === 'repair') while (p.acceptWord('QUICK') || p.acceptWord('EXTENDED') || p.acceptWord('USE_FRM'));
  return { kind: 'OptimizeTableStmt', text: p.textFrom(start), op, tables, ...(option !== undefined && { option }) };
}

/** `CHECKSUM TABLE t [, …] [QUICK | EXTENDED]` */
export function parseChecksumTable(p: Parser): ChecksumTableStmt {
  const start = p.tok.start;
  p.expectWord('CHECKSUM');
  if (!p.acceptWord('TABLE')) p.expectWord('TABLES');
  const tables = parseTableNameList(p);
  const option = p.acceptWord('QUICK') ? 'QUICK' : p.acceptWord('EXTENDED') ? 'EXTENDED' : undefined;
  return { kind: 'ChecksumTableStmt', text: p.textFrom(start), tables, ...(option !== undefined && { option }) };
}

/** `PREPARE name FROM 'text' | @var` */
export function parsePrepare(p: Parser): PrepareStmt {
  const start = p.tok.start;
  p.expectWord('PREPARE');
  const name = p.ident();
  p.expectWord('FROM');
  if (p.tok.type === TokenType.UserVar) {
    const variable: UserVarExpr = { kind: 'UserVarExpr', name: p.advance().value };
    return { kind: 'PrepareStmt', text: p.textFrom(start), name, source: { kind: 'var', variable } };
  }
  const sql = p.string();
  return { kind: 'PrepareStmt', text: p.textFrom(start), name, source: { kind: 'text', text: sql } };
}

/** `EXECUTE name [USING @a, @b]` */
export function parseExecute(p: Parser): ExecuteStmt {
  const start = p.tok.start;
  p.expectWord('EXECUTE');
  const name = p.ident();
  const using: UserVarExpr[] = [];
  if (p.acceptWord('USING')) {
    do {
      if (p.tok.type !== TokenType.UserVar) throw p.error();
      using.push({ kind: 'UserVarExpr', name: p.advance().value });
    } while (p.acceptOp(','));
  }
  return { kind: 'ExecuteStmt', text: p.textFrom(start), name, using };
}

/** `DEALLOCATE|DROP PREPARE name` with the first word current. */
export function parseDeallocate(p: Parser): DeallocateStmt {
  const start = p.tok.start;
  p.advance();
  p.expectWord('PREPARE');
  const name = p.ident();
  return { kind: 'DeallocateStmt', text: p.textFrom(start), name };
}

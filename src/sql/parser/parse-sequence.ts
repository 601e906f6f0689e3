// Sequence statements (TiDB): CREATE [TEMPORARY] SEQUENCE, ALTER SEQUENCE, DROP SEQUENCE, and their options.
// https://docs.pingcap.com/tidb/stable/sql-statement-create-sequence
import type { AlterSequenceStmt, CreateSequenceStmt, DropSequenceStmt, SequenceOptions } from '../ast/index.js';
import type { Mutable } from './mutable.js';
import type { Parser } from './parser.js';
import { parseTableName, parseTableNameList } from './parse-table-ref.js';
import { TokenType } from './token.js';

/** A signed integer literal (`-5`, `+3`, `10`). */
function signedNum(p: Parser): bigint {
  const isNegative = p.acceptOp('-');
  if (!isNegative) p.acceptOp('+');
  if (p.tok.type !== TokenType.Int) throw p.error();
  const value = BigInt(p.advance().value);
  return isNegative ? -value : value;
}

/** The options after the name, until the statement ends; RESTART only for ALTER. */
function parseSequenceOptions(p: Parser, isAlter: boolean): SequenceOptions {
  const options: Mutable<SequenceOptions> = {};
  while (!p.atStatementEnd()) {
    p.acceptOp(',');
    if (p.acceptWord('INCREMENT')) {
      if (!p.acceptWord('BY')) p.acceptOp('=');
      options.increment = signedNum(p);
    } else if (p.acceptWord('START')) {
      if (!p.acceptWord('WITH')) p.acceptOp('=');
      options.start = signedNum(p);
    } else if (p.acceptWord('MINVALUE')) {
      p.acceptOp('=');
      options.minValue = signedNum(p);
    } else if (p.acceptWord('MAXVALUE')) {
      p.acceptOp('=');
      options.maxValue = signedNum(p);
    } else if (p.acceptWord('CACHE')) {
      p.acceptOp('=');
      options.cache = signedNum(p);
    } else if (p.acceptWord('NOMINVALUE') || p.acceptWords('NO', 'MINVALUE')) {
      options.minValue = null;
    } else if (p.acceptWord('NOMAXVALUE') || p.acceptWords('NO', 'MAXVALUE')) {
      options.maxValue = null;
    } else if (p.acceptWord('NOCACHE') || p.acceptWords('NO', 'CACHE')) {
      options.cache = null;
    } else if (p.acceptWord('CYCLE')) {
      options.isCycle = true;
    } else if (p.acceptWord('NOCYCLE') || p.acceptWords('NO', 'CYCLE')) {
      options.isCycle = false;
    } else if (p.acceptWord('COMMENT')) {
      p.acceptOp('=');
      options.comment = p.string();
    } else if (isAlter && p.acceptWord('RESTART')) {
      if (p.acceptWord('WITH') || p.acceptOp('=') || p.tok.type === TokenType.Int || p.isOp('-') || p.isOp('+')) options.restart = signedNum(p);
      else options.restart = 'start';
    } else if (p.acceptWord('ENGINE')) {
      // Table options are accepted for MariaDB's syntax and ignored, as TiDB does.
      p.acceptOp('=');
      p.identOrString();
    } else {
      throw p.error();
    }
  }
  return options;
}

/** `CREATE [TEMPORARY] SEQUENCE …` with CREATE consumed and TEMPORARY or SEQUENCE current. */
export function parseCreateSequence(p: Parser, start: number): CreateSequenceStmt {
  // TiDB takes TEMPORARY for syntax only.
  p.acceptWord('TEMPORARY');
  p.expectWord('SEQUENCE');
  const ifNotExists = p.acceptWords('IF', 'NOT', 'EXISTS');
  const name = parseTableName(p);
  return { kind: 'CreateSequenceStmt', text: p.textFrom(start), name, ifNotExists, options: parseSequenceOptions(p, false) };
}

/** `ALTER SEQUENCE …` with ALTER consumed and SEQUENCE current. */
export function parseAlterSequence(p: Parser, start: number): AlterSequenceStmt {
  p.expectWord('SEQUENCE');
  const name = parseTableName(p);
  return { kind: 'AlterSequenceStmt', text: p.textFrom(start), name, options: parseSequenceOptions(p, true) };
}

/** `DROP SEQUENCE …` with DROP consumed and SEQUENCE current. */
export function parseDropSequence(p: Parser, start: number): DropSequenceStmt {
  p.expectWord('SEQUENCE');
  const ifExists = p.acceptWords('IF', 'EXISTS');
  return { kind: 'DropSequenceStmt', text: p.textFrom(start), ifExists, names: parseTableNameList(p) };
}

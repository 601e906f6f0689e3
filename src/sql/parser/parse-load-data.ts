// LOAD DATA [LOCAL] INFILE … INTO TABLE … with its FIELDS / LINES / IGNORE / column list / SET clauses.
import type { LoadDataFields, LoadDataLines, LoadDataStmt, LoadDataTarget } from '../ast/index.js';
import type { Mutable } from './mutable.js';
import { parseAssignments } from './parse-dml.js';
import { parseIdentList, parseTableName } from './parse-table-ref.js';
import type { Parser } from './parser.js';
import { TokenType } from './token.js';

/** `LOAD DATA …` (the first word is current). https://dev.mysql.com/doc/refman/8.0/en/load-data.html */
export function parseLoadData(p: Parser): LoadDataStmt {
  const start = p.tok.start;
  p.expectWord('LOAD');
  p.expectWord('DATA');
  const priority = p.acceptOneOf(['LOW_PRIORITY', 'CONCURRENT'] as const);
  const isLocal = p.acceptWord('LOCAL');
  p.expectWord('INFILE');
  const fileName = p.string();
  const duplicates = p.acceptOneOf(['REPLACE', 'IGNORE'] as const);
  p.expectWord('INTO');
  p.expectWord('TABLE');
  const stmt: Mutable<LoadDataStmt> = { kind: 'LoadDataStmt', text: '', isLocal, fileName, table: parseTableName(p) };
  if (priority !== undefined) stmt.priority = priority;
  if (duplicates !== undefined) stmt.duplicates = duplicates;
  if (p.acceptWord('PARTITION')) stmt.partitions = parseIdentList(p);
  if (p.acceptWords('CHARACTER', 'SET') || p.acceptWord('CHARSET')) stmt.charset = p.charsetName();
  if (p.acceptWord('FIELDS') || p.acceptWord('COLUMNS')) stmt.fields = parseFields(p);
  if (p.acceptWord('LINES')) stmt.lines = parseLines(p);
  if (p.acceptWord('IGNORE')) {
    stmt.ignoreLines = p.integer();
    if (!p.acceptWord('LINES') && !p.acceptWord('ROWS')) throw p.error();
  }
  if (p.acceptOp('(')) {
    const targets: LoadDataTarget[] = [];
    if (!p.isOp(')')) {
      do targets.push(p.tok.type === TokenType.UserVar ? { kind: 'variable', name: p.advance().value } : { kind: 'column', name: columnName(p) });
      while (p.acceptOp(','));
    }
    p.expectOp(')');
    stmt.targets = targets;
  }
  if (p.acceptWord('SET')) stmt.assignments = parseAssignments(p);
  stmt.text = p.textFrom(start);
  return stmt;
}

/** A column of the column list; `t.col` is reduced to `col`, as MySQL does. */
function columnName(p: Parser): string {
  let name = p.ident();
  while (p.acceptOp('.')) name = p.anyIdent();
  return name;
}

function parseFields(p: Parser): LoadDataFields {
  const fields: Mutable<LoadDataFields> = {};
  let isAny = false;
  for (;;) {
    if (p.acceptWords('TERMINATED', 'BY')) fields.terminatedBy = p.string();
    else if (p.acceptWords('OPTIONALLY', 'ENCLOSED', 'BY')) {
      fields.enclosedBy = p.string();
      fields.isOptionallyEnclosed = true;
    } else if (p.acceptWords('ENCLOSED', 'BY')) fields.enclosedBy = p.string();
    else if (p.acceptWords('ESCAPED', 'BY')) fields.escapedBy = p.string();
    else break;
    isAny = true;
  }
  if (!isAny) throw p.error();
  return fields;
}

function parseLines(p: Parser): LoadDataLines {
  const lines: Mutable<LoadDataLines> = {};
  let isAny = false;
  for (;;) {
    if (p.acceptWords('STARTING', 'BY')) lines.startingBy = p.string();
    else if (p.acceptWords('TERMINATED', 'BY')) lines.terminatedBy = p.string();
    else break;
    isAny = true;
  }
  if (!isAny) throw p.error();
  return lines;
}

// JSON_TABLE in FROM: `JSON_TABLE(expr, path COLUMNS (…)) [AS] alias`, MySQL 8's grammar for its column list.
// https://dev.mysql.com/doc/refman/8.0/en/json-table-functions.html
import type { JsonTableColumn, JsonTableRef, JsonTableResponse } from '../ast/index.js';
import { parseDataType } from './parse-data-type.js';
import { parseExpr } from './parse-expr.js';
import type { Parser } from './parser.js';

/** Parses from the JSON_TABLE keyword; `parseAlias` reads the alias after it (shared with other table factors). */
export function parseJsonTable(p: Parser, parseAlias: (p: Parser) => string | undefined): JsonTableRef {
  p.expectWord('JSON_TABLE');
  p.expectOp('(');
  const expr = parseExpr(p);
  p.expectOp(',');
  const path = p.string();
  const columns = parseColumns(p);
  p.expectOp(')');
  const alias = parseAlias(p);
  return { kind: 'JsonTableRef', expr, path, columns, ...(alias !== undefined && { alias }) };
}

/** `COLUMNS (column, …)` */
function parseColumns(p: Parser): JsonTableColumn[] {
  p.expectWord('COLUMNS');
  p.expectOp('(');
  const columns = [parseColumn(p)];
  while (p.acceptOp(',')) columns.push(parseColumn(p));
  p.expectOp(')');
  return columns;
}

function parseColumn(p: Parser): JsonTableColumn {
  if (p.acceptWord('NESTED')) {
    p.acceptWord('PATH');
    const path = p.string();
    return { kind: 'nested', path, columns: parseColumns(p) };
  }
  const name = p.ident();
  if (p.acceptWords('FOR', 'ORDINALITY')) return { kind: 'ordinality', name };
  const type = parseDataType(p);
  if (p.acceptWord('EXISTS')) {
    p.expectWord('PATH');
    return { kind: 'exists', name, type, path: p.string() };
  }
  p.expectWord('PATH');
  const path = p.string();
  let onEmpty: JsonTableResponse | undefined;
  let onError: JsonTableResponse | undefined;
  // MySQL takes ON EMPTY before ON ERROR; either may be absent.
  let response = parseResponse(p);
  if (response && p.acceptWords('ON', 'EMPTY')) {
    onEmpty = response;
    response = parseResponse(p);
  }
  if (response) {
    p.expectWord('ON');
    p.expectWord('ERROR');
    onError = response;
  }
  return { kind: 'path', name, type, path, ...(onEmpty && { onEmpty }), ...(onError && { onError }) };
}

/** `NULL | ERROR | DEFAULT 'json'`, the part before ON EMPTY / ON ERROR. */
function parseResponse(p: Parser): JsonTableResponse | undefined {
  if (p.acceptWord('NULL')) return { kind: 'NULL' };
  if (p.acceptWord('ERROR')) return { kind: 'ERROR' };
  if (p.acceptWord('DEFAULT')) return { kind: 'DEFAULT', value: p.string() };
  return undefined;
}

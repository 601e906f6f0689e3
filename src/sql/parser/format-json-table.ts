// Prints a JSON_TABLE table reference in MySQL's canonical spelling.
import type { JsonTableColumn, JsonTableRef, JsonTableResponse } from '../ast/index.js';
import { formatDataType } from './format-ddl.js';
import { formatIdent, formatString } from './format-ident.js';
import type { Printer } from './printer.js';

export function formatJsonTable(t: JsonTableRef, f: Printer): string {
  const alias = t.alias === undefined ? '' : ` AS ${formatIdent(t.alias)}`;
  return `JSON_TABLE(${f.expr(t.expr)}, ${formatString(t.path)} ${formatColumns(t.columns)})${alias}`;
}

function formatColumns(columns: readonly JsonTableColumn[]): string {
  return `COLUMNS(${columns.map(formatColumn).join(', ')})`;
}

function formatColumn(column: JsonTableColumn): string {
  switch (column.kind) {
    case 'ordinality':
      return `${formatIdent(column.name)} FOR ORDINALITY`;
    case 'exists':
      return `${formatIdent(column.name)} ${formatDataType(column.type)} EXISTS PATH ${formatString(column.path)}`;
    case 'nested':
      return `NESTED PATH ${formatString(column.path)} ${formatColumns(column.columns)}`;
    case 'path': {
      const onEmpty = column.onEmpty ? ` ${formatResponse(column.onEmpty)} ON EMPTY` : '';
      const onError = column.onError ? ` ${formatResponse(column.onError)} ON ERROR` : '';
      return `${formatIdent(column.name)} ${formatDataType(column.type)} PATH ${formatString(column.path)}${onEmpty}${onError}`;
    }
  }
}

function formatResponse(response: JsonTableResponse): string {
  return response.kind === 'DEFAULT' ? `DEFAULT ${formatString(response.value)}` : response.kind;
}

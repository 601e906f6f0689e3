// JSON_TABLE compiled like an expression that yields rows: its document expression, its row path and its column
// tree, evaluated against the row of the tables before it (it is implicitly LATERAL).
// https://dev.mysql.com/doc/refman/8.0/en/json-table-functions.html
import { MySqlError, mysqlError, ER_DUP_FIELDNAME, ER_JT_VALUE_OUT_OF_RANGE, ER_MISSING_JSON_TABLE_VALUE, ER_WRONG_JSON_TABLE_VALUE } from '../../errors/index.js';
import type { JsonTableColumn, JsonTableRef, JsonTableResponse } from '../ast/index.js';
import { JsonType, TypeKind, coerceToColumn, jsonDocumentArgument, jsonToSqlScalar, parseJsonArgument, parseJsonPath, seekJsonPath } from '../types/index.js';
import type { FieldType, JsonPath, JsonValue, Row, SqlValue, WarningSink } from '../types/index.js';
import { fieldTypeFromAst } from './column-type-from-ast.js';
import { compileExpr } from './compile-expr.js';
import type { CompileContext } from './compile-context.js';
import type { CompiledExpr } from './compiled-expr.js';

/** MySQL's character set for JSON_TABLE's string columns is utf8mb4 with its default collation. */
const COLUMN_COLLATION = 'utf8mb4_0900_ai_ci';

/** A JSON_TABLE ready to run: its output columns and the rows it yields for the current outer row. */
export interface CompiledJsonTable {
  readonly columns: readonly { readonly name: string; readonly type: FieldType }[];
  rows(warnings: WarningSink): Row[];
}

/** One output column: where it sits in the row and how its value is found. */
type Slot =
  | { readonly kind: 'ordinality'; readonly offset: number }
  | { readonly kind: 'exists'; readonly offset: number; readonly name: string; readonly type: FieldType; readonly path: JsonPath }
  | {
      readonly kind: 'path';
      readonly offset: number;
      readonly name: string;
      readonly type: FieldType;
      readonly path: JsonPath;
      readonly onEmpty: Response;
      readonly onError: Response;
    };

/** ON EMPTY / ON ERROR, with a DEFAULT's JSON parsed once. */
type Response = { readonly kind: 'NULL' } | { readonly kind: 'ERROR' } | { readonly kind: 'DEFAULT'; readonly value: JsonValue };

/** A path and the columns it fills (the top-level row path, or a NESTED PATH). */
interface PathNode {
  readonly path: JsonPath;
  readonly slots: readonly Slot[];
  readonly nested: readonly PathNode[];
  /** The offsets this node and its nested paths fill, to merge a nested row into its parent's. */
  readonly offsets: readonly number[];
}

/** Compiles `ref` against `context` (whose `outer` is the row of the tables before it). */
export function compileJsonTable(ref: JsonTableRef, context: CompileContext): CompiledJsonTable {
  const document = compileExpr(ref.expr, { ...context, clause: 'a table function argument' });
  const columns: { name: string; type: FieldType }[] = [];
  const tableName = ref.alias ?? '';
  const root = compileNode(ref.path, ref.columns, columns);
  const seen = new Set<string>();
  for (const column of columns) {
    const key = column.name.toLowerCase();
    if (seen.has(key)) throw mysqlError(ER_DUP_FIELDNAME, column.name);
    seen.add(key);
  }
  return { columns, rows: (warnings) => tableRows(document, root, columns.length, tableName, warnings) };
}

function compileNode(path: string, written: readonly JsonTableColumn[], columns: { name: string; type: FieldType }[]): PathNode {
  const slots: Slot[] = [];
  const nested: PathNode[] = [];
  const first = columns.length;
  for (const column of written) {
    if (column.kind === 'nested') {
      nested.push(compileNode(column.path, column.columns, columns));
      continue;
    }
    const offset = columns.length;
    if (column.kind === 'ordinality') {
      columns.push({ name: column.name, type: { ...fieldTypeFromAst(column.name, { name: 'INT', isUnsigned: true }, COLUMN_COLLATION) } });
      slots.push({ kind: 'ordinality', offset });
      continue;
    }
    const type = fieldTypeFromAst(column.name, column.type, COLUMN_COLLATION);
    columns.push({ name: column.name, type });
    if (column.kind === 'exists') {
      slots.push({ kind: 'exists', offset, name: column.name, type, path: parseJsonPath(column.path) });
    } else {
      slots.push({
        kind: 'path',
        offset,
        name: column.name,
        type,
        path: parseJsonPath(column.path),
        onEmpty: compileResponse(column.onEmpty),
        onError: compileResponse(column.onError),
      });
    }
  }
  const offsets = Array.from({ length: columns.length - first }, (_, i) => first + i);
  return { path: parseJsonPath(path), slots, nested, offsets };
}

function compileResponse(response: JsonTableResponse | undefined): Response {
  if (response?.kind === 'DEFAULT') return { kind: 'DEFAULT', value: parseJsonArgument(response.value, 1, 'json_table') };
  return response ?? { kind: 'NULL' };
}

function tableRows(document: CompiledExpr, root: PathNode, width: number, tableName: string, warnings: WarningSink): Row[] {
  const value = jsonDocumentArgument(document.evaluate([]), 0, 'json_table');
  if (value === null) return [];
  return nodeRows(root, value, width, tableName, warnings);
}

/**
 * The rows `node` yields within `context`: one per match of its path, its own columns filled; a match with nested
 * paths repeats once per row of each of them in turn (the other nested paths' columns NULL), and stands alone,
 * nested columns NULL, only when none of them matches.
 */
function nodeRows(node: PathNode, context: JsonValue, width: number, tableName: string, warnings: WarningSink): Row[] {
  const out: Row[] = [];
  seekJsonPath(context, node.path).forEach((match, index) => {
    const base: SqlValue[] = new Array<SqlValue>(width).fill(null);
    for (const slot of node.slots) base[slot.offset] = slotValue(slot, match, index, tableName, warnings);
    let hasNestedRows = false;
    for (const child of node.nested) {
      for (const nested of nodeRows(child, match, width, tableName, warnings)) {
        const row = base.slice();
        for (const offset of child.offsets) row[offset] = nested[offset]!;
        out.push(row);
        hasNestedRows = true;
      }
    }
    if (!hasNestedRows) out.push(base);
  });
  return out;
}

function slotValue(slot: Slot, match: JsonValue, index: number, tableName: string, warnings: WarningSink): SqlValue {
  switch (slot.kind) {
    case 'ordinality':
      return BigInt(index + 1);
    case 'exists':
      return store(seekJsonPath(match, slot.path, true).length > 0 ? 1n : 0n, slot.type, slot.name, warnings);
    case 'path':
      return pathValue(slot, match, tableName, warnings);
  }
}

/** A PATH column's value: the single scalar found (or document, for a JSON column), else what ON EMPTY / ON ERROR say. */
function pathValue(slot: Extract<Slot, { kind: 'path' }>, match: JsonValue, tableName: string, warnings: WarningSink): SqlValue {
  const found = seekJsonPath(match, slot.path);
  if (found.length === 0) return respond(slot.onEmpty, slot, warnings, () => mysqlError(ER_MISSING_JSON_TABLE_VALUE, slot.name));
  const isJsonColumn = slot.type.kind === TypeKind.Json;
  const isComposite = (value: JsonValue): boolean => value.type === JsonType.object || value.type === JsonType.array;
  if (found.length > 1 || (!isJsonColumn && isComposite(found[0]!))) {
    return respond(slot.onError, slot, warnings, () => mysqlError(ER_WRONG_JSON_TABLE_VALUE, slot.name, tableName));
  }
  const value = found[0]!;
  if (isJsonColumn) return value;
  try {
    return store(jsonToSqlScalar(value) ?? null, slot.type, slot.name, warnings);
  } catch (error) {
    if (!(error instanceof MySqlError)) throw error;
    return respond(slot.onError, slot, warnings, () => mysqlError(ER_JT_VALUE_OUT_OF_RANGE, slot.name));
  }
}

function respond(response: Response, slot: Extract<Slot, { kind: 'path' }>, warnings: WarningSink, error: () => MySqlError): SqlValue {
  switch (response.kind) {
    case 'NULL':
      return null;
    case 'ERROR':
      throw error();
    case 'DEFAULT':
      if (slot.type.kind === TypeKind.Json) return response.value;
      return store(jsonToSqlScalar(response.value) ?? null, slot.type, slot.name, warnings);
  }
}

/** The value as the column holds it; a value it cannot hold exactly is an error (for ON ERROR to answer). */
function store(value: SqlValue, type: FieldType, columnName: string, warnings: WarningSink): SqlValue {
  return coerceToColumn(value, type, { columnName, rowNumber: 1, isStrict: true, warnings });
}

// substituteGeneratedColumns: lets WHERE conditions written on a generated column's expression use its index.
import type { ColumnRefExpr, Expr } from '../ast/index.js';
import type { ColumnInfo, TableInfo } from '../catalog/index.js';
import { compileExpr, forEachExpr, mapExpr } from '../expression/index.js';
import type { CompileContext } from '../expression/index.js';
import { formatStoredExpr } from '../parser/index.js';
import { TypeKind, isFloatType, isIntegerType, isStringType, isTemporalType } from '../types/index.js';
import type { FieldType } from '../types/index.js';

const COMPARISONS: ReadonlySet<string> = new Set(['=', '<=>', '<', '<=', '>', '>=']);

/**
 * MySQL's optimizer rewrites `expr = const` (and <, <=, >, >=, BETWEEN, IN) into `gc = const` when `expr` is exactly
 * the expression of an indexed generated column `gc` of the table and has its type, so that the index serves the
 * condition; a JSON extraction (`doc->>'$.name'`) may match a string column of any length, as MySQL allows. The
 * column holds the expression's value for every row, so the rewritten condition selects the same rows.
 * https://dev.mysql.com/doc/refman/8.0/en/generated-column-index-optimizations.html
 */
export function substituteGeneratedColumns(table: TableInfo, alias: string | undefined, conjuncts: readonly Expr[], context: CompileContext): readonly Expr[] {
  const indexed = table.columns.filter((column) => column.generated && table.indexes.some((index) => index.columnOffsets[0] === column.offset));
  if (indexed.length === 0) return conjuncts;
  const byExpression = new Map(indexed.map((column) => [column.generated!.expr, column]));
  const tableName = (alias ?? table.name).toLowerCase();
  const isLocal = (expr: Expr): boolean => {
    let isOwn = true;
    forEachExpr(expr, (node) => {
      if (node.kind === 'ColumnRefExpr' && node.table !== undefined && node.table.toLowerCase() !== tableName) isOwn = false;
      return isOwn;
    });
    return isOwn;
  };
  const generatedFor = (operand: Expr): ColumnRefExpr | undefined => {
    if (operand.kind === 'ColumnRefExpr' || !isLocal(operand)) return undefined;
    const column = byExpression.get(formatStoredExpr(operand));
    if (!column || !hasColumnType(operand, column, context)) return undefined;
    return { kind: 'ColumnRefExpr', table: alias ?? table.name, column: column.name };
  };
  return conjuncts.map((conjunct) =>
    mapExpr(conjunct, (node) => {
      if (node.kind === 'BinaryExpr' && COMPARISONS.has(node.op)) {
        const left = isConstant(node.right) ? generatedFor(node.left) : undefined;
        if (left) return { ...node, left };
        const right = isConstant(node.left) ? generatedFor(node.right) : undefined;
        return right ? { ...node, right } : undefined;
      }
      if (node.kind === 'BetweenExpr' && isConstant(node.low) && isConstant(node.high)) {
        const operand = generatedFor(node.operand);
        return operand ? { ...node, operand } : undefined;
      }
      if (node.kind === 'InListExpr' && node.list.every(isConstant)) {
        const operand = generatedFor(node.operand);
        return operand ? { ...node, operand } : undefined;
      }
      return undefined;
    }),
  );
}

/** True when `expr` reads no column (literals, placeholders, functions of them). */
function isConstant(expr: Expr): boolean {
  let isFree = true;
  forEachExpr(expr, (node) => {
    if (node.kind === 'ColumnRefExpr' || node.kind === 'SubqueryExpr' || node.kind === 'ExistsExpr' || node.kind === 'InSubqueryExpr') isFree = false;
    return isFree;
  });
  return isFree;
}

/**
 * The expression has the column's result type (MySQL compares Item::result_type(): integer, decimal, real, string —
 * strings also of one collation — or the same temporal type), or extracts from JSON into a string column.
 */
function hasColumnType(expr: Expr, column: ColumnInfo, context: CompileContext): boolean {
  let type: FieldType;
  try {
    type = compileExpr(expr, context).type;
  } catch {
    return false;
  }
  const isJsonExtraction = expr.kind === 'JsonPathExpr' || (expr.kind === 'FuncCallExpr' && /^JSON_(UNQUOTE|EXTRACT)$/i.test(expr.name));
  if (isJsonExtraction && isStringType(column.type)) return true;
  const kind = resultType(type);
  if (kind !== resultType(column.type)) return false;
  if (kind === 'string') return type.collation === column.type.collation;
  return kind !== 'temporal' || type.kind === column.type.kind;
}

function resultType(type: FieldType): string {
  if (isIntegerType(type)) return 'integer';
  if (type.kind === TypeKind.Decimal) return 'decimal';
  if (isFloatType(type)) return 'real';
  if (isTemporalType(type)) return 'temporal';
  return isStringType(type) ? 'string' : type.kind;
}

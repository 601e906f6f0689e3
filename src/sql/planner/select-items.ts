// Select-list resolution: select items with their aliases, `*` expansion, GROUP BY / ORDER BY positions and aliases,
// and the compiled projections with their result-column metadata.
import { mysqlError, ER_BAD_FIELD_ERROR, ER_NOT_SUPPORTED_YET } from '../../errors/index.js';
import type { Expr, OrderItem, SelectStmt } from '../ast/index.js';
import { compileExpr, mapExpr } from '../expression/index.js';
import type { CompileContext, Scope, ScopeColumn } from '../expression/index.js';
import { expressionColumn } from '../statement-result.js';
import type { ResultColumn } from '../statement-result.js';
import { tableResultColumn } from '../table/table-scope.js';
import { describeExpr } from './describe-expr.js';
import type { Projection } from './physical-plan.js';

/** A select item with a star expanded later, or an expression with its alias and source text. */
export interface Item {
  readonly expr?: Expr;
  readonly star?: { readonly db?: string | undefined; readonly table?: string | undefined };
  readonly alias?: string | undefined;
  readonly text: string;
  /** The result column name: the alias, the column name, or the expression as written. */
  readonly name?: string;
}

export function expandAliases(select: SelectStmt): Item[] {
  return select.items.map((item) =>
    item.kind === 'SelectStarItem'
      ? { star: { db: item.db, table: item.table }, text: '*' }
      : { expr: item.expr, alias: item.alias, text: item.text, name: item.alias ?? (item.expr.kind === 'ColumnRefExpr' ? item.expr.column : item.text) },
  );
}

/** Replaces unqualified names that are not input columns but are select-list aliases by the aliased expression. */
export function substituteAliases(expr: Expr, items: readonly Item[], scope: Scope): Expr {
  return mapExpr(expr, (node) => {
    if (node.kind !== 'ColumnRefExpr' || node.table !== undefined || scope.has(node)) return undefined;
    const aliased = items.find((item) => item.alias?.toLowerCase() === node.column.toLowerCase());
    return aliased?.expr;
  });
}

/** GROUP BY position (1-based), alias, or expression, as MySQL resolves them. */
export function resolveGroupExpr(expr: Expr, items: readonly Item[], scope: Scope): Expr {
  if (expr.kind === 'NumberLiteralExpr' && expr.numberKind === 'int') {
    const item = items[Number(expr.text) - 1];
    if (!item?.expr) throw mysqlError(ER_BAD_FIELD_ERROR, expr.text, 'group statement');
    return item.expr;
  }
  return substituteAliases(expr, items, scope);
}

/** ORDER BY position (index into the projections), alias, or expression (with aggregates rewritten). */
export function resolveOrderExpr(item: OrderItem, items: readonly Item[], scope: Scope, rewrite: (expr: Expr) => Expr): Expr | number {
  const expr = item.expr;
  if (expr.kind === 'NumberLiteralExpr' && expr.numberKind === 'int') {
    const position = Number(expr.text);
    if (position < 1 || position > countColumns(items, scope)) throw mysqlError(ER_BAD_FIELD_ERROR, expr.text, 'order clause');
    return position - 1;
  }
  if (expr.kind === 'ColumnRefExpr' && expr.table === undefined) {
    const index = items.findIndex((candidate) => candidate.alias?.toLowerCase() === expr.column.toLowerCase());
    if (index >= 0 && !items.slice(0, index).some((candidate) => candidate.star)) return index;
  }
  return rewrite(substituteAliases(expr, items, scope));
}

export function starColumns(star: NonNullable<Item['star']>, scope: Scope): number[] {
  const offsets: number[] = [];
  scope.columns.forEach((column, offset) => {
    if (column.isHidden || column.isInvisible === true || column.name.startsWith('\u0000')) return;
    if (star.table !== undefined && column.table.toLowerCase() !== star.table.toLowerCase()) return;
    if (star.db !== undefined && column.database.toLowerCase() !== star.db.toLowerCase()) return;
    offsets.push(offset);
  });
  return offsets;
}

function countColumns(items: readonly Item[], scope: Scope): number {
  return items.reduce((sum, item) => sum + (item.star ? starColumns(item.star, scope).length : 1), 0);
}

export function compileProjections(items: readonly Item[], scope: Scope, context: CompileContext): Projection[] {
  const projections: Projection[] = [];
  for (const item of items) {
    if (item.star) {
      const offsets = starColumns(item.star, scope);
      if (offsets.length === 0 && (item.star.table !== undefined || scope.columns.length === 0)) {
        if (item.star.table !== undefined) throw mysqlError(ER_BAD_FIELD_ERROR, `${item.star.table}.*`, 'field list');
        throw mysqlError(ER_NOT_SUPPORTED_YET, 'SELECT * without tables');
      }
      for (const offset of offsets) {
        const column = scope.columns[offset]!;
        projections.push({ column: resultColumn(column, column.name), expr: { type: column.type, isNullable: !column.isNotNull, evaluate: (row) => row[offset] ?? null, columnIndex: offset } });
      }
      continue;
    }
    const expr = compileExpr(item.expr!, context);
    const name = item.name ?? item.text;
    const source = expr.columnIndex === undefined ? undefined : scope.columns[expr.columnIndex];
    projections.push({ column: source && !source.name.startsWith('\u0000') ? resultColumn(source, name) : expressionColumn(name, expr.type, !expr.isNullable), expr });
  }
  return projections;
}

function resultColumn(column: ScopeColumn, name: string): ResultColumn {
  if (column.origin) return tableResultColumn(column.origin.table, column.database, column.origin.offset, name, column.table);
  return { ...expressionColumn(name, column.type, column.isNotNull), table: column.table, orgName: column.name };
}

/** The select list as a Projection's operator info. */
export function describeProjections(items: readonly Item[], scope: Scope): string {
  return items
    .map((item) =>
      item.star
        ? starColumns(item.star, scope)
            .map((offset) =>
              describeExpr(
                { kind: 'ColumnRefExpr', column: scope.columns[offset]!.name, table: scope.columns[offset]!.table },
                scope,
              ),
            )
            .join(', ')
        : describeExpr(item.expr!, scope),
    )
    .join(', ');
}

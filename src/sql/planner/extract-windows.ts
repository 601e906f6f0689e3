// WindowExtractor: finds the window function calls of a query block, checks where they stand (MySQL's 3593–3595 and
// the calls it refuses), and replaces each with a reference to the column its Window operator computes.
import {
  mysqlError,
  ER_NOT_SUPPORTED_YET,
  ER_WINDOW_INVALID_WINDOW_FUNC_ALIAS_USE,
  ER_WINDOW_INVALID_WINDOW_FUNC_USE,
  ER_WINDOW_NESTED_WINDOW_FUNC_USE_IN_WINDOW_SPEC,
} from '../../errors/index.js';
import type { ColumnRefExpr, Expr, FuncCallExpr } from '../ast/index.js';
import { forEachExpr, mapExpr } from '../expression/index.js';
import { formatSql } from '../parser/index.js';
import type { ResolvedWindow, WindowDefinitions } from './window-definitions.js';

/** The name prefix of the synthetic columns that hold window function results; no user column can have it. */
export const WINDOW_COLUMN_PREFIX = '\u0000win';

/** One window function call: the call (its arguments rewritten for the grouped rows), its window, its column. */
export interface WindowCall {
  readonly call: FuncCallExpr;
  readonly window: ResolvedWindow;
  /** The synthetic column the Window operator appends with the call's value. */
  readonly column: string;
}

/** Collects the distinct window calls of several expressions and rewrites the expressions to reference them. */
export class WindowExtractor {
  readonly calls: WindowCall[] = [];
  private readonly byText = new Map<string, string>();

  /** Columns are numbered from `firstNumber` so that EXPLAIN's `Column#n` does not repeat an aggregate's. */
  constructor(
    readonly definitions: WindowDefinitions,
    private readonly firstNumber: number,
  ) {}

  /** The first window call in `expr` (outside subqueries), if any. */
  static find(expr: Expr): FuncCallExpr | undefined {
    let found: FuncCallExpr | undefined;
    forEachExpr(expr, (node) => {
      if (found === undefined && node.kind === 'FuncCallExpr' && node.over !== undefined) found = node;
      return found === undefined;
    });
    return found;
  }

  /** 3593 when `expr` (a WHERE, GROUP BY or HAVING expression) calls a window function. */
  static refuseIn(expr: Expr | undefined): void {
    const call = expr && WindowExtractor.find(expr);
    if (call) throw mysqlError(ER_WINDOW_INVALID_WINDOW_FUNC_USE, call.name.toLowerCase());
  }

  /** 3594 when `resolved` (a clause after its select-list aliases were substituted) calls a window function. */
  static refuseAliasIn(written: Expr, resolved: Expr, aliases: readonly (string | undefined)[]): void {
    WindowExtractor.refuseIn(written);
    if (!WindowExtractor.find(resolved)) return;
    let alias: string | undefined;
    forEachExpr(written, (node) => {
      if (alias === undefined && node.kind === 'ColumnRefExpr' && node.table === undefined) {
        alias = aliases.find((name) => name?.toLowerCase() === node.column.toLowerCase());
      }
      return alias === undefined;
    });
    throw mysqlError(ER_WINDOW_INVALID_WINDOW_FUNC_ALIAS_USE, alias ?? formatSql(written));
  }

  /** `expr` with each window call replaced by a reference to its column. */
  rewrite(expr: Expr): Expr {
    return mapExpr(expr, (node) => {
      if (node.kind !== 'FuncCallExpr' || node.over === undefined) return undefined;
      const ref: ColumnRefExpr = { kind: 'ColumnRefExpr', column: this.columnOf(node) };
      return ref;
    });
  }

  private columnOf(call: FuncCallExpr): string {
    checkCall(call);
    const window = this.definitions.resolve(call.over!);
    const nested = [...window.partitionBy, ...window.orderBy.map((item) => item.expr)].find((expr) => WindowExtractor.find(expr));
    if (nested) throw mysqlError(ER_WINDOW_NESTED_WINDOW_FUNC_USE_IN_WINDOW_SPEC, window.name);
    // Calls that read the same arguments over the same window share a column, whatever their window is named.
    const text = formatSql({ ...call, over: { partitionBy: window.partitionBy, orderBy: window.orderBy, ...(window.frame ? { frame: window.frame } : {}) } });
    let column = this.byText.get(text);
    if (column === undefined) {
      column = `${WINDOW_COLUMN_PREFIX}${this.firstNumber + this.calls.length}`;
      this.calls.push({ call, window, column });
      this.byText.set(text, column);
    }
    return column;
  }
}

/** The forms MySQL parses but refuses (1235), and window calls nested in a window call's arguments (3593). */
function checkCall(call: FuncCallExpr): void {
  for (const arg of call.args) WindowExtractor.refuseIn(arg);
  if (call.name.toUpperCase() === 'GROUP_CONCAT') throw mysqlError(ER_NOT_SUPPORTED_YET, 'group_concat as window function');
  if (call.nullTreatment === 'IGNORE NULLS') throw mysqlError(ER_NOT_SUPPORTED_YET, 'IGNORE NULLS');
  if (call.isDistinct === true) throw mysqlError(ER_NOT_SUPPORTED_YET, '<window function>(DISTINCT ..)');
  if (call.fromFirstLast === 'LAST') throw mysqlError(ER_NOT_SUPPORTED_YET, 'FROM LAST');
}

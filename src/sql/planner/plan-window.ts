// planWindows: the window function calls of a query block as Window operators over the grouped (or filtered) rows,
// one per window and frame, each preceded by a Sort when its partitions and order are not what the rows already have.
import type { ColumnRefExpr, Expr, OrderItem } from '../ast/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, forEachExpr } from '../expression/index.js';
import type { AsyncPart, ClauseName, CompileContext } from '../expression/index.js';
import { compileExpr } from '../expression/index.js';
import { compileWindowFunction } from './compile-window-function.js';
import { describeExpr } from './describe-expr.js';
import type { WindowCall } from './extract-windows.js';
import { operatorPlan } from './operator-plan.js';
import type { OperatorPlan } from './operator-plan.js';
import type { OrderRequest } from './ordered-path.js';
import type { PhysicalPlan, SortKey, SortPlan, WindowPlan } from './physical-plan.js';
import { planWindowFrame } from './plan-window-frame.js';
import type { Item } from './select-items.js';
import type { ResolvedWindow, WindowDefinitions } from './window-definitions.js';
import { isFramingFunction } from './window-function-plan.js';
import type { FramePlan, WindowFunctionPlan } from './window-function-plan.js';

/** Compiles over the rows the windows read, registering subqueries in `parts`. */
export type WindowCompileContext = (clause: ClauseName, parts: AsyncPart[]) => CompileContext;

/** One Window operator to be: the calls sharing a window and frame. */
interface WindowGroup {
  readonly window: ResolvedWindow;
  readonly sortKeys: readonly SortKey[];
  /** The sort as texts, to tell whether rows are already in it. */
  readonly sortTexts: readonly string[];
  readonly partitionBy: readonly SortKey[];
  readonly orderBy: readonly SortKey[];
  readonly frame: FramePlan | undefined;
  readonly frameText: string;
  readonly calls: WindowCall[];
  readonly functions: WindowFunctionPlan[];
  readonly parts: AsyncPart[];
}

/**
 * Window and Sort nodes over `source` computing `calls`; the result's scope is `source`'s followed by one column
 * per call (named as the call's column). Named windows no call uses are checked too, as MySQL checks them.
 */
export function planWindows(
  source: PhysicalPlan,
  calls: readonly WindowCall[],
  definitions: WindowDefinitions,
  contextFor: WindowCompileContext,
  session: ExecutionContext,
  inputOrder: readonly string[],
): { plan: PhysicalPlan; order: readonly string[] } {
  for (const named of definitions.windows) {
    const window = definitions.resolve({ name: named.name });
    if (!calls.some((call) => call.window.name === named.name)) compileWindow(window, contextFor, []);
  }
  const groups = new Map<string, WindowGroup>();
  for (const call of calls) {
    const parts: AsyncPart[] = [];
    const { partitionBy, orderBy, frame } = compileWindow(call.window, contextFor, parts);
    const fn = compileWindowFunction(call.call, contextFor('field list', parts), session);
    const isFraming = isFramingFunction(fn.kind);
    const sortKeys = [...partitionBy, ...orderBy];
    const sortTexts = [...call.window.partitionBy.map((expr) => sortText(expr, source.scope, false)), ...call.window.orderBy.map((item) => sortText(item.expr, source.scope, item.direction === 'DESC'))];
    const frameText = isFraming ? describeFrame(frame, call.window) : fn.kind === 'ROW_NUMBER' ? 'rows between current row and current row' : '';
    const key = `${sortTexts.join(', ')}|${frameText}|${isFraming}`;
    let group = groups.get(key);
    if (!group) {
      group = { window: call.window, sortKeys, sortTexts, partitionBy, orderBy, frame: isFraming ? frame : undefined, frameText, calls: [], functions: [], parts: [] };
      groups.set(key, group);
    }
    group.calls.push(call);
    group.functions.push(fn);
    group.parts.push(...parts);
  }
  // Windows sharing a sort run one after another, so the rows are sorted once for them.
  const ordered = [...groups.values()].sort((a, b) => firstIndex(groups, a.sortTexts) - firstIndex(groups, b.sortTexts));
  let plan = source;
  let current = inputOrder;
  for (const group of ordered) {
    if (!isPrefix(group.sortTexts, current)) {
      plan = sortNode(plan, group.sortKeys, group.sortTexts, group.parts);
      current = group.sortTexts;
    }
    plan = windowNode(plan, group);
  }
  return { plan, order: current };
}

/**
 * The order the first window that sorts wants of a single table's rows, when it is plain columns in one direction
 * (PARTITION BY columns count as ascending): an OrderRequest for the table, and that order as the sort texts
 * `planWindows` compares (computed over the table's scope).
 */
export function windowOrderRequest(items: readonly Item[], definitions: WindowDefinitions): { request: OrderRequest; texts: (scope: Scope) => string[] } | undefined {
  let window: ResolvedWindow | undefined;
  for (const item of items) {
    if (!item.expr) continue;
    forEachExpr(item.expr, (node) => {
      if (window === undefined && node.kind === 'FuncCallExpr' && node.over !== undefined) {
        const resolved = definitions.resolve(node.over);
        if (resolved.partitionBy.length + resolved.orderBy.length > 0) window = resolved;
      }
      return window === undefined;
    });
    if (window) break;
  }
  if (!window) return undefined;
  const keys = [...window.partitionBy.map((expr) => ({ expr, isDescending: false })), ...window.orderBy.map((item) => ({ expr: item.expr, isDescending: item.direction === 'DESC' }))];
  const isDescending = keys[0]!.isDescending;
  const columns: ColumnRefExpr[] = [];
  for (const key of keys) {
    if (key.expr.kind !== 'ColumnRefExpr' || key.isDescending !== isDescending) return undefined;
    columns.push(key.expr);
  }
  return { request: { columns, isDescending, hasLimit: false }, texts: (scope) => keys.map((key) => sortText(key.expr, scope, key.isDescending)) };
}

/** The window's PARTITION BY and ORDER BY compiled over the rows, and its frame checked and compiled. */
function compileWindow(window: ResolvedWindow, contextFor: WindowCompileContext, parts: AsyncPart[]): { partitionBy: SortKey[]; orderBy: SortKey[]; frame: FramePlan | undefined } {
  const partitionContext = contextFor('window partition by', parts);
  const orderContext = contextFor('window order by', parts);
  const partitionBy = window.partitionBy.map((expr) => ({ expr: compileExpr(expr, partitionContext), isDescending: false }));
  const orderBy = window.orderBy.map((item: OrderItem) => ({ expr: compileExpr(item.expr, orderContext), isDescending: item.direction === 'DESC' }));
  const frame = planWindowFrame(window.frame, window.name, window.orderBy, orderBy.map((key) => key.expr.type), orderContext);
  return { partitionBy, orderBy, frame };
}

function firstIndex(groups: ReadonlyMap<string, WindowGroup>, sortTexts: readonly string[]): number {
  return [...groups.values()].findIndex((group) => group.sortTexts.join(', ') === sortTexts.join(', '));
}

/** Rows sorted by `have` are also sorted by `want` when `want` is a prefix of it (and no sort is wanted at all). */
function isPrefix(want: readonly string[], have: readonly string[]): boolean {
  return want.length <= have.length && want.every((text, i) => have[i] === text);
}

function sortText(expr: Expr, scope: Scope, isDescending: boolean): string {
  return `${describeExpr(expr, scope)}${isDescending ? ':desc' : ''}`;
}

/** TiDB's Sort: `test.t.a, test.t.b:desc`. */
function sortNode(input: PhysicalPlan, keys: readonly SortKey[], texts: readonly string[], parts: readonly AsyncPart[]): SortPlan {
  const explain = operatorPlan('Sort', input.explain.estRows, [input.explain], () => texts.join(', '), { subqueries: parts });
  return { kind: 'Sort', scope: input.scope, explain, input, keys, parts };
}

function windowNode(input: PhysicalPlan, group: WindowGroup): WindowPlan {
  const scope = new Scope([
    ...input.scope.columns,
    ...group.calls.map((call, i) => ({ name: call.column, table: '', database: '', type: group.functions[i]!.type, isNotNull: isNeverNull(group.functions[i]!, call.call.name) })),
  ]);
  const explain = windowExplain(input, group);
  return {
    kind: 'Window',
    scope,
    explain,
    input,
    windowName: group.window.name,
    partitionBy: group.partitionBy.map((key) => key.expr),
    orderBy: group.orderBy,
    frame: group.frame,
    functions: group.functions,
    parts: group.parts,
    isInputOwned: hasFreshRows(input),
  };
}

/**
 * Whether `plan` hands on row arrays made for this execution, which nothing else holds (decoded from storage,
 * computed, or joined), as opposed to rows a plan keeps (TableDual's, a CTE's) or that may be shared.
 */
function hasFreshRows(plan: PhysicalPlan): boolean {
  switch (plan.kind) {
    case 'TableReader':
    case 'HashJoin':
    case 'IndexJoin':
    case 'LateralJoin':
    case 'HashAgg':
    case 'Window':
    case 'Output':
      return true;
    case 'Selection':
    case 'Sort':
      return hasFreshRows(plan.input);
    case 'ColumnMap':
      return plan.permutation !== undefined || hasFreshRows(plan.input);
    case 'JsonTable':
      return true;
    case 'TableDual':
    case 'MemTableScan':
    case 'SetOperation':
      return false;
  }
}

/** Ranks and counts are never NULL; values and the other aggregates are NULL for an empty frame or a NULL value. */
function isNeverNull(fn: WindowFunctionPlan, name: string): boolean {
  switch (fn.kind) {
    case 'ROW_NUMBER':
    case 'RANK':
    case 'DENSE_RANK':
    case 'PERCENT_RANK':
    case 'CUME_DIST':
    case 'NTILE':
      return true;
    case 'AGGREGATE':
      return name.toUpperCase() === 'COUNT';
    default:
      return false;
  }
}

/** TiDB's Window info: `row_number()->Column#5 over(partition by test.t.a order by test.t.b desc rows between …)`. */
function windowExplain(input: PhysicalPlan, group: WindowGroup): OperatorPlan {
  const info = (): string => {
    const funcs = group.calls.map((call) => `${describeExpr(call.call, input.scope)}->${describeExpr({ kind: 'ColumnRefExpr', column: call.column })}`);
    const spec: string[] = [];
    if (group.window.partitionBy.length > 0) spec.push(`partition by ${group.window.partitionBy.map((expr) => describeExpr(expr, input.scope)).join(', ')}`);
    if (group.window.orderBy.length > 0) spec.push(`order by ${group.window.orderBy.map((item) => `${describeExpr(item.expr, input.scope)}${item.direction === 'DESC' ? ' desc' : ''}`).join(', ')}`);
    if (group.frameText !== '') spec.push(group.frameText);
    return `${funcs.join(', ')} over(${spec.join(' ')})`;
  };
  return operatorPlan('Window', input.explain.estRows, [input.explain], info, { subqueries: group.parts });
}

/** The frame as TiDB prints it; none for the whole partition. */
function describeFrame(frame: FramePlan | undefined, window: ResolvedWindow): string {
  if (!frame || (frame.start.kind === 'unbounded' && frame.end.kind === 'unbounded')) return '';
  const written = window.frame;
  const bound = (index: 0 | 1): string => {
    const plan = index === 0 ? frame.start : frame.end;
    if (plan.kind === 'unbounded') return index === 0 ? 'unbounded preceding' : 'unbounded following';
    if (plan.kind === 'current') return 'current row';
    const source = index === 0 ? written?.start : written?.end;
    if (!source || !('value' in source)) return 'current row';
    const value = source.value.kind === 'IntervalExpr' ? `interval ${describeExpr(source.value.value)} "${source.value.unit}"` : describeExpr(source.value);
    return `${value} ${source.kind.toLowerCase()}`;
  };
  return `${frame.units.toLowerCase()} between ${bound(0)} and ${bound(1)}`;
}

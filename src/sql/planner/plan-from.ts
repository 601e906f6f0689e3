// planFrom: turns the FROM clause into a tree of plan nodes, pushing single-table WHERE conjuncts down to tables and
// choosing the join order.
import { MySqlError, mysqlError, ER_NO_DB_ERROR, ER_NONUNIQ_TABLE, ER_BAD_FIELD_ERROR, ER_TF_FORBIDDEN_JOIN_TYPE, ER_VIEW_INVALID } from '../../errors/index.js';
import type { ColumnRefExpr, Expr, QueryExpr, TableRef } from '../ast/index.js';
import type { TableInfo } from '../catalog/index.js';
import { parseSql } from '../parser/index.js';
import { Scope } from '../expression/index.js';
import type { ScopeColumn } from '../expression/index.js';
import { INFORMATION_SCHEMA_DATABASE, isInformationSchema } from '../infoschema/information-schema-name.js';
import { getSystemTable } from '../infoschema/information-schema.js';
import { tableScope } from '../table/table-scope.js';
import type { Row } from '../types/index.js';
import { findTimeZoneTable } from '../timezone/time-zone-tables.js';
import type { SystemTable } from '../infoschema/system-table.js';
import { splitConjuncts } from './access-path.js';
import { materializedTables } from './materialized-tables.js';
import { operatorPlan } from './operator-plan.js';
import type { OrderRequest } from './ordered-path.js';
import type { ColumnMapPlan, JoinKind, MemTableScanPlan, PhysicalPlan, TableDualPlan } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import { planJoin, sideOf } from './plan-join.js';
import { hasLateral, isLateral, planSequentialFrom } from './plan-lateral.js';
import type { LateralPlanner } from './plan-lateral.js';
import { planJsonTable } from './plan-json-table.js';
import { planTableReader } from './plan-table-reader.js';

/**
 * Plans a nested query (derived tables, views); injected to avoid an import cycle with the query planner. Planning
 * runs nothing, so EXPLAIN can show the nested plan without executing it.
 */
export type PlanQuery = (query: QueryExpr) => Promise<PhysicalPlan>;

/** The FROM clause as a plan, and the WHERE conjuncts that still have to be applied above it. */
export interface PlannedFrom {
  readonly plan: PhysicalPlan;
  readonly remaining: Expr[];
}

interface FromContext {
  readonly plan: PlanContext;
  readonly planQuery: PlanQuery;
  /** Plans and runs LATERAL derived tables; without it they are planned as ordinary derived tables. */
  readonly lateral: LateralPlanner | undefined;
  /** Base tables append their row handle as a hidden column (multi-table UPDATE/DELETE). */
  readonly withHandles: boolean;
  /** Conjuncts of WHERE not yet placed. */
  pending: Expr[];
  readonly aliases: Set<string>;
  /** The ORDER BY the query would like its only base table to deliver. */
  readonly order: OrderRequest | undefined;
  /** The only base table's columns the query can read (see referenced-columns.ts); undefined: all. */
  readonly columnNames: ReadonlySet<string> | undefined;
}

/** Plans `from` (a comma list of table references, each possibly a join tree). */
export async function planFrom(
  from: readonly TableRef[],
  where: Expr | undefined,
  plan: PlanContext,
  planQuery: PlanQuery,
  options: {
    readonly withHandles?: boolean;
    readonly order?: OrderRequest | undefined;
    readonly columnNames?: ReadonlySet<string> | undefined;
    readonly lateral?: LateralPlanner;
  } = {},
): Promise<PlannedFrom> {
  const single = from.length === 1 && from[0]!.kind === 'TableNameRef';
  const context: FromContext = {
    plan,
    planQuery,
    withHandles: options.withHandles ?? false,
    pending: splitConjuncts(where),
    aliases: new Set(),
    order: single ? options.order : undefined,
    columnNames: single ? options.columnNames : undefined,
    lateral: options.lateral,
  };
  if (context.lateral && from.some(hasLateral)) {
    const lateral = context.lateral;
    const joined = await planSequentialFrom(from, {
      plan,
      lateral,
      planRef: (ref, isNullSupplying) => planRef(ref, context, isNullSupplying),
      registerAlias: (alias) => registerAlias(context, alias),
      takeConjuncts: (left, right) => takeConjuncts(context, left, right),
      join: (left, right, kind, condition) => planJoin(left, right, kind, condition, plan),
      renamed,
    });
    return { plan: joined, remaining: context.pending };
  }
  const items: PhysicalPlan[] = [];
  for (const ref of from) items.push(await planRef(ref, context, false));
  if (items.length === 1) return { plan: items[0]!, remaining: context.pending };
  // Join order: start from the first table, then always add a table that some WHERE conjunct connects to what is
  // joined so far (a cross product only when nothing connects), so a long comma list never multiplies out. When
  // every table has been analyzed, start from the one estimated to give the fewest rows (it drives the join).
  const first = items.every((item) => item.kind === 'TableReader' && item.table.stats !== undefined)
    ? items.reduce((best, item, index) => ((item.explain.estRows ?? 0) < (items[best]!.explain.estRows ?? 0) ? index : best), 0)
    : 0;
  const order: number[] = [first];
  let source = items[first]!;
  const left = new Set(items.keys());
  left.delete(first);
  while (left.size > 0) {
    let next = [...left].find((index) => context.pending.some((conjunct) => connects(conjunct, source.scope, items[index]!.scope)));
    next ??= Math.min(...left);
    left.delete(next);
    order.push(next);
    const right = items[next]!;
    source = planJoin(source, right, 'inner', takeConjuncts(context, source.scope, right.scope), plan);
  }
  return { plan: restoreOrder(source, order, items), remaining: context.pending };
}

/** True when `conjunct` reads both inputs and nothing else (a join condition between them). */
function connects(conjunct: Expr, left: Scope, right: Scope): boolean {
  return sideOf(conjunct, left, right) === 'both' && readsOnly(conjunct, left.concat(right));
}

/** Puts the columns of a reordered join back in FROM order (what `SELECT *` and positions expect). */
function restoreOrder(source: PhysicalPlan, order: readonly number[], items: readonly PhysicalPlan[]): PhysicalPlan {
  if (order.every((index, i) => index === i)) return source;
  const widths = items.map((item) => item.scope.columns.length);
  const starts: number[] = [];
  let offset = 0;
  for (const index of order) {
    starts[index] = offset;
    offset += widths[index]!;
  }
  const permutation: number[] = [];
  items.forEach((_, index) => {
    for (let c = 0; c < widths[index]!; c++) permutation.push(starts[index]! + c);
  });
  const scope = new Scope(permutation.map((from) => source.scope.columns[from]!));
  return columnMap(source, scope, permutation);
}

/** `input` under `scope`, its columns taken at `permutation` when given. */
function columnMap(input: PhysicalPlan, scope: Scope, permutation?: readonly number[]): ColumnMapPlan {
  return { kind: 'ColumnMap', scope, explain: input.explain, input, ...(permutation ? { permutation } : {}) };
}

/** Removes and returns the pending conjuncts that can be evaluated on a join of `left` and `right`. */
function takeConjuncts(context: FromContext, left: Scope, right: Scope): Expr | undefined {
  const taken: Expr[] = [];
  context.pending = context.pending.filter((conjunct) => {
    const side = sideOf(conjunct, left, right);
    if (side === 'both' && !readsOnly(conjunct, left.concat(right))) return true;
    taken.push(conjunct);
    return false;
  });
  return taken.reduce<Expr | undefined>((all, conjunct) => (all ? { kind: 'BinaryExpr', op: 'AND', left: all, right: conjunct } : conjunct), undefined);
}

/** True when every column `expr` references resolves in `scope` (and it has no subquery or variable). */
function readsOnly(expr: Expr, scope: Scope): boolean {
  return sideOf(expr, scope, Scope.empty) === 'left' || sideOf(expr, scope, Scope.empty) === 'none';
}

async function planRef(ref: TableRef, context: FromContext, isNullSupplying: boolean): Promise<PhysicalPlan> {
  switch (ref.kind) {
    case 'TableNameRef': {
      const materialized = materializedTables.get(ref);
      if (materialized) {
        const alias = ref.alias ?? ref.table.name;
        registerAlias(context, alias);
        return renamed(tableDual(materialized.scope, [...materialized.rows]), alias, undefined);
      }
      const { catalog, session } = context.plan;
      const databaseName = ref.table.db ?? session.currentDatabase;
      if (databaseName === undefined) throw mysqlError(ER_NO_DB_ERROR);
      if (isInformationSchema(databaseName)) {
        registerAlias(context, ref.alias ?? ref.table.name);
        return memTableScan(ref.table.name, ref.alias ?? ref.table.name, context.plan);
      }
      // mysql.time_zone* are computed from the runtime's zone data, like information_schema's tables.
      const timeZoneTable = findTimeZoneTable(databaseName, ref.table.name);
      if (timeZoneTable) {
        registerAlias(context, ref.alias ?? ref.table.name);
        return memTableScanOf(timeZoneTable, databaseName, ref.alias ?? ref.table.name, context.plan);
      }
      const table = catalog.getTable(databaseName, ref.table.name);
      const database = catalog.getDatabase(databaseName);
      const alias = ref.alias ?? table.name;
      if (table.view) return planView(table.view, alias, context, database.name);
      registerAlias(context, alias);
      const scope = tableScope(table, database.name, ref.alias);
      // A table on the NULL-supplying side of an outer join must see WHERE only after the join.
      const own = isNullSupplying ? [] : takeOwn(context, scope);
      return planTableReader(table, database.name, ref.alias, own, context.plan, {
        order: context.order,
        withHandles: context.withHandles,
        columnNames: context.columnNames,
      });
    }
    case 'DerivedTableRef': {
      const alias = ref.alias ?? '';
      registerAlias(context, alias);
      return renamed(await context.planQuery(ref.query), alias, ref.columns);
    }
    case 'JoinRef':
      return planJoinRef(ref, context, isNullSupplying);
    case 'JsonTableRef':
      if (ref.alias !== undefined) registerAlias(context, ref.alias);
      return planJsonTable(ref, context.plan, context.lateral?.outer);
  }
}

/** A view in FROM: its stored SELECT, re-parsed and run like a derived table named after the view (or its alias). */
async function planView(view: NonNullable<TableInfo['view']>, alias: string, context: FromContext, databaseName: string): Promise<PhysicalPlan> {
  registerAlias(context, alias);
  // Unqualified tables in the definition are the view's database's, whatever database the reader is in.
  const [statement] = parseSql(view.definition, { defaultDatabase: databaseName });
  if (!statement || (statement.kind !== 'SelectStmt' && statement.kind !== 'UnionStmt' && statement.kind !== 'ValuesStmt')) {
    throw mysqlError(ER_VIEW_INVALID, '', alias);
  }
  return renamed(await context.planQuery(statement), alias, view.columnNames);
}

/** A nested query's rows under the derived table's (or view's) alias and column names; TiDB shows its plan inline. */
function renamed(source: PhysicalPlan, alias: string, columnNames: readonly string[] | undefined): PhysicalPlan {
  const scope = new Scope(source.scope.columns.map((column, i) => ({ ...column, name: columnNames?.[i] ?? column.name, table: alias, database: '' })));
  return columnMap(source, scope);
}

/** Rows already in memory (TiDB's TableDual for `SELECT` without FROM). */
export function tableDual(scope: Scope, rows: readonly Row[]): TableDualPlan {
  return { kind: 'TableDual', scope, explain: operatorPlan('TableDual', rows.length, [], () => `rows:${rows.length}`), rows };
}

/**
 * information_schema.`name` under `alias`: its rows are computed when the query reads them (each read sees the
 * catalog and the sessions as they are then).
 */
function memTableScan(name: string, alias: string, context: PlanContext): MemTableScanPlan {
  return memTableScanOf(getSystemTable(name), INFORMATION_SCHEMA_DATABASE, alias, context);
}

/** A computed table of `database` (information_schema's, or mysql's time zone tables) under `alias`. */
function memTableScanOf(table: SystemTable, database: string, alias: string, context: PlanContext): MemTableScanPlan {
  const scope = new Scope(table.columns.map((column) => ({ name: column.name, table: alias, database, type: column.type, isNotNull: column.isNotNull })));
  const explain = operatorPlan('MemTableScan', undefined, [], () => '', { accessObject: `table:${table.name}` });
  return { kind: 'MemTableScan', scope, explain, table, catalog: context.catalog };
}

async function planJoinRef(ref: Extract<TableRef, { kind: 'JoinRef' }>, context: FromContext, isNullSupplying: boolean): Promise<PhysicalPlan> {
  const isRight = ref.joinType === 'RIGHT';
  const kind: JoinKind = ref.joinType === 'LEFT' || isRight ? 'left' : 'inner';
  // RIGHT JOIN is a LEFT JOIN with the inputs swapped; columns are put back in written order afterwards.
  const outer = isRight ? await planRightOfRightJoin(ref.right, context, isNullSupplying) : await planRef(ref.left, context, isNullSupplying);
  const inner = await planRef(isRight ? ref.left : ref.right, context, isNullSupplying || kind === 'left');
  const leftScope = isRight ? inner.scope : outer.scope;
  const rightScope = isRight ? outer.scope : inner.scope;
  const using = ref.using ?? (ref.isNatural ? commonColumns(leftScope, rightScope) : undefined);
  let condition = ref.on;
  if (using) condition = usingCondition(using, leftScope, rightScope, ref.on);
  if (kind === 'inner' && !isNullSupplying) {
    const pushed = takeConjuncts(context, outer.scope, inner.scope);
    if (pushed) condition = condition ? { kind: 'BinaryExpr', op: 'AND', left: condition, right: pushed } : pushed;
  }
  let joined: PhysicalPlan = planJoin(outer, inner, kind, condition, context.plan);
  if (isRight) joined = reorder(joined, outer.scope.columns.length, inner.scope.columns.length);
  if (using) joined = hideMerged(joined, using, leftScope.columns.length, isRight);
  return joined;
}

/**
 * The right side of a RIGHT JOIN. A LATERAL derived table there cannot read the left side (whose rows are the ones
 * padded): MySQL's 3668 when it tries to, else it is an ordinary derived table.
 */
async function planRightOfRightJoin(ref: TableRef, context: FromContext, isNullSupplying: boolean): Promise<PhysicalPlan> {
  if (!isLateral(ref)) return planRef(ref, context, isNullSupplying);
  try {
    return await planRef(ref, context, isNullSupplying);
  } catch (error) {
    if (error instanceof MySqlError && error.code === ER_BAD_FIELD_ERROR.code) throw mysqlError(ER_TF_FORBIDDEN_JOIN_TYPE, ref.alias ?? '');
    throw error;
  }
}

function registerAlias(context: FromContext, alias: string): void {
  const key = alias.toLowerCase();
  if (context.aliases.has(key)) throw mysqlError(ER_NONUNIQ_TABLE, alias);
  context.aliases.add(key);
}

/** Removes and returns the pending conjuncts that read only `scope`. */
function takeOwn(context: FromContext, scope: Scope): Expr[] {
  const own: Expr[] = [];
  context.pending = context.pending.filter((conjunct) => {
    if (sideOf(conjunct, scope, Scope.empty) !== 'left') return true;
    own.push(conjunct);
    return false;
  });
  return own;
}

/** NATURAL JOIN's columns: the names both sides show to `*` (INVISIBLE columns take no part, as in MariaDB). */
function commonColumns(left: Scope, right: Scope): string[] {
  const isShown = (c: ScopeColumn): boolean => !c.isHidden && c.isInvisible !== true;
  const rightNames = new Set(right.columns.filter(isShown).map((c) => c.name.toLowerCase()));
  return left.columns.filter((c) => isShown(c) && rightNames.has(c.name.toLowerCase())).map((c) => c.name);
}

function usingCondition(columns: readonly string[], left: Scope, right: Scope, on: Expr | undefined): Expr | undefined {
  let condition = on;
  for (const name of columns) {
    const leftColumn = left.columns.find((c) => !c.isHidden && c.name.toLowerCase() === name.toLowerCase());
    const rightColumn = right.columns.find((c) => !c.isHidden && c.name.toLowerCase() === name.toLowerCase());
    if (!leftColumn || !rightColumn) throw mysqlError(ER_BAD_FIELD_ERROR, name, 'from clause');
    const ref = (table: string): ColumnRefExpr => ({ kind: 'ColumnRefExpr', column: name, ...(table ? { table } : {}) });
    const equal: Expr = { kind: 'BinaryExpr', op: '=', left: ref(leftColumn.table), right: ref(rightColumn.table) };
    condition = condition ? { kind: 'BinaryExpr', op: 'AND', left: condition, right: equal } : equal;
  }
  return condition;
}

/** Swaps the two column groups of a swapped (RIGHT) join back into written order. */
function reorder(source: PhysicalPlan, firstWidth: number, secondWidth: number): PhysicalPlan {
  const columns = source.scope.columns;
  const scope = new Scope([...columns.slice(firstWidth), ...columns.slice(0, firstWidth)]);
  const permutation = [...Array(secondWidth).keys()].map((i) => firstWidth + i).concat([...Array(firstWidth).keys()]);
  return columnMap(source, scope, permutation);
}

/** Marks the right-hand copies of USING columns hidden (the left ones for RIGHT JOIN, which coalesce the other way). */
function hideMerged(source: PhysicalPlan, columns: readonly string[], leftWidth: number, isRight: boolean): PhysicalPlan {
  const names = new Set(columns.map((c) => c.toLowerCase()));
  const scope = new Scope(
    source.scope.columns.map((column, index) => {
      const isRightSide = index >= leftWidth;
      const shouldHide = names.has(column.name.toLowerCase()) && isRightSide !== isRight && !column.isHidden;
      return shouldHide ? { ...column, isHidden: true } : column;
    }),
  );
  return columnMap(source, scope);
}

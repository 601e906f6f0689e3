// executeMultiUpdate / executeMultiDelete: UPDATE and DELETE over a join, reading it with the SELECT machinery.
import type { StatementParams } from '../expression/index.js';
import { mysqlError, ER_BAD_NULL_ERROR, ER_NON_UPDATABLE_TABLE, ER_UNKNOWN_TABLE, ER_WRONG_USAGE } from '../../errors/index.js';
import type { DeleteStmt, Expr, TableRef, UpdateStmt } from '../ast/index.js';
import type { Catalog, ColumnInfo, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr } from '../expression/index.js';
import type { AsyncPart, Scope, ScopeColumn } from '../expression/index.js';
import { planFrom } from '../planner/plan-from.js';
import type { OkResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { coerceToColumn, toBoolean } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { checkTargetNotRead } from './check-target-not-read.js';
import { prepareParts } from './prepare-parts.js';
import { currentTimestampFor } from './column-defaults.js';
import { planQuery } from './select-executor.js';
import { HANDLE_COLUMN } from './table-scope.js';
import { conjunction } from './table-source.js';
import { rowChanged } from './row-changed.js';
import { writeCompileContext } from './write-compile-context.js';
import { currentDateTime, sessionTimeZone } from '../timezone/session-time-zone.js';

/** A table a multi-table statement writes: where its columns and row handle sit in the joined row. */
interface JoinTarget {
  readonly alias: string;
  readonly databaseName: string;
  readonly table: TableInfo;
  readonly handleOffset: number;
  /** The joined-row position of each of the table's columns, by column offset. */
  readonly columnOffsets: readonly number[];
  /** Each matched stored row (by handle) → the first joined row it appeared in; a row is written at most once. */
  readonly firstSeen: Map<bigint, number>;
}

/**
 * `UPDATE t1 JOIN t2 … SET t1.a = …, t2.b = … WHERE …` (or the comma form). Each target row is updated once, with
 * the values of the first joined row it appears in; affected rows count changed rows (matched with
 * CLIENT_FOUND_ROWS). ORDER BY and LIMIT are 1221, as in MySQL.
 */
export async function executeMultiUpdate(stmt: UpdateStmt, catalog: Catalog, session: ExecutionContext, params?: StatementParams): Promise<OkResult> {
  if (stmt.orderBy) throw mysqlError(ER_WRONG_USAGE, 'UPDATE', 'ORDER BY');
  if (stmt.limit) throw mysqlError(ER_WRONG_USAGE, 'UPDATE', 'LIMIT');
  const { scope, joined: read } = await readJoin(stmt.tables, stmt.where, catalog, session, params);
  const targets = new Map<string, JoinTarget>();
  const assignments = stmt.assignments.map((assignment) => {
    const offset = scope.resolve(assignment.column, 'field list');
    const scopeColumn = scope.columns[offset]!;
    const target = joinTarget(scope, scopeColumn.table, targets, 'UPDATE');
    if (!target || scopeColumn.origin?.table !== target.table) throw mysqlError(ER_NON_UPDATABLE_TABLE, scopeColumn.table, 'UPDATE');
    const parts: AsyncPart[] = [];
    const value = compileExpr(assignment.value, writeCompileContext(scope, 'field list', catalog, session, params, parts));
    return { offset, target, column: target.table.columns[scopeColumn.origin.offset]!, value, parts };
  });
  const targetList = [...targets.values()];
  checkTargetNotRead([stmt.where, ...stmt.assignments.map((a) => a.value), ...joinConditions(stmt.tables)], targetNames(targetList), session);
  const joined = await read();
  for (const target of targetList) recordFirstSeen(target, joined);

  // Evaluate the assignments over copies of the joined rows some target row is first seen in, left to right.
  const firstFor = new Map<number, Set<JoinTarget>>();
  for (const target of targetList) {
    for (const index of target.firstSeen.values()) {
      const set = firstFor.get(index) ?? new Set<JoinTarget>();
      set.add(target);
      firstFor.set(index, set);
    }
  }
  const indexes = [...firstFor.keys()].sort((a, b) => a - b);
  const copies = new Map<number, SqlValue[]>(indexes.map((index) => [index, [...joined[index]!]]));
  const isStrict = session.isStrictMode && !stmt.isIgnore;
  for (const { offset, target, column, value, parts } of assignments) {
    const rows = indexes.filter((index) => firstFor.get(index)!.has(target)).map((index) => copies.get(index)!);
    if (parts.length > 0) await prepareParts(parts, rows);
    rows.forEach((row, i) => {
      const next = coerceToColumn(value.evaluate(row), column.type, { columnName: column.name, rowNumber: i + 1, isStrict, warnings: session.warnings });
      if (next === null && column.isNotNull) throw mysqlError(ER_BAD_NULL_ERROR, column.name);
      row[offset] = next;
    });
  }

  const txn = await session.transaction();
  const now = currentDateTime(session, 6);
  let matched = 0;
  let changed = 0n;
  for (const target of targetList) {
    const rows = new TableRows(txn, target.table, session, sessionTimeZone(session));
    await rows.lockHandles([...target.firstSeen.keys()], 'exclusive');
    const assigned = new Set(assignments.filter((a) => a.target === target).map((a) => a.column.offset));
    for (const [handle, index] of target.firstSeen) {
      matched++;
      const before = storedRow(target, joined[index]!);
      const after = storedRow(target, copies.get(index)!);
      if (!rowChanged(before, after, session)) continue;
      for (const column of target.table.columns) if (column.onUpdateCurrentTimestamp && !assigned.has(column.offset)) after[column.offset] = currentTimestampFor(column, now);
      const newHandle = target.table.handleColumnOffset === undefined ? handle : (after[target.table.handleColumnOffset] as bigint);
      await rows.update(handle, before, newHandle, after);
      changed++;
    }
  }
  const affected = session.isFoundRowsMode ? BigInt(matched) : changed;
  return { kind: 'ok', affectedRows: affected, lastInsertId: 0n, info: `Rows matched: ${matched}  Changed: ${changed}  Warnings: ${session.warningCount}` };
}

/**
 * `DELETE t1, t2 FROM refs WHERE …` and `DELETE FROM t1, t2 USING refs WHERE …`: every row of a named table that
 * takes part in a joined row passing WHERE is deleted once. A name must be a table (or alias) of the FROM list:
 * 1109 otherwise. Affected rows are the rows deleted from all targets.
 */
export async function executeMultiDelete(stmt: DeleteStmt, catalog: Catalog, session: ExecutionContext, params?: StatementParams): Promise<OkResult> {
  const from = stmt.from!;
  const named = namedRefs(from, session);
  const aliases = stmt.targets.map((name) => {
    const hit = named.find((ref) => ref.alias.toLowerCase() === name.name.toLowerCase() && (name.db === undefined || (!ref.hasAlias && ref.databaseName.toLowerCase() === name.db.toLowerCase())));
    if (!hit) throw mysqlError(ER_UNKNOWN_TABLE, name.name, 'MULTI DELETE');
    return hit.alias;
  });
  const { scope, joined: read } = await readJoin(from, stmt.where, catalog, session, params);
  const targets = new Map<string, JoinTarget>();
  for (const alias of aliases) if (!joinTarget(scope, alias, targets, 'DELETE')) throw mysqlError(ER_NON_UPDATABLE_TABLE, alias, 'DELETE');
  const targetList = [...targets.values()];
  checkTargetNotRead([stmt.where, ...joinConditions(from)], targetNames(targetList), session);
  const joined = await read();
  const txn = await session.transaction();
  let deleted = 0n;
  for (const target of targetList) {
    recordFirstSeen(target, joined);
    const rows = new TableRows(txn, target.table, session, sessionTimeZone(session));
    await rows.lockHandles([...target.firstSeen.keys()], 'exclusive');
    for (const [handle, index] of target.firstSeen) {
      await rows.delete(handle, storedRow(target, joined[index]!));
      deleted++;
    }
  }
  return { kind: 'ok', affectedRows: deleted, lastInsertId: 0n, info: '' };
}

/**
 * Plans the join with row handles and returns its layout at once (so assignments can be resolved) and a function
 * that reads every joined row passing WHERE, subqueries included, into memory before anything is written.
 */
async function readJoin(
  from: readonly TableRef[],
  where: Expr | undefined,
  catalog: Catalog,
  session: ExecutionContext,
  params: StatementParams | undefined,
): Promise<{ scope: Scope; joined: () => Promise<Row[]> }> {
  const planned = await planFrom(from, where, catalog, session, params, (query) => planQuery(query, catalog, session, params), { withHandles: true });
  const scope = planned.source.scope;
  return {
    scope,
    joined: async () => {
      const parts: AsyncPart[] = [];
      const remaining = conjunction(planned.remaining);
      const filter = remaining ? compileExpr(remaining, writeCompileContext(scope, 'where clause', catalog, session, params, parts)) : undefined;
      const rows: Row[] = [];
      for await (const batch of planned.source.rows()) {
        if (filter && parts.length > 0) await prepareParts(parts, batch);
        for (const row of batch) if (!filter || toBoolean(filter.evaluate(row), session.warnings) === true) rows.push(row);
      }
      return rows;
    },
  };
}

/** The target for the FROM entry named `alias`, registered in `targets`; undefined when it is not a base table. */
function joinTarget(scope: Scope, alias: string, targets: Map<string, JoinTarget>, kind: 'UPDATE' | 'DELETE'): JoinTarget | undefined {
  const key = alias.toLowerCase();
  const known = targets.get(key);
  if (known) return known;
  const handleOffset = scope.columns.findIndex((column) => column.name === HANDLE_COLUMN && column.table.toLowerCase() === key);
  if (handleOffset < 0) return undefined;
  const own = (column: ScopeColumn): boolean => column.table.toLowerCase() === key && column.origin !== undefined;
  const first = scope.columns.find(own);
  if (!first?.origin) throw mysqlError(ER_NON_UPDATABLE_TABLE, alias, kind);
  const table = first.origin.table;
  const columnOffsets = table.columns.map((column: ColumnInfo) => scope.columns.findIndex((c) => own(c) && c.origin!.offset === column.offset));
  const target: JoinTarget = { alias: scope.columns[handleOffset]!.table, databaseName: first.database, table, handleOffset, columnOffsets, firstSeen: new Map() };
  targets.set(key, target);
  return target;
}

function recordFirstSeen(target: JoinTarget, joined: readonly Row[]): void {
  joined.forEach((row, index) => {
    const handle = row[target.handleOffset];
    // A NULL handle is the padding of an outer join: no stored row.
    if (typeof handle === 'bigint' && !target.firstSeen.has(handle)) target.firstSeen.set(handle, index);
  });
}

function storedRow(target: JoinTarget, joined: Row): SqlValue[] {
  return target.columnOffsets.map((offset) => joined[offset] ?? null);
}

function targetNames(targets: readonly JoinTarget[]): { databaseName: string; tableName: string; shownAs: string }[] {
  return targets.map((target) => ({ databaseName: target.databaseName, tableName: target.table.name, shownAs: target.alias }));
}

/** The ON conditions of the FROM list's joins (their subqueries must not read a target either). */
function joinConditions(refs: readonly TableRef[]): Expr[] {
  const out: Expr[] = [];
  const visit = (ref: TableRef): void => {
    if (ref.kind !== 'JoinRef') return;
    if (ref.on) out.push(ref.on);
    visit(ref.left);
    visit(ref.right);
  };
  refs.forEach(visit);
  return out;
}

/** Every table and derived table of the FROM list with the name a DELETE target must use for it. */
function namedRefs(refs: readonly TableRef[], session: ExecutionContext): { alias: string; hasAlias: boolean; databaseName: string }[] {
  const out: { alias: string; hasAlias: boolean; databaseName: string }[] = [];
  const visit = (ref: TableRef): void => {
    switch (ref.kind) {
      case 'TableNameRef':
        out.push({ alias: ref.alias ?? ref.table.name, hasAlias: ref.alias !== undefined, databaseName: ref.table.db ?? session.currentDatabase ?? '' });
        return;
      case 'DerivedTableRef':
        out.push({ alias: ref.alias ?? '', hasAlias: true, databaseName: '' });
        return;
      case 'JoinRef':
        visit(ref.left);
        visit(ref.right);
    }
  };
  refs.forEach(visit);
  return out;
}

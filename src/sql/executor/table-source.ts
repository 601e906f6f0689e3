// tableSource: rows of one base table through its best access path, with single-table WHERE conjuncts applied early.
import type { Expr } from '../ast/index.js';
import type { TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr } from '../expression/index.js';
import type { CompileContext, CompiledExpr, Scope } from '../expression/index.js';
import { chooseAccessPath } from '../planner/access-path.js';
import type { AccessPath } from '../planner/access-path.js';
import type { LockMode } from '../table/row-locker.js';
import { TableRows } from '../table/table-rows.js';
import type { HandleRow } from '../table/table-rows.js';
import { toBoolean } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import type { RowSource } from './row-source.js';
import { handleScope, tableScope } from './table-scope.js';

/** A base table in FROM, its alias, and the conjuncts that only concern it. */
export function tableSource(
  table: TableInfo,
  databaseName: string,
  alias: string | undefined,
  conjuncts: readonly Expr[],
  session: ExecutionContext,
  params?: readonly SqlValue[],
  withHandles = false,
): RowSource {
  const scope = tableScope(table, databaseName, alias);
  const context: CompileContext = { scope, clause: 'where clause', session, ...(params ? { params } : {}) };
  const where = conjunction(conjuncts);
  const filter = where ? compileExpr(where, context) : undefined;
  const path = chooseAccessPath(table, where, context);
  const warnings = session.warnings;
  if (withHandles) return handleRowSource(table, scope.concat(handleScope(table, databaseName, alias)), path, filter, session);
  return {
    scope,
    rows: async function* () {
      const rows = new TableRows(await session.transaction(), table, session);
      const lockMode = session.lockingRead;
      if (lockMode) {
        yield* lockedRows(rows, path, filter, lockMode, session);
        return;
      }
      // The point-get hot path (sysbench's point select) skips the batch generator below.
      if (path.kind === 'point' && path.handles.length === 1) {
        const row = await rows.get(path.handles[0]!);
        if (row && (!filter || toBoolean(filter.evaluate(row), warnings) === true)) yield [row];
        return;
      }
      for await (const batch of readTable(rows, path)) {
        if (!filter) {
          yield batch;
          continue;
        }
        const kept: Row[] = [];
        for (const row of batch) if (toBoolean(filter.evaluate(row), warnings) === true) kept.push(row);
        if (kept.length > 0) yield kept;
      }
    },
  };
}

/**
 * Multi-table UPDATE/DELETE read their targets with each row's handle appended as a hidden column (see
 * `HANDLE_COLUMN`), so that after the join they know which stored rows to change.
 */
function handleRowSource(table: TableInfo, scope: Scope, path: AccessPath, filter: CompiledExpr | undefined, session: ExecutionContext): RowSource {
  return {
    scope,
    rows: async function* () {
      const rows = new TableRows(await session.transaction(), table, session);
      for await (const batch of readHandleRows(rows, path)) {
        const kept: Row[] = [];
        for (const entry of batch) {
          if (!filter || toBoolean(filter.evaluate(entry.row), session.warnings) === true) kept.push([...entry.row, entry.handle]);
        }
        if (kept.length > 0) yield kept;
      }
    },
  };
}

/** `a AND b AND …` of the conjuncts, or undefined for none. */
export function conjunction(conjuncts: readonly Expr[]): Expr | undefined {
  let result: Expr | undefined;
  for (const conjunct of conjuncts) result = result ? { kind: 'BinaryExpr', op: 'AND', left: result, right: conjunct } : conjunct;
  return result;
}

async function* readTable(rows: TableRows, path: AccessPath): AsyncGenerator<Row[]> {
  switch (path.kind) {
    case 'point': {
      if (path.handles.length === 1) {
        const row = await rows.get(path.handles[0]!);
        if (row) yield [row];
        return;
      }
      const found = await rows.getMany(path.handles);
      if (found.length > 0) yield found.map((entry) => entry.row);
      return;
    }
    case 'range':
      if (path.low !== undefined && path.high !== undefined && path.low > path.high) return;
      for await (const batch of rows.scan({ ...(path.low === undefined ? {} : { low: path.low }), ...(path.high === undefined ? {} : { high: path.high }) })) {
        yield batch.map((entry) => entry.row);
      }
      return;
    case 'index':
      for (const range of path.ranges) {
        for await (const handles of rows.indexHandles(path.index, range)) {
          const found = await rows.getMany(handles);
          if (found.length > 0) yield found.map((entry) => entry.row);
        }
      }
      return;
    case 'full':
      for await (const batch of rows.scan()) yield batch.map((entry) => entry.row);
  }
}

/** SELECT … FOR UPDATE / FOR SHARE: the rows that pass this table's filter, each locked before it is returned. */
async function* lockedRows(rows: TableRows, path: AccessPath, filter: CompiledExpr | undefined, mode: LockMode, session: ExecutionContext): AsyncGenerator<Row[]> {
  for await (const batch of readHandleRows(rows, path)) {
    const kept = filter ? batch.filter((entry) => toBoolean(filter.evaluate(entry.row), session.warnings) === true) : batch;
    if (kept.length === 0) continue;
    await rows.lockHandles(kept.map((entry) => entry.handle), mode);
    yield kept.map((entry) => entry.row);
  }
}

async function* readHandleRows(rows: TableRows, path: AccessPath): AsyncGenerator<HandleRow[]> {
  switch (path.kind) {
    case 'point':
      yield await rows.getMany(path.handles);
      return;
    case 'range':
      if (path.low !== undefined && path.high !== undefined && path.low > path.high) return;
      yield* rows.scan({ ...(path.low === undefined ? {} : { low: path.low }), ...(path.high === undefined ? {} : { high: path.high }) });
      return;
    case 'index':
      for (const range of path.ranges) {
        for await (const handles of rows.indexHandles(path.index, range)) yield await rows.getMany(handles);
      }
      return;
    case 'full':
      yield* rows.scan();
  }
}

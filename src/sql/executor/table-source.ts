// tableSource: rows of one base table through its best access path, with single-table WHERE conjuncts applied early.
import type { StatementParams } from '../expression/index.js';
import type { Expr } from '../ast/index.js';
import type { TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { LateBoundParams, compileExpr, containsParam, withCurrentValues } from '../expression/index.js';
import type { CompileContext, CompiledExpr, Scope } from '../expression/index.js';
import { accessConditions, chooseAccessPath, isSamePathShape } from '../planner/access-path.js';
import type { AccessPath } from '../planner/access-path.js';
import { orderedPath } from '../planner/ordered-path.js';
import type { OrderRequest } from '../planner/ordered-path.js';
import { recordTableRead, tableReadPlan } from '../planner/table-read-plan.js';
import type { TableReadPlan } from '../planner/table-read-plan.js';
import type { LockMode } from '../table/row-locker.js';
import { TableRows } from '../table/table-rows.js';
import type { HandleRow } from '../table/table-rows.js';
import { toBoolean } from '../types/index.js';
import type { Row } from '../types/index.js';
import { keyLookup } from './key-lookup.js';
import type { RowSource } from './row-source.js';
import { describeConditions } from '../planner/describe-expr.js';
import { handleScope, tableScope } from './table-scope.js';
import { sessionTimeZone } from '../timezone/session-time-zone.js';

/** How FROM planning wants a table read beyond its WHERE conjuncts. */
export interface TableSourceOptions {
  /** The ORDER BY to deliver if an access path can (see planner/ordered-path.ts). */
  readonly order?: OrderRequest | undefined;
  /** Append each row's handle as a hidden column (multi-table UPDATE/DELETE). */
  readonly withHandles?: boolean;
}

/** A base table in FROM, its alias, and the conjuncts that only concern it. */
export function tableSource(
  table: TableInfo,
  databaseName: string,
  alias: string | undefined,
  conjuncts: readonly Expr[],
  session: ExecutionContext,
  params?: StatementParams,
  options: TableSourceOptions = {},
): RowSource {
  const order = options.order;
  const scope = tableScope(table, databaseName, alias);
  const context: CompileContext = { scope, clause: 'where clause', session, ...(params ? { params } : {}) };
  const choose = (): ChosenPath => {
    const chosen = chooseAccessPath(table, conjunction(conjuncts), withCurrentValues(context));
    const ordered = order ? orderedPath(table, scope, chosen, order) : undefined;
    return { path: ordered?.path ?? chosen, isReverse: ordered?.isReverse ?? false, isOrdered: ordered !== undefined };
  };
  let current = choose();
  const { path, isOrdered } = current;
  const isLateBound = rebindsPath(params, conjuncts);
  if (isLateBound) {
    params.onRebind(() => {
      const next = choose();
      if (!isSameShape(current, next)) return false;
      current = next;
      return true;
    });
  }
  // Conjuncts the access path satisfies by construction are not tested again (TiDB's access conditions); a reused
  // plan tests them all, since its path is chosen anew for each execution's values.
  const consumed = isLateBound ? [] : accessConditions(path);
  const filterConjuncts = consumed.length === 0 ? conjuncts : conjuncts.filter((conjunct) => !consumed.includes(conjunct));
  const where = conjunction(filterConjuncts);
  const filter = where ? compileExpr(where, context) : undefined;
  const plan = tableReadPlan(table, alias, path, filterConjuncts, scope, isOrdered ? { isReverse: current.isReverse } : undefined);
  const warnings = session.warnings;
  if (options.withHandles) return handleRowSource(table, scope.concat(handleScope(table, databaseName, alias)), () => current.path, filter, session, plan);
  // An index join reads the table by its join key instead, with every conjunct of its own as the filter.
  const ownFilter = (): { expr: CompiledExpr; text: () => string } | undefined => {
    const ownWhere = conjunction(conjuncts);
    return ownWhere ? { expr: compileExpr(ownWhere, context), text: () => describeConditions(conjuncts, scope) } : undefined;
  };
  return {
    scope,
    plan: plan.top,
    ...(isOrdered ? { providesOrder: true } : {}),
    keyLookup: (offset) => keyLookup(table, alias, offset, ownFilter(), session),
    rows: async function* () {
      const startedAt = performance.now();
      let read = 0;
      let returned = 0;
      try {
        const rows = new TableRows(await session.transaction(), table, session, sessionTimeZone(session));
        const { path, isReverse } = current;
        const lockMode = session.lockingRead;
        if (lockMode) {
          for await (const batch of lockedRows(rows, path, isReverse, filter, lockMode, session)) {
            read += batch.length;
            returned += batch.length;
            yield batch;
          }
          return;
        }
        // The point-get hot path (sysbench's point select) skips the batch generator below.
        if (path.kind === 'point' && path.handles.length === 1) {
          const row = await rows.get(path.handles[0]!);
          if (row) read = 1;
          if (row && (!filter || toBoolean(filter.evaluate(row), warnings) === true)) {
            returned = 1;
            yield [row];
          }
          return;
        }
        for await (const batch of readTable(rows, path, isReverse)) {
          read += batch.length;
          if (!filter) {
            returned += batch.length;
            yield batch;
            continue;
          }
          const kept: Row[] = [];
          for (const row of batch) if (toBoolean(filter.evaluate(row), warnings) === true) kept.push(row);
          returned += kept.length;
          if (kept.length > 0) yield kept;
        }
      } finally {
        recordTableRead(plan, read, returned, startedAt);
      }
    },
  };
}

/**
 * Multi-table UPDATE/DELETE read their targets with each row's handle appended as a hidden column (see
 * `HANDLE_COLUMN`), so that after the join they know which stored rows to change.
 */
function handleRowSource(
  table: TableInfo,
  scope: Scope,
  pathNow: () => AccessPath,
  filter: CompiledExpr | undefined,
  session: ExecutionContext,
  plan: TableReadPlan,
): RowSource {
  return {
    scope,
    plan: plan.top,
    rows: async function* () {
      const startedAt = performance.now();
      let read = 0;
      let returned = 0;
      try {
        const rows = new TableRows(await session.transaction(), table, session, sessionTimeZone(session));
        for await (const batch of readHandleRows(rows, pathNow(), false)) {
          read += batch.length;
          const kept: Row[] = [];
          for (const entry of batch) {
            if (!filter || toBoolean(filter.evaluate(entry.row), session.warnings) === true) kept.push([...entry.row, entry.handle]);
          }
          returned += kept.length;
          if (kept.length > 0) yield kept;
        }
      } finally {
        recordTableRead(plan, read, returned, startedAt);
      }
    },
  };
}

/** The most rows a locking read locks at once (see lockedRows). */
const MAX_LOCK_CHUNK = 1024;

/** An access path with the direction to read it in; `isOrdered` when it delivers the requested ORDER BY. */
interface ChosenPath {
  readonly path: AccessPath;
  readonly isReverse: boolean;
  readonly isOrdered: boolean;
}

/** True when the path depends on late-bound parameter values, so it is chosen again for each execution. */
function rebindsPath(params: StatementParams | undefined, conjuncts: readonly Expr[]): params is LateBoundParams {
  return params instanceof LateBoundParams && conjuncts.some(containsParam);
}

/** A reused plan still fits a newly chosen path when it reads the same way and delivers the same order. */
function isSameShape(planned: ChosenPath, next: ChosenPath): boolean {
  return isSamePathShape(planned.path, next.path) && planned.isOrdered === next.isOrdered && planned.isReverse === next.isReverse;
}

/** `a AND b AND …` of the conjuncts, or undefined for none. */
export function conjunction(conjuncts: readonly Expr[]): Expr | undefined {
  let result: Expr | undefined;
  for (const conjunct of conjuncts) result = result ? { kind: 'BinaryExpr', op: 'AND', left: result, right: conjunct } : conjunct;
  return result;
}

async function* readTable(rows: TableRows, path: AccessPath, isReverse: boolean): AsyncGenerator<Row[]> {
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
      for await (const batch of rows.scan({ ...handleBounds(path), reverse: isReverse })) {
        yield batch.map((entry) => entry.row);
      }
      return;
    case 'index':
      for (const range of path.ranges) {
        for await (const handles of rows.indexHandles(path.index, range, isReverse)) {
          const found = await rows.getMany(handles);
          if (found.length > 0) yield found.map((entry) => entry.row);
        }
      }
      return;
    case 'full':
      for await (const batch of rows.scan({ reverse: isReverse })) yield batch.map((entry) => entry.row);
  }
}

/** SELECT … FOR UPDATE / FOR SHARE: the rows that pass this table's filter, each locked before it is returned. */
async function* lockedRows(
  rows: TableRows,
  path: AccessPath,
  isReverse: boolean,
  filter: CompiledExpr | undefined,
  mode: LockMode,
  session: ExecutionContext,
): AsyncGenerator<Row[]> {
  // Rows are locked in chunks that start at one row and double with the rows handed on, so a reader that stops
  // early (LIMIT, e.g. a job queue's `LIMIT 1 FOR UPDATE SKIP LOCKED`) leaves the rest of the scan unlocked, as
  // InnoDB locks only the rows it reads up to the limit.
  let chunkSize = 1;
  for await (const batch of readHandleRows(rows, path, isReverse)) {
    const kept = filter ? batch.filter((entry) => toBoolean(filter.evaluate(entry.row), session.warnings) === true) : batch;
    for (let start = 0; start < kept.length; ) {
      const chunk = kept.slice(start, start + chunkSize);
      start += chunk.length;
      const locked = await rows.lockReadRows(chunk, mode);
      if (locked.length === 0) continue;
      chunkSize = Math.min(chunkSize * 2, MAX_LOCK_CHUNK);
      yield locked.map((entry) => entry.row);
    }
  }
}

async function* readHandleRows(rows: TableRows, path: AccessPath, isReverse: boolean): AsyncGenerator<HandleRow[]> {
  switch (path.kind) {
    case 'point':
      yield await rows.getMany(path.handles);
      return;
    case 'range':
      if (path.low !== undefined && path.high !== undefined && path.low > path.high) return;
      yield* rows.scan({ ...handleBounds(path), reverse: isReverse });
      return;
    case 'index':
      for (const range of path.ranges) {
        for await (const handles of rows.indexHandles(path.index, range, isReverse)) yield await rows.getMany(handles);
      }
      return;
    case 'full':
      yield* rows.scan({ reverse: isReverse });
  }
}

function handleBounds(path: { readonly low?: bigint | undefined; readonly high?: bigint | undefined }): { low?: bigint; high?: bigint } {
  return { ...(path.low === undefined ? {} : { low: path.low }), ...(path.high === undefined ? {} : { high: path.high }) };
}

// tableReaderExec: rows of one base table through the access path its plan chose, its own conjuncts applied early.
import type { ExecutionContext } from '../execution-context.js';
import type { CompiledExpr } from '../expression/index.js';
import type { AccessPath } from '../planner/access-path.js';
import type { TableReaderPlan } from '../planner/physical-plan.js';
import { recordTableRead } from '../planner/table-read-plan.js';
import type { LockMode } from '../table/row-locker.js';
import { TableRows } from '../table/table-rows.js';
import type { HandleRow } from '../table/table-rows.js';
import { toBoolean } from '../types/index.js';
import type { Row } from '../types/index.js';
import type { Exec } from './exec.js';
import { sessionTimeZone } from '../timezone/session-time-zone.js';

/** Reads the table, locking its rows for SELECT … FOR UPDATE / FOR SHARE. */
export async function* tableReaderExec(plan: TableReaderPlan, session: ExecutionContext): Exec {
  const { filter, read, table } = plan;
  const warnings = session.warnings;
  const startedAt = performance.now();
  let readCount = 0;
  let returned = 0;
  try {
    const rows = new TableRows(await session.transaction(), table, session, sessionTimeZone(session));
    const { path, isReverse } = plan.access;
    const lockMode = session.lockingRead;
    if (lockMode) {
      for await (const batch of lockedRows(rows, path, isReverse, filter, lockMode, session)) {
        readCount += batch.length;
        returned += batch.length;
        yield batch;
      }
      return;
    }
    // The point-get hot path (sysbench's point select) skips the batch generator below.
    if (path.kind === 'point' && path.handles.length === 1) {
      const row = await rows.get(path.handles[0]!);
      if (row) readCount = 1;
      if (row && (!filter || toBoolean(filter.evaluate(row), warnings) === true)) {
        returned = 1;
        yield [row];
      }
      return;
    }
    const keep = (batch: Row[]): Row[] => {
      readCount += batch.length;
      if (!filter) return batch;
      const kept: Row[] = [];
      for (const row of batch) if (toBoolean(filter.evaluate(row), warnings) === true) kept.push(row);
      return kept;
    };
    // A short handle range (sysbench's BETWEEN of 100 ids) is read in one synchronous step where the engine can.
    const shortRange = path.kind === 'range' ? shortBounds(path) : undefined;
    const whole = shortRange ? rows.readRange({ ...shortRange, reverse: isReverse }, plan.readColumns) : undefined;
    if (whole) {
      const kept = keep(whole);
      returned = kept.length;
      if (kept.length > 0) yield kept;
      return;
    }
    for await (const batch of readTable(rows, path, isReverse, plan.readColumns)) {
      const kept = keep(batch);
      returned += kept.length;
      if (kept.length > 0) yield kept;
    }
  } finally {
    recordTableRead(read, readCount, returned, startedAt);
  }
}

/**
 * Multi-table UPDATE/DELETE read their targets with each row's handle appended as a hidden column (see
 * `HANDLE_COLUMN`), so that after the join they know which stored rows to change.
 */
export async function* tableHandleRowsExec(plan: TableReaderPlan, session: ExecutionContext): Exec {
  const { filter, read, table } = plan;
  const startedAt = performance.now();
  let readCount = 0;
  let returned = 0;
  try {
    const rows = new TableRows(await session.transaction(), table, session, sessionTimeZone(session));
    for await (const batch of readHandleRows(rows, plan.access.path, false)) {
      readCount += batch.length;
      const kept: Row[] = [];
      for (const entry of batch) {
        if (!filter || toBoolean(filter.evaluate(entry.row), session.warnings) === true) kept.push([...entry.row, entry.handle]);
      }
      returned += kept.length;
      if (kept.length > 0) yield kept;
    }
  } finally {
    recordTableRead(read, readCount, returned, startedAt);
  }
}
/** The most handles a range may span to be read in one step (TableRows.readRange) rather than scanned in batches. */
const SHORT_RANGE_HANDLES = 1024n;

/** The bounds of a range path spanning at most SHORT_RANGE_HANDLES handles (a non-empty one), else undefined. */
export function shortBounds(path: { readonly low?: bigint | undefined; readonly high?: bigint | undefined }): { low: bigint; high: bigint } | undefined {
  const { low, high } = path;
  if (low === undefined || high === undefined || low > high || high - low >= SHORT_RANGE_HANDLES) return undefined;
  return { low, high };
}

/** The most rows a locking read locks at once (see lockedRows). */
const MAX_LOCK_CHUNK = 1024;

/** The rows `path` reads; range and full reads decode only `columns` when given (TableReaderPlan.readColumns). */
async function* readTable(rows: TableRows, path: AccessPath, isReverse: boolean, columns: readonly number[] | undefined): AsyncGenerator<Row[]> {
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
      yield* rows.scanRows({ ...handleBounds(path), reverse: isReverse }, columns);
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
      yield* rows.scanRows({ reverse: isReverse }, columns);
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

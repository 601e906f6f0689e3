// hashRows / probeRows / nestedLoopRows: building and probing joins, with output in bounded batches.
import type { CompiledExpr } from '../expression/index.js';
import type { FieldType, Row, SqlValue } from '../types/index.js';
import { distinctKey } from '../expression/index.js';
import { checkMemory } from '../memory-guard.js';
import type { OperatorPlan } from '../planner/operator-plan.js';

/** Rows by the distinct key of their key values; rows with a NULL key can match nothing and are left out. */
export function hashRows(rows: readonly Row[], keys: readonly CompiledExpr[], types: readonly FieldType[]): Map<string, Row[]> {
  const table = new Map<string, Row[]>();
  for (const row of rows) {
    const values = keys.map((key) => key.evaluate(row));
    if (values.some((value) => value === null)) continue;
    const key = distinctKey(values, types);
    const bucket = table.get(key);
    if (bucket) bucket.push(row);
    else table.set(key, [row]);
  }
  return table;
}

/** Joined rows are handed on in batches of at most this many, so a join that multiplies rows never holds them all. */
export const JOIN_OUTPUT_BATCH = 4096;

/**
 * Joins each left row with its bucket of `table` (matched on the values of `leftKeys`; a NULL key matches nothing),
 * keeping the joined rows `matches` accepts; a left join pads an unmatched left row with `nulls`.
 */
export function* probeRows(
  batch: readonly Row[],
  table: ReadonlyMap<string, Row[]>,
  leftKeys: readonly CompiledExpr[],
  types: readonly FieldType[],
  matches: (row: Row) => boolean,
  nulls: readonly SqlValue[] | undefined,
): Generator<Row[]> {
  for (const leftRow of batch) {
    const values = leftKeys.map((key) => key.evaluate(leftRow));
    const candidates = values.some((value) => value === null) ? [] : (table.get(distinctKey(values, types)) ?? []);
    yield* joinOne(leftRow, candidates, matches, nulls);
  }
}

/** Joins each left row with every row of `inner` that `matches` accepts (no equality keys to hash on). */
export function* nestedLoopRows(batch: readonly Row[], inner: readonly Row[], matches: (row: Row) => boolean, nulls: readonly SqlValue[] | undefined): Generator<Row[]> {
  for (const leftRow of batch) yield* joinOne(leftRow, inner, matches, nulls);
}

/** One left row against its candidates, in output batches (the last one may be short; empty ones are skipped). */
function* joinOne(leftRow: Row, candidates: readonly Row[], matches: (row: Row) => boolean, nulls: readonly SqlValue[] | undefined): Generator<Row[]> {
  let out: Row[] = [];
  let isMatched = false;
  for (const rightRow of candidates) {
    const joined = leftRow.concat(rightRow);
    if (!matches(joined)) continue;
    isMatched = true;
    out.push(joined);
    if (out.length >= JOIN_OUTPUT_BATCH) {
      yield out;
      out = [];
    }
  }
  if (!isMatched && nulls) out.push(leftRow.concat(nulls));
  if (out.length > 0) yield out;
}

/**
 * Joined rows in batches of about JOIN_OUTPUT_BATCH (small pieces merged, so a selective join does not send tiny
 * batches), counted into `plan`, with the memory guard checked once per batch.
 */
export function* rebatch(pieces: Iterable<Row[]>, plan: OperatorPlan): Generator<Row[]> {
  let out: Row[] = [];
  for (const piece of pieces) {
    if (out.length === 0 && piece.length >= JOIN_OUTPUT_BATCH) {
      out = piece;
    } else {
      for (const row of piece) out.push(row);
    }
    if (out.length >= JOIN_OUTPUT_BATCH) {
      checkMemory();
      plan.stats.rows += out.length;
      yield out;
      out = [];
    }
  }
  plan.stats.rows += out.length;
  if (out.length > 0) yield out;
}

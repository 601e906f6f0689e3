// buildExec: TiDB's executorBuilder: turns a plan node (and its inputs) into the operator that runs it.
import type { ExecutionContext } from '../execution-context.js';
import type { PhysicalPlan } from '../planner/physical-plan.js';
import type { Row } from '../types/index.js';
import { columnMapExec } from './column-map-exec.js';
import type { Exec } from './exec.js';
import { hashAggExec } from './hash-agg-exec.js';
import { hashJoinExec } from './hash-join-exec.js';
import { indexJoinExec } from './index-join-exec.js';
import { lateralJoinExec } from './lateral-join-exec.js';
import { memTableScanExec } from './mem-table-scan-exec.js';
import { outputExec } from './output-exec.js';
import { selectionExec } from './selection-exec.js';
import { setOperationExec } from './set-operation-exec.js';
import { sortExec } from './sort-exec.js';
import { jsonTableExec } from './json-table-exec.js';
import { tableDualExec } from './table-dual-exec.js';
import { tableHandleRowsExec, tableReaderExec } from './table-reader-exec.js';
import { windowExec } from './window-exec.js';

/**
 * The operator for one execution of `plan`, its inputs built first. One case per plan kind and no default, so a
 * new kind of plan node does not compile until it has an operator here.
 */
export function buildExec(plan: PhysicalPlan, session: ExecutionContext): Exec {
  switch (plan.kind) {
    case 'TableReader':
      return plan.withHandles ? tableHandleRowsExec(plan, session) : tableReaderExec(plan, session);
    case 'TableDual':
      return tableDualExec(plan);
    case 'JsonTable':
      return jsonTableExec(plan, session);
    case 'MemTableScan':
      return memTableScanExec(plan, session);
    case 'ColumnMap':
      return plan.permutation ? columnMapExec(plan.permutation, buildExec(plan.input, session)) : buildExec(plan.input, session);
    case 'Selection':
      return selectionExec(plan, buildExec(plan.input, session), session);
    case 'HashJoin':
      return hashJoinExec(plan, buildExec(plan.left, session), buildExec(plan.right, session), session);
    case 'IndexJoin':
      return indexJoinExec(plan, buildExec(plan.outer, session), session);
    case 'LateralJoin':
      return lateralJoinExec(plan, buildExec(plan.left, session), session);
    case 'HashAgg':
      return hashAggExec(plan, buildExec(plan.input, session), session);
    case 'Sort':
      return sortExec(plan, buildExec(plan.input, session), session);
    case 'Window':
      return windowExec(plan, buildExec(plan.input, session), session);
    case 'Output':
      return outputExec(plan, buildExec(plan.input, session), session);
    case 'SetOperation':
      return setOperationExec(plan, buildExec(plan.left, session), buildExec(plan.right, session));
  }
}

/** Runs `plan` to completion (subqueries, INSERT … SELECT, CTEs): the planner's MaterializePlan. */
export async function collectRows(plan: PhysicalPlan, session: ExecutionContext): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const batch of buildExec(plan, session)) for (const row of batch) rows.push(row);
  return rows;
}

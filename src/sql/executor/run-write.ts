// runWrite: the executor of write plans: one case per kind of WritePlan, and the timing EXPLAIN ANALYZE shows.
import type { ExecutionContext } from '../execution-context.js';
import { endRun, startRun } from '../planner/operator-plan.js';
import type { OperatorPlan } from '../planner/operator-plan.js';
import type { WritePlan } from '../planner/write-plan.js';
import type { OkResult } from '../statement-result.js';
import { deleteExec } from './delete-exec.js';
import { insertExec } from './insert-exec.js';
import { multiDeleteExec, multiUpdateExec } from './multi-table-write-exec.js';
import { updateExec } from './update-exec.js';

/** Runs `plan` once. No default case: a new kind of write plan does not compile until it has an executor here. */
export function runWrite(plan: WritePlan, session: ExecutionContext): Promise<OkResult> {
  switch (plan.kind) {
    case 'Insert':
      return insertExec(plan);
    case 'Update':
      return updateExec(plan);
    case 'Delete':
      return deleteExec(plan);
    case 'MultiUpdate':
      return multiUpdateExec(plan, session);
    case 'MultiDelete':
      return multiDeleteExec(plan, session);
  }
}

/** A planned write statement: the plan EXPLAIN shows, and running it (once per call). */
export interface PlannedWrite {
  readonly plan: OperatorPlan;
  run(): Promise<OkResult>;
}

/** Runs a write and records its time in the write operator's stats. */
export async function timedWrite(plan: OperatorPlan, run: () => Promise<OkResult>): Promise<OkResult> {
  const startedAt = startRun(plan.stats);
  try {
    return await run();
  } finally {
    endRun(plan.stats, startedAt);
  }
}

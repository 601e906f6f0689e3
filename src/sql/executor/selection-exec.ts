// selectionExec: TiDB's Selection: keeps the rows for which the filter is true; subqueries run per batch first.
import type { ExecutionContext } from '../execution-context.js';
import { endRun, startRun } from '../planner/operator-plan.js';
import type { SelectionPlan } from '../planner/physical-plan.js';
import { toBoolean } from '../types/index.js';
import type { Row } from '../types/index.js';
import type { Exec } from './exec.js';
import { prepareParts } from './prepare-parts.js';

/** Filters `input` (the plan's input, built). */
export async function* selectionExec(plan: SelectionPlan, input: Exec, session: ExecutionContext): Exec {
  const { filter, parts, explain } = plan;
  const warnings = session.warnings;
  const startedAt = startRun(explain.stats);
  try {
    for await (const batch of input) {
      if (parts.length > 0) await prepareParts(parts, batch);
      const kept: Row[] = [];
      for (const row of batch) if (toBoolean(filter.evaluate(row), warnings) === true) kept.push(row);
      explain.stats.rows += kept.length;
      if (kept.length > 0) yield kept;
    }
  } finally {
    endRun(explain.stats, startedAt);
  }
}

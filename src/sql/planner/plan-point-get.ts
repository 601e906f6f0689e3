// planPointGet: recognises a query that reads one table by primary-key handles and can skip the operator tree.
import type { OutputPlan, PointGetPlan } from './physical-plan.js';

/**
 * The PointGet plan for `output` when its input is one base table read by handles and nothing above the read needs
 * the operator tree: no sort, DISTINCT or subqueries. LIMIT stays (applied to the few rows). A reused plan may get
 * another access path for new values; the executor checks the path kind each time and runs the tree otherwise.
 */
export function planPointGet(output: OutputPlan): PointGetPlan | undefined {
  const reader = output.input;
  if (reader.kind !== 'TableReader' || reader.withHandles || reader.access.path.kind !== 'point') return undefined;
  if (output.sortKeys.length > 0 || output.isDistinct || output.parts.length > 0) return undefined;
  return { kind: 'PointGet', output, reader };
}

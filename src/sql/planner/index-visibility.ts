// isUsableIndex: whether the planner may read through an index, INVISIBLE ones included when the session says so.
import type { IndexInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';

/**
 * A visible index always; an INVISIBLE one only with `optimizer_switch` flag `use_invisible_indexes=on`, as MySQL
 * (the switch is read only for a table that has an invisible index).
 */
export function isUsableIndex(index: IndexInfo, session: ExecutionContext): boolean {
  return index.isInvisible !== true || String(session.systemVariable('optimizer_switch', 'session')).includes('use_invisible_indexes=on');
}

// rowChanged: whether an UPDATE really changes a stored row (MySQL counts and writes only changed rows).
import type { ExecutionContext } from '../execution-context.js';
import { compareValues } from '../types/index.js';
import type { Row } from '../types/index.js';

/** True when a stored row differs from its update (MySQL counts and writes only changed rows). */
export function rowChanged(before: Row, after: Row, session: ExecutionContext): boolean {
  for (let i = 0; i < before.length; i++) {
    const a = before[i] ?? null;
    const b = after[i] ?? null;
    if (a === null || b === null) {
      if (a !== b) return true;
    } else if (compareValues(a, b, 'binary', session.warnings) !== 0) {
      return true;
    }
  }
  return false;
}

// prepareParts: runs the asynchronous parts (subqueries) of compiled expressions for one batch of input rows.
import type { AsyncPart } from '../expression/index.js';
import type { Row } from '../types/index.js';

/** Runs the subqueries of a batch's expressions, one after another (they share outer-row bindings). */
export async function prepareParts(parts: readonly AsyncPart[], batch: readonly Row[]): Promise<void> {
  for (const part of parts) await part.prepare(batch);
}

// columnMapExec: the input's rows with their columns reordered (a join's columns put back in written order).
import type { Exec } from './exec.js';

/** Each row rebuilt from the input row's columns at `permutation` (a renaming ColumnMap needs no operator). */
export async function* columnMapExec(permutation: readonly number[], input: Exec): Exec {
  for await (const batch of input) yield batch.map((row) => permutation.map((from) => row[from] ?? null));
}

// collectTableStats: one full scan of a table that counts its rows and each column's and index's distinct values and NULLs.
import type { TableInfo, TableStats } from '../catalog/index.js';
import { distinctKey } from '../expression/index.js';
import type { KvTransaction } from '../../storage/kv.js';
import { TableRows } from '../table/table-rows.js';
import type { FieldType } from '../types/index.js';
import { DistinctCounter } from './distinct-counter.js';

interface Tally {
  readonly id: number;
  readonly offsets: readonly number[];
  readonly types: readonly FieldType[];
  readonly distinct: DistinctCounter;
  nullCount: number;
}

/**
 * Reads every row of `table` in `txn` (as TiDB's ANALYZE does without sampling) and returns its statistics. Every
 * column is counted, and each index by its key tuple; a tuple with a NULL part counts as NULL, as it is never equal.
 */
export async function collectTableStats(txn: KvTransaction, table: TableInfo): Promise<TableStats> {
  const tally = (id: number, offsets: readonly number[]): Tally => ({ id, offsets, types: offsets.map((offset) => table.columns[offset]!.type), distinct: new DistinctCounter(), nullCount: 0 });
  const columns = table.columns.map((column) => tally(column.id, [column.offset]));
  const indexes = table.indexes.map((index) => tally(index.id, index.columnOffsets));
  const all = [...columns, ...indexes];
  let rowCount = 0;
  for await (const batch of new TableRows(txn, table, undefined, undefined).scanRows()) {
    rowCount += batch.length;
    for (const row of batch) {
      for (const entry of all) {
        const values = entry.offsets.map((offset) => row[offset] ?? null);
        if (values.includes(null)) entry.nullCount++;
        else entry.distinct.add(distinctKey(values, entry.types));
      }
    }
  }
  const result = (entry: Tally): { id: number; ndv: number; nullCount: number } => ({ id: entry.id, ndv: entry.distinct.count, nullCount: entry.nullCount });
  return { rowCount, analyzedAt: new Date().toISOString(), columns: columns.map(result), indexes: indexes.map(result) };
}

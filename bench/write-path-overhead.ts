// What the constraint-aware write path costs a table that has no constraints: one-row INSERTs into an in-memory table
// through TableRows directly (the plain path) and through RowWriter (as INSERT does), alternating A B A B, median of
// the rounds. Usage: npm run bench:write-path [-- --rounds 15 --statements 20000]
import { parseArgs } from 'node:util';
import { StoredCatalog } from '../src/sql/catalog/index.js';
import type { ColumnInfo } from '../src/sql/catalog/index.js';
import { TableWriters } from '../src/sql/constraints/index.js';
import { TableRows } from '../src/sql/table/table-rows.js';
import { sessionTimeZone } from '../src/sql/timezone/session-time-zone.js';
import { TypeKind, fieldType } from '../src/sql/types/index.js';
import type { SqlValue } from '../src/sql/types/index.js';
import { MemoryEngine, beginTransaction } from '../src/storage/index.js';
import { TestSession } from '../test/unit/sql/expression/evaluate-sql.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' }, statements: { type: 'string', default: '20000' } } });
const rounds = Number(values.rounds);
const statements = Number(values.statements);

const engine = new MemoryEngine();
const catalog = await StoredCatalog.open(engine);
const column = (id: number, name: string, offset: number): ColumnInfo => ({
  id, name, offset, type: fieldType(TypeKind.Int), isNotNull: false, isAutoIncrement: false, defaultValue: { kind: 'null' }, onUpdateCurrentTimestamp: false, comment: '',
});
const table = await catalog.createTable('test', 'plain', ({ databaseId, tableId, nextIndexId }) => ({
  id: tableId, databaseId, name: 'plain', columns: [column(1, 'id', 0), column(2, 'a', 1)],
  indexes: [{ id: nextIndexId(), name: 'PRIMARY', columnOffsets: [0], isUnique: true, isPrimary: true, keyVersion: 2 }],
  handleColumnOffset: 0, charset: 'utf8mb4', collation: 'utf8mb4_0900_ai_ci', comment: '', engine: 'InnoDB', createdAt: new Date().toISOString(),
}));
if (!table) throw new Error('table test.plain was not created');
/** The unit tests' session, knowing also the one variable writes read (@@time_zone). */
class BenchSession extends TestSession {
  override systemVariable(name: string): SqlValue {
    return name.toLowerCase() === 'time_zone' ? 'SYSTEM' : super.systemVariable(name);
  }
}
const session = new BenchSession();

/** Microseconds per statement for one round of `statements` one-row inserts, each with the objects a statement makes. */
async function round(path: 'rows' | 'writer'): Promise<number> {
  const txn = await beginTransaction(engine);
  const start = process.hrtime.bigint();
  for (let i = 0; i < statements; i++) {
    const handle = BigInt(i + 1);
    const row = [handle, 1n];
    if (path === 'rows') {
      await new TableRows(txn, table!, session, sessionTimeZone(session)).insert(handle, row);
    } else {
      const writer = new TableWriters({ catalog, session, txn, isStrict: true, isIgnore: false }).writer(table!, 'test');
      writer.prepare(row, 1);
      await writer.insert(handle, row);
    }
  }
  const micros = Number(process.hrtime.bigint() - start) / 1000 / statements;
  txn.rollback();
  return micros;
}

const results = { rows: [] as number[], writer: [] as number[] };
for (let r = 0; r < rounds; r++) {
  results.rows.push(await round('rows'));
  results.writer.push(await round('writer'));
}
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const plain = median(results.rows);
const writer = median(results.writer);
console.log(`one-row INSERT into a table without constraints, in memory, median of ${rounds} rounds of ${statements}:`);
console.log(`  TableRows directly: ${plain.toFixed(2)} µs   through RowWriter: ${writer.toFixed(2)} µs   overhead: ${(((writer - plain) / plain) * 100).toFixed(1)} %`);

// isReadOnlyStatement: which statements change no data (allowed in READ ONLY transactions, no current reads).
import type { Statement } from '../sql/index.js';

const READ_ONLY_STATEMENTS: ReadonlySet<Statement['kind']> = new Set<Statement['kind']>([
  'SelectStmt',
  'UnionStmt',
  'ValuesStmt',
  'ShowStmt',
  'DescribeStmt',
  'SetStmt',
  'UseStmt',
  'DoStmt',
  'PrepareStmt',
  'DeallocateStmt',
  'KillStmt',
  'LockTablesStmt',
  'UnlockTablesStmt',
  'SetTransactionStmt',
  'FlushStmt',
]);

/** True for statements that change no data (an EXPLAIN unless it ANALYZEs a write). */
export function isReadOnlyStatement(statement: Statement): boolean {
  if (statement.kind === 'ExplainStmt') return !statement.isAnalyze || READ_ONLY_STATEMENTS.has(statement.stmt.kind);
  return READ_ONLY_STATEMENTS.has(statement.kind);
}

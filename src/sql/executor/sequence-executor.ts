// CREATE/ALTER/DROP SEQUENCE and SHOW CREATE SEQUENCE: a sequence is a catalog entry (TableInfo.sequence) beside
// tables and views, as in TiDB; its values come from the SequenceAllocator. https://docs.pingcap.com/tidb/stable/sql-statement-create-sequence
import {
  mysqlError,
  ER_NO_DB_ERROR,
  ER_NOT_SEQUENCE,
  ER_SEQUENCE_INVALID_DATA,
  ER_TABLE_EXISTS_ERROR,
  ER_UNKNOWN_SEQUENCES,
} from '../../errors/index.js';
import type { AlterSequenceStmt, CreateSequenceStmt, DropSequenceStmt, SequenceOptions, TableName } from '../ast/index.js';
import type { Catalog, SequenceAllocator, SequenceInfo, TableInfo } from '../catalog/index.js';
import { columnlessTable, findSequence } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { OK_NOTHING } from '../statement-result.js';
import type { OkResult } from '../statement-result.js';

const INT64_MAX = 9223372036854775807n;
const DEFAULT_CACHE = 1000n;

function databaseOf(name: TableName, context: ExecutionContext): string {
  const database = name.db ?? context.currentDatabase;
  if (database === undefined) throw mysqlError(ER_NO_DB_ERROR);
  return database;
}

/**
 * The options after `options` are applied to `base` (ALTER) or to TiDB's defaults (CREATE): bounds follow the
 * increment's sign, START defaults to the bound values begin at; 4136 when they conflict.
 */
function resolveOptions(options: SequenceOptions, base: SequenceInfo | undefined, database: string, name: string): SequenceInfo {
  const increment = options.increment ?? (base ? BigInt(base.increment) : 1n);
  const isAscending = increment > 0n;
  const pick = (given: bigint | null | undefined, stored: string | undefined, fallback: bigint): bigint =>
    given === null ? fallback : given ?? (stored !== undefined ? BigInt(stored) : fallback);
  const minValue = pick(options.minValue, base?.minValue, isAscending ? 1n : -INT64_MAX);
  const maxValue = pick(options.maxValue, base?.maxValue, isAscending ? INT64_MAX - 1n : -1n);
  const start = options.start ?? (base ? BigInt(base.start) : isAscending ? minValue : maxValue);
  const cache = options.cache === null ? 0n : options.cache ?? (base ? BigInt(base.cache) : DEFAULT_CACHE);
  const isConflicting =
    increment === 0n || minValue >= maxValue || start < minValue || start > maxValue || cache < 0n || minValue < -INT64_MAX || maxValue >= INT64_MAX;
  if (isConflicting) throw mysqlError(ER_SEQUENCE_INVALID_DATA, database, name);
  return {
    start: start.toString(),
    minValue: minValue.toString(),
    maxValue: maxValue.toString(),
    increment: increment.toString(),
    cache: cache.toString(),
    isCycle: options.isCycle ?? base?.isCycle ?? false,
  };
}

export async function executeCreateSequence(stmt: CreateSequenceStmt, catalog: Catalog, context: ExecutionContext): Promise<OkResult> {
  const database = databaseOf(stmt.name, context);
  const sequence = resolveOptions(stmt.options, undefined, database, stmt.name.name);
  const created = await catalog.createTable(
    database,
    stmt.name.name,
    (ids): TableInfo => ({
      ...columnlessTable(ids, stmt.name.name),
      comment: stmt.options.comment ?? '',
      engine: 'InnoDB',
      createdAt: new Date().toISOString(),
      sequence,
    }),
    { ifNotExists: stmt.ifNotExists },
  );
  // IF NOT EXISTS over an existing object: MySQL's note 1050, as CREATE TABLE.
  if (!created) context.warnings.warn(mysqlError(ER_TABLE_EXISTS_ERROR, stmt.name.name));
  return OK_NOTHING;
}

export async function executeAlterSequence(stmt: AlterSequenceStmt, catalog: Catalog, allocator: SequenceAllocator, context: ExecutionContext): Promise<OkResult> {
  const database = databaseOf(stmt.name, context);
  const table = catalog.findTable(database, stmt.name.name);
  if (!table) throw mysqlError(ER_UNKNOWN_SEQUENCES, `${database}.${stmt.name.name}`);
  if (!table.sequence) throw mysqlError(ER_NOT_SEQUENCE, database, stmt.name.name);
  const sequence = resolveOptions(stmt.options, table.sequence, database, table.name);
  const altered = await catalog.alterTable(database, table.name, (current) =>
    Promise.resolve({ ...current, sequence, ...(stmt.options.comment !== undefined && { comment: stmt.options.comment }) }),
  );
  const ref = findSequence(catalog, database, altered.name);
  const { restart } = stmt.options;
  if (restart !== undefined) await allocator.restart(ref, restart === 'start' ? ref.bounds.start : restart);
  else allocator.forgetCache(table.id);
  return OK_NOTHING;
}

/** DROP SEQUENCE [IF EXISTS] s, …: 4139 names every missing one (a note with IF EXISTS), 4138 a table. */
export async function executeDropSequence(stmt: DropSequenceStmt, catalog: Catalog, allocator: SequenceAllocator, context: ExecutionContext): Promise<OkResult> {
  const targets = stmt.names.map((name) => {
    const database = databaseOf(name, context);
    return { database, name: name.name, table: catalog.findTable(database, name.name) };
  });
  for (const target of targets) if (target.table && !target.table.sequence) throw mysqlError(ER_NOT_SEQUENCE, target.database, target.name);
  const missing = targets.filter((target) => !target.table).map((target) => `${target.database}.${target.name}`);
  if (missing.length > 0) {
    const error = mysqlError(ER_UNKNOWN_SEQUENCES, missing.join(','));
    if (!stmt.ifExists) throw error;
    context.warnings.warn(error);
  }
  for (const target of targets) {
    if (!target.table) continue;
    await catalog.dropTable(target.database, target.name);
    await allocator.drop(target.table.id);
  }
  return OK_NOTHING;
}

/** SHOW CREATE SEQUENCE's text, as TiDB prints it. */
export function createSequenceText(table: TableInfo, sequence: SequenceInfo): string {
  const cache = sequence.cache === '0' ? 'nocache' : `cache ${sequence.cache}`;
  const comment = table.comment ? ` COMMENT='${table.comment.replace(/'/g, "''")}'` : '';
  return (
    `CREATE SEQUENCE \`${table.name.replace(/`/g, '``')}\` start with ${sequence.start} minvalue ${sequence.minValue} maxvalue ${sequence.maxValue} ` +
    `increment by ${sequence.increment} ${cache} ${sequence.isCycle ? 'cycle' : 'nocycle'} ENGINE=InnoDB${comment}`
  );
}

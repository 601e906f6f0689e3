// Runs a file's sqllogictest records over one connection and records which passed and which failed.
import { compareResult, hashValues, orderValues } from './slt-compare.js';
import { formatRow } from './slt-format.js';
import { appliesTo } from './slt-record.js';
import type { QueryRecord, SltRecord, StatementRecord } from './slt-record.js';
import type { SltConnection } from './slt-connection.js';

/** Our engine name for `skipif`/`onlyif`: TidalDB speaks MySQL's dialect. */
export const ENGINE_NAME = 'mysql';

/** One failed record, with what was expected and what happened. */
export interface RecordFailure {
  readonly line: number;
  readonly sql: string;
  /** Why it failed, e.g. the server's error or "result mismatch". */
  readonly reason: string;
  readonly expected?: string;
  readonly actual?: string;
}

/** Counts for one file; `failures` holds at most `keepFailures` of them, in file order. */
export interface FileOutcome {
  passed: number;
  failed: number;
  readonly failures: RecordFailure[];
  /** True when `stopOnFail` ended the file early. */
  stopped: boolean;
}

export interface RunOptions {
  /** Engine name matched by `skipif`/`onlyif` (default `mysql`). */
  readonly engine?: string;
  /** How many failures to keep for the report (the counts cover all). */
  readonly keepFailures?: number;
  /** Stop at the first failing record. */
  readonly stopOnFail?: boolean;
}

const DEFAULT_KEEP_FAILURES = 5;

/**
 * Runs `records` in order over `connection` and counts statements and queries that pass or fail. Records excluded by
 * `skipif`/`onlyif` and control records (`hash-threshold`, `halt`) are not counted; `halt` ends the run.
 */
export async function runRecords(
  records: readonly SltRecord[],
  connection: SltConnection,
  options: RunOptions = {},
): Promise<FileOutcome> {
  const engine = options.engine ?? ENGINE_NAME;
  const keep = options.keepFailures ?? DEFAULT_KEEP_FAILURES;
  const outcome: FileOutcome = { passed: 0, failed: 0, failures: [], stopped: false };
  const labelHashes = new Map<string, string>();
  for (const record of records) {
    if (!appliesTo(record, engine)) continue;
    if (record.kind === 'halt') break;
    if (record.kind === 'hash-threshold') continue;
    const failure =
      record.kind === 'statement'
        ? await runStatement(record, connection)
        : await runQuery(record, connection, labelHashes);
    if (failure === undefined) {
      outcome.passed++;
      continue;
    }
    outcome.failed++;
    if (outcome.failures.length < keep) outcome.failures.push(failure);
    if (options.stopOnFail === true) {
      outcome.stopped = true;
      break;
    }
  }
  return outcome;
}

async function runStatement(record: StatementRecord, connection: SltConnection): Promise<RecordFailure | undefined> {
  try {
    await connection.query(record.sql);
  } catch (error) {
    return record.expectError
      ? undefined
      : { line: record.line, sql: record.sql, reason: `statement failed: ${errorText(error)}` };
  }
  return record.expectError
    ? { line: record.line, sql: record.sql, reason: 'statement succeeded but an error was expected' }
    : undefined;
}

async function runQuery(
  record: QueryRecord,
  connection: SltConnection,
  labelHashes: Map<string, string>,
): Promise<RecordFailure | undefined> {
  let result;
  try {
    result = await connection.query(record.sql);
  } catch (error) {
    return { line: record.line, sql: record.sql, reason: `query failed: ${errorText(error)}` };
  }
  if (result.columns !== record.types.length) {
    return {
      line: record.line,
      sql: record.sql,
      reason: `expected ${record.types.length} columns, got ${result.columns}`,
    };
  }
  const values = orderValues(
    result.rows.map((row) => formatRow(row, record.types)),
    record.sortMode,
  );
  const comparison = compareResult(record.expected, values, record.types.length);
  if (!comparison.isMatch) {
    return {
      line: record.line,
      sql: record.sql,
      reason: 'result mismatch',
      expected: comparison.expected,
      actual: comparison.actual,
    };
  }
  if (record.label !== undefined) {
    const hash = hashValues(values);
    const earlier = labelHashes.get(record.label);
    if (earlier === undefined) labelHashes.set(record.label, hash);
    else if (earlier !== hash)
      return {
        line: record.line,
        sql: record.sql,
        reason: `result differs from an earlier query labelled ${record.label}`,
      };
  }
  return undefined;
}

/** A driver error as `ER_CODE (errno): message`, or the error's text. */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const e = error as Error & { code?: string; errno?: number };
    return e.errno !== undefined && e.code !== undefined ? `${e.code} (${e.errno}): ${e.message}` : e.message;
  }
  return String(error);
}

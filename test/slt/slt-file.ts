// Runs one sqllogictest file in a fresh database (slt_<n>) over its own connection.
import { readFile } from 'node:fs/promises';
import { MysqlSltConnection } from './slt-connection.js';
import type { ServerTarget } from './slt-connection.js';
import { SltParseError, parseSlt } from './slt-parser.js';
import { appliesTo } from './slt-record.js';
import type { SltRecord } from './slt-record.js';
import { ENGINE_NAME, errorText, runRecords } from './slt-runner.js';
import type { FileOutcome } from './slt-runner.js';

/** How to run a file: failures kept for the report, stop-on-fail, per-statement time limit. */
export interface FileRunOptions {
  readonly keepFailures: number;
  readonly stopOnFail: boolean;
  readonly timeoutMs: number;
}

/**
 * Parses and runs the file at `path` in database `slt_<index>` (dropped first if left over, and dropped after).
 * A file that cannot be parsed counts as one failure; one whose database cannot be set up fails all its records.
 */
export async function runSltFile(
  path: string,
  index: number,
  target: ServerTarget,
  options: FileRunOptions,
): Promise<FileOutcome> {
  let records: SltRecord[];
  try {
    records = parseSlt(await readFile(path, 'utf8'));
  } catch (error) {
    const line = error instanceof SltParseError ? error.line : 0;
    return {
      passed: 0,
      failed: 1,
      failures: [{ line, sql: '', reason: `cannot read the file: ${errorText(error)}` }],
      stopped: options.stopOnFail,
    };
  }
  const database = `slt_${index}`;
  let connection: MysqlSltConnection | undefined;
  try {
    connection = await MysqlSltConnection.open(target, options.timeoutMs);
    await connection.query(`DROP DATABASE IF EXISTS ${database}`).catch(() => undefined);
    await connection.query(`CREATE DATABASE ${database}`);
    await connection.useDatabase(database);
  } catch (error) {
    await connection?.close();
    const failed = countRunnable(records);
    return {
      passed: 0,
      failed,
      failures: [
        { line: 0, sql: `CREATE DATABASE ${database}`, reason: `cannot set up the database: ${errorText(error)}` },
      ],
      stopped: options.stopOnFail && failed > 0,
    };
  }
  try {
    return await runRecords(records, connection, {
      engine: ENGINE_NAME,
      keepFailures: options.keepFailures,
      stopOnFail: options.stopOnFail,
    });
  } finally {
    await connection.query(`DROP DATABASE ${database}`).catch(() => undefined);
    await connection.close();
  }
}

/** Statements and queries that would run for our engine (up to a `halt`). */
function countRunnable(records: readonly SltRecord[]): number {
  let n = 0;
  for (const record of records) {
    if (!appliesTo(record, ENGINE_NAME)) continue;
    if (record.kind === 'halt') break;
    if (record.kind === 'statement' || record.kind === 'query') n++;
  }
  return n;
}

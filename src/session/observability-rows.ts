// The rows of information_schema.SLOW_QUERY and STATEMENTS_SUMMARY, from the server's statement observer. As in
// TiDB, an account without the PROCESS privilege sees only its own statements.
import { MysqlDateTime } from '../sql/index.js';
import type { Row } from '../sql/index.js';
import type { SessionHost } from './session-host.js';

/** The account reading the table. */
export interface ReadingAccount {
  readonly user: string;
  readonly host: string;
}

const NANOS_PER_MS = 1_000_000;

export function slowQueryRows(host: SessionHost, reader: ReadingAccount): Row[] {
  const entries = host.observer?.observers.slowLog?.read() ?? [];
  const isAll = canSeeAll(host, reader);
  return entries
    .filter((entry) => isAll || entry.user === reader.user)
    .map((entry): Row => [
      timestamp(entry.time, 6), entry.txnStartTs, entry.user, entry.host, BigInt(entry.connectionId), entry.queryTime,
      entry.db, flag(entry.isInternal), entry.digest, flag(entry.isPrepared), flag(entry.isPlanFromCache),
      BigInt(entry.resultRows), BigInt(entry.affectedRows), flag(entry.isSuccess), entry.query,
    ]);
}

export function statementsSummaryRows(host: SessionHost, reader: ReadingAccount): Row[] {
  const summary = host.observer?.observers.summary;
  if (summary === undefined) return [];
  const window = summary.window();
  const isAll = canSeeAll(host, reader);
  return window.entries
    .filter((entry) => isAll || entry.sampleUser === reader.user)
    .map((entry): Row => [
      timestamp(window.begin, 0), timestamp(window.end, 0), entry.type, entry.schemaName === '' ? null : entry.schemaName,
      entry.digest, entry.digestText, null, entry.sampleUser, BigInt(entry.execCount), BigInt(entry.sumErrors),
      BigInt(entry.sumWarnings), nanos(entry.sumLatencyMs), nanos(entry.maxLatencyMs), nanos(entry.minLatencyMs),
      nanos(entry.sumLatencyMs / entry.execCount), entry.sumAffectedRows / entry.execCount,
      BigInt(Math.round(entry.sumResultRows / entry.execCount)), BigInt(entry.maxResultRows), BigInt(entry.minResultRows),
      flag(entry.planCacheHits > 0), BigInt(entry.planCacheHits), timestamp(entry.firstSeen, 0), timestamp(entry.lastSeen, 0),
      entry.sampleText, '', '', '',
    ]);
}

function canSeeAll(host: SessionHost, reader: ReadingAccount): boolean {
  return host.sql.privileges.hasGlobal(reader, 'PROCESS');
}

function timestamp(epochMs: number, fsp: number): MysqlDateTime {
  const value = MysqlDateTime.now(fsp, Math.round(epochMs * 1000));
  return new MysqlDateTime('timestamp', value.year, value.month, value.day, value.hour, value.minute, value.second, value.microsecond, fsp);
}

function nanos(ms: number): bigint {
  return BigInt(Math.round(ms * NANOS_PER_MS));
}

function flag(value: boolean): bigint {
  return value ? 1n : 0n;
}

// TiDB's slow query log format: `# Field: value` header lines, then `use db;` and the statement ending in `;`.
// Writing and reading live together so that what SLOW_QUERY parses is exactly what the log writes.
// https://docs.pingcap.com/tidb/stable/identify-slow-queries/
import type { StatementRecord } from './statement-record.js';

/** One entry as information_schema.SLOW_QUERY shows it (TiDB's column names, a subset of its fields). */
export interface SlowQueryEntry {
  /** Epoch milliseconds (with microseconds in the fraction) when the statement finished. */
  readonly time: number;
  readonly txnStartTs: bigint;
  readonly user: string;
  readonly host: string;
  readonly connectionId: number;
  /** Seconds. */
  readonly queryTime: number;
  readonly db: string;
  readonly isInternal: boolean;
  readonly digest: string;
  readonly resultRows: number;
  readonly affectedRows: number;
  readonly isPrepared: boolean;
  readonly isPlanFromCache: boolean;
  readonly isSuccess: boolean;
  readonly query: string;
}

const TIME_PREFIX = '# Time: ';
const FIELD_PREFIX = '# ';
const MICROS_PER_MS = 1000;

/** The log text of one slow statement (several lines, ending in a newline). */
export function formatSlowQueryEntry(record: StatementRecord): string {
  const finished = record.startedAt + record.latencyMs;
  const lines = [
    `${TIME_PREFIX}${formatSlowLogTime(finished)}`,
    `# Txn_start_ts: 0`,
    `# User@Host: ${record.user}[${record.user}] @ ${record.host} [${record.host}]`,
    `# Conn_ID: ${record.connectionId}`,
    `# Query_time: ${(record.latencyMs / 1000).toFixed(9)}`,
    ...(record.schemaName === '' ? [] : [`# DB: ${record.schemaName}`]),
    `# Is_internal: false`,
    `# Digest: ${record.digest}`,
    `# Prepared: ${record.isPrepared}`,
    `# Plan_from_cache: ${record.isPlanFromCache}`,
    `# Result_rows: ${record.resultRows}`,
    `# Affected_rows: ${record.affectedRows}`,
    `# Succ: ${record.errorCode === undefined}`,
    ...(record.schemaName === '' ? [] : [`use ${record.schemaName};`]),
    record.sampleText.trimEnd().endsWith(';') ? record.sampleText.trimEnd() : `${record.sampleText.trimEnd()};`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Parses a slow query log. Entries start at `# Time:`; header lines may hold several `Key: value` pairs; the first
 * line that is not a header and ends in `;` closes the statement (`use db;` lines are skipped, as TiDB does).
 * Damaged entries are skipped rather than failing the whole read.
 */
export function parseSlowQueryLog(text: string): SlowQueryEntry[] {
  const entries: SlowQueryEntry[] = [];
  let fields: Map<string, string> | undefined;
  let query: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith(TIME_PREFIX)) {
      fields = new Map([['Time', line.slice(TIME_PREFIX.length).trim()]]);
      query = [];
      continue;
    }
    if (fields === undefined) continue;
    if (query.length === 0 && line.startsWith(FIELD_PREFIX)) {
      for (const [key, value] of headerPairs(line.slice(FIELD_PREFIX.length))) fields.set(key, value);
      continue;
    }
    if (query.length === 0 && /^use\s+\S.*;$/i.test(line.trim())) continue;
    query.push(line);
    if (line.trimEnd().endsWith(';')) {
      const entry = toEntry(fields, query.join('\n'));
      if (entry !== undefined) entries.push(entry);
      fields = undefined;
      query = [];
    }
  }
  return entries;
}

/** `2024-01-02T15:04:05.123456+08:00`: RFC 3339 in local time with microseconds, as TiDB writes `# Time:`. */
export function formatSlowLogTime(epochMs: number): string {
  const date = new Date(Math.floor(epochMs));
  const micros = Math.round((epochMs - Math.floor(epochMs)) * MICROS_PER_MS) + date.getMilliseconds() * MICROS_PER_MS;
  const offset = -date.getTimezoneOffset();
  const zone = `${offset >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${String(Math.min(micros, 999_999)).padStart(6, '0')}${zone}`;
}

/** `User@Host: root[root] @ 127.0.0.1 [127.0.0.1]` holds spaces; other lines are `Key: value Key: value`. */
function headerPairs(body: string): Array<[string, string]> {
  const userHost = /^User@Host: (\S*)\[[^\]]*\] @ (\S*) \[[^\]]*\]$/.exec(body);
  if (userHost !== null) return [['User', userHost[1] ?? ''], ['Host', userHost[2] ?? '']];
  const pairs: Array<[string, string]> = [];
  const pattern = /([A-Za-z_@]+): (\S*)/g;
  for (let match = pattern.exec(body); match !== null; match = pattern.exec(body)) pairs.push([match[1]!, match[2]!]);
  return pairs;
}

function toEntry(fields: ReadonlyMap<string, string>, query: string): SlowQueryEntry | undefined {
  const time = Date.parse(fields.get('Time') ?? '');
  if (Number.isNaN(time)) return undefined;
  const fraction = /\.(\d{3})(\d{0,3})/.exec(fields.get('Time') ?? '');
  const subMillis = fraction === null ? 0 : Number((fraction[2] ?? '').padEnd(3, '0')) / MICROS_PER_MS;
  const number = (key: string): number => Number(fields.get(key) ?? 0) || 0;
  return {
    time: time + subMillis,
    txnStartTs: /^\d+$/.test(fields.get('Txn_start_ts') ?? '') ? BigInt(fields.get('Txn_start_ts')!) : 0n,
    user: fields.get('User') ?? '',
    host: fields.get('Host') ?? '',
    connectionId: number('Conn_ID'),
    queryTime: number('Query_time'),
    db: fields.get('DB') ?? '',
    isInternal: fields.get('Is_internal') === 'true',
    digest: fields.get('Digest') ?? '',
    resultRows: number('Result_rows'),
    affectedRows: number('Affected_rows'),
    isPrepared: fields.get('Prepared') === 'true',
    isPlanFromCache: fields.get('Plan_from_cache') === 'true',
    isSuccess: fields.get('Succ') !== 'false',
    query,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// Parses a sqllogictest script (SQLite's format) into records; see /work/shared/conformance/README.md.
import { SortMode } from './slt-record.js';
import type { ExpectedResult, SltCondition, SltRecord } from './slt-record.js';

/** A line the parser cannot read; carries the 1-based line number. */
export class SltParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'SltParseError';
  }
}

const RESULT_SEPARATOR = '----';
const HASH_LINE = /^(\d+) values hashing to ([0-9a-f]{32})$/;
const SORT_MODES: ReadonlySet<string> = new Set(Object.values(SortMode));

/** Splits `text` into records. Conditions attach to the record that follows them; comments (`#`) are dropped. */
export function parseSlt(text: string): SltRecord[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const records: SltRecord[] = [];
  let i = 0;
  const isGap = (l: string): boolean => l.trim() === '' || l.startsWith('#');
  /** Lines from `i` up to a blank line (or `stop`), advancing `i`. */
  const takeBlock = (stop?: string): string[] => {
    const block: string[] = [];
    while (i < lines.length) {
      const l = lines[i] ?? '';
      if (l.trim() === '' || (stop !== undefined && l.trimEnd() === stop)) break;
      block.push(l);
      i++;
    }
    return block;
  };
  while (i < lines.length) {
    if (isGap(lines[i] ?? '')) {
      i++;
      continue;
    }
    const conditions: SltCondition[] = [];
    let tokens = words(lines[i] ?? '');
    while (tokens[0] === 'skipif' || tokens[0] === 'onlyif') {
      conditions.push({ kind: tokens[0], engine: tokens[1] ?? '' });
      i++;
      while (i < lines.length && (lines[i] ?? '').startsWith('#')) i++;
      tokens = words(lines[i] ?? '');
    }
    const line = i + 1;
    i++;
    switch (tokens[0]) {
      case 'statement': {
        if (tokens[1] !== 'ok' && tokens[1] !== 'error')
          throw new SltParseError(line, `expected "statement ok|error", got "${tokens.join(' ')}"`);
        records.push({
          kind: 'statement',
          line,
          conditions,
          expectError: tokens[1] === 'error',
          sql: takeBlock().join('\n'),
        });
        break;
      }
      case 'query': {
        const types = tokens[1] ?? '';
        const sortMode = tokens[2] ?? SortMode.NOSORT;
        if (!/^[ITR]+$/.test(types)) throw new SltParseError(line, `bad query column types "${types}"`);
        if (!SORT_MODES.has(sortMode)) throw new SltParseError(line, `bad sort mode "${sortMode}"`);
        const sql = takeBlock(RESULT_SEPARATOR).join('\n');
        let values: string[] = [];
        if (i < lines.length && (lines[i] ?? '').trimEnd() === RESULT_SEPARATOR) {
          i++;
          values = takeBlock().map((v) => v.trimEnd());
        }
        records.push({
          kind: 'query',
          line,
          conditions,
          types,
          sortMode: sortMode as SortMode,
          label: tokens[3],
          sql,
          expected: expectedResult(values),
        });
        break;
      }
      case 'hash-threshold': {
        const threshold = Number(tokens[1]);
        if (!Number.isInteger(threshold) || threshold < 0)
          throw new SltParseError(line, `bad hash-threshold "${tokens[1] ?? ''}"`);
        records.push({ kind: 'hash-threshold', line, conditions, threshold });
        break;
      }
      case 'halt':
        records.push({ kind: 'halt', line, conditions });
        break;
      default:
        throw new SltParseError(line, `unknown record "${tokens.join(' ')}"`);
    }
  }
  return records;
}

/** A single `N values hashing to <md5>` line is a hash; anything else is the literal values. */
function expectedResult(values: readonly string[]): ExpectedResult {
  const match = values.length === 1 ? HASH_LINE.exec(values[0] ?? '') : null;
  if (match) return { kind: 'hash', count: Number(match[1]), md5: match[2] ?? '' };
  return { kind: 'values', values };
}

function words(line: string): string[] {
  return line.trim().split(/\s+/);
}

// Every SQL statement in the sqllogictest select1-5 and evidence files parses, except SQLite-only syntax.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseStatements } from '../../../../src/sql/parser/index.js';

/** The conformance corpus lives in shared/ beside the repository (dist/test/unit/sql/parser → ../../../../../../). */
const SLT_DIR =
  process.env['TIDAL_SLT_DIR'] ??
  fileURLToPath(new URL('../../../../../../shared/conformance/sqllogictest/', import.meta.url));

/**
 * Statements that are SQLite's syntax, not MySQL's: MySQL rejects them too, so they must fail here. Each failure must
 * match one of these, and the count is pinned so a regression in real syntax cannot hide among them.
 */
const SQLITE_ONLY: readonly RegExp[] = [
  /^CREATE TRIGGER \w+ (BEFORE |AFTER )?(UPDATE|DELETE|INSERT) ON t1 BEGIN/, // SQLite trigger bodies
  /^DROP INDEX \w+;?$/m, // DROP INDEX without ON table
  /^REINDEX /, // SQLite REINDEX
  / NOT INDEXED$/, // SQLite index hint
  /WHERE x NOT NULL /, // SQLite postfix NOT NULL
  /\btotal\(DISTINCT /, // DISTINCT in a non-aggregate (SQLite's total())
];
const EXPECTED_SQLITE_ONLY_FAILURES = 31;

interface Record {
  readonly file: string;
  readonly sql: string;
  readonly expectsError: boolean;
}

/** SQL records of an .test file, leaving out those guarded for other engines (onlyif x, skipif mysql). */
function records(file: string): Record[] {
  const lines = readFileSync(join(SLT_DIR, file), 'utf8').split(/\r?\n/);
  const out: Record[] = [];
  let guards: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('onlyif') || line.startsWith('skipif')) {
      guards.push(line);
      continue;
    }
    if (line.startsWith('statement') || line.startsWith('query')) {
      const sql: string[] = [];
      for (i++; i < lines.length && (lines[i] ?? '').trim() !== '' && lines[i] !== '----'; i++)
        sql.push(lines[i] ?? '');
      while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
      const skip = guards.some((g) => (/^onlyif/.test(g) && !/mysql/.test(g)) || /^skipif mysql/.test(g));
      guards = [];
      if (!skip) out.push({ file, sql: sql.join('\n'), expectsError: line.startsWith('statement error') });
      continue;
    }
    if (line.trim() === '') guards = [];
  }
  return out;
}

test('sqllogictest select1-5 and evidence statements parse (SQLite-only syntax excepted)', () => {
  assert.ok(existsSync(SLT_DIR), `conformance corpus not found at ${SLT_DIR} (set TIDAL_SLT_DIR)`);
  const files = ['select1.test', 'select2.test', 'select3.test', 'select4.test', 'select5.test'];
  for (const f of readdirSync(join(SLT_DIR, 'evidence')).sort())
    if (f.endsWith('.test')) files.push(join('evidence', f));
  let total = 0;
  const failures: Record[] = [];
  for (const file of files) {
    for (const r of records(file)) {
      total++;
      const result = parseStatements(r.sql);
      if (result.error !== undefined && !r.expectsError) failures.push(r);
    }
  }
  const unexpected = failures.filter((f) => !SQLITE_ONLY.some((re) => re.test(f.sql)));
  assert.deepEqual(
    unexpected.map((f) => `${f.file}: ${f.sql}`),
    [],
    'statements that should parse',
  );
  assert.equal(failures.length, EXPECTED_SQLITE_ONLY_FAILURES, 'SQLite-only statements rejected');
  assert.ok(total > 10_000, `read ${total} records`);
});

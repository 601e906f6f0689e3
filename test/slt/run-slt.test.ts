// End-to-end: run-slt starts its own tidal-server and runs a small sqllogictest fixture through it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const RUN_SLT = fileURLToPath(new URL('./run-slt.js', import.meta.url));
/** The fixture stays in the source tree (tsc does not copy it to dist/). */
const FIXTURE = fileURLToPath(new URL('../../../test/slt/fixtures/basic.test', import.meta.url));
const run = promisify(execFile);

interface RunResult {
  readonly code: number;
  readonly stdout: string;
}

async function runSlt(args: readonly string[]): Promise<RunResult> {
  try {
    const { stdout } = await run(process.execPath, [RUN_SLT, ...args], { timeout: 60_000 });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '' };
  }
}

describe('run-slt against a real tidal-server', () => {
  it('runs the fixture and prints per-file and total counts, with the deliberate failure explained', async () => {
    const { code, stdout } = await runSlt([FIXTURE]);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(code, 0, stdout);
    assert.equal(lines.at(-1), '11 passed, 1 failed');
    assert.match(lines[0] ?? '', /^.*fixtures\/basic\.test: 11 passed, 1 failed \(\d+\.\d s\)$/);
    assert.match(
      stdout,
      /basic\.test:68: result mismatch\n {4}sql:\n {6}SELECT qty FROM fruit WHERE id = 1\n {4}expected:\n {6}11\n {4}got:\n {6}10\n/,
    );
  });

  it('exits non-zero on failures only with --strict', async () => {
    const { code, stdout } = await runSlt(['--strict', '--max-failures-shown', '0', FIXTURE]);
    assert.equal(code, 1);
    assert.equal(stdout.trimEnd().split('\n').at(-1), '11 passed, 1 failed');
    assert.doesNotMatch(stdout, /result mismatch/);
  });
});

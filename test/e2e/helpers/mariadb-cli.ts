// Runs the real `mariadb` command-line client against a server, for end-to-end tests.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';

/** A hang guard for one CLI run, not a performance bound: generous enough for a heavily loaded 2-core machine. */
const CLI_HANG_GUARD_MS = 120_000;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `mariadb` with `args` (plus host/port/user root) and `sql` on stdin. Never rejects on a non-zero exit. */
export function mariadb(port: number, args: readonly string[], sql: string | Buffer = ''): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      'mariadb',
      ['--no-defaults', '--protocol=TCP', '-h', '127.0.0.1', '-P', String(port), '-u', 'root', ...args],
      { timeout: CLI_HANG_GUARD_MS },
      (error, stdout, stderr) => {
        const code = error && typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
    // The client may exit (e.g. on a TLS error) before reading its input; that is not a test failure.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(sql);
  });
}

/** Runs `sql` through `mariadb --batch --raw` (plus `args`), asserts it exited 0, and returns its output. */
export async function mariadbBatch(port: number, sql: string, args: readonly string[] = []): Promise<string> {
  const result = await mariadb(port, ['--batch', '--raw', ...args], sql);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

/** Runs `mariadb` as `user` with `password` (given through MYSQL_PWD-free `--password=`), plus `args`. */
export function mariadbAs(port: number, user: string, password: string, args: readonly string[], sql = ''): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      'mariadb',
      ['--no-defaults', '--protocol=TCP', '-h', '127.0.0.1', '-P', String(port), '-u', user, `--password=${password}`, ...args],
      { timeout: CLI_HANG_GUARD_MS },
      (error, stdout, stderr) => {
        const code = error && typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(sql);
  });
}

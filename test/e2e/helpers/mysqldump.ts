// Runs the real `mysqldump` (Debian's mariadb-client) against a server, for end-to-end dump and restore tests.
import { execFile } from 'node:child_process';

/** A hang guard for one dump, not a performance bound: generous enough for a heavily loaded 2-core machine. */
const DUMP_HANG_GUARD_MS = 120_000;

/** Runs `mysqldump` with `args` (plus host/port/user root, no dump date); the dump as latin1 text, one char a byte. */
export function mysqldump(port: number, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'mysqldump',
      ['--no-defaults', '--protocol=TCP', '-h', '127.0.0.1', '-P', String(port), '-u', 'root', '--skip-dump-date', ...args],
      { timeout: DUMP_HANG_GUARD_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'latin1' },
      (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr }),
    );
  });
}

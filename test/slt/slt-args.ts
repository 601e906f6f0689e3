// Command-line options of run-slt (see `usage`).
import { parseArgs } from 'node:util';

/** Parsed options; `port` undefined means "start a private tidal-server". */
export interface SltOptions {
  readonly host: string;
  readonly port: number | undefined;
  readonly user: string;
  readonly password: string;
  readonly stopOnFail: boolean;
  readonly strict: boolean;
  readonly maxFailuresShown: number;
  /** Per-statement limit in milliseconds (0: none); a statement over it fails and the connection is reopened. */
  readonly timeoutMs: number;
  readonly paths: readonly string[];
  readonly isHelp: boolean;
}

const DEFAULTS = { host: '127.0.0.1', user: 'root', password: '', maxFailuresShown: 3, timeoutMs: 60_000 } as const;

export const usage = `Usage: npm run slt -- [options] FILES|DIRS...
Runs sqllogictest scripts (SQLite's format, engine name "mysql") and prints per-file and total pass/fail counts.
Without --port it starts its own tidal-server (from dist/) on a free port with a temporary data directory.
Each file runs in a fresh database slt_<n> (created, used, dropped) over one connection.

  --host H                 server host (default 127.0.0.1)
  --port P                 server port; use e.g. 3306 to measure MariaDB/MySQL
  --user U                 user (default root)
  --password X             password (default empty)
  --stop-on-fail           stop the whole run at the first failing record
  --max-failures-shown N   failures printed per file (default 3)
  --timeout MS             per-statement time limit (default 60000, 0 = none)
  --strict                 exit non-zero when any record fails

It is a measurement tool: the exit code is 0 even when records fail, unless --strict is given.
The last line is always "N passed, M failed" (totals over all files).`;

/** Parses `argv` (without node and script); throws an Error with a readable message on bad input. */
export function parseSltArgs(argv: readonly string[]): SltOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      'stop-on-fail': { type: 'boolean' },
      strict: { type: 'boolean' },
      'max-failures-shown': { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return {
    host: values.host ?? DEFAULTS.host,
    port: values.port === undefined ? undefined : nonNegativeInt('--port', values.port),
    user: values.user ?? DEFAULTS.user,
    password: values.password ?? DEFAULTS.password,
    stopOnFail: values['stop-on-fail'] ?? false,
    strict: values.strict ?? false,
    maxFailuresShown:
      values['max-failures-shown'] === undefined
        ? DEFAULTS.maxFailuresShown
        : nonNegativeInt('--max-failures-shown', values['max-failures-shown']),
    timeoutMs: values.timeout === undefined ? DEFAULTS.timeoutMs : nonNegativeInt('--timeout', values.timeout),
    paths: positionals,
    isHelp: values.help ?? false,
  };
}

function nonNegativeInt(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a non-negative integer, got "${text}"`);
  return n;
}

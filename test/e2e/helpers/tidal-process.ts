// Starts a real tidal-server process on a free port with its own temporary data directory, for end-to-end tests.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ECDSA_SERVER_FILE_NAMES, SSL_FILE_NAMES, ensureEcdsaServerPair, generateSslFiles } from '../../../src/certificates/index.js';

/** The built server entry point. */
export const SERVER_BIN = fileURLToPath(new URL('../../../src/cli/tidal-server.js', import.meta.url));
/**
 * A hang guard, not a performance bound: a server that fails to start exits, and that is reported at once. With two
 * test suites running side by side on a loaded 2-core machine, starting one took over 20 s.
 */
export const SERVER_START_GUARD_MS = 180_000;

/**
 * TIDAL_TEST_MAX_PROCS=N starts every test server with `--max-procs N` (a primary and N worker processes), so that
 * the suite checks that several processes behave as one. A test that passes its own `--max-procs` keeps it.
 */
export const TEST_MAX_PROCS = process.env['TIDAL_TEST_MAX_PROCS'];

/** `args` plus `--max-procs` from TIDAL_TEST_MAX_PROCS, unless unset or `args` already choose. */
export function withTestMaxProcs(args: readonly string[]): string[] {
  if (TEST_MAX_PROCS === undefined || TEST_MAX_PROCS === '' || args.some((arg) => /^--max-procs(=|$)/.test(arg))) return [...args];
  return [...args, '--max-procs', TEST_MAX_PROCS];
}

/** The built certificate tool. */
export const SSL_SETUP_BIN = fileURLToPath(new URL('../../../src/cli/tidal-ssl-setup.js', import.meta.url));

export interface TidalProcess {
  readonly port: number;
  /** The status port (HTTP or HTTPS), or undefined when started with --report-status=false. */
  readonly statusPort: number | undefined;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Every stderr line so far (JSON log records). */
  readonly logs: string[];
  /** Log records parsed from JSON. */
  records(): Array<Record<string, unknown>>;
  /** Stops with SIGTERM and waits for exit; returns the exit code. */
  stop(): Promise<number | null>;
  /** Kills with SIGKILL and waits. */
  kill9(): Promise<void>;
}

export interface StartOptions {
  /** Extra flags, e.g. ['--ssl-cert', …]. */
  readonly args?: readonly string[];
  /** Reuse a data directory (restart tests); a fresh temporary one otherwise. */
  readonly dataDir?: string;
  /** Flags for node itself, e.g. ['--max-old-space-size=512'] to prove a statement runs in bounded memory. */
  readonly nodeFlags?: readonly string[];
}

/** A fresh temporary directory, removed by the returned cleanup. */
export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `tidal-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Flags after which auto-tls does not generate anything, so the data directory is not seeded. */
const TLS_CHOICE_FLAGS = /^--(ssl-cert|ssl-key|auto-tls|rsa-key-size|config)(=|$)/;

let seedFiles: Promise<string> | undefined;

/**
 * A certificate set made once per test process. auto-tls is on by default, and generating four RSA keys at every
 * server start would dominate the suite's time; a fresh data directory gets this set instead, so servers take
 * auto-tls's "reuse what is in the data directory" path (a restarted data directory keeps its own set). Tests of
 * generation itself pass an auto-tls flag.
 */
function autoTlsSeed(): Promise<string> {
  seedFiles ??= (async () => {
    const dir = (await tempDir('auto-tls-seed')).path;
    await generateSslFiles({ datadir: dir, rsaKeySize: 2048 });
    await ensureEcdsaServerPair(dir, 'localhost');
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  })();
  return seedFiles;
}

/** Starts tidal-server on port 0 and resolves once it listens (the port comes from its log). */
export async function startTidal(options: StartOptions = {}): Promise<TidalProcess> {
  const dataDir = options.dataDir ?? (await tempDir('data')).path;
  const hasTlsChoice = (options.args ?? []).some((arg) => TLS_CHOICE_FLAGS.test(arg));
  if (!hasTlsChoice && !existsSync(join(dataDir, SSL_FILE_NAMES.caCert))) {
    const seed = await autoTlsSeed();
    await mkdir(dataDir, { recursive: true });
    const names = [...Object.values(SSL_FILE_NAMES), ...Object.values(ECDSA_SERVER_FILE_NAMES)];
    await Promise.all(names.map((name) => copyFile(join(seed, name), join(dataDir, name))));
  }
  // The status port is on by default (TiDB's 10080): tests take any free port instead, as for MySQL's.
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), SERVER_BIN, '--port', '0', '--status-port', '0', '--path', dataDir, '--log-level', 'debug', ...withTestMaxProcs(options.args ?? [])], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: string[] = [];
  let statusPort: number | undefined;
  let pending = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      // A death by signal has no exit code: the log says which, for the test's failure message.
      if (signal !== null) logs.push(`tidal-server ended by ${signal}`);
      resolve(code);
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A server that hangs while starting must not outlive the test (its workers follow a primary that is gone).
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${logs.join('\n')}`));
    }, SERVER_START_GUARD_MS);
    child.stderr.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        logs.push(line);
        if (line.includes('"status server is running"')) statusPort = (JSON.parse(line) as { port: number }).port;
        if (line.includes('server is running MySQL protocol')) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { port: number }).port);
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${logs.join('\n')}${pending}`));
    });
  });
  return {
    port,
    statusPort,
    dataDir,
    child,
    logs,
    records: () => logs.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    }),
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

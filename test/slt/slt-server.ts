// Starts a private tidal-server (port 0, temporary data directory) for a sqllogictest run and stops it afterwards.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built server entry point, relative to this file's place in dist/test/slt/. */
const SERVER_BIN = fileURLToPath(new URL('../../src/cli/tidal-server.js', import.meta.url));
/** The log line that announces the listening port (field `port`). */
const LISTENING_MESSAGE = 'server is running MySQL protocol';
const LIMITS = { startupMs: 20_000, keptLogLines: 40 } as const;

/** A running server; `stop` ends it with SIGTERM and removes its data directory. */
export interface SltServer {
  readonly port: number;
  /** False once the process has exited (a crash, if `stop` was not called). */
  isRunning(): boolean;
  /** The last log lines, for diagnosing a crash. */
  recentLogs(): string[];
  stop(): Promise<void>;
}

/** Spawns tidal-server and resolves once its log says it listens. */
export async function startSltServer(): Promise<SltServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tidal-slt-'));
  // Plain connections only: no point generating auto-tls certificates in a throwaway data directory.
  const child = spawn(process.execPath, [SERVER_BIN, '--port', '0', '--status-port', '0', '--path', dataDir, '--auto-tls=false'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: string[] = [];
  let pending = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`tidal-server did not start:\n${logs.join('\n')}`)),
      LIMITS.startupMs,
    );
    child.stderr.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        logs.push(line);
        if (logs.length > LIMITS.keptLogLines) logs.shift();
        if (line.includes(LISTENING_MESSAGE)) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { port: number }).port);
        }
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`tidal-server exited:\n${logs.join('\n')}${pending}`));
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    port,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    recentLogs: () => [...logs],
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

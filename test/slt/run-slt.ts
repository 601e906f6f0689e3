#!/usr/bin/env node
// run-slt: runs sqllogictest files against TidalDB (or any MySQL-protocol server) and prints pass/fail counts.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSltArgs, usage } from './slt-args.js';
import type { SltOptions } from './slt-args.js';
import type { ServerTarget } from './slt-connection.js';
import { runSltFile } from './slt-file.js';
import { failureLines, fileSummaryLine, totalLine } from './slt-report.js';
import { startSltServer } from './slt-server.js';
import type { SltServer } from './slt-server.js';

const SCRIPT_SUFFIX = '.test';
const EXIT = { OK: 0, FAILURES: 1, USAGE: 2 } as const;
const MS_PER_SECOND = 1000;

async function main(): Promise<number> {
  let options: SltOptions;
  try {
    options = parseSltArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`run-slt: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return EXIT.USAGE;
  }
  if (options.isHelp || options.paths.length === 0) {
    process.stdout.write(`${usage}\n`);
    return options.isHelp ? EXIT.OK : EXIT.USAGE;
  }
  let files: string[];
  try {
    files = (await Promise.all(options.paths.map(scriptFiles))).flat();
  } catch (error) {
    process.stderr.write(`run-slt: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.USAGE;
  }
  const server: SltServer | undefined = options.port === undefined ? await startSltServer() : undefined;
  const target: ServerTarget = {
    host: options.host,
    port: options.port ?? server?.port ?? 0,
    user: options.user,
    password: options.password,
  };
  let passed = 0;
  let failed = 0;
  try {
    for (const [i, file] of files.entries()) {
      const started = performance.now();
      const outcome = await runSltFile(file, i + 1, target, {
        keepFailures: options.maxFailuresShown,
        stopOnFail: options.stopOnFail,
        timeoutMs: options.timeoutMs,
      });
      passed += outcome.passed;
      failed += outcome.failed;
      const lines = [
        fileSummaryLine(file, outcome.passed, outcome.failed, (performance.now() - started) / MS_PER_SECOND),
      ];
      for (const failure of outcome.failures) lines.push(...failureLines(file, failure));
      process.stdout.write(`${lines.join('\n')}\n`);
      if (outcome.stopped) break;
    }
  } finally {
    if (server && !server.isRunning()) {
      process.stderr.write(
        `run-slt: tidal-server died during the run; its last log lines:\n${server.recentLogs().join('\n')}\n`,
      );
    }
    await server?.stop();
  }
  process.stdout.write(`${totalLine(passed, failed)}\n`);
  return options.strict && failed > 0 ? EXIT.FAILURES : EXIT.OK;
}

/** `path` itself when it is a file, else every `*.test` below it, sorted. */
async function scriptFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(SCRIPT_SUFFIX))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

process.exitCode = await main();

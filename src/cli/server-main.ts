// tidal-server's body: parses configuration, starts the server, reopens its logs on SIGHUP and stops it gracefully on
// SIGTERM/SIGINT (tidal-server.ts loads it once source maps are on).
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { ConfigError, checkDataDirectoryWritable, loadConfig, storeLocation } from '../config/index.js';
import { MySqlError } from '../errors/index.js';
import { createLogger, createRateLimitedLogger } from '../logging/index.js';
import { StartupError, TidalServer } from '../server/tidal-server.js';
import { ClusterPrimary, WorkerEnv, failedMessage, readyMessage } from '../server/cluster-primary.js';
import { ClusterMember } from '../session/cluster/cluster-member.js';
import type { MessagePort } from '../session/cluster/cluster-rpc.js';
import type { ServerConfig } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import { logRotation } from '../server/status/server-observability.js';

async function main(): Promise<number> {
  let loaded;
  try {
    loaded = loadConfig(process.argv.slice(2));
  } catch (error) {
    return fail(error);
  }
  if (loaded.kind !== 'serve') {
    process.stdout.write(`${loaded.text}\n`);
    return 0;
  }
  const config = loaded.config;
  let logger;
  try {
    const location = storeLocation(config);
    if (location.kind === 'lmdb') checkDataDirectoryWritable(location.directory);
    logger = await createLogger({
      level: config.log.level,
      format: logFormat(config.log.format, config.log.file.filename),
      rotation: logRotation(config),
      ...(config.log.file.filename ? { file: config.log.file.filename } : {}),
    });
  } catch (error) {
    return fail(error);
  }
  const procs = config.performance.maxProcs === 0 ? availableParallelism() : config.performance.maxProcs;
  let server: { stop(gracefulWaitMs?: number): Promise<void>; reopenLogs(): void };
  try {
    server = await startServer(config, logger, procs);
  } catch (error) {
    logger.flushSync();
    return error instanceof ToldThePrimary ? 1 : fail(error);
  }
  // A bug reached from one connection's event handler must not take every other connection down with it: log it
  // loudly with its stack and keep serving (the connection in question is closed by its own error handling).
  // Rate-limited like every repeatable failure, so one bug hit per statement cannot flood the log.
  const bugLog = createRateLimitedLogger(logger, { limit: 20, intervalMs: 60_000 });
  process.on('uncaughtException', (error) => bugLog.log('error', 'uncaught-exception', 'uncaught exception (bug)', { err: error }));
  process.on('unhandledRejection', (reason) =>
    bugLog.log('error', 'unhandled-rejection', 'unhandled rejection (bug)', { err: reason instanceof Error ? reason : new Error(String(reason)) }),
  );
  // logrotate moves the files away and sends SIGHUP: write to new ones from here on.
  process.on('SIGHUP', () => {
    logger.reopen();
    server.reopenLogs();
    logger.info('log files reopened', { signal: 'SIGHUP', file: logger.currentFile() ?? 'stderr' });
  });
  return new Promise<number>((resolve) => {
    let isShuttingDown = false;
    const shutdown = (signal: string): void => {
      // A second signal while statements drain must not kill the process with its default action.
      if (isShuttingDown) {
        logger.info('already shutting down', { signal });
        return;
      }
      isShuttingDown = true;
      logger.info('shutting down', { signal, gracefulWaitBeforeShutdown: config.gracefulWaitBeforeShutdown });
      server.stop(config.gracefulWaitBeforeShutdown * 1000).then(
        () => resolve(0),
        (error: unknown) => {
          logger.error('shutdown failed', { err: error instanceof Error ? error : new Error(String(error)) });
          resolve(1);
        },
      );
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  }).finally(() => logger.close());
}

/**
 * One process (max-procs = 1), the primary of several, or one of its workers (forked by the primary with the
 * worker environment set). A worker stops when its primary goes away.
 */
async function startServer(config: ServerConfig, logger: Logger, procs: number): Promise<{ stop(gracefulWaitMs?: number): Promise<void>; reopenLogs(): void }> {
  const memberId = process.env[WorkerEnv.memberId];
  if (cluster.isWorker && memberId !== undefined) {
    const member = new ClusterMember(primaryPort(), Number(process.env[WorkerEnv.firstIdBlock]));
    let server: TidalServer;
    try {
      server = await TidalServer.start(config, logger, member);
    } catch (error) {
      // The primary says why, once for all its workers; the open channel would keep this process alive: close it.
      member.close();
      process.send?.(failedMessage(failureText(error)), undefined, undefined, () => process.disconnect());
      throw new ToldThePrimary();
    }
    process.send?.(readyMessage(server.port));
    const onPrimaryGone = (): void => {
      member.close();
      process.kill(process.pid, 'SIGTERM');
    };
    process.once('disconnect', onPrimaryGone);
    return {
      stop: async (gracefulWaitMs) => {
        await server.stop(gracefulWaitMs);
        // The IPC channel keeps a worker alive: close it once the server has stopped.
        process.off('disconnect', onPrimaryGone);
        member.close();
        if (process.connected) process.disconnect();
      },
      reopenLogs: () => server.reopenLogs(),
    };
  }
  if (procs <= 1) return TidalServer.start(config, logger);
  const primary = await ClusterPrimary.start(config, logger, procs);
  return { stop: () => primary.stop(), reopenLogs: () => primary.reopenLogs() };
}

/** A worker's end of the IPC channel to its primary. */
function primaryPort(): MessagePort {
  return {
    // Once the primary is gone nobody is left to tell (and a send would raise ERR_IPC_CHANNEL_CLOSED).
    send: (message) => {
      if (process.connected) process.send?.(message, undefined, undefined, () => undefined);
    },
    onMessage: (listener) => {
      process.on('message', listener);
      return () => process.off('message', listener);
    },
  };
}

/** `auto` is TiDB's text layout on a terminal and JSON lines anywhere else (files, pipes, log collectors). */
function logFormat(format: 'auto' | 'text' | 'json', file: string): 'text' | 'json' {
  return format !== 'auto' ? format : file === '' && process.stderr.isTTY ? 'text' : 'json';
}

/** A worker that could not start has sent its primary the reason, which the primary reports. */
class ToldThePrimary extends Error {}

/** One clear line on stderr for configuration and startup errors; a stack only for bugs. */
function fail(error: unknown): number {
  process.stderr.write(`tidal-server: ${failureText(error)}\n`);
  return 1;
}

/** What went wrong, as fail() says it. */
function failureText(error: unknown): string {
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof MySqlError) return error.message;
  if (error instanceof Error && /lmdb|data directory|MDB_/i.test(error.message)) return `cannot open the data directory: ${error.message}`;
  return `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

/** Runs the server until it stops; resolves to the process exit code. */
export const exitCode = main();

#!/usr/bin/env node
// tidal-server: parses configuration, starts the server, and stops it cleanly on SIGTERM/SIGINT.
import { ConfigError, checkDataDirectoryWritable, loadConfig, storeLocation } from '../config/index.js';
import { MySqlError } from '../errors/index.js';
import { createLogger } from '../logging/index.js';
import { StartupError, TidalServer } from '../server/tidal-server.js';

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
    logger = createLogger({ level: config.log.level, ...(config.log.file.filename ? { file: config.log.file.filename } : {}) });
  } catch (error) {
    return fail(error);
  }
  let server: TidalServer;
  try {
    server = await TidalServer.start(config, logger);
  } catch (error) {
    logger.flushSync();
    return fail(error);
  }
  // A bug reached from one connection's event handler must not take every other connection down with it: log it
  // loudly with its stack and keep serving (the connection in question is closed by its own error handling).
  process.on('uncaughtException', (error) => logger.error('uncaught exception (bug)', { err: error }));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection (bug)', { err: reason instanceof Error ? reason : new Error(String(reason)) }));
  return new Promise<number>((resolve) => {
    const shutdown = (signal: string): void => {
      logger.info('shutting down', { signal });
      server.stop().then(
        () => resolve(0),
        (error: unknown) => {
          logger.error('shutdown failed', { err: error instanceof Error ? error : new Error(String(error)) });
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  }).finally(() => logger.close());
}

/** One clear line on stderr for configuration and startup errors; a stack only for bugs. */
function fail(error: unknown): number {
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof MySqlError) {
    process.stderr.write(`tidal-server: ${error.message}\n`);
  } else if (error instanceof Error && /lmdb|data directory|MDB_/i.test(error.message)) {
    process.stderr.write(`tidal-server: cannot open the data directory: ${error.message}\n`);
  } else {
    process.stderr.write(`tidal-server: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  return 1;
}

process.exitCode = await main();

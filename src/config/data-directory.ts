// Startup check that the data directory exists (creating it if needed) and can be written.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { ConfigError } from './config-error.js';

/**
 * Creates `path` (and its parents) if missing, then checks that it is a directory this process can write and
 * enter. Throws {@link ConfigError}: "data directory /x is not a directory" or
 * "data directory /x is not writable: EACCES: permission denied, access '/x'".
 */
export function checkDataDirectoryWritable(path: string): void {
  const problem = findProblem(path);
  if (problem !== undefined) throw new ConfigError(`data directory ${path} ${problem.text}`, { cause: problem.cause });
}

function findProblem(path: string): { text: string; cause?: unknown } | undefined {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats !== undefined && !stats.isDirectory()) return { text: 'is not a directory' };
    if (stats === undefined) mkdirSync(path, { recursive: true });
    accessSync(path, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    return { text: `is not writable: ${(error as Error).message}`, cause: error };
  }
}

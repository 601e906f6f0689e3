// A pid lock file that keeps a second server process from opening the same LMDB data directory.
//
// LMDB itself allows several processes, but the commit oracle that detects conflicts lives in one process's memory:
// two processes writing one store would silently lose updates. A lock left by a dead process is taken over.
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file's name inside the data directory. */
export const LOCK_FILE_NAME = 'tidaldb.lock';

/** A held lock; `release()` removes the file. */
export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

/**
 * Creates `<dir>/tidaldb.lock` holding this process's pid. Throws an Error naming the directory when it is not
 * writable or when a live process holds the lock.
 */
export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  const path = join(dir, LOCK_FILE_NAME);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      return { path, release: () => rm(path, { force: true }) };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') {
        throw new Error(`data directory ${dir} is not writable: ${messageOf(error)}`, { cause: error });
      }
      const owner = await readOwner(path);
      if (owner !== undefined && owner !== process.pid && isProcessAlive(owner)) {
        throw new Error(`data directory ${dir} is in use by process ${owner} (lock file ${path})`);
      }
      if (attempt > 0) throw new Error(`cannot take over the stale lock file ${path}`);
      await rm(path, { force: true });
    }
  }
}

async function readOwner(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Turns a failed LMDB write (full disk, quota, I/O error) into MySQL's "Error writing file" with the errno and its
// text, as MySQL reports a write that the operating system refused.
import { statfsSync } from 'node:fs';
import { getSystemErrorMap } from 'node:util';
import { mysqlError, EE_WRITE } from '../../../errors/index.js';
import type { MySqlError } from '../../../errors/index.js';

const ENOSPC = 28;
const EIO = 5;

/** strerror's wording for the errors a write meets; libuv's wording (capitalised) for the rest. */
const ERRNO_TEXT: Readonly<Record<number, string>> = {
  [EIO]: 'Input/output error',
  27: 'File too large',
  [ENOSPC]: 'No space left on device',
  30: 'Read-only file system',
  122: 'Disk quota exceeded',
};

/**
 * EE_WRITE (3) for a commit that failed writing `file`: "Error writing file '…' (errno: 28 - No space left on device)".
 * lmdb-js reports the cause as the error's numeric `code` (or as `commitError`, a promise); a flush that fails on a
 * file system with no space left often surfaces as EIO, so a full file system is reported as ENOSPC.
 */
export function storageWriteError(error: unknown, file: string, directory: string): MySqlError {
  const cause = (error as { commitError?: unknown }).commitError ?? error;
  // lmdb-js's commitError is a promise of the cause, rejected a moment later: mark it handled, decide without it.
  if (cause instanceof Promise) cause.catch(() => undefined);
  const code = (cause as { code?: unknown }).code;
  let errno = typeof code === 'number' ? Math.abs(code) : EIO;
  if (isFileSystemFull(directory)) errno = ENOSPC;
  return mysqlError(EE_WRITE, file, errno, errnoText(errno));
}

function isFileSystemFull(directory: string): boolean {
  try {
    return statfsSync(directory).bavail === 0;
  } catch {
    return false;
  }
}

function errnoText(errno: number): string {
  const known = ERRNO_TEXT[errno];
  if (known !== undefined) return known;
  const text = getSystemErrorMap().get(-errno)?.[1] ?? `Unknown error ${errno}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

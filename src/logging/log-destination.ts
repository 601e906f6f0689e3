// Where log lines go: stderr, or a file rotated by size and pruned by count and age (pino-roll over SonicBoom).
import { accessSync, constants, mkdirSync, openSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { pino } from 'pino';
import pinoRoll from 'pino-roll';
import { ConfigError } from '../config/config-error.js';

/** The SonicBoom stream pino writes to (stderr, or pino-roll's rotating file). */
export type Destination = ReturnType<typeof pino.destination>;

/** TiDB's `[log.file]` rotation: lumberjack's MaxSize (MB), MaxAge (days) and MaxBackups. */
export interface LogRotation {
  /** Rotate once the live file reaches this many bytes. */
  readonly maxSizeBytes: number;
  /** Remove rotated files older than this many days; 0 keeps them whatever their age. */
  readonly maxDays: number;
  /** Keep at most this many rotated files; 0 keeps them all. */
  readonly maxBackups: number;
}

/** An open destination, with the file currently written (undefined for stderr). */
export interface LogDestination {
  readonly stream: Destination;
  /** The live file: `<name>.<n><ext>` for a configured `<name><ext>`, since pino-roll numbers its files. */
  currentFile(): string | undefined;
  /** Reopens the live file (SIGHUP, after an outside tool moved it away); a no-op for stderr. */
  reopen(): void;
}

const STDERR_FD = 2;
const DAY_MS = 86_400_000;

/**
 * Opens `file` for appending, rotated by `rotation`, or stderr when `file` is empty. A file that cannot be opened
 * fails here, with a one-line {@link ConfigError}, rather than at the first write. `isSync` writes each line before
 * returning (for logs read back at once, like the slow query log).
 */
export async function openLogDestination(file: string, rotation: LogRotation | undefined, isSync = false): Promise<LogDestination> {
  if (file === '') {
    const stream = pino.destination({ dest: STDERR_FD, sync: false });
    return { stream, currentFile: () => undefined, reopen: () => undefined };
  }
  if (rotation === undefined) {
    // Opened here, synchronously, so that lines written before an early process.exit() are not lost.
    const stream = pino.destination({ dest: openFile(file), sync: isSync });
    return { stream, currentFile: () => file, reopen: () => stream.reopen(file) };
  }
  checkFolderWritable(file);
  const stream = await pinoRoll({
    file,
    size: `${rotation.maxSizeBytes}b`,
    mkdir: true,
    sync: isSync,
    ...(rotation.maxBackups > 0 ? { limit: { count: rotation.maxBackups, removeOtherLogFiles: true } } : {}),
  });
  await opened(stream);
  // pino-roll keeps files by count only; lumberjack's MaxAge is applied each time a new file is opened.
  if (rotation.maxDays > 0) stream.on('ready', () => removeOlderThan(file, rotation.maxDays * DAY_MS, liveFile(stream)));
  return { stream, currentFile: () => liveFile(stream), reopen: () => stream.reopen() };
}

function liveFile(stream: Destination): string | undefined {
  const { file } = stream as unknown as { file?: unknown };
  return typeof file === 'string' ? file : undefined;
}

function openFile(file: string): number {
  try {
    mkdirSync(dirname(file), { recursive: true });
    return openSync(file, 'a');
  } catch (error) {
    throw new ConfigError(`log file ${file} cannot be opened: ${(error as Error).message}`, { cause: error });
  }
}

/** pino-roll names the files itself: the folder must exist (or be creatable) and take new files. */
function checkFolderWritable(file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    accessSync(dirname(file), constants.W_OK);
  } catch (error) {
    throw new ConfigError(`log file ${file} cannot be opened: ${(error as Error).message}`, { cause: error });
  }
}

/** Resolves once the stream has its file open, so that a flush at exit finds somewhere to write. */
async function opened(stream: Destination): Promise<void> {
  if ((stream as unknown as { fd: number }).fd >= 0) return;
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', reject);
  });
}

/** Removes the rotated `<name>.<n><ext>` files of `file` last written more than `maxAgeMs` ago. */
function removeOlderThan(file: string, maxAgeMs: number, live: string | undefined): void {
  const folder = dirname(file);
  const extension = extname(file);
  const stem = basename(file, extension);
  const rotated = new RegExp(`^${escapeRegExp(stem)}\\.\\d+${escapeRegExp(extension)}$`);
  const cutoff = Date.now() - maxAgeMs;
  try {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (!rotated.test(name) || path === live) continue;
      if (statSync(path).mtimeMs < cutoff) unlinkSync(path);
    }
  } catch (error) {
    process.stderr.write(`tidaldb: cannot prune old log files of ${file}: ${(error as Error).message}\n`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

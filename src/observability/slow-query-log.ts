// SlowQueryLog: appends statements that took at least tidb_slow_log_threshold to the slow query file, and reads
// it back for information_schema.SLOW_QUERY.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { openLogDestination } from '../logging/index.js';
import type { LogDestination, LogRotation } from '../logging/index.js';
import { formatSlowQueryEntry, parseSlowQueryLog } from './slow-query-format.js';
import type { SlowQueryEntry } from './slow-query-format.js';
import type { StatementRecord } from './statement-record.js';

/** SLOW_QUERY reads at most the last 64 MiB of the live file, so a huge log cannot stall the server. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

/**
 * The slow query log file: written synchronously (entries are rare, and SLOW_QUERY must see them at once). A write
 * that fails (a full disk) goes to `onWriteError` and never to the statement that was logged.
 */
export class SlowQueryLog {
  private constructor(
    private readonly destination: LogDestination,
    private readonly onWriteError: (error: unknown) => void,
  ) {
    destination.stream.on('error', onWriteError);
  }

  /** Opens (creates) `file`, rotated like the server log; a file that cannot be opened fails with a ConfigError. */
  static async open(file: string, rotation: LogRotation, onWriteError: (error: unknown) => void): Promise<SlowQueryLog> {
    return new SlowQueryLog(await openLogDestination(file, rotation, true), onWriteError);
  }

  write(record: StatementRecord): void {
    try {
      this.destination.stream.write(formatSlowQueryEntry(record));
    } catch (error) {
      this.onWriteError(error);
    }
  }

  /** The entries of the live file, oldest first. */
  read(): SlowQueryEntry[] {
    const file = this.destination.currentFile();
    return file === undefined ? [] : parseSlowQueryLog(readTail(file, MAX_READ_BYTES));
  }

  /** SIGHUP: reopen after an outside tool moved the file away. */
  reopen(): void {
    this.destination.reopen();
  }

  close(): Promise<void> {
    const stream = this.destination.stream;
    return new Promise((resolve) => {
      stream.once('close', () => resolve());
      stream.once('error', () => resolve());
      stream.end();
    });
  }
}

/** The last `limit` bytes of `file` as text ('' when it is gone); a cut first entry is skipped by the parser. */
function readTail(file: string, limit: number): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return '';
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, limit);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

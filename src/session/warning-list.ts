// WarningList: the diagnostics area of one session, what SHOW WARNINGS and @@warning_count read.
import type { MySqlError } from '../errors/index.js';
import type { WarningSink } from '../sql/index.js';

/** One entry of SHOW WARNINGS. */
export interface Diagnostic {
  readonly level: 'Note' | 'Warning' | 'Error';
  readonly code: number;
  readonly message: string;
}

/** MySQL keeps at most max_error_count (1024) conditions per statement. */
const MAX_ERROR_COUNT = 1024;

/**
 * The conditions raised by the last statement. A new statement clears them (except SHOW WARNINGS itself, which
 * reads them), as MySQL's diagnostics area does.
 */
export class WarningList implements WarningSink {
  private entries: Diagnostic[] = [];
  private total = 0;

  warn(error: MySqlError): void {
    this.add({ level: 'Warning', code: error.code, message: error.message });
  }

  note(error: MySqlError): void {
    this.add({ level: 'Note', code: error.code, message: error.message });
  }

  error(error: MySqlError): void {
    this.add({ level: 'Error', code: error.code, message: error.message });
  }

  private add(diagnostic: Diagnostic): void {
    this.total++;
    if (this.entries.length < MAX_ERROR_COUNT) this.entries.push(diagnostic);
  }

  clear(): void {
    if (this.total === 0) return;
    this.entries = [];
    this.total = 0;
  }

  /** All conditions, counted even beyond the ones kept (@@warning_count). */
  get count(): number {
    return this.total;
  }

  get errorCount(): number {
    return this.entries.filter((entry) => entry.level === 'Error').length;
  }

  list(): readonly Diagnostic[] {
    return this.entries;
  }
}

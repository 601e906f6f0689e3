// WarningSink: where expression evaluation and value conversion report MySQL warnings (SHOW WARNINGS).
import type { MySqlError } from '../../errors/index.js';

/** Collects warnings; the session keeps them for SHOW WARNINGS and @@warning_count. */
export interface WarningSink {
  /** Records a warning with the code and message of `error` at level Warning. */
  warn(error: MySqlError): void;
}

/** A sink that drops warnings, for evaluation where none can be reported (e.g. constant folding). */
export const ignoreWarnings: WarningSink = { warn: () => undefined };

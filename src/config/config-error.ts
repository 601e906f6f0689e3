// The one error type for bad configuration: its message is a single line the CLI prints before exiting.

/**
 * Thrown for any configuration problem (unparseable or unknown TOML, wrong value type, unknown flag, missing
 * file, unwritable directory). Contract: `message` is exactly one line, complete on its own, and names the file,
 * key or flag at fault, so the CLI can print `message` alone and exit non-zero.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(message: string, options?: ErrorOptions) {
    super(oneLine(message), options);
  }
}

/** Whether `value` is a {@link ConfigError} (also across module copies, by name). */
export function isConfigError(value: unknown): value is ConfigError {
  return value instanceof ConfigError || (value instanceof Error && value.name === 'ConfigError');
}

/** Collapses line breaks so that a message built from foreign text (fs errors, TOML) stays one line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

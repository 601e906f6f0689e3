// MySqlError: the only error type that may reach a client as an ERR packet, built from the generated table.
import type { ErrorSpec } from './error-spec.js';

/** An argument to a MySQL message template. */
export type MessageArg = string | number | bigint;

/**
 * An error with MySQL's number, SQLSTATE and exact message. Anything thrown that is not a MySqlError is a bug:
 * the server logs it with its stack and answers 1105.
 */
export class MySqlError extends Error {
  readonly code: number;
  readonly sqlState: string;
  readonly spec: ErrorSpec;

  constructor(spec: ErrorSpec, message: string) {
    super(message);
    this.name = 'MySqlError';
    this.spec = spec;
    this.code = spec.code;
    this.sqlState = spec.sqlState;
  }
}

/** Builds the MySqlError for `spec`, filling its template with `args` as MySQL's my_vsnprintf would. */
export function mysqlError(spec: ErrorSpec, ...args: MessageArg[]): MySqlError {
  return new MySqlError(spec, formatMessage(spec.template, args));
}

const conversion = /%(-)?(\d+)?(?:\.(\d+|\*))?(l{0,2}|z)([sduxc%])/g;

/**
 * Formats a MySQL message template. Precision on `%s` truncates (MySQL's `%-.64s`), as in my_vsnprintf;
 * a missing argument prints as an empty string rather than throwing, because an error path must never fail.
 */
export function formatMessage(template: string, args: readonly MessageArg[]): string {
  let next = 0;
  return template.replace(
    conversion,
    (_match, _left: string | undefined, _width: string | undefined, precision: string | undefined, _len: string, type: string) => {
      if (type === '%') return '%';
      // `%.*s` takes its precision from the argument list first, as my_vsnprintf does.
      if (precision === '*') precision = String(args[next++] ?? '');
      const arg = args[next++];
      if (arg === undefined) return '';
      if (type === 's') {
        const text = String(arg);
        return precision === undefined || precision === '' ? text : text.slice(0, Number(precision));
      }
      return typeof arg === 'string' ? arg : arg.toString();
    },
  );
}

/** True when `value` is a MySqlError (also across module copies, by shape). */
export function isMySqlError(value: unknown): value is MySqlError {
  return value instanceof MySqlError;
}

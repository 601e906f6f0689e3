// The shape of one entry in the generated MySQL error table.

/** One MySQL error: its number, SQLSTATE and MySQL's printf-style message template. */
export interface ErrorSpec {
  /** The symbolic name from MySQL's mysqld_error.h, e.g. `ER_NO_SUCH_TABLE`. */
  readonly name: string;
  /** The MySQL error number sent in the ERR packet. */
  readonly code: number;
  /** The five-character SQLSTATE sent after `#` in the ERR packet. */
  readonly sqlState: string;
  /** MySQL's message template with `%s`, `%d`, `%-.64s`-style conversions. */
  readonly template: string;
}

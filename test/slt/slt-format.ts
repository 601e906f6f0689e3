// Turns values returned by a server into sqllogictest's text form (`I` as %d, `R` as %.3f, `T` as text).

/** Column type letters of a `query` record. */
export const ColumnType = { INTEGER: 'I', REAL: 'R', TEXT: 'T' } as const;
export type ColumnType = (typeof ColumnType)[keyof typeof ColumnType];

/** The printed forms sqllogictest gives NULL and the empty string. */
export const SpecialText = { NULL: 'NULL', EMPTY: '(empty)', UNPRINTABLE: '@' } as const;

/** Printable ASCII is 0x20..0x7e; every other byte prints as `@`, as SQLite's runner does byte by byte. */
const PRINTABLE = { FIRST: 0x20, LAST: 0x7e } as const;
const REAL_DIGITS = 3;
const REAL_SCALE = 10 ** REAL_DIGITS;
const TIE_DENOMINATOR = 16;
/** A plain decimal literal (what MySQL's text protocol sends for integers and DECIMAL): sign, integer part, fraction. */
const DECIMAL_TEXT = /^\s*([+-]?)(\d*)(?:\.\d*)?$/;
/** The numeric prefix C's `strtod` would read, for anything else. */
const NUMERIC_PREFIX = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

/** A value as mysql2 returns it with `rowsAsArray`, `bigNumberStrings` and `dateStrings`. */
export type RawValue = string | number | bigint | Buffer | Date | null | undefined;

/**
 * Formats one value for a column of `type`. NULL → `NULL` for every type. `I` prints the integer part (truncated
 * toward zero, so MySQL's DECIMAL `0.5000` prints `0`, matching SQLite's integer division), `R` prints three decimals,
 * `T` prints the text with `(empty)` for '' and `@` for each byte outside printable ASCII.
 */
export function formatValue(value: RawValue, type: ColumnType): string {
  if (value === null || value === undefined) return SpecialText.NULL;
  const text = rawText(value);
  switch (type) {
    case ColumnType.INTEGER:
      return formatInteger(text);
    case ColumnType.REAL:
      return formatReal(text);
    case ColumnType.TEXT:
      return formatText(value instanceof Buffer ? value : Buffer.from(text, 'utf8'));
  }
}

/** Formats a row; extra columns beyond `types` (a mismatch the caller reports) print as text. */
export function formatRow(row: readonly RawValue[], types: string): string[] {
  return row.map((value, i) => formatValue(value, asColumnType(types[i])));
}

function asColumnType(letter: string | undefined): ColumnType {
  return letter === ColumnType.INTEGER || letter === ColumnType.REAL ? letter : ColumnType.TEXT;
}

function rawText(value: Exclude<RawValue, null | undefined>): string {
  if (value instanceof Buffer) return value.toString('utf8');
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** `%d`: the integer part, exact for long DECIMAL/BIGINT text; non-numeric text reads as its numeric prefix or 0. */
export function formatInteger(text: string): string {
  const plain = DECIMAL_TEXT.exec(text);
  if (plain && plain[2] !== undefined) {
    const digits = plain[2].replace(/^0+/, '');
    if (digits === '') return '0';
    return plain[1] === '-' ? `-${digits}` : digits;
  }
  const n = Math.trunc(leadingNumber(text));
  if (!Number.isFinite(n)) return '0';
  return n === 0 ? '0' : BigInt(n).toString();
}

/** `%.3f` of the value as a double, rounding exact ties to even as C's printf does (JS toFixed rounds them up). */
export function formatReal(text: string): string {
  const x = leadingNumber(text);
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : x < 0 ? '-inf' : 'nan';
  // x lies exactly halfway between two 3-decimal values only when x = q/16 with q odd (x·2000 odd and dyadic).
  const sixteenths = x * TIE_DENOMINATOR;
  const isTie = Number.isSafeInteger(sixteenths) && sixteenths % 2 !== 0;
  if (!isTie) return x.toFixed(REAL_DIGITS);
  const scaled = x * REAL_SCALE;
  const lower = Math.floor(scaled);
  const even = lower % 2 === 0 ? lower : lower + 1;
  const sign = even < 0 || (even === 0 && x < 0) ? '-' : '';
  const magnitude = Math.abs(even);
  return `${sign}${Math.floor(magnitude / REAL_SCALE)}.${String(magnitude % REAL_SCALE).padStart(REAL_DIGITS, '0')}`;
}

/** Text with `(empty)` for '' and `@` for every byte outside printable ASCII. */
export function formatText(bytes: Buffer): string {
  if (bytes.length === 0) return SpecialText.EMPTY;
  let out = '';
  for (const byte of bytes)
    out += byte >= PRINTABLE.FIRST && byte <= PRINTABLE.LAST ? String.fromCharCode(byte) : SpecialText.UNPRINTABLE;
  return out;
}

function leadingNumber(text: string): number {
  const match = NUMERIC_PREFIX.exec(text);
  return match ? Number(match[0]) : 0;
}

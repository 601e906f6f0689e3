// Helpers shared by the string functions: characters of an argument, binary-vs-text results, result size limits.
import { mysqlError, ER_WARN_ALLOWED_PACKET_OVERFLOWED } from '../../../errors/index.js';
import { TypeKind, fieldType, toText } from '../../types/index.js';
import type { FieldType, SqlValue } from '../../types/index.js';
import type { ExecutionContext } from '../../execution-context.js';
import { varcharType } from '../literal-types.js';
import type { PresentValue } from './fold-call.js';

/** MySQL's default max_allowed_packet (64 MiB), used when the session does not expose the variable. */
const DEFAULT_MAX_ALLOWED_PACKET = 67_108_864;

/**
 * The text a string function works on. A binary string (Buffer) becomes one latin1 character per byte, so that
 * character positions are byte positions, as MySQL counts them for binary strings; `fromWorkText` converts back.
 */
export function workText(value: PresentValue, isBinary: boolean): string {
  if (!isBinary) return toText(value) ?? '';
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(toText(value) ?? '', 'utf8');
  return bytes.toString('latin1');
}

/** The SQL value for a result computed by `workText` rules. */
export function fromWorkText(text: string, isBinary: boolean): string | Buffer {
  return isBinary ? Buffer.from(text, 'latin1') : text;
}

/** The characters (code points) of a work text. */
export const charsOf = (text: string): string[] => Array.from(text);

/** A string result type of at most `length` characters: VARBINARY when `like` is binary, else VARCHAR. */
export function stringResultType(length: number, like?: FieldType): FieldType {
  const bounded = Math.max(Math.min(length, 0xffffffff), 0);
  return like?.collation === 'binary' ? fieldType(TypeKind.VarBinary, { length: bounded }) : varcharType(bounded);
}

/** An integer argument as a JS number, saturated to ±2^53 so that huge counts and positions stay comparable. */
export function toCount(value: bigint): number {
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  return Number(value > limit ? limit : value < -limit ? -limit : value);
}

/**
 * Checks a result's size against max_allowed_packet: MySQL returns NULL with warning 1301 for REPEAT, SPACE, LPAD …
 * results that could not be sent.
 */
export function fitsPacket(byteLength: number, functionName: string, session: ExecutionContext): boolean {
  let limit = DEFAULT_MAX_ALLOWED_PACKET;
  try {
    const variable: SqlValue = session.systemVariable('max_allowed_packet', 'default');
    if (typeof variable === 'bigint') limit = Number(variable);
  } catch {
    // The variable is optional for the engine; the default applies.
  }
  if (byteLength <= limit) return true;
  session.warnings.warn(mysqlError(ER_WARN_ALLOWED_PACKET_OVERFLOWED, functionName.toLowerCase(), limit));
  return false;
}

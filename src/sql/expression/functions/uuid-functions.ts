// UUIDs and random bytes: UUID(), UUID_SHORT(), UUID_TO_BIN, BIN_TO_UUID, IS_UUID, RANDOM_BYTES.
// https://dev.mysql.com/doc/refman/8.0/en/miscellaneous-functions.html#function_uuid
import { randomBytes } from 'node:crypto';
import { mysqlError, ER_DATA_OUT_OF_RANGE, ER_WRONG_VALUE_FOR_TYPE } from '../../../errors/index.js';
import { TypeKind, fieldType, toBoolean, toInteger, toText } from '../../types/index.js';
import type { FieldType, SqlValue } from '../../types/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import { BOOL_RESULT_TYPE, UNSIGNED_BIGINT_TYPE, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { foldCall, strictCall } from './fold-call.js';
import type { PresentValue } from './fold-call.js';

const UUID_TEXT_LENGTH = 36;
const UUID_BYTES = 16;
const RANDOM_BYTES_MAX = 1024;
/** 100-nanosecond intervals between the Gregorian reform (1582-10-15) and the Unix epoch, UUID version 1's clock. */
const GREGORIAN_OFFSET_100NS = 0x01b21dd213814000n;
const HUNDRED_NS_PER_MILLI = 10_000n;
const BINARY_UUID_TYPE: FieldType = fieldType(TypeKind.VarBinary, { length: UUID_BYTES });
/** The text forms IS_UUID accepts: 32 hex digits, optionally dashed 8-4-4-4-12, optionally in braces. */
const UUID_TEXT = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\})$/i;

/**
 * The server's version-1 UUID clock, as MySQL's: a node id and clock sequence chosen once per process (random, with
 * the multicast bit set as RFC 4122 asks of a node id that is not a MAC address) and a timestamp that never repeats.
 */
class UuidClock {
  private readonly node = randomBytes(6);
  private readonly clockSequence = randomBytes(2).readUInt16BE(0) & 0x3fff;
  private lastTimestamp = 0n;

  constructor() {
    this.node[0]! |= 0x01;
  }

  next(): string {
    let timestamp = BigInt(Date.now()) * HUNDRED_NS_PER_MILLI + GREGORIAN_OFFSET_100NS;
    // Several UUIDs within one tick (or a clock set back) take the next free 100 ns slot.
    if (timestamp <= this.lastTimestamp) timestamp = this.lastTimestamp + 1n;
    this.lastTimestamp = timestamp;
    const timeLow = (timestamp & 0xffffffffn).toString(16).padStart(8, '0');
    const timeMid = ((timestamp >> 32n) & 0xffffn).toString(16).padStart(4, '0');
    const timeHigh = (((timestamp >> 48n) & 0x0fffn) | 0x1000n).toString(16).padStart(4, '0');
    const sequence = (this.clockSequence | 0x8000).toString(16).padStart(4, '0');
    return `${timeLow}-${timeMid}-${timeHigh}-${sequence}-${this.node.toString('hex')}`;
  }
}

const uuidClock = new UuidClock();

/**
 * UUID_SHORT()'s counter: (server_id & 255) << 56 | server start time in seconds << 24, incremented per call, as
 * MySQL initialises it at startup.
 */
let uuidShortCounter: bigint | undefined;

function nextUuidShort(serverId: bigint): bigint {
  uuidShortCounter ??= ((serverId & 255n) << 56n) + (BigInt(Math.floor(Date.now() / 1000)) << 24n);
  uuidShortCounter = BigInt.asUintN(64, uuidShortCounter + 1n);
  return uuidShortCounter;
}

/** A value computed afresh for every row (never folded): UUID(), UUID_SHORT(). */
function perRow(type: FieldType, next: () => SqlValue): CompiledExpr {
  return { type, isNullable: false, evaluate: next };
}

/** The 16 bytes of a UUID's text, or undefined when it is not one of IS_UUID's forms. */
function uuidBytes(text: string): Buffer | undefined {
  if (!UUID_TEXT.test(text)) return undefined;
  return Buffer.from(text.replace(/[-{}]/g, ''), 'hex');
}

/** The swap flag moves time-high (bytes 6–7) and time-mid (4–5) before time-low (0–3), so keys sort by time. */
function swapTimeFields(bytes: Buffer): Buffer {
  return Buffer.concat([bytes.subarray(6, 8), bytes.subarray(4, 6), bytes.subarray(0, 4), bytes.subarray(8)]);
}

function unswapTimeFields(bytes: Buffer): Buffer {
  return Buffer.concat([bytes.subarray(4, 8), bytes.subarray(2, 4), bytes.subarray(0, 2), bytes.subarray(8)]);
}

function isSwapped(flag: SqlValue | undefined, warnings: Parameters<typeof toBoolean>[1]): boolean {
  return flag !== undefined && flag !== null && toBoolean(flag, warnings) === true;
}

/** UUID_TO_BIN(text[, swap]): 1411 for text that is no UUID. */
const uuidToBinFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 2,
  compile: (args, { session }) =>
    foldCall(args, BINARY_UUID_TYPE, ([value, swap]) => {
      if (value === null || value === undefined) return null;
      const text = toText(value) ?? '';
      const bytes = uuidBytes(text);
      if (!bytes) throw mysqlError(ER_WRONG_VALUE_FOR_TYPE, 'string', text, 'uuid_to_bin');
      return isSwapped(swap, session.warnings) ? swapTimeFields(bytes) : bytes;
    }),
};

/** BIN_TO_UUID(bytes[, swap]): the dashed lower-case text; 1411 unless the argument is exactly 16 bytes. */
const binToUuidFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 2,
  compile: (args, { session }) =>
    foldCall(args, varcharType(UUID_TEXT_LENGTH), ([value, swap]) => {
      if (value === null || value === undefined) return null;
      const bytes = bytesOf(value);
      if (bytes.length !== UUID_BYTES) throw mysqlError(ER_WRONG_VALUE_FOR_TYPE, 'string', toText(value) ?? '', 'bin_to_uuid');
      const hex = (isSwapped(swap, session.warnings) ? unswapTimeFields(bytes) : bytes).toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }),
};

function bytesOf(value: PresentValue): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(toText(value) ?? '', 'utf8');
}

/** RANDOM_BYTES(n): n cryptographically random bytes, 1 ≤ n ≤ 1024, else 1690. */
const randomBytesFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: ([lengthArg], { session }) => ({
    type: fieldType(TypeKind.VarBinary, { length: RANDOM_BYTES_MAX }),
    isNullable: true,
    evaluate: (row) => {
      const value = lengthArg!.evaluate(row);
      if (value === null) return null;
      const length = toInteger(value, session.warnings)!;
      if (length < 1n || length > BigInt(RANDOM_BYTES_MAX)) throw mysqlError(ER_DATA_OUT_OF_RANGE, 'length', 'random_bytes');
      return randomBytes(Number(length));
    },
  }),
};

export const uuidFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['UUID', { minArgs: 0, maxArgs: 0, compile: () => perRow(varcharType(UUID_TEXT_LENGTH), () => uuidClock.next()) }],
  ['UUID_SHORT', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => {
    const serverId = toInteger(session.systemVariable('server_id', 'global'), session.warnings) ?? 0n;
    return perRow(UNSIGNED_BIGINT_TYPE, () => nextUuidShort(serverId));
  } }],
  ['UUID_TO_BIN', uuidToBinFunction],
  ['BIN_TO_UUID', binToUuidFunction],
  ['IS_UUID', { minArgs: 1, maxArgs: 1, compile: (args) => strictCall(args, BOOL_RESULT_TYPE, ([value]) => (uuidBytes(toText(value!) ?? '') ? 1n : 0n)) }],
  ['RANDOM_BYTES', randomBytesFunction],
]);

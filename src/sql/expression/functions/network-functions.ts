// IP address functions: INET_ATON, INET_NTOA, INET6_ATON, INET6_NTOA, IS_IPV4, IS_IPV6, IS_IPV4_COMPAT,
// IS_IPV4_MAPPED, with MySQL's parsing (short IPv4 forms for INET_ATON) and printing (one zero run as '::').
// https://dev.mysql.com/doc/refman/8.0/en/miscellaneous-functions.html#function_inet-aton
import { TypeKind, fieldType, toInteger, toText } from '../../types/index.js';
import type { SqlValue } from '../../types/index.js';
import { BOOL_RESULT_TYPE, UNSIGNED_BIGINT_TYPE, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { strictCall } from './fold-call.js';
import type { PresentValue } from './fold-call.js';

const IPV4_BYTES = 4;
const IPV6_BYTES = 16;
const IPV6_WORDS = 8;
const MAX_OCTET = 255;
const UINT32_MAX = 0xffffffffn;
const IPV6_TEXT_LENGTH = 39;
const IPV4_OCTET = /^\d{1,3}$/;

/** INET_ATON's reading, as MySQL's: digits and dots, each part ≤ 255; 'a.b' is a.0.0.b and 'a.b.c' a.b.0.c. */
function inetAton(text: string): bigint | null {
  if (text === '' || text.endsWith('.') || !/^[\d.]+$/.test(text)) return null;
  const parts = text.split('.');
  // More than four parts just keep shifting, as MySQL's loop does ('1.2.3.4.5' is 4328719365).
  if (parts.some((part) => part === '' || Number(part) > MAX_OCTET)) return null;
  const numbers = parts.map((part) => BigInt(part));
  const last = numbers.pop()!;
  let result = numbers.reduce((sum, part) => (sum << 8n) + part, 0n);
  if (numbers.length === 1) result <<= 16n;
  else if (numbers.length === 2) result <<= 8n;
  return (result << 8n) + last;
}

/** A dotted quad, strictly (four parts of 1–3 digits, each ≤ 255), as INET6_ATON and IS_IPV4 read IPv4. */
function ipv4Bytes(text: string): Buffer | undefined {
  const parts = text.split('.');
  if (parts.length !== IPV4_BYTES || parts.some((part) => !IPV4_OCTET.test(part) || Number(part) > MAX_OCTET)) return undefined;
  return Buffer.from(parts.map(Number));
}

/** An IPv6 address (with '::' and a trailing dotted quad allowed) as 16 bytes, or undefined. */
function ipv6Bytes(text: string): Buffer | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return undefined;
  let words: number[] = [];
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const pieces = part.split(':');
    const out: number[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = ipv4Bytes(piece);
        if (!v4) return undefined;
        out.push(v4.readUInt16BE(0), v4.readUInt16BE(2));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const first = parse(head);
  if (!first) return undefined;
  if (tail === undefined) {
    if (first.length !== IPV6_WORDS) return undefined;
    words = first;
  } else {
    const second = parse(tail);
    if (!second || first.length + second.length > IPV6_WORDS - 1) return undefined;
    words = [...first, ...new Array<number>(IPV6_WORDS - first.length - second.length).fill(0), ...second];
  }
  const bytes = Buffer.alloc(IPV6_BYTES);
  words.forEach((word, i) => bytes.writeUInt16BE(word, i * 2));
  return bytes;
}

/** INET6_NTOA's text: the longest run of zero words (even one) as '::', IPv4-compatible and -mapped forms dotted. */
function ipv6Text(bytes: Buffer): string {
  const words = Array.from({ length: IPV6_WORDS }, (_, i) => bytes.readUInt16BE(i * 2));
  let gap = { start: -1, length: 0 };
  let run = { start: -1, length: 0 };
  for (let i = 0; i <= IPV6_WORDS; i++) {
    if (i < IPV6_WORDS && words[i] === 0) {
      run = run.start < 0 ? { start: i, length: 1 } : { start: run.start, length: run.length + 1 };
    } else if (run.start >= 0) {
      if (run.length > gap.length) gap = run;
      run = { start: -1, length: 0 };
    }
  }
  const dotted = `${bytes[12]}.${bytes[13]}.${bytes[14]}.${bytes[15]}`;
  if (gap.start === 0 && gap.length === 6) return `::${dotted}`;
  if (gap.start === 0 && gap.length === 5 && words[5] === 0xffff) return `::ffff:${dotted}`;
  const hex = (from: number, to: number): string => words.slice(from, to).map((word) => word.toString(16)).join(':');
  if (gap.start < 0) return hex(0, IPV6_WORDS);
  return `${hex(0, gap.start)}::${hex(gap.start + gap.length, IPV6_WORDS)}`;
}

const textOf = (value: PresentValue): string => toText(value) ?? '';

function inet6Aton(value: PresentValue): Buffer | null {
  const text = textOf(value);
  return ipv4Bytes(text) ?? ipv6Bytes(text) ?? null;
}

function inet6Ntoa(value: PresentValue): string | null {
  if (!Buffer.isBuffer(value)) return null;
  if (value.length === IPV4_BYTES) return [...value].join('.');
  return value.length === IPV6_BYTES ? ipv6Text(value) : null;
}

const isZero = (bytes: Buffer, from: number, to: number): boolean => bytes.subarray(from, to).every((byte) => byte === 0);

function predicate(test: (value: PresentValue) => boolean): BuiltinFunction {
  return { minArgs: 1, maxArgs: 1, compile: (args) => strictCall(args, BOOL_RESULT_TYPE, ([value]) => (test(value!) ? 1n : 0n)) };
}

function inetNtoa(value: PresentValue, warnings: Parameters<typeof toInteger>[1]): SqlValue {
  const number = toInteger(value, warnings)!;
  if (number < 0n || number > UINT32_MAX) return null;
  return [24n, 16n, 8n, 0n].map((shift) => ((number >> shift) & 0xffn).toString()).join('.');
}

export const networkFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['INET_ATON', { minArgs: 1, maxArgs: 1, compile: (args) => strictCall(args, UNSIGNED_BIGINT_TYPE, ([value]) => inetAton(textOf(value!))) }],
  ['INET_NTOA', { minArgs: 1, maxArgs: 1, compile: (args, { session }) => strictCall(args, varcharType(15), ([value]) => inetNtoa(value!, session.warnings)) }],
  ['INET6_ATON', { minArgs: 1, maxArgs: 1, compile: (args) => strictCall(args, fieldType(TypeKind.VarBinary, { length: IPV6_BYTES }), ([value]) => inet6Aton(value!)) }],
  ['INET6_NTOA', { minArgs: 1, maxArgs: 1, compile: (args) => strictCall(args, varcharType(IPV6_TEXT_LENGTH), ([value]) => inet6Ntoa(value!)) }],
  ['IS_IPV4', predicate((value) => ipv4Bytes(textOf(value)) !== undefined)],
  ['IS_IPV6', predicate((value) => ipv6Bytes(textOf(value)) !== undefined)],
  ['IS_IPV4_COMPAT', predicate((value) => Buffer.isBuffer(value) && value.length === IPV6_BYTES && isZero(value, 0, 12))],
  ['IS_IPV4_MAPPED', predicate((value) => Buffer.isBuffer(value) && value.length === IPV6_BYTES && isZero(value, 0, 10) && value[10] === 0xff && value[11] === 0xff)],
]);

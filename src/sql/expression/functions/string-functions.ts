// String functions used daily: CONCAT, CONCAT_WS, LENGTH, CHAR_LENGTH, UPPER, LOWER.
import { toText } from '../../types/index.js';
import type { SqlValue } from '../../types/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import { BIGINT_TYPE, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';

const totalLength = (args: readonly CompiledExpr[]): number => args.reduce((sum, arg) => sum + Math.max(arg.type.length, 0), 0);

function unary(apply: (text: string, value: SqlValue) => SqlValue, type = varcharType(255)): BuiltinFunction {
  return {
    minArgs: 1,
    maxArgs: 1,
    compile: ([arg]) => ({
      type: type.kind === 'varchar' ? { ...type, length: Math.max(arg!.type.length, 0) } : type,
      isNullable: arg!.isNullable,
      evaluate: (row) => {
        const value = arg!.evaluate(row);
        return value === null ? null : apply(toText(value) ?? '', value);
      },
    }),
  };
}

const lengthFunction: BuiltinFunction = unary(
  (text, value) => BigInt(Buffer.isBuffer(value) ? value.length : Buffer.byteLength(text, 'utf8')),
  BIGINT_TYPE,
);
const charLengthFunction: BuiltinFunction = unary((text) => BigInt([...text].length), BIGINT_TYPE);
const upperFunction: BuiltinFunction = unary((text) => text.toUpperCase());
const lowerFunction: BuiltinFunction = unary((text) => text.toLowerCase());

export const stringFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['CONCAT', { minArgs: 1, maxArgs: Infinity, compile: (args) => ({
    type: varcharType(totalLength(args)),
    isNullable: true,
    evaluate: (row) => {
      let result = '';
      for (const arg of args) {
        const value = arg.evaluate(row);
        if (value === null) return null;
        result += toText(value);
      }
      return result;
    },
  }) }],
  ['CONCAT_WS', { minArgs: 2, maxArgs: Infinity, compile: ([separator, ...args]) => ({
    type: varcharType(totalLength(args)),
    isNullable: true,
    evaluate: (row) => {
      const glue = separator!.evaluate(row);
      if (glue === null) return null;
      const parts: string[] = [];
      for (const arg of args) {
        const value = arg.evaluate(row);
        if (value !== null) parts.push(toText(value) ?? '');
      }
      return parts.join(toText(glue) ?? '');
    },
  }) }],
  ['LENGTH', lengthFunction],
  ['OCTET_LENGTH', lengthFunction],
  ['CHAR_LENGTH', charLengthFunction],
  ['CHARACTER_LENGTH', charLengthFunction],
  ['UPPER', upperFunction],
  ['UCASE', upperFunction],
  ['LOWER', lowerFunction],
  ['LCASE', lowerFunction],
]);

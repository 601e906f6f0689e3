// JSON in expressions: CAST(x AS JSON), and comparison operands made JSON by their static types.
import { JsonValue, isJsonType, parseJsonArgument, sqlToJsonValue } from '../types/index.js';
import type { FieldType, SqlValue } from '../types/index.js';
import type { CompiledExpr } from './compiled-expr.js';
import { constantExpr } from './compiled-expr.js';
import { JSON_TYPE } from './literal-types.js';

/**
 * CAST(value AS JSON): text is parsed (3141 naming `cast_as_json`), JSON stays, anything else becomes the JSON
 * scalar of its type (a predicate true/false, an unsigned integer UNSIGNED INTEGER, a DECIMAL a decimal …).
 */
export function castToJson(value: SqlValue, type: FieldType): SqlValue {
  if (value === null) return null;
  if (typeof value === 'string') return parseJsonArgument(value, 0, 'cast_as_json');
  return sqlToJsonValue(value, type);
}

/**
 * When one side of a comparison is JSON, the other is compared as the JSON value its static type makes (so that
 * `doc->'$.flag' = TRUE` compares with the JSON true, as MySQL does); other comparisons are left as they are.
 */
export function jsonComparisonOperands(left: CompiledExpr, right: CompiledExpr): readonly [CompiledExpr, CompiledExpr] {
  const isLeftJson = isJsonType(left.type);
  const isRightJson = isJsonType(right.type);
  if (isLeftJson === isRightJson) return [left, right];
  return isLeftJson ? [left, asJson(right)] : [asJson(left), right];
}

function asJson(operand: CompiledExpr): CompiledExpr {
  const type = operand.type;
  const convert = (value: SqlValue): SqlValue => (value === null || value instanceof JsonValue ? value : sqlToJsonValue(value, type));
  if (operand.constantValue !== undefined) return constantExpr(convert(operand.constantValue), JSON_TYPE);
  return { type: JSON_TYPE, isNullable: operand.isNullable, evaluate: (row) => convert(operand.evaluate(row)) };
}

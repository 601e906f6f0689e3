// Shared by operators, functions and subqueries: comparison collations and tests, and the common type of branches.
import { TypeKind, isStringType, isTemporalType } from '../types/index.js';
import type { FieldType } from '../types/index.js';
import { aggregateDerivations } from './collation-derivation.js';
import { BIGINT_TYPE, DOUBLE_TYPE, NULL_TYPE, decimalType, varcharType } from './literal-types.js';

export { comparisonCollation } from './collation-derivation.js';

/** The common type of several result branches (CASE, IF, COALESCE): text wins, then double, decimal, integer. */
export function unifyTypes(types: readonly FieldType[]): FieldType {
  const concrete = types.filter((t) => t.kind !== TypeKind.Null);
  if (concrete.length === 0) return NULL_TYPE;
  if (concrete.some((t) => isStringType(t) || isTemporalType(t))) {
    const unified = concrete.every((t) => t.kind === concrete[0]!.kind)
      ? concrete[0]!
      : varcharType(Math.max(...concrete.map((t) => (t.length > 0 ? t.length : 20))));
    if (!isStringType(unified) || unified.collation === 'binary') return unified;
    // The branches' collations aggregate as a string function's arguments do (a conflict is NONE, not an error).
    const derived = aggregateDerivations(concrete, 'case', unified.collation, false);
    return { ...unified, collation: derived.collation, coercibility: derived.coercibility };
  }
  if (concrete.some((t) => t.kind === TypeKind.Double || t.kind === TypeKind.Float)) return DOUBLE_TYPE;
  if (concrete.some((t) => t.kind === TypeKind.Decimal)) {
    const scale = Math.max(...concrete.map((t) => (t.kind === TypeKind.Decimal ? t.decimals : 0)));
    return decimalType(65, scale);
  }
  return BIGINT_TYPE;
}

/** The test a comparison operator applies to a three-way comparison result. */
export function comparisonTest(op: string): (order: number) => boolean {
  switch (op) {
    case '=':
    case '<=>':
      return (order) => order === 0;
    case '<>':
      return (order) => order !== 0;
    case '<':
      return (order) => order < 0;
    case '<=':
      return (order) => order <= 0;
    case '>':
      return (order) => order > 0;
    default:
      return (order) => order >= 0;
  }
}

// Shared by operators, functions and subqueries: comparison collations and tests, and the common type of branches.
import { TypeKind, isStringType, isTemporalType } from '../types/index.js';
import type { CollationName, FieldType } from '../types/index.js';
import { BIGINT_TYPE, DOUBLE_TYPE, NULL_TYPE, decimalType, varcharType } from './literal-types.js';

/** The collation a comparison uses: the explicit one wins, binary wins over text, else the left operand's. */
export function comparisonCollation(left: FieldType, right: FieldType): CollationName {
  if (left.collation === 'binary' || right.collation === 'binary') return 'binary';
  if (left.collation === right.collation) return left.collation;
  if (!isStringType(left) || !isStringType(right)) {
    return left.collation === 'utf8mb4_general_ci' || right.collation === 'utf8mb4_general_ci' ? 'utf8mb4_general_ci' : 'utf8mb4_bin';
  }
  // Two strings of different collations: the stronger coercibility decides (COLLATE, then a column, then a
  // literal); at equal strength MySQL reports an illegal mix (1267), and TidalDB compares exactly instead.
  const leftRank = coercibilityRank(left);
  const rightRank = coercibilityRank(right);
  if (leftRank !== rightRank) return leftRank < rightRank ? left.collation : right.collation;
  return 'utf8mb4_bin';
}

function coercibilityRank(type: FieldType): number {
  return type.coercibility === 'explicit' ? 0 : type.coercibility === 'coercible' ? 2 : 1;
}

/** The common type of several result branches (CASE, IF, COALESCE): text wins, then double, decimal, integer. */
export function unifyTypes(types: readonly FieldType[]): FieldType {
  const concrete = types.filter((t) => t.kind !== TypeKind.Null);
  if (concrete.length === 0) return NULL_TYPE;
  if (concrete.some((t) => isStringType(t) || isTemporalType(t))) {
    if (concrete.every((t) => t.kind === concrete[0]!.kind)) return concrete[0]!;
    return varcharType(Math.max(...concrete.map((t) => (t.length > 0 ? t.length : 20))));
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

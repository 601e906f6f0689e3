// MySQL's collation derivation: which collation a comparison or a string function's result takes when strings of
// different collations meet, and 1267 when the mix is illegal.
// https://dev.mysql.com/doc/refman/8.0/en/charset-collation-coercibility.html
import { mysqlError, ER_CANT_AGGREGATE_2COLLATIONS, ER_CANT_AGGREGATE_3COLLATIONS, ER_CANT_AGGREGATE_NCOLLATIONS } from '../../errors/index.js';
import { BINARY_COLLATION, collationInfo } from '../collation/index.js';
import { TypeKind, isStringType } from '../types/index.js';
import type { CollationName, Coercibility, FieldType } from '../types/index.js';

/** A collation with the coercibility it holds with. */
export interface DerivedCollation {
  readonly collation: CollationName;
  readonly coercibility: Coercibility;
}

/** COERCIBILITY()'s numbers: lower holds stronger. */
export const COERCIBILITY_VALUES: Readonly<Record<Coercibility, number>> = {
  explicit: 0,
  none: 1,
  implicit: 2,
  sysconst: 3,
  coercible: 4,
  numeric: 5,
  ignorable: 6,
};

/** Character sets that hold every character of another (utf8mb4 ⊃ utf8 ⊃ latin1, ascii), for same-strength mixes. */
const REPERTOIRE: Readonly<Record<string, number>> = { utf8mb4: 3, utf8: 2, latin1: 1, ascii: 0 };

/** How a value of `type` takes part in collation derivation; non-strings count as numbers, NULL as ignorable. */
export function derivationOf(type: FieldType): DerivedCollation {
  if (type.kind === TypeKind.Null) return { collation: type.collation, coercibility: 'ignorable' };
  if (!isStringType(type)) return { collation: type.collation, coercibility: 'numeric' };
  return { collation: type.collation, coercibility: type.coercibility ?? 'implicit' };
}

const isBinCollation = (name: string): boolean => name.endsWith('_bin');

/** MySQL's DTCollation::aggregate of two derivations; undefined when the two cannot be reconciled. */
function aggregatePair(a: DerivedCollation, b: DerivedCollation): DerivedCollation | undefined {
  const aRank = COERCIBILITY_VALUES[a.coercibility];
  const bRank = COERCIBILITY_VALUES[b.coercibility];
  if (a.collation === b.collation) return aRank <= bRank ? a : b;
  if (a.coercibility === 'ignorable' || b.coercibility === 'ignorable') return aRank <= bRank ? a : b;
  // The binary "charset" wins unless the other side holds more strongly.
  if (a.collation === BINARY_COLLATION) return aRank <= bRank ? a : b;
  if (b.collation === BINARY_COLLATION) return bRank <= aRank ? b : a;
  if (aRank !== bRank) return aRank < bRank ? a : b;
  // Two explicit COLLATE clauses (or two conflicts) never reconcile.
  if (a.coercibility === 'none' || a.coercibility === 'explicit') return undefined;
  const aCharset = collationInfo(a.collation).charset;
  const bCharset = collationInfo(b.collation).charset;
  if (aCharset !== bCharset) {
    // Equal strength, different character sets: the one that can hold the other's characters (the Unicode side).
    const aRepertoire = REPERTOIRE[aCharset] ?? -1;
    const bRepertoire = REPERTOIRE[bCharset] ?? -1;
    if (aRepertoire === bRepertoire) return undefined;
    return aRepertoire > bRepertoire ? a : b;
  }
  // The same character set mixing a _bin collation with a _ci/_cs one: the _bin collation.
  if (isBinCollation(a.collation) !== isBinCollation(b.collation)) return isBinCollation(a.collation) ? a : b;
  return undefined;
}

const derivationName = (derivation: DerivedCollation): string => derivation.coercibility.toUpperCase();

function illegalMix(derivations: readonly DerivedCollation[], operation: string): Error {
  const parts = derivations.flatMap((derivation) => [derivation.collation, derivationName(derivation)]);
  if (derivations.length === 2) return mysqlError(ER_CANT_AGGREGATE_2COLLATIONS, ...parts, operation);
  if (derivations.length === 3) return mysqlError(ER_CANT_AGGREGATE_3COLLATIONS, ...parts, operation);
  return mysqlError(ER_CANT_AGGREGATE_NCOLLATIONS, operation);
}

/**
 * The collation of several string arguments taken together. `forComparison`: an unreconcilable mix is 1267/1270/
 * 1271, as for any comparison; otherwise (a string function's result) it is a collation of derivation NONE, which
 * fails only when compared. Without string arguments the result has `fallback` (the connection's collation).
 */
export function aggregateDerivations(types: readonly FieldType[], operation: string, fallback: CollationName, forComparison: boolean): DerivedCollation {
  const derivations = types.map(derivationOf);
  const strings = derivations.filter((derivation) => derivation.coercibility !== 'numeric' && derivation.coercibility !== 'ignorable');
  if (strings.length === 0) return { collation: fallback, coercibility: 'coercible' };
  let result = strings[0]!;
  for (let i = 1; i < strings.length; i++) {
    const next = aggregatePair(result, strings[i]!);
    if (next) {
      result = next;
      continue;
    }
    if (forComparison) throw illegalMix(strings.length === 2 ? strings : derivations, operation);
    // A conflict in a string result: derivation NONE, in the character set's binary collation (as MySQL reports).
    result = { collation: `${collationInfo(result.collation).charset}_bin`, coercibility: 'none' };
  }
  if (forComparison && result.coercibility === 'none') throw illegalMix(strings, operation);
  return result;
}

/**
 * The collation two operands are compared under: both strings → their aggregation (1267 when illegal, e.g. two
 * columns of different `_ci` collations); otherwise the string side's, which numbers and dates do not use.
 */
export function comparisonCollation(left: FieldType, right: FieldType, operation = '='): CollationName {
  const isLeftString = isStringType(left);
  const isRightString = isStringType(right);
  if (isLeftString && isRightString) return aggregateDerivations([left, right], operation, left.collation, true).collation;
  return isRightString && !isLeftString ? right.collation : left.collation;
}

// chooseIndexPath: key ranges on a secondary index's first column for `=`, IN, BETWEEN and comparisons.
import { isUsableIndex } from './index-visibility.js';
import { Decimal } from 'decimal.js';
import type { Expr } from '../ast/index.js';
import type { IndexInfo, TableInfo } from '../catalog/index.js';
import { comparisonCollation, compileExpr } from '../expression/index.js';
import type { CompileContext } from '../expression/index.js';
import { encodeIndexKey, prefixNext } from '../../storage/index.js';
import type { Datum } from '../../storage/index.js';
import type { KeyRange } from '../../storage/kv.js';
import { MAX_FSP, MysqlDateTime, MysqlTime, TypeKind, isFloatType, isIntegerType, isTemporalType, isTextType } from '../types/index.js';
import type { FieldType, SqlValue } from '../types/index.js';
import { indexDatum, isIndexKeyUsableForText } from '../table/row-datums.js';
import { storedConstant } from '../timezone/timestamp-storage.js';
import { indexEqualRows } from './stats-estimates.js';

type Bound = { readonly datum: Datum; readonly isInclusive: boolean };

type IndexPath = { kind: 'index'; index: IndexInfo; ranges: KeyRange[]; rangeText: string[] };

/**
 * The best index path for the conjuncts, or undefined: an equality or IN on an index's first column wins over a
 * range. Constants are converted to the column's stored form only when that is exact (an integer column compared
 * with 2.5 uses the bound 3 for `>=`); text is used for equality only, under its collation key.
 */
export function chooseIndexPath(table: TableInfo, conjuncts: readonly Expr[], context: CompileContext): IndexPath | undefined {
  const candidates = table.indexes.filter((index) => !(index.isPrimary && table.handleColumnOffset !== undefined) && isUsableIndex(index, context.session));
  let rangePath: IndexPath | undefined;
  // Without statistics the first index with an equality wins (plans stay as they were); with them, the one that
  // reads the fewest rows.
  let pointPath: { path: IndexPath; rows: number } | undefined;
  const offer = (path: IndexPath): IndexPath | undefined => {
    if (table.stats === undefined) return path;
    const rows = indexEqualRows(table, path.index, path.ranges.length);
    if (pointPath === undefined || rows < pointPath.rows) pointPath = { path, rows };
    return undefined;
  };
  for (const index of candidates) {
    const offset = index.columnOffsets[0]!;
    const column = table.columns[offset]!;
    const name = column.name.toLowerCase();
    const isColumn = (expr: Expr): boolean => expr.kind === 'ColumnRefExpr' && expr.column.toLowerCase() === name;
    const tableId = BigInt(table.id);
    const indexId = BigInt(index.id);
    const keyOf = (datum: Datum): Buffer => encodeIndexKey(tableId, indexId, [datum]);
    // A TIMESTAMP constant is a wall-clock time of the session's zone; the index holds the stored form.
    const constantOf = (expr: Expr, compileContext: CompileContext): SqlValue | undefined => storedConstant(column, constantValueOf(expr, compileContext), context.session);
    let low: Bound | undefined;
    let high: Bound | undefined;
    for (const conjunct of conjuncts) {
      if (conjunct.kind === 'BinaryExpr' && conjunct.op === '=') {
        const other = isColumn(conjunct.left) ? conjunct.right : isColumn(conjunct.right) ? conjunct.left : undefined;
        const value = other && isKeyComparable(index, column.type, [other], context) ? constantOf(other, context) : undefined;
        const datum = exactDatum(value, column.type, index);
        const chosen = datum === undefined ? undefined : offer({ kind: 'index', index, ranges: datum === null ? [] : [prefixRangeOf(keyOf(datum))], rangeText: datum === null ? [] : [pointText(value)] });
        if (chosen !== undefined) return chosen;
      }
      if (conjunct.kind === 'InListExpr' && !conjunct.isNot && isColumn(conjunct.operand)) {
        const values = isKeyComparable(index, column.type, conjunct.list, context) ? conjunct.list.map((item) => constantOf(item, context)) : conjunct.list.map(() => undefined);
        const datums = values.map((value) => exactDatum(value, column.type, index));
        if (datums.every((datum) => datum !== undefined)) {
          const byKey = new Map<string, { key: Buffer; text: string }>();
          datums.forEach((d, i) => {
            if (d === null) return;
            const key = keyOf(d);
            byKey.set(key.toString('hex'), { key, text: pointText(values[i]) });
          });
          const entries = [...byKey.values()].sort((x, y) => Buffer.compare(x.key, y.key));
          const chosen = offer({ kind: 'index', index, ranges: entries.map((entry) => prefixRangeOf(entry.key)), rangeText: entries.map((entry) => entry.text) });
          if (chosen !== undefined) return chosen;
        }
      }
      if (isTextType(column.type)) continue;
      if (conjunct.kind === 'BetweenExpr' && !conjunct.isNot && isColumn(conjunct.operand)) {
        low = tighter(low, boundDatum(constantOf(conjunct.low, context), column.type, 'low', true), 'low');
        high = tighter(high, boundDatum(constantOf(conjunct.high, context), column.type, 'high', true), 'high');
      }
      if (conjunct.kind === 'BinaryExpr' && ['<', '<=', '>', '>='].includes(conjunct.op)) {
        let op = conjunct.op;
        let other: Expr | undefined;
        if (isColumn(conjunct.left)) other = conjunct.right;
        else if (isColumn(conjunct.right)) {
          other = conjunct.left;
          op = op === '<' ? '>' : op === '<=' ? '>=' : op === '>' ? '<' : '<=';
        }
        if (!other) continue;
        const value = constantOf(other, context);
        if (op === '>' || op === '>=') low = tighter(low, boundDatum(value, column.type, 'low', op === '>='), 'low');
        else high = tighter(high, boundDatum(value, column.type, 'high', op === '<='), 'high');
      }
    }
    if (!rangePath && (low || high)) {
      // NULL entries sort first; a range with no lower bound must still skip them.
      const start = low ? (low.isInclusive ? keyOf(low.datum) : after(keyOf(low.datum))) : after(keyOf(null));
      const end = high ? (high.isInclusive ? after(keyOf(high.datum)) : keyOf(high.datum)) : after(encodeIndexKey(tableId, indexId, []));
      const isEmpty = start === undefined || (end !== undefined && Buffer.compare(start, end) >= 0);
      const text = `${low ? (low.isInclusive ? '[' : '(') + datumText(low.datum) : '[-inf'},${high ? datumText(high.datum) + (high.isInclusive ? ']' : ')') : '+inf]'}`;
      rangePath = { kind: 'index', index, ranges: isEmpty ? [] : [{ start, end }], rangeText: isEmpty ? [] : [text] };
    }
  }
  return pointPath?.path ?? rangePath;
}

/** `[v,v]` as TiDB prints an equality range (strings quoted). */
function pointText(value: SqlValue | undefined): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : datumText(value as Datum);
  return `[${text},${text}]`;
}

function datumText(datum: Datum | undefined): string {
  if (datum === null || datum === undefined) return 'NULL';
  if (datum instanceof Uint8Array) return `0x${Buffer.from(datum).toString('hex')}`;
  return typeof datum === 'string' ? JSON.stringify(datum) : datum.toString();
}

function prefixRangeOf(key: Buffer): KeyRange {
  return { start: key, end: after(key) };
}

/** The first key after every key that starts with `key` (undefined: the end of the keyspace). */
function after(key: Buffer): Buffer | undefined {
  const next = prefixNext(key);
  return next === undefined ? undefined : Buffer.from(next);
}

/**
 * True when the index's keys can find what comparing the column with `others` accepts: always for non-text
 * columns; for text, when the comparison runs under the column's own collation (not a COLLATE of another) and the
 * index's key encoding is at least as coarse as that collation.
 */
function isKeyComparable(index: IndexInfo, type: FieldType, others: readonly Expr[], context: CompileContext): boolean {
  if (!isTextType(type)) return true;
  if (!isIndexKeyUsableForText(index, type)) return false;
  try {
    return others.every((other) => comparisonCollation(type, compileExpr(other, context).type) === type.collation);
  } catch {
    return false;
  }
}

function constantValueOf(expr: Expr, context: CompileContext): SqlValue | undefined {
  try {
    return compileExpr(expr, context).constantValue;
  } catch {
    return undefined;
  }
}

/** The stored datum equal to `value` in a column of `type`; null when nothing can be equal; undefined when unsure. */
function exactDatum(value: SqlValue | undefined, type: FieldType, index: IndexInfo): Datum | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (isIntegerType(type)) {
    if (typeof value === 'bigint') return value;
    if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : null;
    if (value instanceof Decimal) return value.isInteger() ? BigInt(value.toFixed(0)) : null;
    return undefined;
  }
  if (isFloatType(type) && type.kind === TypeKind.Double) {
    if (typeof value === 'number') return value;
    if (typeof value === 'bigint' && value >= -(2n ** 53n) && value <= 2n ** 53n) return Number(value);
    return undefined;
  }
  if (type.kind === TypeKind.Decimal) {
    if (value instanceof Decimal) return value;
    if (typeof value === 'bigint') return new Decimal(value.toString());
    return undefined;
  }
  if (isTextType(type) && typeof value === 'string' && type.collation !== 'binary') return indexDatum(value, type, index.keyVersion);
  if (isTemporalType(type)) return temporalDatum(value, type);
  return undefined;
}

/**
 * A TIME, DATE or DATETIME column's stored form of a constant compared with it: a value of the same family, or text
 * that reads exactly as one (at full precision, as the comparison reads it). Undefined when unsure.
 */
function temporalDatum(value: Exclude<SqlValue, null>, type: FieldType): Datum | undefined {
  if (type.kind === TypeKind.Time) {
    if (value instanceof MysqlTime) return value.pack();
    if (typeof value !== 'string') return undefined;
    const conversion = MysqlTime.fromText(value, MAX_FSP);
    return conversion && !conversion.isTruncated && !conversion.isOutOfRange ? conversion.time.pack() : undefined;
  }
  if (value instanceof MysqlDateTime) return value.pack();
  if (typeof value !== 'string') return undefined;
  return MysqlDateTime.tryParse(value, 'datetime', MAX_FSP)?.pack();
}

/** A range bound in the column's stored form; integer columns round fractional bounds inwards. */
function boundDatum(value: SqlValue | undefined, type: FieldType, side: 'low' | 'high', isInclusive: boolean): Bound | undefined {
  if (isTemporalType(type) && value !== undefined && value !== null) {
    const datum = temporalDatum(value, type);
    return datum === undefined ? undefined : { datum, isInclusive };
  }
  if (value === undefined || value === null || typeof value === 'string' || Buffer.isBuffer(value)) return undefined;
  if (isIntegerType(type)) {
    if (typeof value === 'bigint') return { datum: value, isInclusive };
    const number = value instanceof Decimal ? value : new Decimal(typeof value === 'number' ? value : value.toString());
    if (!number.isFinite()) return undefined;
    if (number.isInteger()) return { datum: BigInt(number.toFixed(0)), isInclusive };
    const rounded = side === 'low' ? number.ceil() : number.floor();
    return { datum: BigInt(rounded.toFixed(0)), isInclusive: true };
  }
  if (isFloatType(type)) {
    if (typeof value === 'number') return { datum: value, isInclusive };
    if (typeof value === 'bigint') return { datum: Number(value), isInclusive };
    if (value instanceof Decimal) return { datum: value.toNumber(), isInclusive };
    return undefined;
  }
  if (type.kind === TypeKind.Decimal) {
    if (value instanceof Decimal) return { datum: value, isInclusive };
    if (typeof value === 'bigint') return { datum: new Decimal(value.toString()), isInclusive };
    return undefined;
  }
  return undefined;
}

function tighter(current: Bound | undefined, next: Bound | undefined, side: 'low' | 'high'): Bound | undefined {
  if (!next) return current;
  if (!current) return next;
  const order = compareDatums(next.datum, current.datum);
  if (order === 0) return next.isInclusive ? current : next;
  return (side === 'low' ? order > 0 : order < 0) ? next : current;
}

function compareDatums(a: Datum, b: Datum): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Decimal && b instanceof Decimal) return a.comparedTo(b);
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// orderedPath: an access path that returns a table's rows already in ORDER BY order, so no sort is needed and a
// LIMIT stops the read early (TiDB's "keep order").
import { isUsableIndex } from './index-visibility.js';
import type { ExecutionContext } from '../execution-context.js';
import type { ColumnRefExpr } from '../ast/index.js';
import { CURRENT_INDEX_KEY_VERSION } from '../catalog/index.js';
import type { IndexInfo, TableInfo } from '../catalog/index.js';
import type { Scope } from '../expression/index.js';
import { tableIndexRange } from '../../storage/index.js';
import { isTextType } from '../types/index.js';
import type { AccessPath } from './access-path.js';

/** ORDER BY of plain columns, all in one direction, as the query planner asks it of its only table. */
export interface OrderRequest {
  readonly columns: readonly ColumnRefExpr[];
  readonly isDescending: boolean;
  /** A LIMIT follows: worth reading a whole index in order (with a row lookup each) to stop early. */
  readonly hasLimit: boolean;
}

/** The request with its columns as offsets in `table` (undefined when one is not a column of it). */
interface ResolvedOrder {
  readonly columns: readonly number[];
  readonly isDescending: boolean;
  readonly hasLimit: boolean;
}

/** The path to read and whether to read it backwards. */
export interface OrderedPath {
  readonly path: AccessPath;
  readonly isReverse: boolean;
}

/**
 * Keys sort by (index columns…, handle) for an index and by handle for rows, so a path delivers an ORDER BY whose
 * columns are a prefix of that sequence (after the columns an equality pins). Text columns qualify in indexes whose
 * keys are their collation's sort keys (key version 2): those order as the collation compares.
 */
export function orderedPath(table: TableInfo, scope: Scope, path: AccessPath, request: OrderRequest, session: ExecutionContext): OrderedPath | undefined {
  const columns: number[] = [];
  for (const column of request.columns) {
    const offset = scope.find(column);
    if (offset === undefined) return undefined;
    columns.push(offset);
  }
  return orderedPathOf(table, path, { ...request, columns }, session);
}

function orderedPathOf(table: TableInfo, path: AccessPath, order: ResolvedOrder, session: ExecutionContext): OrderedPath | undefined {
  const handle = table.handleColumnOffset;
  const handleOrder = handle === undefined ? [] : [handle];
  const isReverse = order.isDescending;
  switch (path.kind) {
    case 'point':
      if (!isPrefix(order.columns, handleOrder)) return undefined;
      return { path: isReverse ? { ...path, handles: [...path.handles].reverse() } : path, isReverse: false };
    case 'range':
      return isPrefix(order.columns, handleOrder) ? { path, isReverse } : undefined;
    case 'index': {
      if (path.ranges.length > 1) return undefined;
      const isEquality = path.rangeText.length === 1 && isPointRange(path.rangeText[0]!);
      const sequence = indexOrder(path.index, handleOrder).slice(isEquality ? 1 : 0);
      const pinned = isEquality ? path.index.columnOffsets[0] : undefined;
      const wanted = order.columns.filter((offset) => offset !== pinned);
      return isPrefix(wanted, sequence) && orderableColumns(table, wanted, path.index) ? { path, isReverse } : undefined;
    }
    case 'full': {
      if (isPrefix(order.columns, handleOrder)) return { path, isReverse };
      if (!order.hasLimit) return undefined;
      const index = table.indexes.find(
        (candidate) =>
          !(candidate.isPrimary && handle !== undefined) && isUsableIndex(candidate, session) && isPrefix(order.columns, indexOrder(candidate, handleOrder)) && orderableColumns(table, order.columns, candidate),
      );
      if (!index) return undefined;
      const range = tableIndexRange(BigInt(table.id), BigInt(index.id));
      return { path: { kind: 'index', index, ranges: [range], rangeText: ['[NULL,+inf]'] }, isReverse };
    }
  }
}

/** The order of an index's keys: its columns, then the handle (which non-unique keys end with). */
function indexOrder(index: IndexInfo, handleOrder: readonly number[]): number[] {
  return [...index.columnOffsets, ...(index.isUnique ? [] : handleOrder)];
}

function isPrefix(wanted: readonly number[], sequence: readonly number[]): boolean {
  return wanted.length > 0 && wanted.length <= sequence.length && wanted.every((offset, i) => sequence[i] === offset);
}

function orderableColumns(table: TableInfo, offsets: readonly number[], index: IndexInfo): boolean {
  const hasSortKeys = (index.keyVersion ?? 1) >= CURRENT_INDEX_KEY_VERSION;
  return offsets.every((offset) => hasSortKeys || !isTextType(table.columns[offset]!.type));
}

function isPointRange(text: string): boolean {
  const [low, high] = text.slice(1, -1).split(',');
  return text.startsWith('[') && text.endsWith(']') && low === high;
}

// tableReadPlan: the operators that read one table through an access path, named as TiDB names them.
import type { Expr } from '../ast/index.js';
import type { IndexInfo, TableInfo } from '../catalog/index.js';
import type { Scope } from '../expression/index.js';
import type { AccessPath } from './access-path.js';
import { describeConditions } from './describe-expr.js';
import { operatorPlan } from './operator-plan.js';
import type { OperatorPlan, TableAccess } from './operator-plan.js';
import { filterSelectivity, handleRangeRows, indexEqualRows, rangeRows, statsSuffix, tableRowCount } from './stats-estimates.js';

/** The plan of a table read, with the nodes that count rows read (scans) and rows returned (filter and above). */
export interface TableReadPlan {
  readonly top: OperatorPlan;
  readonly scans: readonly OperatorPlan[];
  readonly outputs: readonly OperatorPlan[];
}

/**
 * `Point_Get` / `Batch_Point_Get`, `TableReader` over `TableFullScan` / `TableRangeScan`, or `IndexLookUp` over
 * `IndexRangeScan` (Build) and `TableRowIDScan` (Probe); the table's own filter is a `Selection` over the scan that
 * produces rows, as in TiDB.
 */
export function tableReadPlan(
  table: TableInfo,
  alias: string | undefined,
  path: AccessPath,
  filter: readonly Expr[],
  scope: Scope,
  order?: { readonly isReverse: boolean },
): TableReadPlan {
  const object = `table:${alias ?? table.name}`;
  const access = tableAccess(table, alias, path.kind === 'index' ? path.index : path.kind === 'full' ? undefined : 'handle', mysqlAccessType(path));
  const keepOrder = order ? `keep order:true${order.isReverse ? ', desc' : ''}` : 'keep order:false';
  const pseudo = statsSuffix(table);
  const accessColumn = path.kind === 'index' ? path.index.columnOffsets[0] : undefined;
  const withFilter = (scan: OperatorPlan): OperatorPlan =>
    filter.length === 0 ? scan : operatorPlan('Selection', (scan.estRows ?? 0) * filterSelectivity(table, filter, accessColumn), [scan], () => describeConditions(filter, scope));
  switch (path.kind) {
    case 'point': {
      const isSingle = path.handles.length === 1;
      const scan = operatorPlan(isSingle ? 'Point_Get' : 'Batch_Point_Get', path.handles.length, [], () =>
        isSingle ? `handle:${path.handles[0]!.toString()}` : `handle:[${path.handles.join(' ')}], keep order:${order ? 'true' : 'false'}, desc:false`,
      { accessObject: object, access });
      const top = withFilter(scan);
      return { top, scans: [scan], outputs: top === scan ? [] : [top] };
    }
    case 'range':
    case 'full': {
      const scan =
        path.kind === 'full'
          ? operatorPlan('TableFullScan', tableRowCount(table), [], () => `${keepOrder}${pseudo}`, { accessObject: object, access })
          : operatorPlan('TableRangeScan', handleRangeRows(table, path.low, path.high), [], () => `range:${handleRangeText(path.low, path.high)}, ${keepOrder}${pseudo}`, { accessObject: object, access });
      const filtered = withFilter(scan);
      const top = operatorPlan('TableReader', filtered.estRows, [filtered], () => `data:${filtered.operator}`);
      return { top, scans: [scan], outputs: filtered === scan ? [top] : [filtered, top] };
    }
    case 'index': {
      const columns = path.index.columnOffsets.map((offset) => table.columns[offset]!.name).join(', ');
      const isEqual = path.rangeText.every((text) => isPointText(text));
      const estRows = isEqual ? indexEqualRows(table, path.index, path.rangeText.length) : rangeRows(table, path.rangeText[0]?.includes('inf') === true);
      const build = operatorPlan('IndexRangeScan', estRows, [], () => `range:${path.rangeText.join(', ') || '[]'}, ${keepOrder}${pseudo}`, {
        accessObject: `${object}, index:${path.index.name}(${columns})`,
        access,
      });
      const rowScan = operatorPlan('TableRowIDScan', estRows, [], () => `keep order:false${pseudo}`, { accessObject: object });
      const probe = withFilter(rowScan);
      const top = operatorPlan('IndexLookUp', probe.estRows, [build, probe], () => '', { roles: ['Build', 'Probe'] });
      return { top, scans: [build, rowScan], outputs: probe === rowScan ? [top] : [probe, top] };
    }
  }
}

/** What a read of `table` through `key` (an index, the row handle, or none) tells EXPLAIN's MySQL forms. */
export function tableAccess(table: TableInfo, alias: string | undefined, key: IndexInfo | 'handle' | undefined, accessType: TableAccess['accessType']): TableAccess {
  const columns = table.columns.map((column) => column.name);
  const base = { table: alias ?? table.name, accessType, columns };
  if (key === undefined) return base;
  if (key === 'handle') {
    const offset = table.handleColumnOffset;
    return { ...base, key: 'PRIMARY', keyParts: offset === undefined ? [] : [table.columns[offset]!.name] };
  }
  return { ...base, key: key.name, keyParts: key.columnOffsets.map((offset) => table.columns[offset]!.name) };
}

/** MySQL's name for an access path: one key value is `const` (primary key) or `ref` (index), a whole index `index`. */
function mysqlAccessType(path: AccessPath): TableAccess['accessType'] {
  switch (path.kind) {
    case 'point':
      return path.handles.length === 1 ? 'const' : 'range';
    case 'full':
      return 'ALL';
    case 'range':
      return 'range';
    case 'index': {
      const [only, ...rest] = path.rangeText;
      if (only === undefined || rest.length > 0) return 'range';
      if (isPointText(only)) return 'ref';
      return only === '[NULL,+inf]' ? 'index' : 'range';
    }
  }
}

/** Records one run of a table read: `read` rows came off the scan, `kept` passed the filter. */
export function recordTableRead(plan: TableReadPlan, read: number, kept: number, startedAt: number): void {
  const elapsed = performance.now() - startedAt;
  for (const node of plan.scans) {
    node.stats.rows += read;
    node.stats.loops++;
    node.stats.timeMs += elapsed;
  }
  for (const node of plan.outputs) {
    node.stats.rows += kept;
    node.stats.loops++;
    node.stats.timeMs += elapsed;
  }
}

function isPointText(text: string): boolean {
  const [low, high] = text.slice(1, -1).split(',');
  return text.startsWith('[') && text.endsWith(']') && low === high;
}

function handleRangeText(low: bigint | undefined, high: bigint | undefined): string {
  return `[${low === undefined ? '-inf' : low.toString()},${high === undefined ? '+inf' : high.toString()}]`;
}

// formatPlanTree: prints a plan as TiDB's EXPLAIN rows, the operator ids drawn as a tree (`└─`, `├─`, `│ `).
import type { OperatorStats } from './operator-plan.js';

/** One printed operator: what EXPLAIN needs, independent of how the executor built it. */
export interface ExplainNode {
  readonly operator: string;
  /** `Build` / `Probe`, printed after the id as TiDB does. */
  readonly role?: string | undefined;
  readonly estRows: number | undefined;
  readonly accessObject: string;
  readonly info: string;
  readonly stats?: OperatorStats;
  readonly children: readonly ExplainNode[];
}

export interface PlanTreeOptions {
  /** FORMAT='brief': ids without their numeric suffix. */
  readonly isBrief: boolean;
  /** EXPLAIN ANALYZE: adds actRows, execution info, memory and disk. */
  readonly isAnalyze: boolean;
}

/** TiDB's EXPLAIN columns, and EXPLAIN ANALYZE's. */
export const EXPLAIN_COLUMNS = ['id', 'estRows', 'task', 'access object', 'operator info'] as const;
export const EXPLAIN_ANALYZE_COLUMNS = ['id', 'estRows', 'actRows', 'task', 'access object', 'execution info', 'operator info', 'memory', 'disk'] as const;

/**
 * One row per operator, parents before children. Ids number the operators in post-order (children first, as a
 * plan is built bottom-up), so the root has the largest id.
 */
export function formatPlanTree(root: ExplainNode, options: PlanTreeOptions): string[][] {
  const ids = new Map<ExplainNode, number>();
  const number = (node: ExplainNode): void => {
    for (const child of node.children) number(child);
    ids.set(node, ids.size + 1);
  };
  number(root);
  const rows: string[][] = [];
  const visit = (node: ExplainNode, prefix: string, indent: string): void => {
    const id = `${prefix}${node.operator}${options.isBrief ? '' : `_${ids.get(node)!}`}${node.role ? `(${node.role})` : ''}`;
    const estRows = node.estRows === undefined ? 'N/A' : node.estRows.toFixed(2);
    if (options.isAnalyze) {
      const stats = node.stats ?? { rows: 0, loops: 0, timeMs: 0 };
      rows.push([id, estRows, String(stats.rows), 'root', node.accessObject, `time:${formatTime(stats.timeMs)}, loops:${stats.loops}`, node.info, 'N/A', 'N/A']);
    } else {
      rows.push([id, estRows, 'root', node.accessObject, node.info]);
    }
    node.children.forEach((child, i) => {
      const isLast = i === node.children.length - 1;
      visit(child, `${indent}${isLast ? '└─' : '├─'}`, `${indent}${isLast ? '  ' : '│ '}`);
    });
  };
  visit(root, '', '');
  return rows;
}

/** A duration as TiDB prints it: `812.3µs`, `1.53ms`, `2.1s`. */
export function formatTime(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(1)}µs`;
  if (ms < 1000) return `${ms.toFixed(2)}ms`;
  return `${(ms / 1000).toFixed(2)}s`;
}

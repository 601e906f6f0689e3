// formatPlanTreeText: prints a plan as MySQL 8's EXPLAIN FORMAT=TREE (and EXPLAIN ANALYZE FORMAT=TREE) text.
import { ROW_EVAL_COST, ROW_READ_COST, isTableRead, readAccess, readFilter, tableNameOf } from './format-plan-json.js';
import type { ExplainedWrite, ShownSubquery } from './format-plan-json.js';
import type { OperatorPlan } from './operator-plan.js';

export interface PlanTreeTextOptions {
  readonly subqueriesOf: (plan: OperatorPlan) => readonly ShownSubquery[];
  readonly write?: ExplainedWrite | undefined;
  /** EXPLAIN ANALYZE: each line also gets what the operator did (`actual time=… rows=… loops=…`). */
  readonly isAnalyze: boolean;
}

/** One printed iterator: its description, estimate, what ran it, and the iterators it reads. */
interface TreeLine {
  readonly text: string;
  /** The operator whose estimate (and, under ANALYZE, run) the line shows; none for `Select #n` and `Hash`. */
  readonly plan?: OperatorPlan;
  readonly children: readonly TreeLine[];
}

/** Operators MySQL's iterator tree does not show (projection and TiDB's reader wrappers): their inputs stand in. */
const HIDDEN_OPERATORS = new Set(['Projection', 'TableReader', 'Expand', 'Apply']);

/**
 * The text of the single EXPLAIN FORMAT=TREE row: `-> what  (cost=… rows=…)` per iterator, inputs indented four
 * spaces below it. Costs use the same per-row constants as FORMAT=JSON, summed over each iterator's inputs.
 */
export function formatPlanTreeText(root: OperatorPlan, options: PlanTreeTextOptions): string {
  let nextSelectId = 2;
  const subqueryLines = (plan: OperatorPlan): TreeLine[] =>
    options.subqueriesOf(plan).map((sub) => ({
      text: `Select #${nextSelectId++} (subquery in condition; ${sub.isDependent ? 'dependent' : 'run only once'})`,
      children: lines(sub.plan),
    }));
  const lines = (plan: OperatorPlan): TreeLine[] => {
    if (HIDDEN_OPERATORS.has(plan.operator) && !(plan.operator === 'Apply' && plan.children.length === 2)) {
      return [...plan.children.flatMap(lines), ...subqueryLines(plan)];
    }
    const line = (text: string, children: TreeLine[]): TreeLine => ({ text, plan, children: [...children, ...subqueryLines(plan)] });
    if (isTableRead(plan)) return [readLines(plan, line)];
    const info = plan.info();
    const [first, second] = plan.children;
    switch (plan.operator) {
      case 'Selection':
        return [line(`Filter: ${info}`, first ? lines(first) : [])];
      case 'HashJoin': {
        const [kind, condition] = joinKind(info);
        const hash: TreeLine = { text: 'Hash', children: lines(first!) };
        return [line(`${kind} hash join (${condition})`, [...lines(second!), hash])];
      }
      case 'NestedLoopJoin':
      case 'IndexJoin':
      case 'Apply': {
        const [kind, condition] = joinKind(info);
        const [outer, inner] = plan.operator === 'NestedLoopJoin' ? [second!, first!] : [first!, second!];
        return [line(`Nested loop ${kind.toLowerCase()} join${condition === '' ? '' : ` (${condition})`}`, [...lines(outer), ...lines(inner)])];
      }
      case 'HashAgg': {
        const input = first ? lines(first) : [];
        if (first?.operator === 'Union') return [temporaryScan('union', line('Union materialize with deduplication', lines(first).flatMap((union) => union.children)))];
        if (plan.isDistinct) return [temporaryScan('', line('Temporary table with deduplication', input))];
        if (info.startsWith('group by:')) return [temporaryScan('', line(`Aggregate using temporary table: ${info}`, input))];
        return [line(`Aggregate: ${info.replace(/^funcs:/, '')}`, input)];
      }
      case 'Union':
        return [line('Append', plan.children.flatMap(lines))];
      case 'Intersect':
      case 'Except':
        return [temporaryScan(plan.operator.toLowerCase(), line(`${plan.operator} materialize with deduplication`, plan.children.flatMap(lines)))];
      case 'Sort':
        return [line(`Sort: ${info}`, first ? lines(first) : [])];
      case 'TopN': {
        const { sort, count, offset } = parseLimit(info);
        const sortLine: TreeLine = { text: `Sort: ${sort}, limit input to ${count + offset} row(s) per chunk`, plan, children: first ? lines(first) : [] };
        return [line(limitText(count, offset), [sortLine])];
      }
      case 'Limit': {
        const { count, offset } = parseLimit(info);
        return [line(limitText(count, offset), first ? lines(first) : [])];
      }
      case 'Window':
        return [line(`Window aggregate: ${info}`, first ? lines(first) : [])];
      case 'TableDual':
        return [line(plan.estRows === 0 ? 'Zero rows (Impossible WHERE)' : 'Rows fetched before execution', [])];
      case 'Insert':
      case 'Update':
      case 'Delete':
        return [line(writeText(plan.operator, options.write), plan.children.flatMap(lines))];
      default:
        return [line(`${plan.operator}${info === '' ? '' : `: ${info}`}`, plan.children.flatMap(lines))];
    }
  };
  const out: string[] = [];
  const print = (tree: TreeLine, depth: number): void => {
    const shown = tree.plan ? `${estimate(tree.plan)}${options.isAnalyze ? actual(tree.plan) : ''}` : '';
    out.push(`${' '.repeat(depth * 4)}-> ${tree.text}${shown}`);
    for (const child of tree.children) print(child, depth + 1);
  };
  for (const tree of lines(root)) print(tree, 0);
  return `${out.join('\n')}\n`;
}

/** A read subtree: `Table scan on t`, `Index lookup on t using ia (…)`, … under its `Filter:` if it has one. */
function readLines(plan: OperatorPlan, line: (text: string, children: TreeLine[]) => TreeLine): TreeLine {
  const { access, scan } = readAccess(plan);
  const filter = readFilter(plan);
  const table = access?.table ?? tableNameOf(scan);
  const key = access?.key ?? 'PRIMARY';
  const info = scan.info();
  const range = /range:(.*?), keep order/.exec(info)?.[1] ?? info;
  const decidedBy = /decided by \[(.*)\]/.exec(info)?.[1];
  let text: string;
  switch (access?.accessType) {
    case 'const':
      text = `Single-row index lookup on ${table} using ${key} (${(access.keyParts ?? []).join(', ')}=${info.replace(/^handle:/, '')})`;
      break;
    case 'eq_ref':
      text = `Single-row index lookup on ${table} using ${key} (${decidedBy ?? range})`;
      break;
    case 'ref':
      text = `Index lookup on ${table} using ${key} (${decidedBy ?? `${(access.keyParts ?? []).join(', ')}=${range.replace(/^\[([^,]*),.*$/, '$1')}`})`;
      break;
    case 'range':
      text = `Index range scan on ${table} using ${key} over ${scan.operator === 'Batch_Point_Get' ? info.replace(/, keep order.*$/, '') : range}`;
      break;
    case 'index':
      text = `Index scan on ${table} using ${key}${info.includes('desc') ? ' (reverse)' : ''}`;
      break;
    default:
      text = scan.operator === 'TableFunction' ? `Materialize table function on ${table}` : `Table scan on ${table}`;
  }
  if (!filter) return line(text, []);
  return line(`Filter: ${filter.info()}`, [{ text, plan: scan, children: [] }]);
}

/** `inner join, equal:[…]` → [`Inner`, `equal:[…]`]; `CARTESIAN inner join` → [`Inner`, `no condition`]. */
function joinKind(info: string): [string, string] {
  const [head = '', ...rest] = info.split(', ');
  const kind = head.replace(/^CARTESIAN /, '').replace(/ join$/, '').replace(/ outer$/, '');
  return [`${kind.charAt(0).toUpperCase()}${kind.slice(1)}`, rest.join(', ') || 'no condition'];
}

/** `kind` is '' for a plain temporary table, else `union` / `intersect` / `except`. */
function temporaryScan(kind: string, below: TreeLine): TreeLine {
  return { text: `Table scan on <${kind === '' ? '' : `${kind} `}temporary>`, plan: below.plan, children: [below] };
}

function parseLimit(info: string): { sort: string; count: number; offset: number } {
  const match = /(?:^|, )offset:(\d+), count:(\d+)$/.exec(info);
  return { sort: match ? info.slice(0, match.index) : info, offset: Number(match?.[1] ?? 0), count: Number(match?.[2] ?? 0) };
}

function limitText(count: number, offset: number): string {
  return offset > 0 ? `Limit/Offset: ${count}/${offset} row(s)` : `Limit: ${count} row(s)`;
}

function writeText(operator: string, write: ExplainedWrite | undefined): string {
  const table = write?.table ?? '';
  if (operator === 'Insert') return `Insert into ${table}`;
  return operator === 'Update' ? `Update ${table}` : `Delete from ${table}`;
}

/** `  (cost=… rows=…)`: the iterator's estimate; a write has none. */
function estimate(plan: OperatorPlan): string {
  if (plan.estRows === undefined) return '';
  return `  (cost=${subtreeCost(plan).toFixed(2)} rows=${formatRows(plan.estRows)})`;
}

function subtreeCost(plan: OperatorPlan): number {
  const own = (plan.estRows ?? 0) * (plan.children.length === 0 ? ROW_READ_COST + ROW_EVAL_COST : ROW_EVAL_COST);
  return plan.children.reduce((sum, child) => sum + subtreeCost(child), own);
}

function actual(plan: OperatorPlan): string {
  const { rows, loops, timeMs } = plan.stats;
  const perLoop = loops === 0 ? 0 : timeMs / loops;
  return ` (actual time=${perLoop.toFixed(3)}..${perLoop.toFixed(3)} rows=${formatRows(loops === 0 ? 0 : rows / loops)} loops=${loops})`;
}

function formatRows(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

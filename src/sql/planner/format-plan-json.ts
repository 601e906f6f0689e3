// formatPlanJson: prints a plan as MySQL 8's EXPLAIN FORMAT=JSON document (query_block, table, nested_loop, …).
import type { OperatorPlan, TableAccess } from './operator-plan.js';

type JsonObject = { [key: string]: unknown };

/** A subquery an operator runs, planned for display, and whether it reads the outer row (MySQL's `dependent`). */
export interface ShownSubquery {
  readonly plan: OperatorPlan;
  readonly isDependent: boolean;
}

/** The write an EXPLAIN of INSERT / UPDATE / DELETE describes, with the table it writes. */
export interface ExplainedWrite {
  readonly kind: 'insert' | 'update' | 'delete';
  readonly table: string;
}

export interface PlanJsonOptions {
  readonly subqueriesOf: (plan: OperatorPlan) => readonly ShownSubquery[];
  readonly write?: ExplainedWrite | undefined;
}

/**
 * Costs are not MySQL's cost model: a row read costs 0.25 and a row evaluated 0.1 over TidalDB's (TiDB's pseudo)
 * row estimates, so that plans compare sensibly; ORMs only parse the document.
 */
export const ROW_READ_COST = 0.25;
export const ROW_EVAL_COST = 0.1;

/** Operators that read one table (with the filter pushed onto the read), shown as one `table` element. */
const READ_OPERATORS = new Set(['TableReader', 'IndexLookUp', 'Point_Get', 'Batch_Point_Get', 'TableFullScan', 'TableRangeScan', 'IndexRangeScan', 'MemTableScan', 'TableFunction']);
const JOIN_OPERATORS = new Set(['HashJoin', 'NestedLoopJoin', 'IndexJoin', 'Apply']);
const SET_OPERATORS = new Set(['Union', 'Intersect', 'Except']);

/** The cost accumulated by one query block, and its tables in join order (where conditions and subqueries attach). */
interface Block {
  cost: number;
  readonly tables: JsonObject[];
  /** The table an UPDATE / DELETE writes, marked `"update": true` / `"delete": true` where it is read. */
  write?: ExplainedWrite | undefined;
}

/** The JSON text of one EXPLAIN FORMAT=JSON row: `{"query_block": …}`, pretty-printed as MySQL does. */
export function formatPlanJson(root: OperatorPlan, options: PlanJsonOptions): string {
  return JSON.stringify({ query_block: new JsonPlanBuilder(options).statementBlock(root) }, null, 2);
}

/** True for a read subtree: a read operator, or a Selection (the table's own filter) right over one. */
export function isTableRead(plan: OperatorPlan): boolean {
  if (READ_OPERATORS.has(plan.operator)) return true;
  return plan.operator === 'Selection' && plan.children[0] !== undefined && READ_OPERATORS.has(plan.children[0].operator);
}

/** The node of a read subtree that carries its table access (the scan, or an index lookup's index scan). */
export function readAccess(plan: OperatorPlan): { access: TableAccess | undefined; scan: OperatorPlan } {
  if (plan.access || plan.children.length === 0) return { access: plan.access, scan: plan };
  return readAccess(plan.children[0]!);
}

/** The Selection of a read subtree (its attached condition), if the table has one. */
export function readFilter(plan: OperatorPlan): OperatorPlan | undefined {
  if (plan.operator === 'Selection') return plan;
  for (const child of plan.children) {
    const found = readFilter(child);
    if (found) return found;
  }
  return undefined;
}

class JsonPlanBuilder {
  private nextSelectId = 1;

  constructor(private readonly options: PlanJsonOptions) {}

  /** The statement's block: a write's target table first (`"update": true`, …), else the query's block. */
  statementBlock(root: OperatorPlan): JsonObject {
    const write = this.options.write;
    if (!write) return this.queryBlock(root);
    const selectId = this.nextSelectId++;
    const block: Block = { cost: 0, tables: [] };
    const input = root.children[0];
    if (write.kind === 'insert' || !input) {
      // An INSERT reads nothing of its table (INSERT … SELECT reads its source: insert_from); neither shows a multi-table write's reads.
      const body: JsonObject = { table: { [write.kind]: true, select_id: selectId, table_name: write.table, access_type: 'ALL' } };
      if (input) body.insert_from = this.body(input, block);
      return { select_id: selectId, cost_info: { query_cost: cost(block.cost) }, ...body };
    }
    block.write = write;
    const body = this.body(input, block);
    // A target read under another name than the one written (a view's base table) is the first table read.
    const [first] = block.tables;
    if (block.write && first) first[write.kind] = true;
    return { select_id: selectId, cost_info: { query_cost: cost(block.cost) }, ...body };
  }

  private queryBlock(plan: OperatorPlan): JsonObject {
    if (isSetOperation(plan)) return this.setOperation(plan);
    // A set operation's ORDER BY / LIMIT sort or cut its result, with no query block of their own.
    const below = plan.operator === 'Limit' || plan.operator === 'Projection' ? plan.children[0] : plan;
    const sorted = below && (below.operator === 'Sort' || below.operator === 'TopN') ? below.children[0] : below;
    if (sorted && isSetOperation(sorted)) return sorted === below ? this.setOperation(sorted) : { ordering_operation: { using_filesort: true, ...this.setOperation(sorted) } };
    const selectId = this.nextSelectId++;
    const block: Block = { cost: 0, tables: [] };
    const body = this.body(plan, block);
    if ('message' in body) return { select_id: selectId, ...body };
    return { select_id: selectId, cost_info: { query_cost: cost(block.cost) }, ...body };
  }

  /** What `plan` adds to its query block: `table`, `nested_loop`, or a wrapper (`ordering_operation`, …) around those. */
  private body(plan: OperatorPlan, block: Block): JsonObject {
    if (isTableRead(plan)) {
      const table = this.table(plan, block);
      this.attachSubqueries(plan, block, 'attached_subqueries');
      return { table };
    }
    const [first, second] = plan.children;
    if (JOIN_OPERATORS.has(plan.operator) && first && second) {
      // HashJoin and NestedLoopJoin list the hashed (Build) input first; MySQL lists tables in join order.
      const [outer, inner] = plan.operator === 'HashJoin' || plan.operator === 'NestedLoopJoin' ? [second, first] : [first, second];
      const tablesBefore = block.tables.length;
      const items = [...this.joinItems(outer, block)];
      const innerStart = block.tables.length;
      items.push(...this.joinItems(inner, block));
      if (plan.operator !== 'IndexJoin' && plan.operator !== 'Apply') {
        for (const table of block.tables.slice(Math.max(innerStart, tablesBefore))) table.using_join_buffer = 'hash join';
      }
      this.attachSubqueries(plan, block, 'attached_subqueries');
      return { nested_loop: items };
    }
    if (isSetOperation(plan)) {
      const firstId = this.nextSelectId;
      const derived = this.setOperation(plan);
      const table = { table_name: `<derived${firstId}>`, access_type: 'ALL', materialized_from_subquery: { using_temporary_table: true, query_block: derived } };
      block.tables.push(table);
      return { table };
    }
    if (!first) {
      if (plan.operator === 'TableDual') return { message: plan.estRows === 0 ? 'Impossible WHERE' : 'No tables used' };
      return { message: 'No tables used' };
    }
    const inner = this.body(first, block);
    switch (plan.operator) {
      case 'Projection':
        return this.withSubqueries(plan, inner, 'select_list_subqueries');
      case 'Selection': {
        const last = block.tables[block.tables.length - 1];
        if (inner.grouping_operation) (inner.grouping_operation as JsonObject).having_condition = plan.info();
        else if (last) last.attached_condition = joinConditions(last.attached_condition, plan.info());
        this.attachSubqueries(plan, block, 'attached_subqueries');
        return inner;
      }
      case 'HashAgg': {
        const info = plan.info();
        this.attachSubqueries(plan, block, 'attached_subqueries');
        if (plan.isDistinct) return { duplicates_removal: { using_temporary_table: true, using_filesort: false, ...inner } };
        if (info.startsWith('group by:')) return { grouping_operation: { using_temporary_table: true, using_filesort: false, ...inner } };
        return inner;
      }
      case 'Sort':
      case 'TopN':
        return this.withSubqueries(plan, { ordering_operation: { using_filesort: true, ...inner } }, 'order_by_subqueries');
      case 'Window':
        return this.windowing(plan, block);
      default:
        this.attachSubqueries(plan, block, 'attached_subqueries');
        return inner;
    }
  }

  /** A chain of Window operators (and the Sorts that order their input) as one `windowing` element. */
  private windowing(top: OperatorPlan, block: Block): JsonObject {
    const windows: JsonObject[] = [];
    let plan = top;
    while (plan.operator === 'Window' && plan.children[0]) {
      const child = plan.children[0];
      const sorted = child.operator === 'Sort' ? child.children[0] : undefined;
      windows.unshift({ name: '<unnamed window>', using_filesort: sorted !== undefined, functions: [plan.info().replace(/\(.*$/s, '')] });
      plan = sorted ?? child;
    }
    return { windowing: { windows, ...this.body(plan, block) } };
  }

  /** A join input's `nested_loop` items: its tables, or one derived table for anything else (an aggregate, …). */
  private joinItems(plan: OperatorPlan, block: Block): JsonObject[] {
    const body = this.body(plan, block);
    if (Array.isArray(body.nested_loop)) return body.nested_loop as JsonObject[];
    if (body.table && Object.keys(body).length === 1) return [body];
    const selectId = this.nextSelectId++;
    const table: JsonObject = {
      table_name: `<derived${selectId}>`,
      access_type: 'ALL',
      rows_examined_per_scan: rows(plan.estRows),
      rows_produced_per_join: rows(plan.estRows),
      filtered: '100.00',
      materialized_from_subquery: { using_temporary_table: true, dependent: false, cacheable: true, query_block: { select_id: selectId, ...body } },
    };
    block.tables.push(table);
    return [{ table }];
  }

  /** One `table` element from a read subtree, adding its cost to the block. */
  private table(plan: OperatorPlan, block: Block): JsonObject {
    const { access, scan } = readAccess(plan);
    const filter = readFilter(plan);
    const examined = scan.estRows ?? 0;
    const produced = plan.estRows ?? examined;
    const readCost = examined * ROW_READ_COST;
    const evalCost = produced * ROW_EVAL_COST;
    block.cost += readCost + evalCost;
    const name = access?.table ?? tableNameOf(scan);
    const table: JsonObject = {};
    if (block.write && block.write.table === name) {
      table[block.write.kind] = true;
      block.write = undefined;
    }
    Object.assign(table, { table_name: name, access_type: access?.accessType ?? 'ALL' });
    if (access?.key !== undefined) {
      table.possible_keys = [access.key];
      table.key = access.key;
      table.used_key_parts = access.keyParts ?? [];
    }
    Object.assign(table, {
      rows_examined_per_scan: rows(examined),
      rows_produced_per_join: rows(produced),
      filtered: examined === 0 ? '100.00' : Math.min(100, (produced / examined) * 100).toFixed(2),
      cost_info: { read_cost: cost(readCost), eval_cost: cost(evalCost), prefix_cost: cost(block.cost) },
    });
    if (access) table.used_columns = access.columns;
    if (filter) table.attached_condition = filter.info();
    block.tables.push(table);
    return table;
  }

  /** UNION / INTERSECT / EXCEPT (a distinct UNION is a HashAgg over the Union): `union_result` over its members. */
  private setOperation(plan: OperatorPlan): JsonObject {
    const isDistinct = plan.operator === 'HashAgg';
    const node = isDistinct ? plan.children[0]! : plan;
    const members = flattenSetMembers(node);
    const ids: number[] = [];
    const specifications = members.map((member) => {
      ids.push(this.nextSelectId);
      return { dependent: false, cacheable: true, query_block: this.queryBlock(member) };
    });
    const kind = node.operator.toLowerCase();
    return {
      [`${kind}_result`]: {
        using_temporary_table: isDistinct || node.operator !== 'Union',
        table_name: `<${kind}${ids.join(',')}>`,
        access_type: 'ALL',
        query_specifications: specifications,
      },
    };
  }

  private withSubqueries(plan: OperatorPlan, body: JsonObject, key: string): JsonObject {
    const shown = this.subqueryBlocks(plan);
    return shown.length === 0 ? body : { ...body, [key]: shown };
  }

  /** Puts the subqueries `plan` runs on the last table read so far (where MySQL evaluates them), else nowhere. */
  private attachSubqueries(plan: OperatorPlan, block: Block, key: string): void {
    const subtree = isTableRead(plan) ? collect(plan) : [plan];
    const shown = subtree.flatMap((node) => this.subqueryBlocks(node));
    const last = block.tables[block.tables.length - 1];
    if (shown.length > 0 && last) last[key] = [...((last[key] as JsonObject[] | undefined) ?? []), ...shown];
  }

  private subqueryBlocks(plan: OperatorPlan): JsonObject[] {
    return this.options.subqueriesOf(plan).map((sub) => ({ dependent: sub.isDependent, cacheable: !sub.isDependent, query_block: this.queryBlock(sub.plan) }));
  }
}

function isSetOperation(plan: OperatorPlan): boolean {
  if (SET_OPERATORS.has(plan.operator)) return true;
  return plan.operator === 'HashAgg' && plan.children[0]?.operator === 'Union' && plan.info().startsWith('group by:Column#');
}

/** The members of a chain of UNION ALLs (MySQL lists them side by side). */
function flattenSetMembers(plan: OperatorPlan): OperatorPlan[] {
  return plan.children.flatMap((child) => (plan.operator === 'Union' && child.operator === 'Union' ? flattenSetMembers(child) : [child]));
}

function collect(plan: OperatorPlan): OperatorPlan[] {
  return [plan, ...plan.children.flatMap(collect)];
}

/** `table:t` (or `table:t, index:…`) → `t`, for reads that carry no structured access. */
export function tableNameOf(scan: OperatorPlan): string {
  return scan.accessObject.replace(/^table:/, '').replace(/, index:.*$/, '');
}

function joinConditions(existing: unknown, added: string): string {
  return typeof existing === 'string' && existing !== '' ? `(${existing}) and (${added})` : added;
}

/** Row counts are whole numbers in MySQL's document. */
function rows(estimate: number | undefined): number {
  return Math.round(estimate ?? 0);
}

/** Costs are strings with two decimals, as MySQL prints them. */
function cost(value: number): string {
  return value.toFixed(2);
}

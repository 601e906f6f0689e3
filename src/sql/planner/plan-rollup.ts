// Rollup: GROUP BY … WITH ROLLUP: the HashAgg also computes the super-aggregate groups (its keys dropped one at a time
// from the right), and expressions over the grouped values read them from the group, NULL where rolled up;
// GROUPING(expr, …) reads the level. https://dev.mysql.com/doc/refman/8.0/en/group-by-modifiers.html
import { mysqlError, ER_FIELD_IN_GROUPING_NOT_GROUP_BY, ER_INVALID_GROUP_FUNC_USE, ER_INVALID_NO_OF_ARGS } from '../../errors/index.js';
import type { ColumnRefExpr, Expr } from '../ast/index.js';
import { BIGINT_TYPE, Scope, forEachExpr, mapExpr } from '../expression/index.js';
import { formatSql } from '../parser/index.js';
import { describeExpr } from './describe-expr.js';
import { operatorPlan } from './operator-plan.js';
import type { HashAggPlan } from './physical-plan.js';

/** The name of the synthetic column holding a row's rollup level: how many GROUP BY keys it keeps. */
export const ROLLUP_LEVEL_COLUMN = '\u0000gid';
/** The name prefix of the synthetic columns holding a row's group values (NULL where rolled up). */
export const ROLLUP_GROUP_PREFIX = '\u0000grp';

/** GROUPING() takes at most this many arguments (its result is a bit mask in a BIGINT). */
const MAX_GROUPING_ARGUMENTS = 64;

/** Finds a GROUP BY expression's position by column (for column references) or by text. */
class GroupKeys {
  constructor(
    private readonly groupBy: readonly Expr[],
    private readonly scope: Scope,
  ) {}

  indexOf(expr: Expr): number | undefined {
    const offset = expr.kind === 'ColumnRefExpr' ? this.scope.find(expr) : undefined;
    const text = formatSql(expr);
    const index = this.groupBy.findIndex((key) => {
      if (key.kind === 'ColumnRefExpr' && offset !== undefined) return this.scope.find(key) === offset;
      return key.kind !== 'ColumnRefExpr' && formatSql(key) === text;
    });
    return index < 0 ? undefined : index;
  }
}

/** 1111 for GROUPING() in a query without WITH ROLLUP (MySQL allows it nowhere else). */
export function refuseGrouping(exprs: readonly (Expr | undefined)[]): void {
  for (const expr of exprs) {
    if (!expr) continue;
    forEachExpr(expr, (node) => {
      if (node.kind === 'FuncCallExpr' && node.name.toUpperCase() === 'GROUPING' && node.db === undefined) throw mysqlError(ER_INVALID_GROUP_FUNC_USE);
    });
  }
}

/** The rollup of one grouped query block: its GROUP BY, the rows' layout before grouping, and its extra columns. */
export class Rollup {
  private readonly keys: GroupKeys;

  /** Group columns are numbered from `firstNumber` for EXPLAIN's `Column#n`. */
  constructor(
    private readonly groupBy: readonly Expr[],
    scope: Scope,
    private readonly firstNumber: number,
  ) {
    this.keys = new GroupKeys(groupBy, scope);
  }

  /** How many synthetic columns the rollup adds after the aggregates (the group values and the level). */
  get width(): number {
    return this.groupBy.length + 1;
  }

  /** 3602 for a GROUPING() argument that is not a GROUP BY expression; 3601 for more than 64 arguments. */
  checkGrouping(exprs: readonly (Expr | undefined)[]): void {
    for (const expr of exprs) {
      if (!expr) continue;
      forEachExpr(expr, (node) => {
        if (node.kind === 'FuncCallExpr' && node.name.toUpperCase() === 'GROUPING' && node.db === undefined) this.groupingIndexes(node.args);
      });
    }
  }

  /**
   * `expr` (aggregates already rewritten) reading grouped values from the group columns, which are NULL in the
   * super-aggregate rows, and with GROUPING() computed from the level column.
   */
  rewrite(expr: Expr): Expr {
    return mapExpr(expr, (node) => {
      if (node.kind === 'FuncCallExpr' && node.name.toUpperCase() === 'GROUPING' && node.db === undefined) return this.grouping(node.args);
      if (node.kind.endsWith('LiteralExpr') || node.kind === 'ParamExpr') return undefined;
      const index = this.keys.indexOf(node);
      return index === undefined ? undefined : this.groupColumn(index);
    });
  }

  /** The HashAgg extended with the rollup's columns, and an Expand operator below it in EXPLAIN, as TiDB plans it. */
  extend(plan: HashAggPlan, scope: Scope): HashAggPlan {
    const columns = [
      ...this.groupBy.map((key, i) => ({ name: this.groupName(i), table: '', database: '', type: plan.keys[i]!.type, isNotNull: false })),
      { name: ROLLUP_LEVEL_COLUMN, table: '', database: '', type: BIGINT_TYPE, isNotNull: true },
    ];
    const input = plan.explain.children[0]!;
    const levels = this.groupBy.map((_, i) => this.groupBy.length - i).concat(0);
    const info = (): string => {
      const projections = levels.map((level) => {
        const values = this.groupBy.map((key, i) => (i < level ? describeExpr(key, scope) : `<nil>->${describeExpr(key, scope)}`));
        return `[${[...values, `${rollupGid(level, this.groupBy.length)}->gid`].join(', ')}]`;
      });
      return `level-projection:${projections.join(',')}; schema: [${[...this.groupBy.map((key) => describeExpr(key, scope)), 'gid'].join(',')}]`;
    };
    const expand = operatorPlan('Expand', (input.estRows ?? 0) * levels.length, [input], info);
    const aggregate = { ...plan.explain, children: [expand] };
    return { ...plan, scope: new Scope([...plan.scope.columns, ...columns]), explain: aggregate, rollup: true };
  }

  private groupName(index: number): string {
    return `${ROLLUP_GROUP_PREFIX}${this.firstNumber + index}`;
  }

  private groupColumn(index: number): ColumnRefExpr {
    return { kind: 'ColumnRefExpr', column: this.groupName(index) };
  }

  private groupingIndexes(args: readonly Expr[]): number[] {
    if (args.length > MAX_GROUPING_ARGUMENTS) throw mysqlError(ER_INVALID_NO_OF_ARGS, 'GROUPING', args.length, String(MAX_GROUPING_ARGUMENTS));
    return args.map((arg, i) => {
      const index = this.keys.indexOf(arg);
      if (index === undefined) throw mysqlError(ER_FIELD_IN_GROUPING_NOT_GROUP_BY, i + 1);
      return index;
    });
  }

  /** GROUPING(e1, …, en): bit n-1-j set when ej is rolled up, i.e. the row keeps no more than ej's position. */
  private grouping(args: readonly Expr[]): Expr {
    const level: ColumnRefExpr = { kind: 'ColumnRefExpr', column: ROLLUP_LEVEL_COLUMN };
    const bits = this.groupingIndexes(args).map((index, j): Expr => {
      const isRolledUp: Expr = { kind: 'BinaryExpr', op: '<=', left: level, right: { kind: 'NumberLiteralExpr', numberKind: 'int', text: String(index) } };
      const shift = args.length - 1 - j;
      return shift === 0 ? isRolledUp : { kind: 'BinaryExpr', op: '<<', left: isRolledUp, right: { kind: 'NumberLiteralExpr', numberKind: 'int', text: String(shift) } };
    });
    return bits.reduce((all, bit) => ({ kind: 'BinaryExpr', op: '|', left: all, right: bit }));
  }
}

/** TiDB's grouping id of a level, as its Expand shows it: a bit per rolled-up key. */
function rollupGid(level: number, keys: number): number {
  return (1 << (keys - level)) - 1;
}

// CompiledExpr: an expression resolved against its input row layout, evaluated per row with no AST walk.
import type { FieldType, Row, SqlValue } from '../types/index.js';

/** An expression ready to run: its static result type and an evaluator closed over everything it needs. */
export interface CompiledExpr {
  readonly type: FieldType;
  /** False when the expression can never yield NULL (used for NOT NULL column flags). */
  readonly isNullable: boolean;
  /** Evaluates against one input row. Must not retain the row. */
  evaluate(row: Row): SqlValue;
  /** Set when the expression is a constant; the planner uses it for point gets and folding. */
  readonly constantValue?: SqlValue;
  /** Set when the expression is a plain column reference: its position in the input row. */
  readonly columnIndex?: number;
}

/** A CompiledExpr for a constant value. */
export function constantExpr(value: SqlValue, type: FieldType): CompiledExpr {
  return { type, isNullable: value === null, evaluate: () => value, constantValue: value };
}

// StatementParams: the values bound to a statement's `?` placeholders, either fixed while it is planned or read
// each time a cached plan runs (LateBoundParams).
import type { Expr } from '../ast/index.js';
import type { SqlValue } from '../types/index.js';
import type { CompileContext } from './compile-context.js';
import { forEachExpr } from './map-expr.js';

/**
 * Parameter values that a cached prepared-statement plan reads when it runs rather than when it is built, so one
 * plan serves every execution. Planner choices that do depend on the values (a point get for `id = ?`, an index
 * range) register a recheck: `rebind` runs them for the next values and reports whether the plan still fits, as
 * TiDB rebuilds the ranges of a cached plan and re-plans when it cannot.
 */
export class LateBoundParams {
  #values: readonly SqlValue[];
  readonly #rechecks: (() => boolean)[] = [];
  #isSealed = false;

  constructor(values: readonly SqlValue[]) {
    this.#values = values;
  }

  /** The current execution's values. */
  get values(): readonly SqlValue[] {
    return this.#values;
  }

  value(index: number): SqlValue {
    return this.#values[index] ?? null;
  }

  /**
   * Registers a planner choice made from the current values. `recheck` re-derives it from the values in force
   * (keeping the result for the run that follows) and returns false when the plan built around it no longer fits.
   */
  onRebind(recheck: () => boolean): void {
    // A recheck added while the plan runs would pile up with every execution: such statements are not cached.
    if (this.#isSealed) throw new Error('a cached plan made a parameter-dependent choice while running');
    this.#rechecks.push(recheck);
  }

  /** Ends planning: from now on the plan only runs. */
  seal(): void {
    this.#isSealed = true;
  }

  /** Binds the next execution's values; false when the plan must be built again for them. */
  rebind(values: readonly SqlValue[]): boolean {
    this.#values = values;
    for (const recheck of this.#rechecks) if (!recheck()) return false;
    return true;
  }
}

/** `?` values as planning sees them: plain values are folded into the plan, late-bound ones are read at run time. */
export type StatementParams = readonly SqlValue[] | LateBoundParams;

/** `context` with late-bound parameters replaced by their current values, so that `?` compiles to a constant. */
export function withCurrentValues(context: CompileContext): CompileContext {
  return context.params instanceof LateBoundParams ? { ...context, params: context.params.values } : context;
}

/** True when `expr` has a `?` placeholder. */
export function containsParam(expr: Expr): boolean {
  let found = false;
  forEachExpr(expr, (node) => {
    found ||= node.kind === 'ParamExpr';
    return !found;
  });
  return found;
}

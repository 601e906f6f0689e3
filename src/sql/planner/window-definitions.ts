// WindowDefinitions: the windows of one query block (its WINDOW clause and the specs written after OVER) resolved as
// MySQL resolves them: named references, refinement of a named window (`OVER (w ORDER BY …)`), and its rules.
// https://dev.mysql.com/doc/refman/8.0/en/window-functions-named-windows.html
import {
  mysqlError,
  ER_WINDOW_CIRCULARITY_IN_WINDOW_GRAPH,
  ER_WINDOW_DUPLICATE_NAME,
  ER_WINDOW_ILLEGAL_ORDER_BY,
  ER_WINDOW_NO_CHILD_PARTITIONING,
  ER_WINDOW_NO_INHERIT_FRAME,
  ER_WINDOW_NO_REDEFINE_ORDER_BY,
  ER_WINDOW_NO_SUCH_WINDOW,
} from '../../errors/index.js';
import type { Expr, NamedWindow, OrderItem, WindowFrame, WindowSpec } from '../ast/index.js';

/** The name MySQL's messages give a window written inline after OVER. */
export const UNNAMED_WINDOW = '<unnamed window>';

/** A window as a window call uses it: what it partitions and orders by and its frame as written. */
export interface ResolvedWindow {
  /** The name errors print: the window's own name, or `<unnamed window>`. */
  readonly name: string;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly OrderItem[];
  /** Undefined when the window has no frame clause (MySQL's default frame applies). */
  readonly frame: WindowFrame | undefined;
}

interface Resolution extends ResolvedWindow {
  /** The window whose ORDER BY this one has (for 3583's message). */
  readonly orderedBy: string | undefined;
}

/**
 * The WINDOW clause of a query block, checked when built (every named window, used or not, as MySQL does): unique
 * names (3591), known ancestors (3579), no cycles (3580), and the refinement rules (3581–3583, 3592).
 */
export class WindowDefinitions {
  private readonly byName = new Map<string, NamedWindow>();

  constructor(readonly windows: readonly NamedWindow[]) {
    for (const window of windows) {
      const key = window.name.toLowerCase();
      if (this.byName.has(key)) throw mysqlError(ER_WINDOW_DUPLICATE_NAME, window.name);
      this.byName.set(key, window);
    }
    for (const window of windows) this.resolveSpec(window.spec, window.name, []);
  }

  /** The window an OVER clause means: a named window (`OVER w`), or an inline spec that may refine one. */
  resolve(spec: WindowSpec): ResolvedWindow {
    if (isReference(spec)) {
      const named = this.lookup(spec.name!);
      return this.resolveSpec(named.spec, named.name, []);
    }
    return this.resolveSpec(spec, UNNAMED_WINDOW, []);
  }

  /** These definitions with `map` applied to their expressions (the aggregate rewrite of a grouped query). */
  map(map: (expr: Expr) => Expr): WindowDefinitions {
    return new WindowDefinitions(
      this.windows.map((window) => ({
        ...window,
        spec: {
          ...window.spec,
          ...(window.spec.partitionBy ? { partitionBy: window.spec.partitionBy.map(map) } : {}),
          ...(window.spec.orderBy ? { orderBy: window.spec.orderBy.map((item) => ({ ...item, expr: map(item.expr) })) } : {}),
        },
      })),
    );
  }

  private lookup(name: string): NamedWindow {
    const named = this.byName.get(name.toLowerCase());
    if (!named) throw mysqlError(ER_WINDOW_NO_SUCH_WINDOW, name);
    return named;
  }

  private resolveSpec(spec: WindowSpec, name: string, chain: readonly string[]): Resolution {
    for (const expr of [...(spec.partitionBy ?? []), ...(spec.orderBy ?? []).map((item) => item.expr)]) {
      // Positions (`ORDER BY 1`) are the SQL-92 form, which windows do not take.
      if (expr.kind === 'NumberLiteralExpr' && expr.numberKind === 'int') throw mysqlError(ER_WINDOW_ILLEGAL_ORDER_BY, name);
    }
    if (spec.name === undefined) {
      const orderBy = spec.orderBy ?? [];
      return { name, partitionBy: spec.partitionBy ?? [], orderBy, frame: spec.frame, orderedBy: orderBy.length > 0 ? name : undefined };
    }
    const ancestor = this.lookup(spec.name);
    const path = [...chain, name.toLowerCase()];
    if (path.includes(ancestor.name.toLowerCase())) throw mysqlError(ER_WINDOW_CIRCULARITY_IN_WINDOW_GRAPH);
    if (spec.partitionBy !== undefined) throw mysqlError(ER_WINDOW_NO_CHILD_PARTITIONING);
    const parent = this.resolveSpec(ancestor.spec, ancestor.name, path);
    if (ancestor.spec.frame !== undefined) throw mysqlError(ER_WINDOW_NO_INHERIT_FRAME, ancestor.name);
    if (spec.orderBy !== undefined && parent.orderedBy !== undefined) throw mysqlError(ER_WINDOW_NO_REDEFINE_ORDER_BY, name, parent.orderedBy);
    const orderBy = spec.orderBy ?? parent.orderBy;
    return {
      name,
      partitionBy: parent.partitionBy,
      orderBy,
      frame: spec.frame,
      orderedBy: spec.orderBy !== undefined ? name : parent.orderedBy,
    };
  }
}

/** `OVER w`: a bare name, as opposed to `OVER (w …)`, which defines a window of its own. */
function isReference(spec: WindowSpec): boolean {
  return spec.name !== undefined && spec.partitionBy === undefined && spec.orderBy === undefined && spec.frame === undefined;
}

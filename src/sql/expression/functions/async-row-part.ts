// AsyncRowPart: a function whose value needs waiting (a lock, a timer, another process) computed for each row by
// the operator's per-batch `prepare`, then read synchronously by the compiled expression.
import { mysqlError, ER_NOT_SUPPORTED_YET } from '../../../errors/index.js';
import type { Row, SqlValue } from '../../types/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import type { AsyncPart, CompileContext } from '../compile-context.js';

/** Computes `compute(argument values)` for every row of a batch, one row at a time, in row order. */
export class AsyncRowPart implements AsyncPart {
  private readonly results = new WeakMap<Row, SqlValue>();

  constructor(
    private readonly name: string,
    private readonly args: readonly CompiledExpr[],
    private readonly compute: (values: SqlValue[]) => Promise<SqlValue>,
  ) {}

  async prepare(rows: readonly Row[]): Promise<void> {
    for (const row of rows) this.results.set(row, await this.compute(this.args.map((arg) => arg.evaluate(row))));
  }

  get(row: Row): SqlValue {
    const result = this.results.get(row);
    if (result === undefined) throw mysqlError(ER_NOT_SUPPORTED_YET, `${this.name}() in this clause`);
    return result;
  }

  /** Registers a part for `name` in `context`; 1235 where the clause cannot wait (SET values, defaults). */
  static register(name: string, args: readonly CompiledExpr[], context: CompileContext, compute: (values: SqlValue[]) => Promise<SqlValue>): AsyncRowPart {
    if (!context.asyncParts) throw mysqlError(ER_NOT_SUPPORTED_YET, `${name}() in this clause`);
    const part = new AsyncRowPart(name, args, compute);
    context.asyncParts.push(part);
    return part;
  }
}

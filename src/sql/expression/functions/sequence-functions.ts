// TiDB's sequence functions: NEXTVAL(seq) (also `NEXT VALUE FOR seq`), LASTVAL(seq), SETVAL(seq, n). The first
// argument names a sequence, as a table is named, and is not evaluated. https://docs.pingcap.com/tidb/stable/sql-statement-create-sequence
import { mysqlError, ER_NO_DB_ERROR, ER_NOT_SUPPORTED_YET, ER_WRONG_ARGUMENTS } from '../../../errors/index.js';
import type { FuncCallExpr } from '../../ast/index.js';
import type { SessionSequences } from '../../session-sequences.js';
import { toInteger } from '../../types/index.js';
import type { SqlValue } from '../../types/index.js';
import type { CompileContext } from '../compile-context.js';
import { BIGINT_TYPE } from '../literal-types.js';
import { AsyncRowPart } from './async-row-part.js';
import type { BuiltinFunction } from './builtin-function.js';

/** The database and name the call's first argument gives (`seq` or `db.seq`). */
function sequenceName(call: FuncCallExpr, context: CompileContext): { database: string; name: string } {
  const arg = call.args[0];
  if (arg?.kind !== 'ColumnRefExpr' || arg.db !== undefined) throw mysqlError(ER_WRONG_ARGUMENTS, call.name.toUpperCase());
  const database = arg.table ?? context.session.currentDatabase;
  if (database === undefined) throw mysqlError(ER_NO_DB_ERROR);
  return { database, name: arg.column };
}

function sequencesOf(context: CompileContext, name: string): SessionSequences {
  if (!context.session.sequences) throw mysqlError(ER_NOT_SUPPORTED_YET, `${name}() here`);
  return context.session.sequences;
}

/** A sequence function whose value is computed per row, waiting for the allocator where it must. */
function sequenceFunction(
  name: string,
  arity: number,
  call: (sequences: SessionSequences, target: { database: string; name: string }, values: SqlValue[], context: CompileContext) => Promise<SqlValue>,
): [string, BuiltinFunction] {
  return [
    name,
    {
      minArgs: arity,
      maxArgs: arity,
      takesObjectName: true,
      compile: (args, context, callExpr) => {
        const target = sequenceName(callExpr, context);
        const part = AsyncRowPart.register(name, args, context, (values) => call(sequencesOf(context, name), target, values, context));
        return { type: BIGINT_TYPE, isNullable: true, evaluate: (row) => part.get(row) };
      },
    },
  ];
}

export const sequenceFunctions: readonly (readonly [string, BuiltinFunction])[] = [
  sequenceFunction('NEXTVAL', 1, (sequences, target) => sequences.next(target.database, target.name)),
  sequenceFunction('LASTVAL', 1, (sequences, target) => Promise.resolve(sequences.lastValue(target.database, target.name))),
  sequenceFunction('SETVAL', 2, async (sequences, target, [value], context) => {
    const number = toInteger(value ?? null, context.session.warnings);
    return number === null ? null : sequences.set(target.database, target.name, number);
  }),
];

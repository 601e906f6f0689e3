// User-level locking functions: GET_LOCK, RELEASE_LOCK, RELEASE_ALL_LOCKS, IS_FREE_LOCK, IS_USED_LOCK.
// https://dev.mysql.com/doc/refman/8.0/en/locking-functions.html
import { mysqlError, ER_NOT_SUPPORTED_YET, ER_USER_LOCK_WRONG_NAME } from '../../../errors/index.js';
import type { ExecutionContext } from '../../execution-context.js';
import { toInteger, toText } from '../../types/index.js';
import type { SqlValue } from '../../types/index.js';
import type { UserLocks } from '../../user-locks.js';
import type { CompileContext } from '../compile-context.js';
import { BIGINT_TYPE, UNSIGNED_BIGINT_TYPE } from '../literal-types.js';
import { AsyncRowPart } from './async-row-part.js';
import type { BuiltinFunction } from './builtin-function.js';

/** MySQL's limit on a user-level lock name. */
const MAX_NAME_LENGTH = 64;

/** A lock name as the lock service keys it (names compare case-insensitively); 3057 for NULL, '' or > 64 chars. */
function lockName(value: SqlValue): string {
  const text = toText(value);
  if (text === null || text === '' || [...text].length > MAX_NAME_LENGTH) throw mysqlError(ER_USER_LOCK_WRONG_NAME, text ?? 'NULL');
  return text.toLowerCase();
}

function locksOf(session: ExecutionContext, name: string): UserLocks {
  if (!session.userLocks) throw mysqlError(ER_NOT_SUPPORTED_YET, `${name}() here`);
  return session.userLocks;
}

/** A locking function: its value for each row comes from the session's lock service. */
function lockingFunction(
  name: string,
  arity: number,
  isNullable: boolean,
  call: (locks: UserLocks, values: SqlValue[], context: CompileContext) => Promise<SqlValue>,
  type = BIGINT_TYPE,
): [string, BuiltinFunction] {
  return [
    name,
    {
      minArgs: arity,
      maxArgs: arity,
      compile: (args, context) => {
        const part = AsyncRowPart.register(name, args, context, (values) => call(locksOf(context.session, name), values, context));
        return { type, isNullable, evaluate: (row) => part.get(row) };
      },
    },
  ];
}

export const lockingFunctions: readonly (readonly [string, BuiltinFunction])[] = [
  // 1 acquired, 0 timed out, NULL when the wait was killed; a negative timeout waits for ever.
  lockingFunction('GET_LOCK', 2, true, async (locks, [name, timeout], context) => {
    const seconds = toInteger(timeout ?? 0n, context.session.warnings) ?? 0n;
    const timeoutMs = seconds < 0n ? undefined : Number(seconds) * 1000;
    const outcome = await locks.acquire(lockName(name ?? null), timeoutMs, context.session.interruptSignal);
    return outcome === 'acquired' ? 1n : outcome === 'timed-out' ? 0n : null;
  }),
  // 1 released, 0 held by another session, NULL when nobody holds it.
  lockingFunction('RELEASE_LOCK', 1, true, async (locks, [name]) => {
    const outcome = await locks.release(lockName(name ?? null));
    return outcome === 'released' ? 1n : outcome === 'not-owner' ? 0n : null;
  }),
  lockingFunction('RELEASE_ALL_LOCKS', 0, false, async (locks) => BigInt(await locks.releaseAll())),
  lockingFunction('IS_FREE_LOCK', 1, false, async (locks, [name]) => ((await locks.holderOf(lockName(name ?? null))) === undefined ? 1n : 0n)),
  lockingFunction(
    'IS_USED_LOCK',
    1,
    true,
    async (locks, [name]) => {
      const holder = await locks.holderOf(lockName(name ?? null));
      return holder === undefined ? null : BigInt(holder);
    },
    UNSIGNED_BIGINT_TYPE,
  ),
];

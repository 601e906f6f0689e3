// StatementSpec: everything the server knows about one kind of statement — its traits, the privileges it needs and
// who runs it — as one entry of the statement table.
import type { KvEngine } from '../../storage/kv.js';
import type { AccountStore } from '../accounts/account-store.js';
import type { Privileges } from '../accounts/privilege-check.js';
import type { Statement, StatementKind } from '../ast/index.js';
import type { AutoIncrementAllocator, Catalog, SequenceAllocator } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { LateBoundParams, StatementParams } from '../expression/index.js';
import type { ResultColumn, StatementResult } from '../statement-result.js';
import type { ComCounter } from './com-counter.js';
import type { PrivilegeChecker } from './privilege-checker.js';

/** The statement node of kind `K`. */
export type StatementOf<K extends StatementKind> = Extract<Statement, { readonly kind: K }>;

/** What the SQL engine hands a statement's handler: the server-wide SQL services. */
export interface EngineServices {
  readonly kv: KvEngine;
  readonly catalog: Catalog;
  readonly allocator: AutoIncrementAllocator;
  readonly sequences: SequenceAllocator;
  readonly accounts: AccountStore;
  readonly privileges: Privileges;
}

/** A statement planned once and run for each execution of a prepared statement. */
export interface ReusablePlan {
  run(): Promise<StatementResult>;
}

/** Runs a statement in the SQL engine, inside the transaction the context hands over. */
export type EngineHandler<S> = (stmt: S, engine: EngineServices, context: ExecutionContext, params: StatementParams | undefined) => Promise<StatementResult> | StatementResult;

/** The traits every statement kind declares. A trait that depends on the statement's details is a function of it. */
export interface StatementTraits<S> {
  /**
   * Changes the schema or the accounts. The session commits its open transaction first and the statement is its own
   * transaction, as MySQL's implicit commit (CREATE/DROP TEMPORARY TABLE do not commit, as in MySQL).
   */
  readonly isDdl: boolean | ((stmt: S) => boolean);
  /** Changes no data: allowed in a READ ONLY transaction, and reads the transaction's snapshot (no current read). */
  readonly isReadOnly: boolean | ((stmt: S) => boolean);
  /** May be prepared (COM_STMT_PREPARE, PREPARE … FROM). */
  readonly isPreparable: boolean;
  /** The Com_* status counter a statement of this kind counts into. */
  readonly com: ComCounter | ((stmt: S) => ComCounter);
  /** Throws MySQL's access error when the context's account may not run `stmt`; runs before every execution. */
  readonly checkPrivileges: (stmt: S, check: PrivilegeChecker) => void;
}

/** A statement the SQL engine runs. */
export interface EngineStatementSpec<S> extends StatementTraits<S> {
  readonly runsIn: 'engine';
  readonly execute: EngineHandler<S>;
  /**
   * Plans the statement so that the plan runs for every execution of a prepared statement (TiDB's prepared plan
   * cache); `params` are read when it runs. Absent: the kind is planned for each execution.
   */
  readonly planReusable?: (stmt: S, engine: EngineServices, context: ExecutionContext, params: LateBoundParams) => Promise<ReusablePlan>;
  /** The result columns, planned but not run (COM_STMT_PREPARE's column definitions). Absent: no result set. */
  readonly describe?: (stmt: S, engine: EngineServices, context: ExecutionContext, params: StatementParams) => Promise<readonly ResultColumn[]>;
}

/** A statement the session runs itself (it changes session or transaction state); see session/session-statements.ts. */
export interface SessionStatementSpec<S> extends StatementTraits<S> {
  readonly runsIn: 'session';
}

export type StatementSpec<S> = EngineStatementSpec<S> | SessionStatementSpec<S>;

/** One spec per statement kind: a kind without an entry fails to compile. */
export type StatementTable = { readonly [K in StatementKind]: StatementSpec<StatementOf<K>> };

/** A trait's value for `stmt`: the trait itself, or what its function says about `stmt`. */
export function traitOf<T extends boolean | string, S>(trait: T | ((stmt: S) => T), stmt: S): T {
  return typeof trait === 'function' ? trait(stmt) : trait;
}

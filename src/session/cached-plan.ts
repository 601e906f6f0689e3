// CachedPlan: a prepared statement's plan kept between executions, and the key saying when it still applies.
import { Decimal } from 'decimal.js';
import { LateBoundParams, MysqlDateTime, MysqlTime } from '../sql/index.js';
import type { ExecutionContext, ReusablePlan, SqlEngine, SqlValue, Statement, StatementResult } from '../sql/index.js';

/**
 * One plan per prepared statement, as TiDB's prepared plan cache keeps it: valid while the schema, the current
 * database, the session variables and the parameter types are those it was built under.
 */
export interface CachedPlan {
  readonly key: string;
  readonly params: LateBoundParams;
  readonly plan: ReusablePlan;
}

/** What a cached plan depends on besides the values themselves. */
export interface PlanCacheState {
  readonly schemaVersion: number;
  /** The session's temporary tables' version: a plan made before one appeared or went may read the wrong table. */
  readonly temporaryTablesVersion: number;
  readonly database: string | undefined;
  readonly variablesChangeCount: number;
}

/** A prepared statement's place for its cached plan. */
export interface PlanSlot {
  readonly statement: Statement;
  plan: CachedPlan | undefined;
}

/** What running through the plan cache needs from the session. */
export interface PlanCacheSession extends PlanCacheState {
  readonly sql: SqlEngine;
  readonly context: ExecutionContext;
  /** `@@tidb_enable_prepared_plan_cache`. */
  readonly isEnabled: boolean;
}

/**
 * Runs a prepared statement on the plan its previous execution built when that still applies (same schema,
 * database, session variables and parameter types, and the access paths fit the new values); otherwise plans it
 * anew and keeps that plan. Statements the cache cannot hold (planCacheBlocker) are planned for each execution.
 */
export async function runWithPlanCache(
  slot: PlanSlot,
  values: readonly SqlValue[],
  session: PlanCacheSession,
): Promise<{ readonly result: StatementResult; readonly isFromCache: boolean }> {
  const { sql, context } = session;
  const statement = slot.statement;
  if (!session.isEnabled) {
    slot.plan = undefined;
    return { result: await sql.execute(statement, context, values), isFromCache: false };
  }
  const key = cachedPlanKey(session, values);
  const cached = slot.plan;
  if (cached?.key === key && cached.params.rebind(values)) {
    return { result: await sql.runReusable(statement, cached.plan, context), isFromCache: true };
  }
  slot.plan = undefined;
  if (sql.planCacheBlocker(statement, context) !== undefined) return { result: await sql.execute(statement, context, values), isFromCache: false };
  const params = new LateBoundParams(values);
  const plan = await sql.planReusable(statement, context, params);
  slot.plan = { key, params, plan };
  return { result: await plan.run(), isFromCache: false };
}

/** The key a plan for `values` is cached under in `state`. */
function cachedPlanKey(state: PlanCacheState, values: readonly SqlValue[]): string {
  let key = `${state.schemaVersion}.${state.temporaryTablesVersion}|${state.variablesChangeCount}|${state.database ?? ''}|`;
  for (const value of values) key += typeSignature(value);
  return key;
}

/**
 * The parts of a value's type that typing and compiling depend on: its kind, and the scale or fraction digits
 * that result types inherit. String lengths only size result metadata, so they are left out.
 */
function typeSignature(value: SqlValue): string {
  if (value === null) return 'n';
  if (typeof value === 'bigint') return 'i';
  if (typeof value === 'number') return 'f';
  if (typeof value === 'string') return 's';
  if (Buffer.isBuffer(value)) return 'b';
  if (value instanceof MysqlDateTime) return value.kind === 'date' ? 'D' : `T${value.fsp}`;
  if (value instanceof MysqlTime) return `t${value.fsp}`;
  if (value instanceof Decimal) return `d${value.decimalPlaces()}`;
  return '?';
}

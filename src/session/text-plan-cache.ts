// TextPlanCache: TiDB's non-prepared plan cache: text queries with the same digest share one parsed statement and
// one plan, their literals passed as parameter values.
import { digestStatement, literalValue, paramsAreValues, parseSingleStatement } from '../sql/index.js';
import type { SqlValue, Statement } from '../sql/index.js';
import type { PlanSlot } from './cached-plan.js';

/** Digests kept per session, as TiDB's tidb_session_plan_cache_size (default 100). */
const CACHE_SIZE = 100;

/** A text query found in the cache: its parameterised statement (with its cached plan) and this query's values. */
export interface TextPlanHit {
  readonly slot: PlanSlot;
  readonly values: readonly SqlValue[];
}

/**
 * One session's digests. A digest whose `?`s do not all stand for plain values (see paramsAreValues), or whose text
 * does not parse, is remembered as not cacheable, so the next query like it only pays for the digest. What the
 * plan depends on (schema version, database, session variables, value types) is checked on every use by
 * runWithPlanCache, and privileges are checked on every execution, so nothing here needs invalidating.
 */
export class TextPlanCache {
  private readonly entries = new Map<string, PlanSlot | undefined>();

  /** The cached statement for `sql` and its literal values, or undefined to run `sql` the ordinary way. */
  lookup(sql: string): TextPlanHit | undefined {
    const digest = digestStatement(sql);
    if (!digest) return undefined;
    let slot = this.entries.get(digest.text);
    if (slot === undefined) {
      if (this.entries.has(digest.text)) return undefined;
      slot = cacheableSlot(digest.text, digest.literals.length);
      if (this.entries.size >= CACHE_SIZE) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(digest.text, slot);
      if (!slot) return undefined;
    }
    return { slot, values: digest.literals.map(literalValue) };
  }
}

/** The parameterised statement of a digest, or undefined when it may not stand for the original queries. */
function cacheableSlot(text: string, literalCount: number): PlanSlot | undefined {
  let statement: Statement;
  let paramCount: number;
  try {
    ({ statement, paramCount } = parseSingleStatement(text));
  } catch {
    return undefined;
  }
  if (paramCount !== literalCount || !paramsAreValues(statement, paramCount)) return undefined;
  return { statement, plan: undefined };
}

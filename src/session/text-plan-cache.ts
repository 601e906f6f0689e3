// TextPlanCache: TiDB's non-prepared plan cache: text queries with the same digest share one parsed statement and
// one plan, their literals passed as parameter values.
import { literalValue, paramsAreValues, parameterizeStatement, parseSingleStatement } from '../sql/index.js';
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
  /** By digest text: its statement, NOT_CACHEABLE, or SEEN_ONCE (a digest is planned for reuse when it recurs). */
  private readonly entries = new Map<string, PlanSlot | typeof NOT_CACHEABLE | typeof SEEN_ONCE>();

  /** The cached statement for `sql` and its literal values, or undefined to run `sql` the ordinary way. */
  lookup(sql: string): TextPlanHit | undefined {
    const digest = parameterizeStatement(sql);
    if (!digest) return undefined;
    let entry = this.entries.get(digest.text);
    if (entry === NOT_CACHEABLE) return undefined;
    if (entry === undefined || entry === SEEN_ONCE) {
      // A one-off query pays only for its digest; the second one like it parses the digest and keeps the plan.
      const next = entry === undefined ? SEEN_ONCE : (cacheableSlot(digest.text, digest.literals.length) ?? NOT_CACHEABLE);
      if (entry === undefined && this.entries.size >= CACHE_SIZE) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(digest.text, next);
      if (typeof next !== 'object') return undefined;
      entry = next;
    }
    return { slot: entry, values: digest.literals.map(literalValue) };
  }
}

const NOT_CACHEABLE = 'not cacheable';
const SEEN_ONCE = 'seen once';

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

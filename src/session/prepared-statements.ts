// PreparedStatements: one session's prepared statements, by protocol id (COM_STMT_PREPARE) and by SQL name (PREPARE).
import type { ResultColumn, SqlValue, Statement } from '../sql/index.js';
import type { CachedPlan } from './cached-plan.js';

/** A statement parsed once at PREPARE, run many times with new parameter values. */
export interface PreparedStatement {
  /** The protocol statement id; SQL-level statements get one too, from the same sequence. */
  readonly id: number;
  /** The SQL-level name (`PREPARE name FROM …`), or undefined for a protocol statement. */
  readonly name: string | undefined;
  readonly statement: Statement;
  readonly paramCount: number;
  /** The result columns known at PREPARE time (empty when the statement returns no rows). */
  readonly columns: readonly ResultColumn[];
  /** The plan of the last execution, reused while it still applies (see Session.executeWithPlanCache). */
  plan: CachedPlan | undefined;
}

/**
 * The registry itself; the server-wide count against max_prepared_stmt_count is kept by the Session that owns it,
 * because it must see every session's statements.
 */
export class PreparedStatements {
  private readonly byId = new Map<number, PreparedStatement>();
  private readonly byName = new Map<string, PreparedStatement>();
  private lastId = 0;

  get size(): number {
    return this.byId.size;
  }

  nextId(): number {
    return ++this.lastId;
  }

  add(statement: PreparedStatement): void {
    this.byId.set(statement.id, statement);
    if (statement.name !== undefined) this.byName.set(statement.name.toLowerCase(), statement);
  }

  byStatementId(id: number): PreparedStatement | undefined {
    return this.byId.get(id);
  }

  named(name: string): PreparedStatement | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Removes a statement; true when it existed. */
  remove(statement: PreparedStatement): boolean {
    if (!this.byId.delete(statement.id)) return false;
    if (statement.name !== undefined) this.byName.delete(statement.name.toLowerCase());
    return true;
  }

  /** Removes every statement and returns how many there were. */
  clear(): number {
    const count = this.byId.size;
    this.byId.clear();
    this.byName.clear();
    return count;
  }
}
/** Statements that PREPARE accepts: not the prepared-statement statements themselves, as in MySQL. */
export function isPreparable(statement: Statement): boolean {
  return statement.kind !== 'PrepareStmt' && statement.kind !== 'ExecuteStmt' && statement.kind !== 'DeallocateStmt';
}

/** PREPARE … FROM @var takes the variable's text; NULL prepares the text 'NULL', a syntax error, as in MySQL. */
export function textOfValue(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return value.toString();
}

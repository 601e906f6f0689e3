// Test helper: compiles a SQL expression through the real parser and compileExpr, and prints the result as MySQL would.
import assert from 'node:assert/strict';
import { Decimal } from 'decimal.js';
import type { MySqlError } from '../../../../src/errors/index.js';
import type { ExecutionContext } from '../../../../src/sql/execution-context.js';
import { Scope, compileExpr } from '../../../../src/sql/expression/index.js';
import type { CompiledExpr, ScopeColumn } from '../../../../src/sql/expression/index.js';
import { parseSql } from '../../../../src/sql/parser/index.js';
import type { Expr } from '../../../../src/sql/parser/index.js';
import { MysqlDateTime, TypeKind, formatDouble } from '../../../../src/sql/types/index.js';
import type { FieldType, Row, SqlValue } from '../../../../src/sql/types/index.js';

/** MySQL prints a DOUBLE with its type's fixed decimals when they are below this (PI() → 3.141593). */
const NOT_FIXED_DECIMALS = 31;

/** An ExecutionContext double that records warnings and knows the few variables expressions read. */
export class TestSession implements ExecutionContext {
  readonly warningList: MySqlError[] = [];
  readonly warnings = { warn: (error: MySqlError): void => void this.warningList.push(error) };
  readonly currentDatabase = 'test';
  readonly isFoundRowsMode = false;
  readonly isStrictMode = true;
  readonly isOnlyFullGroupBy = false;
  readonly connectionId = 7;
  readonly user = 'root@localhost';
  readonly currentUser = 'root@%';
  readonly privilegeAccount = undefined;
  readonly lockingRead = undefined;
  lastInsertId = 0n;
  private readonly userVariables = new Map<string, SqlValue>();

  get warningCount(): number {
    return this.warningList.length;
  }

  lockKeys(): Promise<void> {
    return Promise.resolve();
  }

  transaction(): never {
    throw new Error('expressions under test do not open transactions');
  }

  systemVariable(name: string): SqlValue {
    const variables: Record<string, SqlValue> = { div_precision_increment: 4n, max_allowed_packet: 67_108_864n, version: '8.0.36-TidalDB', collation_connection: 'utf8mb4_bin', time_zone: 'SYSTEM', regexp_time_limit: 32n, server_id: 1n, default_week_format: 0n };
    const value = variables[name.toLowerCase()];
    if (value === undefined) throw new Error(`unknown variable ${name}`);
    return value;
  }

  userVariable(name: string): SqlValue {
    return this.userVariables.get(name) ?? null;
  }

  setUserVariable(name: string, value: SqlValue): void {
    this.userVariables.set(name, value);
  }
}

/** The expression of `SELECT <text>`. */
export function parseExpr(text: string): Expr {
  const [statement] = parseSql(`SELECT ${text}`);
  if (statement?.kind !== 'SelectStmt') throw new Error(`not a SELECT: ${text}`);
  const item = statement.items[0];
  if (item?.kind !== 'SelectExprItem') throw new Error(`no expression in: ${text}`);
  return item.expr;
}

/** Compiles `text` against `columns` (none by default) for `session`. */
export function compileSql(text: string, session: ExecutionContext = new TestSession(), columns: readonly ScopeColumn[] = []): CompiledExpr {
  return compileExpr(parseExpr(text), { scope: new Scope(columns), clause: 'field list', session });
}

/** A value as the mysql client prints it: NULL, integers, DECIMAL with its type's scale, dates, text. */
export function printValue(value: SqlValue, type: FieldType): string {
  if (value === null) return 'NULL';
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Decimal) return type.kind === TypeKind.Decimal ? value.toFixed(Math.max(type.decimals, 0)) : value.toFixed();
  if (typeof value === 'number') return type.decimals >= 0 && type.decimals < NOT_FIXED_DECIMALS ? value.toFixed(type.decimals) : formatDouble(value);
  if (value instanceof MysqlDateTime) return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return value.toString();
}

/** Evaluates a constant SQL expression and prints the result. */
export function evaluateSql(text: string, session: ExecutionContext = new TestSession()): string {
  const compiled = compileSql(text, session);
  return printValue(compiled.evaluate([]), compiled.type);
}

/** Evaluates `text` over one row of `columns`, so that nothing is constant-folded. */
export function evaluateOverRow(text: string, columns: readonly ScopeColumn[], row: Row, session: ExecutionContext = new TestSession()): string {
  const compiled = compileSql(text, session, columns);
  return printValue(compiled.evaluate(row), compiled.type);
}

/** One data-driven case: SQL expression text and the value MySQL prints for it. */
export type ExprCase = readonly [sql: string, expected: string];

/** Asserts every case, reporting the failing expression. */
export function assertCases(cases: readonly ExprCase[]): void {
  for (const [sql, expected] of cases) assert.equal(evaluateSql(sql), expected, sql);
}

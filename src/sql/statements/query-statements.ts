// Statement specs of queries and data changes: SELECT, INSERT, UPDATE, DELETE, EXPLAIN, DESCRIBE, SHOW, DO.
import { showColumns } from '../executor/describe-executor.js';
import { executeExplain } from '../executor/explain-executor.js';
import { executeInsert, buildInsert } from '../executor/insert-executor.js';
import { executeQuery, buildQuery } from '../executor/select-executor.js';
import { executeSelectInto } from '../executor/select-into-executor.js';
import { executeDelete, executeUpdate, buildDelete, buildUpdate } from '../executor/update-executor.js';
import type { ExplainableStmt, QueryExpr, SelectStmt } from '../ast/index.js';
import { OK_NOTHING } from '../statement-result.js';
import { filterShowResult } from './show-filter.js';
import { showSpec } from './show-table.js';
import { traitOf } from './statement-spec.js';
import type { EngineStatementSpec, StatementOf, StatementSpec } from './statement-spec.js';

/** SELECT, UNION and VALUES: read-only queries with a result set, plannable once for a prepared statement. */
function querySpec<S extends QueryExpr>(): EngineStatementSpec<S> {
  return {
    runsIn: 'engine',
    isDdl: false,
    isReadOnly: true,
    isPreparable: true,
    com: 'Com_select',
    checkPrivileges: (stmt, check) => check.reads(stmt),
    execute: (stmt, engine, context, params) => executeQuery(stmt, engine.catalog, context, params),
    planReusable: async (stmt, engine, context, params) => {
      const planned = await buildQuery(stmt, engine.catalog, context, params);
      return { run: () => planned.run() };
    },
    describe: async (stmt, engine, context, params) => (await buildQuery(stmt, engine.catalog, context, params)).columns,
  };
}

export const QUERY_STATEMENTS = {
  SelectStmt: {
    ...querySpec<SelectStmt>(),
    // SELECT … INTO @a stores its row instead of returning it (its plan is never cached: plan-cache-blocker.ts).
    execute: (stmt, engine, context, params) => (stmt.into ? executeSelectInto(stmt, engine.catalog, context, params) : executeQuery(stmt, engine.catalog, context, params)),
    describe: async (stmt, engine, context, params) => (stmt.into ? [] : (await buildQuery(stmt, engine.catalog, context, params)).columns),
  },
  UnionStmt: querySpec(),
  ValuesStmt: querySpec(),
  InsertStmt: {
    runsIn: 'engine',
    isDdl: false,
    isReadOnly: false,
    isPreparable: true,
    com: (stmt) => (stmt.isReplace ? (stmt.source.kind === 'select' ? 'Com_replace_select' : 'Com_replace') : stmt.source.kind === 'select' ? 'Com_insert_select' : 'Com_insert'),
    checkPrivileges: (stmt, check) => {
      check.table('INSERT', stmt.table);
      if (stmt.isReplace) check.table('DELETE', stmt.table);
      if (stmt.onDuplicate !== undefined) check.table('UPDATE', stmt.table);
      check.reads(stmt);
    },
    execute: (stmt, engine, context, params) => executeInsert(stmt, engine.catalog, engine.allocator, context, params),
    planReusable: (stmt, engine, context, params) => buildInsert(stmt, engine.catalog, engine.allocator, context, params),
  },
  UpdateStmt: {
    runsIn: 'engine',
    isDdl: false,
    isReadOnly: false,
    isPreparable: true,
    com: (stmt) => (stmt.tables.length === 1 && stmt.tables[0]?.kind === 'TableNameRef' ? 'Com_update' : 'Com_update_multi'),
    checkPrivileges: (stmt, check) => {
      for (const name of check.tablesOf(stmt.tables)) check.table('UPDATE', name);
      check.reads({ ...stmt, tables: [] });
    },
    execute: (stmt, engine, context, params) => executeUpdate(stmt, engine.catalog, context, params),
    planReusable: (stmt, engine, context, params) => Promise.resolve(buildUpdate(stmt, engine.catalog, context, params)),
  },
  DeleteStmt: {
    runsIn: 'engine',
    isDdl: false,
    isReadOnly: false,
    isPreparable: true,
    com: (stmt) => (stmt.from ? 'Com_delete_multi' : 'Com_delete'),
    checkPrivileges: (stmt, check) => {
      for (const name of stmt.targets) check.table('DELETE', name);
      check.reads(stmt, stmt.targets);
    },
    execute: (stmt, engine, context, params) => executeDelete(stmt, engine.catalog, context, params),
    planReusable: (stmt, engine, context, params) => Promise.resolve(buildDelete(stmt, engine.catalog, context, params)),
  },
  ExplainStmt: {
    runsIn: 'engine',
    isDdl: false,
    // EXPLAIN ANALYZE runs the statement.
    isReadOnly: (stmt) => !stmt.isAnalyze || traitOf(explained(stmt.stmt).isReadOnly, stmt.stmt),
    isPreparable: true,
    // MySQL counts an EXPLAIN as the statement it explains.
    com: (stmt) => traitOf(explained(stmt.stmt).com, stmt.stmt),
    checkPrivileges: (stmt, check) => explained(stmt.stmt).checkPrivileges(stmt.stmt, check),
    execute: (stmt, engine, context, params) => executeExplain(stmt, engine.catalog, engine.allocator, context, params),
  },
  DescribeStmt: {
    runsIn: 'engine',
    isDdl: false,
    isReadOnly: true,
    isPreparable: true,
    com: 'Com_show_fields',
    checkPrivileges: (stmt, check) => check.tableAccess('SELECT', stmt.table.db, stmt.table.name),
    execute: (stmt, engine, context) => showColumns(engine.catalog, context, { table: stmt.table }, stmt.column),
  },
  ShowStmt: {
    runsIn: 'engine',
    isDdl: false,
    isReadOnly: true,
    isPreparable: true,
    com: (stmt) => showSpec(stmt).com,
    checkPrivileges: (stmt, check) => showSpec(stmt).checkPrivileges?.(stmt, check),
    execute: async (stmt, engine, context, params) => {
      const spec = showSpec(stmt);
      if (spec.runsIn !== 'engine') throw new Error(`SHOW ${stmt.target} is answered by the session`);
      return filterShowResult(await spec.execute(stmt, engine, context, params), stmt.where, context);
    },
  },
  DoStmt: {
    runsIn: 'engine',
    isDdl: false,
    isReadOnly: true,
    isPreparable: true,
    com: 'Com_do',
    checkPrivileges: (stmt, check) => check.reads(stmt),
    // DO is SELECT without the result: run as one, so subqueries and SLEEP() work as in a field list.
    execute: async (stmt, engine, context, params) => {
      const items = stmt.exprs.map((expr) => ({ kind: 'SelectExprItem' as const, expr, text: '' }));
      const planned = await buildQuery({ kind: 'SelectStmt', text: stmt.text, isDistinct: false, items }, engine.catalog, context, params);
      for await (const batch of (await planned.run()).rows) void batch;
      return OK_NOTHING;
    },
  },
} as const satisfies { [K in 'SelectStmt' | 'UnionStmt' | 'ValuesStmt' | 'InsertStmt' | 'UpdateStmt' | 'DeleteStmt' | 'ExplainStmt' | 'DescribeStmt' | 'ShowStmt' | 'DoStmt']: StatementSpec<StatementOf<K>> };

/** The spec of a statement EXPLAIN shows. */
function explained(stmt: ExplainableStmt): StatementSpec<ExplainableStmt> {
  return QUERY_STATEMENTS[stmt.kind] as StatementSpec<ExplainableStmt>;
}

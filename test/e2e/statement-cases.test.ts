// End-to-end: the statement-table behaviour cases in test/sql/statement-cases.ts, through mysql2's text protocol.
import { STATEMENT_CASES, STATEMENT_SETUP } from '../sql/statement-cases.js';
import { runSqlCases } from './helpers/sql-case-runner.js';

runSqlCases('statement table cases', STATEMENT_SETUP, STATEMENT_CASES);

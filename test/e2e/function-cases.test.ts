// End-to-end: the built-in function cases in test/sql/function-cases.ts, through mysql2's text protocol.
import { FUNCTION_CASES, FUNCTION_SETUP } from '../sql/function-cases.js';
import { runSqlCases } from './helpers/sql-case-runner.js';

runSqlCases('built-in function cases', FUNCTION_SETUP, FUNCTION_CASES);

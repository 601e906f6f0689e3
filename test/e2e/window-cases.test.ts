// End-to-end: the window function behaviour table in test/sql/window-cases.ts, through mysql2's text protocol.
import { SETUP, WINDOW_CASES } from '../sql/window-cases.js';
import { runSqlCases } from './helpers/sql-case-runner.js';

runSqlCases('window function cases', SETUP, WINDOW_CASES);

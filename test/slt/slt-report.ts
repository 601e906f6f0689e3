// Formats run-slt's output: one summary line per file, its first failures, and the totals line.
import type { RecordFailure } from './slt-runner.js';

const LIMITS = { sqlChars: 400, resultLines: 12 } as const;

/** `path: N passed, M failed (T s)`. */
export function fileSummaryLine(path: string, passed: number, failed: number, seconds: number): string {
  return `${path}: ${passed} passed, ${failed} failed (${seconds.toFixed(1)} s)`;
}

/** The last line of a run, exactly `N passed, M failed`. */
export function totalLine(passed: number, failed: number): string {
  return `${passed} passed, ${failed} failed`;
}

/** A failure as indented lines: `path:line: reason`, the SQL, and expected vs got when the result differed. */
export function failureLines(path: string, failure: RecordFailure): string[] {
  const lines = [`  ${path}:${failure.line}: ${failure.reason}`, ...block('sql', clip(failure.sql, LIMITS.sqlChars))];
  if (failure.expected !== undefined) lines.push(...block('expected', firstLines(failure.expected)));
  if (failure.actual !== undefined) lines.push(...block('got', firstLines(failure.actual)));
  return lines;
}

function block(title: string, text: string): string[] {
  const body = text === '' ? ['(nothing)'] : text.split('\n');
  return [`    ${title}:`, ...body.map((l) => `      ${l}`)];
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function firstLines(text: string): string {
  const lines = text.split('\n');
  return lines.length > LIMITS.resultLines
    ? [...lines.slice(0, LIMITS.resultLines), `… (${lines.length} lines)`].join('\n')
    : text;
}

// Sizes of the reliability suite: a short form inside `npm test`, the full form under `npm run test:reliability`.
import { readFileSync } from 'node:fs';

/** True under `npm run test:reliability` (RELIABILITY_FULL=1). */
export const isFullRun = process.env.RELIABILITY_FULL === '1';

/** `full` in the full run, `short` inside `npm test`. */
export function scaled(short: number, full: number): number {
  return isFullRun ? full : short;
}

/** Prints one figure of the suite, in a form the closing note can quote. */
export function report(figure: string, value: string | number): void {
  process.stdout.write(`reliability: ${figure}: ${value}\n`);
}

/** Resident memory of process `pid` in bytes (Linux /proc). */
export function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:')) ?? 'VmRSS: 0 kB';
  return Number(/(\d+)/.exec(line)?.[1] ?? 0) * 1024;
}

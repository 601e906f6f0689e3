// Validates Prometheus text exposition with the real `promtool check metrics` (Debian's prometheus package).
import { execFile } from 'node:child_process';

/**
 * prom-client's own default gauges end in `_total`, which promtool's linter flags; they are prom-client's names,
 * not ours, so these findings (and only these) are tolerated.
 */
const TOLERATED = /^nodejs_active_(handles|requests|resources)_total non-counter metrics should not have "_total" suffix$/;

/** Problems promtool reports: a parse error, or lint findings other than the tolerated ones. */
export function promtoolProblems(exposition: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile('promtool', ['check', 'metrics'], { timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? -1 : 0;
      if (code === -1) {
        reject(error ?? new Error('promtool failed'));
        return;
      }
      const lines = `${stdout}\n${stderr}`.split('\n').map((line) => line.trim()).filter((line) => line !== '');
      resolve(lines.filter((line) => !TOLERATED.test(line)));
    });
    child.stdin?.end(exposition);
  });
}

/** The value of the sample `name` whose labels include `labels`, or undefined when there is none. */
export function sample(exposition: string, name: string, labels: Readonly<Record<string, string>> = {}): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null || match[1] !== name) continue;
    const found = new Map([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (Object.entries(labels).every(([key, value]) => found.get(key) === value)) return Number(match[3]);
  }
  return undefined;
}

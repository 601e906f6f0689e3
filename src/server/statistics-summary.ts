// statisticsSummary: COM_STATISTICS' one-line answer, in mysqld's format.
import type { StatusVariables } from '../session/variables/index.js';

/** `Uptime: …  Threads: …  Questions: …` as `mysqladmin status` prints it. */
export function statisticsSummary(status: StatusVariables): string {
  const value = (name: string): number => Number(status.list('global', name)[0]?.[1] ?? 0);
  const uptime = Math.max(value('Uptime'), 1);
  const questions = value('Questions');
  const qps = (questions / uptime).toFixed(3);
  return `Uptime: ${uptime}  Threads: ${value('Threads_connected')}  Questions: ${questions}  Slow queries: 0  Opens: 0  Flush tables: 0  Open tables: 0  Queries per second avg: ${qps}`;
}

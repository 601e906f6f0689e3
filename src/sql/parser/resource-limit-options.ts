// The `WITH MAX_…` account options of CREATE/ALTER USER and the limit each sets, in the order MySQL prints them.
import type { ResourceLimits } from '../ast/index.js';

/** Option word → the `ResourceLimits` field it sets. */
export const RESOURCE_LIMIT_OPTIONS = {
  MAX_QUERIES_PER_HOUR: 'maxQuestions',
  MAX_UPDATES_PER_HOUR: 'maxUpdates',
  MAX_CONNECTIONS_PER_HOUR: 'maxConnections',
  MAX_USER_CONNECTIONS: 'maxUserConnections',
} as const satisfies Record<string, keyof ResourceLimits>;

/** `WITH MAX_QUERIES_PER_HOUR 10 …` for the limits set (non-zero ones only when `isNonZeroOnly`), or ''. */
export function formatResourceLimits(limits: Partial<ResourceLimits>, isNonZeroOnly: boolean): string {
  const parts = Object.entries(RESOURCE_LIMIT_OPTIONS).flatMap(([word, field]) => {
    const value = limits[field];
    return value === undefined || (isNonZeroOnly && value === 0) ? [] : [`${word} ${value}`];
  });
  return parts.length === 0 ? '' : ` WITH ${parts.join(' ')}`;
}

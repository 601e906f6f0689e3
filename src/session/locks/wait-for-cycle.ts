// closesWaitCycle: whether a new wait-for edge would close a cycle, given every waiter's published edges.

/**
 * True when `requester`, about to wait for `blockers`, is reachable from them through `edges` (waiter → the holders
 * it waits for): its wait would then close a cycle and it is the deadlock's victim, as the last to join it.
 */
export function closesWaitCycle(
  edges: ReadonlyMap<string, readonly string[]>,
  requester: string,
  blockers: readonly string[],
): boolean {
  const pending = [...blockers];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current === requester) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const next of edges.get(current) ?? []) pending.push(next);
  }
  return false;
}

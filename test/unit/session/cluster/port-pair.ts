// An in-memory pair of connected MessagePorts for tests of what runs over the cluster channel.
import type { MessagePort } from '../../../../src/session/cluster/cluster-rpc.js';

/** Two connected ports that deliver asynchronously and in order, as an IPC channel does. */
export function portPair(): { readonly left: MessagePort; readonly right: MessagePort } {
  const listeners = { left: [] as ((message: unknown) => void)[], right: [] as ((message: unknown) => void)[] };
  const port = (self: 'left' | 'right', other: 'left' | 'right'): MessagePort => ({
    send: (message) => {
      const copy = structuredClone(message);
      setTimeout(() => {
        for (const listener of listeners[other]) listener(copy);
      }, 1);
    },
    onMessage: (listener) => {
      listeners[self].push(listener);
      return () => listeners[self].splice(listeners[self].indexOf(listener), 1);
    },
  });
  return { left: port('left', 'right'), right: port('right', 'left') };
}

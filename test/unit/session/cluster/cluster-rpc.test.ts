// Checks ClusterRpc over an in-memory port pair: answers (in whatever order handlers finish) and MySQL errors cross
// intact, notes run in the order they were sent, and a closed channel fails what still waits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClusterRpc, RpcClosedError } from '../../../../src/session/cluster/cluster-rpc.js';
import { portPair } from './port-pair.js';
import { ER_LOCK_WAIT_TIMEOUT, MySqlError, mysqlError } from '../../../../src/errors/index.js';

void describe('ClusterRpc', () => {
  void it('answers each request, a slow one after quicker ones, and carries MySQL errors intact', async () => {
    const { left, right } = portPair();
    const asking = new ClusterRpc(left);
    const answering = new ClusterRpc(right);
    answering.handle('double', (n: number) => n * 2);
    answering.handle('slow', async (n: bigint) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return n + 1n;
    });
    answering.handle('fail', () => {
      throw mysqlError(ER_LOCK_WAIT_TIMEOUT);
    });
    const answers = Promise.all([asking.request('double', 1), asking.request('slow', 10n), asking.request('double', 3)]);
    const failed = assert.rejects(asking.request('fail', undefined), (error: unknown) => error instanceof MySqlError && error.code === ER_LOCK_WAIT_TIMEOUT.code);
    assert.deepEqual(await answers, [2, 11n, 6]);
    await failed;
    asking.close();
    answering.close();
  });

  void it('runs notes in the order they were sent, and fails a request still waiting when the channel closes', async () => {
    const { left, right } = portPair();
    const sending = new ClusterRpc(left);
    const receiving = new ClusterRpc(right);
    const seen: number[] = [];
    receiving.handle('note', (n: number) => seen.push(n));
    sending.notify('note', 1);
    sending.notify('note', 2);
    await new Promise((resolve) => setImmediate(resolve));
    sending.notify('note', 3);
    sending.notify('note', 4);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(seen, [1, 2, 3, 4]);
    receiving.handle('never', () => new Promise(() => undefined));
    const waiting = sending.request('never', undefined);
    sending.close();
    await assert.rejects(waiting, RpcClosedError);
    await assert.rejects(sending.request('note', 5), RpcClosedError);
    receiving.close();
  });
});
